/**
 * The one findings catalogue. Ids are public API: CI pipelines filter on them, the lab's
 * faults are named after them. Never rename one; retire it and add another.
 */
import type { Finding, Severity, SpecVersion } from '../types.js';
import type { FindingDefinition } from './finding-definition.js';
import { enginePhraseText } from './engine-phrases.js';
import { resolvePhraseParams } from './phrase-reference.js';
import { resolveSpecRef } from './spec-refs.js';
import { auditFindings } from './findings/audit.js';
import { authenticatedMcpFindings } from './findings/authenticated-mcp.js';
import { authorizationRequestFindings } from './findings/authorization-request.js';
import { authorizationResponseFindings } from './findings/authorization-response.js';
import { authorizationServerMetadataFindings } from './findings/authorization-server-metadata.js';
import { clientsFindings } from './findings/clients.js';
import { corsFindings } from './findings/cors.js';
import { clientRegistrationFindings } from './findings/client-registration.js';
import { dpopFindings } from './findings/dpop.js';
import { identityAssertionGrantFindings } from './findings/identity-assertion-grant.js';
import { mcpProtocolFindings } from './findings/mcp-protocol.js';
import { probeFindings } from './findings/probe.js';
import { protectedResourceMetadataFindings } from './findings/protected-resource-metadata.js';
import { refreshFindings } from './findings/refresh.js';
import { tokenInspectionFindings } from './findings/token-inspection.js';
import { tokenRequestFindings } from './findings/token-request.js';
import { transportFindings } from './findings/transport.js';

// The UI loads the phrases with the catalogue, to show phrase params, outcome reasons, exchange
// labels and transport messages in the reader's language.
export { ENGINE_PHRASES as PHRASES } from './engine-phrases.js';

const ALL: readonly FindingDefinition[] = [
  ...transportFindings,
  ...probeFindings,
  ...protectedResourceMetadataFindings,
  ...authorizationServerMetadataFindings,
  ...clientRegistrationFindings,
  ...authorizationRequestFindings,
  ...authorizationResponseFindings,
  ...tokenRequestFindings,
  ...dpopFindings,
  ...identityAssertionGrantFindings,
  ...tokenInspectionFindings,
  ...authenticatedMcpFindings,
  ...mcpProtocolFindings,
  ...refreshFindings,
  ...auditFindings,
  ...corsFindings,
  ...clientsFindings,
];

export const FINDINGS: ReadonlyMap<string, FindingDefinition> = new Map(ALL.map((entry) => [entry.id, entry]));

export function allFindingDefinitions(): readonly FindingDefinition[] {
  return ALL;
}

export function findingDefinition(id: string): FindingDefinition {
  const entry = FINDINGS.get(id);
  if (!entry) throw new Error(`Finding id not in the catalogue: ${id}`);
  return entry;
}

/** The severity of a finding under a spec version, or undefined where the rule does not apply. */
export function severityFor(entry: FindingDefinition, version: SpecVersion): Severity | undefined {
  const override = entry.bySpec?.[version];
  if (override === 'off') return undefined;
  return override ?? entry.severity;
}

export function fillTemplate(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

export interface FindingInput {
  params?: Record<string, string>;
  evidence?: { exchangeId: string; pointer?: string };
}

/**
 * Builds a finding from its catalogue entry; undefined when the rule is off for the version.
 * The English texts show phrase params (`phrase('value.none')`) in English; `params` keeps the
 * references, so other languages can render them too.
 */
export function makeFinding(id: string, version: SpecVersion, input: FindingInput = {}): Finding | undefined {
  const entry = findingDefinition(id);
  const severity = severityFor(entry, version);
  if (severity === undefined) return undefined;
  const params = resolvePhraseParams(input.params ?? {}, enginePhraseText('en')).params;
  const text = entry.text.en;
  const finding: Finding = {
    id,
    severity,
    stepId: entry.stepId,
    title: fillTemplate(text.title, params),
    detail: fillTemplate(text.detail, params),
    specRefs: entry.specRefs.map((ref) => resolveSpecRef(ref, version)),
  };
  if (text.hint) finding.hint = fillTemplate(text.hint, params);
  if (input.evidence) finding.evidence = input.evidence;
  if (input.params) finding.params = input.params;
  return finding;
}
