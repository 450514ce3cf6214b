/**
 * The real MCP SDK clients beside the debugger's own verdict. The clients run elsewhere (Node:
 * `check --clients`, the relay for the page); this module only compares what they did with what
 * the debugger found, as findings:
 *
 * - connected, and the debugger found no error: `clients.connected` (info);
 * - connected although the debugger found errors: the client is looser than the spec
 *   (`clients.looser-than-debugger`, info);
 * - stopped, and the debugger found errors too: `clients.stopped` (warning), the errors named;
 * - stopped where the debugger found none: the client is stricter than the spec
 *   (`clients.stricter-than-debugger`, warning; the server is not blamed);
 * - stopped at a sign-in page: the headless run's own limit (`clients.sign-in-page`, info).
 */
import { makeFinding } from './checks/catalogue.js';
import { phrase, type PhraseId } from './checks/finding-phrases.js';
import { findingReported, type Session } from './session.js';
import type { Finding } from './types.js';
import type { ClientStage, SdkClientId, SdkClientResult } from '../wire/clients.js';

export interface ClientCompatibility {
  results: SdkClientResult[];
  /** The comparison with the debugger's run, one finding per client (clients.*). */
  findings: Finding[];
}

/** How a client's result relates to the debugger's verdict. */
export type ClientComparison = 'agrees' | 'looser' | 'stopped' | 'stricter' | 'debugger-limit';

const CLIENT_NAMES: Record<SdkClientId, string> = { 'sdk-v1': 'MCP TypeScript SDK v1', 'sdk-v2': 'MCP TypeScript SDK v2' };

export function clientName(result: Pick<SdkClientResult, 'client' | 'package' | 'version'>): string {
  return `${CLIENT_NAMES[result.client]} (${result.package} ${result.version})`;
}

/** The error findings of the debugger's own run, each id once, in the order found. */
function debuggerErrors(session: Pick<Session, 'results'>): string[] {
  return [...new Set(session.results.flatMap((result) => result.findings.filter((finding) => finding.severity === 'error').map((finding) => finding.id)))];
}

function debuggerWarnings(session: Pick<Session, 'results'>): string[] {
  return [...new Set(session.results.flatMap((result) => result.findings.filter((finding) => finding.severity === 'warning').map((finding) => finding.id)))];
}

export function compareClient(result: SdkClientResult, session: Pick<Session, 'results'>): ClientComparison {
  const errors = debuggerErrors(session).length > 0;
  if (result.connected) return errors ? 'looser' : 'agrees';
  if (result.limit === 'sign-in-page') return 'debugger-limit';
  return errors ? 'stopped' : 'stricter';
}

const STAGE_PHRASES: Record<ClientStage, PhraseId> = {
  'protected-resource-metadata': 'client-stage.protected-resource-metadata',
  'authorization-server-metadata': 'client-stage.authorization-server-metadata',
  'client-registration': 'client-stage.client-registration',
  authorization: 'client-stage.authorization',
  token: 'client-stage.token',
  connect: 'client-stage.connect',
  'list-tools': 'client-stage.list-tools',
};

const FINDING_IDS: Record<ClientComparison, string> = {
  agrees: 'clients.connected',
  looser: 'clients.looser-than-debugger',
  stopped: 'clients.stopped',
  stricter: 'clients.stricter-than-debugger',
  'debugger-limit': 'clients.sign-in-page',
};

/** The clients' results and their comparison with the session's run, ready to keep in the session. */
export function compareClientsWithDebugger(session: Pick<Session, 'results' | 'options'>, results: readonly SdkClientResult[]): ClientCompatibility {
  const listed = (ids: string[]) => (ids.length > 0 ? ids.join(', ') : phrase('value.none'));
  const findings: Finding[] = [];
  for (const result of results) {
    const comparison = compareClient(result, session);
    const id = FINDING_IDS[comparison];
    const params: Record<string, string> = {
      client: clientName(result),
      stage: phrase(STAGE_PHRASES[result.stoppedAt ?? 'list-tools']),
      error: result.error ?? phrase('value.none'),
      protocol: result.protocolVersion ?? phrase('value.unknown'),
      tools: String(result.tools ?? 0),
      debuggerFindings: comparison === 'stricter' ? listed(debuggerWarnings(session)) : listed(debuggerErrors(session)),
    };
    const finding = makeFinding(id, session.options.spec, { params });
    if (!finding) continue;
    findings.push(finding);
    findingReported(id);
  }
  return { results: [...results], findings };
}
