/**
 * The access token's verdicts as pass/fail rows (signature, issuer, audience, lifetime, scope,
 * type, introspection), derived from the token-inspection step's findings and the decoded claims.
 * The engine reports problems (and a valid signature); a check with no finding passes when the
 * token carries the value the check looks at.
 */
import { isPhraseReference } from '../engine/checks/phrase-reference.js';
import type { TokenInspectionData } from '../engine/flow-data.js';
import type { Finding, Severity } from '../engine/types.js';
import { isStringArray } from './claims.js';

export type TokenCheckId = 'signature' | 'issuer' | 'audience' | 'lifetime' | 'scope' | 'type' | 'introspection';

export type TokenCheckStatus = 'pass' | 'fail' | 'warn' | 'info' | 'not-checked';

export interface TokenCheck {
  id: TokenCheckId;
  status: TokenCheckStatus;
  /** What the token says for this check (`iss`, `aud`, `scope`, `typ`…), when it says something. */
  value?: string;
  /** The findings behind the verdict, worst first. */
  findings: Finding[];
  /** Signature only: the key id from the JOSE header and the JWK Set the key was looked up in. */
  keyId?: string;
  jwksUrl?: string;
}

/** The finding ids that speak to each check. */
const CHECK_FINDINGS: Readonly<Record<TokenCheckId, readonly string[]>> = {
  signature: [
    'token.alg-none',
    'token.signature-invalid',
    'token.signing-key-not-found',
    'token.jwks-unusable',
    'token.signature-unverifiable',
    'token.no-jwks-uri',
    'token.signature-valid',
  ],
  issuer: ['token.issuer-mismatch', 'token.issuer-missing'],
  audience: ['token.audience-mismatch', 'token.audience-not-exact', 'token.audience-missing'],
  lifetime: ['token.expired', 'token.not-yet-valid', 'token.expiry-missing', 'token.long-lived'],
  scope: ['token.scope-missing', 'token.scope-claim-missing'],
  type: ['token.typ-not-at-jwt'],
  introspection: ['token.introspection-failed', 'token.introspection-inactive', 'token.introspection-unavailable'],
};

const SEVERITY_STATUS: Record<Severity, TokenCheckStatus> = { error: 'fail', warning: 'warn', info: 'info' };
const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export function tokenChecks(inspection: TokenInspectionData | undefined, findings: readonly Finding[]): TokenCheck[] {
  if (!inspection) return [];
  const hasIntrospection = inspection.introspection !== undefined || findings.some((f) => CHECK_FINDINGS.introspection.includes(f.id));
  // Introspection members use the claim names (RFC 7662 §2.2); for an opaque token they are all there is.
  const claims = inspection.format === 'jwt' ? inspection.claims : inspection.introspection;
  // An opaque token nobody introspected says nothing to check; the panel explains that once.
  if (inspection.format === 'opaque' && !hasIntrospection) return [];
  const checks: TokenCheck[] = [];

  if (inspection.format === 'jwt') checks.push(signatureCheck(inspection, findings));
  checks.push(claimCheck('issuer', findings, claims, textValue(claims?.iss)));
  checks.push(claimCheck('audience', findings, claims, listValue(claims?.aud)));
  checks.push(claimCheck('lifetime', findings, claims, typeof claims?.exp === 'number' ? String(claims.exp) : undefined));
  checks.push(claimCheck('scope', findings, claims, textValue(claims?.scope) ?? listValue(claims?.scp)));
  if (inspection.format === 'jwt') checks.push(claimCheck('type', findings, inspection.header, textValue(inspection.header?.typ)));
  if (hasIntrospection) {
    const active = inspection.introspection?.active;
    checks.push(claimCheck('introspection', findings, inspection.introspection, active === undefined ? undefined : JSON.stringify(active)));
  }
  return checks;
}

function signatureCheck(inspection: TokenInspectionData, findings: readonly Finding[]): TokenCheck {
  const related = relatedFindings('signature', findings);
  const withParams = related.find((f) => f.params?.url !== undefined);
  // A kid param that is a phrase reference stands for "(none)".
  const kid = textValue(inspection.header?.kid) ?? related.find((f) => f.params?.kid && !isPhraseReference(f.params.kid))?.params?.kid;
  const status: TokenCheckStatus =
    inspection.signature === 'valid' ? 'pass' : inspection.signature === 'invalid' ? 'fail' : inspection.signature === 'unverified' ? 'warn' : worstStatus(related);
  return {
    id: 'signature',
    status,
    ...(inspection.signature ? { value: inspection.signature } : {}),
    findings: related,
    ...(kid ? { keyId: kid } : {}),
    ...(withParams?.params?.url ? { jwksUrl: withParams.params.url } : {}),
  };
}

function claimCheck(id: TokenCheckId, findings: readonly Finding[], source: Record<string, unknown> | undefined, value: string | undefined): TokenCheck {
  const related = relatedFindings(id, findings);
  let status: TokenCheckStatus;
  if (related.length > 0) status = worstStatus(related);
  else if (id === 'introspection') status = value === 'true' ? 'pass' : 'not-checked';
  else status = source && value !== undefined ? 'pass' : 'not-checked';
  return { id, status, ...(value !== undefined ? { value } : {}), findings: related };
}

function relatedFindings(id: TokenCheckId, findings: readonly Finding[]): Finding[] {
  return findings.filter((f) => CHECK_FINDINGS[id].includes(f.id)).sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
}

/** A passing check (`token.signature-valid`) is info in the catalogue but a pass here. */
function worstStatus(sorted: readonly Finding[]): TokenCheckStatus {
  const worst = sorted[0];
  if (!worst) return 'not-checked';
  if (worst.id === 'token.signature-valid') return 'pass';
  return SEVERITY_STATUS[worst.severity];
}

function textValue(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function listValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (isStringArray(value)) return value.join(' ');
  return undefined;
}
