/**
 * Known-server hints: for each product a run is recognised as, the findings of the run that
 * product is known to cause, turned into that product's fix steps. Computed from the session
 * alone (report time, no network), so a saved session gets the same hints as the live run.
 */
import type { Session } from '../session.js';
import type { Finding } from '../types.js';
import { CLUE_TEXTS, HINT_TEXTS, PRODUCT_NAMES, RECOGNITION_HEADINGS, SHAPE_NOTES, type HintId, type HintLanguage } from './hint-texts.js';
import { recogniseServers, type Certainty, type Clue, type ProductId, type Recognition } from './recognise.js';

export { recogniseServers, type Recognition, type ProductId } from './recognise.js';

interface HintRule {
  id: HintId;
  product: ProductId;
  /** The finding ids the hint explains; it is given only when the run has one of them. */
  explains: readonly string[];
  /** A further condition on those findings (the error a refusal names). */
  when?: (findings: Finding[]) => boolean;
}

const NO_REGISTRATION = ['registration.no-path', 'registration.dcr-unsupported'];
const REGISTRATION_REFUSED = ['registration.dcr-rejected', 'registration.dcr-status-not-201'];
const AUDIENCE = ['token.audience-mismatch', 'token.resource-ignored', 'token.audience-missing', 'mcp.token-rejected'];
const RESOURCE_PARAMETER_REFUSED = ['authorization.error-response', 'token.error-response'];

/** Whether a finding's params mention `pattern` (error codes and descriptions). */
const mentions = (pattern: RegExp) => (findings: Finding[]) => findings.some((f) => Object.values(f.params ?? {}).some((v) => pattern.test(v)));

const ALLOWED_SCOPES = /Allowed Client Scopes|Not permitted to use specified clientScope/i;

export const HINT_RULES: readonly HintRule[] = [
  // Keycloak's anonymous registration policies refuse with 403; Trusted Hosts is the one every new realm has.
  {
    id: 'keycloak.trusted-hosts',
    product: 'keycloak',
    explains: REGISTRATION_REFUSED,
    when: (findings) => mentions(/Trusted Hosts|Host not trusted|URL doesn't match/i)(findings) || (mentions(/^403$/)(findings) && !mentions(ALLOWED_SCOPES)(findings)),
  },
  { id: 'keycloak.allowed-client-scopes', product: 'keycloak', explains: ['registration.advertised-scope-refused', ...REGISTRATION_REFUSED], when: mentions(ALLOWED_SCOPES) },
  { id: 'keycloak.audience-mapper', product: 'keycloak', explains: AUDIENCE },
  { id: 'keycloak.realm-paths', product: 'keycloak', explains: ['asm.not-found', 'asm.issuer-mismatch', 'asm.issuer-not-identical', 'prm.invalid-authorization-server'] },
  { id: 'keycloak.pre-register', product: 'keycloak', explains: NO_REGISTRATION },
  { id: 'entra.resource-refused', product: 'entra', explains: RESOURCE_PARAMETER_REFUSED, when: mentions(/AADSTS901002|AADSTS9010010|'resource' request parameter|invalid_target/i) },
  { id: 'entra.pre-register', product: 'entra', explains: [...NO_REGISTRATION, ...REGISTRATION_REFUSED] },
  { id: 'entra.audience', product: 'entra', explains: [...AUDIENCE, 'token.issuer-mismatch'] },
  { id: 'entra.pkce-not-advertised', product: 'entra', explains: ['asm.pkce-unsupported'] },
  { id: 'auth0.enable-dcr', product: 'auth0', explains: [...NO_REGISTRATION, ...REGISTRATION_REFUSED] },
  { id: 'auth0.audience', product: 'auth0', explains: [...AUDIENCE, 'token.opaque'] },
  { id: 'okta.pre-register', product: 'okta', explains: [...NO_REGISTRATION, ...REGISTRATION_REFUSED] },
  { id: 'okta.audience', product: 'okta', explains: AUDIENCE },
  { id: 'cognito.pre-register', product: 'cognito', explains: [...NO_REGISTRATION, ...REGISTRATION_REFUSED] },
  { id: 'cognito.audience', product: 'cognito', explains: AUDIENCE },
  { id: 'cognito.pkce-not-advertised', product: 'cognito', explains: ['asm.pkce-unsupported'] },
  { id: 'google.pre-register', product: 'google', explains: [...NO_REGISTRATION, ...REGISTRATION_REFUSED] },
  { id: 'google.audience', product: 'google', explains: [...AUDIENCE, 'token.opaque'] },
  { id: 'github.no-metadata', product: 'github', explains: ['asm.not-found', 'asm.default-endpoints', 'asm.oauth-metadata-missing'] },
  { id: 'github.pre-register', product: 'github', explains: [...NO_REGISTRATION, ...REGISTRATION_REFUSED] },
  { id: 'mcp-sdk.issuer-and-resource', product: 'mcp-sdk', explains: ['asm.issuer-mismatch', 'asm.issuer-not-identical', 'prm.resource-mismatch', 'prm.resource-parent'] },
  { id: 'mcp-sdk.audience', product: 'mcp-sdk', explains: AUDIENCE },
  { id: 'fastmcp.redirect-uris', product: 'fastmcp', explains: ['registration.dcr-rejected', 'authorization.error-response', 'authorization.redirect-uri-not-reached'] },
  { id: 'fastmcp.base-url', product: 'fastmcp', explains: ['asm.issuer-mismatch', 'prm.resource-mismatch', 'prm.not-found', 'asm.not-found'] },
  { id: 'better-auth.discovery', product: 'better-auth', explains: ['asm.not-found', 'asm.oauth-metadata-missing', 'asm.issuer-mismatch', 'prm.not-found', 'prm.resource-mismatch'] },
  { id: 'better-auth.registration', product: 'better-auth', explains: [...NO_REGISTRATION, 'registration.cimd-unsupported', 'authorization.redirect-uri-not-reached'] },
  { id: 'cloudflare.resource-metadata', product: 'cloudflare', explains: ['prm.resource-mismatch', 'prm.resource-parent'] },
  { id: 'cloudflare.cimd', product: 'cloudflare', explains: ['registration.cimd-unsupported'] },
];

export interface Hint {
  id: HintId;
  product: ProductId;
  certainty: Certainty;
  /** The run's findings this hint explains. */
  findingIds: string[];
  /** Values for the steps' placeholders, from the run. */
  params: Record<string, string>;
}

export interface KnownServerHints {
  recognised: Recognition[];
  hints: Hint[];
}

/** Recognises the run's servers and gives the hints that explain its findings. */
export function knownServerHints(session: Session): KnownServerHints {
  const recognised = recogniseServers(session);
  const findings = session.results.flatMap((r) => r.findings);
  const ids = new Set(findings.map((f) => f.id));
  const base = baseParams(session);
  const hints: Hint[] = [];
  for (const recognition of recognised) {
    for (const rule of HINT_RULES) {
      if (rule.product !== recognition.product) continue;
      const explained = unique(rule.explains.filter((id) => ids.has(id)));
      if (explained.length === 0) continue;
      if (rule.when && !rule.when(findings.filter((f) => explained.includes(f.id)))) continue;
      hints.push({ id: rule.id, product: rule.product, certainty: recognition.certainty, findingIds: explained, params: { ...base, ...recognition.facts } });
    }
  }
  return { recognised, hints };
}

/** The hints of a run: each names its product, the findings it explains and the fix steps' values. */
export function hintsFor(session: Session): Hint[] {
  return knownServerHints(session).hints;
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

function baseParams(session: Session): Record<string, string> {
  const { data, options } = session;
  return {
    resource: data.protectedResource?.resource ?? options.serverUrl,
    issuer: data.authorizationServer?.metadata.issuer ?? data.protectedResource?.authorizationServers[0] ?? '<issuer>',
    redirectUri: data.client?.redirectUri ?? options.redirectUri,
    realm: '<realm>',
    realmUrl: '<issuer>',
    tenant: '<tenant>',
    userPool: '<user pool>',
    upstream: '<upstream provider>',
    upstreamCallback: '<base_url>/auth/callback',
  };
}

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export interface RenderedClue {
  kind: Clue['kind'];
  text: string;
}

export interface RenderedRecognition {
  product: ProductId;
  productName: string;
  certainty: Certainty;
  heading: string;
  /** Said when only the shape matched. */
  note?: string;
  clues: RenderedClue[];
}

export interface RenderedHint {
  id: HintId;
  product: ProductId;
  productName: string;
  certainty: Certainty;
  findingIds: string[];
  title: string;
  steps: string[];
}

function renderRecognition(recognition: Recognition, language: HintLanguage): RenderedRecognition {
  const productName = PRODUCT_NAMES[recognition.product][language];
  const heading = fill(RECOGNITION_HEADINGS[language][recognition.certainty], { product: productName });
  return {
    product: recognition.product,
    productName,
    certainty: recognition.certainty,
    heading,
    ...(recognition.certainty === 'shape' ? { note: fill(SHAPE_NOTES[language], { product: productName }) } : {}),
    clues: recognition.clues.map((clue) => ({ kind: clue.kind, text: fill(CLUE_TEXTS[clue.kind][language], { value: clue.value }) })),
  };
}

export function renderHint(hint: Hint, language: HintLanguage): RenderedHint {
  const text = HINT_TEXTS[hint.id][language];
  return {
    id: hint.id,
    product: hint.product,
    productName: PRODUCT_NAMES[hint.product][language],
    certainty: hint.certainty,
    findingIds: hint.findingIds,
    title: fill(text.title, hint.params),
    steps: text.steps.map((step) => fill(step, hint.params)),
  };
}

/** A recognised product with the hints for it, in one language: what every output shows. */
export interface HintGroup {
  recognition: RenderedRecognition;
  hints: RenderedHint[];
}

/** The products that have hints for the run, each with its hints; a product with nothing to fix is left out. */
export function renderKnownServerHints(result: KnownServerHints, language: HintLanguage): HintGroup[] {
  return result.recognised.flatMap((recognition) => {
    const hints = result.hints.filter((h) => h.product === recognition.product).map((h) => renderHint(h, language));
    return hints.length > 0 ? [{ recognition: renderRecognition(recognition, language), hints }] : [];
  });
}
