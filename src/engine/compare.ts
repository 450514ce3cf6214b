/**
 * Compares a run with a recording of it (`check --expect`, `diff`, the library's
 * compareSessions): the same steps reached with the same outcome, the same discovery path (where
 * the metadata was found, how the client was registered), no new error findings, the same tools.
 *
 * A difference that makes the run worse than the recording is a regression; one that makes it
 * better (an error gone, a step that now passes) is reported as a change, so a fixed server does
 * not fail its own regression test. Runs against different servers are not compared step by step:
 * that is said once instead of as a hundred differences.
 */
import type { ClientData } from './flow-data.js';
import type { ProtocolEra } from './mcp/request-metadata.js';
import { STEP_IDS, type Outcome, type Severity, type SpecVersion, type StepId } from './types.js';

/**
 * What a comparison reads of a run. A whole Session is one; so is the outline `runOutline`
 * makes of it, which a generated test embeds instead of the recording's exchanges.
 */
export interface ComparableRun {
  options: { serverUrl: string; spec: SpecVersion };
  status: { kind: 'ready' | 'completed' } | { kind: 'waiting'; stepId: StepId } | { kind: 'stopped'; stepId: StepId; findingId?: string };
  results: readonly ComparableStep[];
  data: {
    protectedResource?: { metadataUrl: string };
    authorizationServer?: { metadataUrl: string };
    client?: { method: ClientData['method'] };
    mcp?: { era?: ProtocolEra; tools?: readonly { name: string }[] };
  };
}

export interface ComparableStep {
  stepId: StepId;
  outcome: { kind: Outcome['kind'] };
  findings: readonly { id: string; severity: Severity }[];
}

/** Only what compareSessions reads of a run, as plain data: no exchange, token or secret. */
export function runOutline(run: ComparableRun): ComparableRun {
  const { protectedResource, authorizationServer, client, mcp } = run.data;
  return {
    options: { serverUrl: run.options.serverUrl, spec: run.options.spec },
    status: outlineStatus(run.status),
    results: run.results.map((result) => ({
      stepId: result.stepId,
      outcome: { kind: result.outcome.kind },
      findings: result.findings.map((finding) => ({ id: finding.id, severity: finding.severity })),
    })),
    data: {
      ...(protectedResource ? { protectedResource: { metadataUrl: protectedResource.metadataUrl } } : {}),
      ...(authorizationServer ? { authorizationServer: { metadataUrl: authorizationServer.metadataUrl } } : {}),
      ...(client ? { client: { method: client.method } } : {}),
      ...(mcp ? { mcp: { ...(mcp.era ? { era: mcp.era } : {}), ...(mcp.tools ? { tools: mcp.tools.map((tool) => ({ name: tool.name })) } : {}) } } : {}),
    },
  };
}

export interface SessionDifference {
  /** The step it is about; absent for the run as a whole. */
  stepId?: StepId;
  /** True when the run is worse than the recording here. */
  regression: boolean;
  /** What differs, for a page to say in its language (`compare.difference.<kind>`). */
  kind: SessionDifferenceKind;
  /** Its values: ids, URLs' paths, outcome and status kinds (never sentences). */
  params: Record<string, string>;
  /** The English sentence the command line prints. */
  message: string;
}

/**
 * `spec`: judged by another MCP version; `status`: the run ended elsewhere; `not-reached` and
 * `reached`: a step only one run reached; `outcome`: a step's outcome; `new-error` and
 * `error-gone`: an error finding; `discovery`: where discovery went; `tool-missing` and
 * `new-tool`: the tools listed; `different-servers`: runs that are not comparable.
 */
export const SESSION_DIFFERENCE_KINDS = ['spec', 'status', 'not-reached', 'reached', 'outcome', 'new-error', 'error-gone', 'discovery', 'tool-missing', 'new-tool', 'different-servers'] as const;
export type SessionDifferenceKind = (typeof SESSION_DIFFERENCE_KINDS)[number];

export type SessionComparison =
  | { comparable: true; same: boolean; regressed: boolean; differences: SessionDifference[] }
  | { comparable: false; reason: string };

export interface CompareOptions {
  /** Compare runs against different server URLs anyway (two deployments of one server). */
  acrossServers?: boolean;
}

export function compareSessions(expected: ComparableRun, actual: ComparableRun, options: CompareOptions = {}): SessionComparison {
  if (!options.acrossServers && expected.options.serverUrl !== actual.options.serverUrl) {
    return { comparable: false, reason: `The recording was made against ${expected.options.serverUrl}, and this run is against ${actual.options.serverUrl}; they are different servers.` };
  }
  const differences: SessionDifference[] = [];
  const add = (regression: boolean, kind: SessionDifferenceKind, params: Record<string, string>, message: string, stepId?: StepId) =>
    differences.push({ regression, kind, params, message, ...(stepId ? { stepId } : {}) });

  if (expected.options.spec !== actual.options.spec) add(false, 'spec', { now: actual.options.spec, recorded: expected.options.spec }, `judged by MCP ${actual.options.spec}, the recording by ${expected.options.spec}`);
  const before = statusText(expected);
  const now = statusText(actual);
  if (before !== now) add(rank(actual) < rank(expected), 'status', { ...statusParams('now', actual), ...statusParams('recorded', expected) }, `the run ${now}; the recording ${before}`);

  for (const stepId of STEP_IDS) {
    const was = lastResult(expected, stepId);
    const is = lastResult(actual, stepId);
    if (!was && !is) continue;
    if (was && !is) {
      add(true, 'not-reached', {}, 'not reached; the recording reached it', stepId);
      continue;
    }
    // A step the recording does not have and this run skipped (an opt-in check added to the
    // flow since, such as cors) did nothing: no difference to report.
    if (!was && is?.outcome.kind === 'skipped') continue;
    if (!was && is) {
      add(false, 'reached', { outcome: is.outcome.kind }, `reached (${is.outcome.kind}); the recording did not reach it`, stepId);
      continue;
    }
    if (!was || !is) continue;
    if (was.outcome.kind !== is.outcome.kind) {
      add(outcomeRank(is) < outcomeRank(was), 'outcome', { now: is.outcome.kind, recorded: was.outcome.kind }, `${is.outcome.kind}; the recording: ${was.outcome.kind}`, stepId);
    }
    const wasErrors = errorIds(was);
    const isErrors = errorIds(is);
    for (const id of isErrors) if (!wasErrors.has(id)) add(true, 'new-error', { finding: id }, `new error ${id}`, stepId);
    for (const id of wasErrors) if (!isErrors.has(id)) add(false, 'error-gone', { finding: id }, `error ${id} is gone`, stepId);
  }

  // Only where both runs got that far: a step not reached is already a difference above.
  for (const [what, was, is] of discoveryPath(expected, actual)) {
    if (was !== undefined && is !== undefined && was !== is) add(true, 'discovery', { what, now: is, recorded: was }, `${DISCOVERY_NAMES[what]} is ${is}; the recording: ${was}`);
  }

  const wasTools = toolNames(expected);
  const isTools = toolNames(actual);
  for (const name of wasTools) if (!isTools.has(name)) add(true, 'tool-missing', { tool: name }, `tool ${name} is missing`, 'authenticated-mcp');
  for (const name of isTools) if (!wasTools.has(name)) add(false, 'new-tool', { tool: name }, `new tool ${name}`, 'authenticated-mcp');

  return { comparable: true, same: differences.length === 0, regressed: differences.some((d) => d.regression), differences };
}

function outlineStatus(status: ComparableRun['status']): ComparableRun['status'] {
  if (status.kind === 'stopped') return { kind: 'stopped', stepId: status.stepId, ...(status.findingId ? { findingId: status.findingId } : {}) };
  return status.kind === 'waiting' ? { kind: 'waiting', stepId: status.stepId } : { kind: status.kind };
}

function lastResult(session: ComparableRun, stepId: StepId): ComparableStep | undefined {
  return session.results.findLast((r) => r.stepId === stepId);
}

function errorIds(result: ComparableStep): Set<string> {
  return new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.id));
}

function statusText(session: ComparableRun): string {
  const status = session.status;
  if (status.kind === 'stopped') return `stopped at ${status.stepId}${status.findingId ? ` (${status.findingId})` : ''}`;
  if (status.kind === 'waiting') return `waits for a person at ${status.stepId}`;
  return status.kind === 'completed' ? 'completed' : 'did not finish';
}

/** A run's end as values: `<side>Status` (its kind), `<side>Step` and `<side>Finding` where it has them. */
function statusParams(side: 'now' | 'recorded', session: ComparableRun): Record<string, string> {
  const status = session.status;
  return {
    [`${side}Status`]: status.kind,
    ...(status.kind === 'stopped' || status.kind === 'waiting' ? { [`${side}Step`]: status.stepId } : {}),
    ...(status.kind === 'stopped' && status.findingId ? { [`${side}Finding`]: status.findingId } : {}),
  };
}

/** How far a run got: completed beats waiting beats stopped; further steps beat earlier ones. */
function rank(session: ComparableRun): number {
  const status = session.status;
  if (status.kind === 'completed') return STEP_IDS.length * 3;
  if (status.kind !== 'waiting' && status.kind !== 'stopped') return 0;
  return STEP_IDS.indexOf(status.stepId) * 3 + (status.kind === 'waiting' ? 1 : 0);
}

function outcomeRank(result: ComparableStep): number {
  return { failed: 0, 'needs-user': 1, skipped: 2, ok: 3 }[result.outcome.kind];
}

/** Where discovery went, as paths (the origins are the same server's). */
const DISCOVERY_NAMES = {
  prm: 'the protected resource metadata URL',
  asm: 'the authorization server metadata URL',
  registration: 'the client registration',
  era: 'the MCP protocol era',
} as const;

function discoveryPath(expected: ComparableRun, actual: ComparableRun): [keyof typeof DISCOVERY_NAMES, string | undefined, string | undefined][] {
  const path = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).pathname : url);
  const pick = (session: ComparableRun) => ({
    prm: path(session.data.protectedResource?.metadataUrl),
    asm: path(session.data.authorizationServer?.metadataUrl),
    registration: session.data.client?.method,
    era: session.data.mcp?.era,
  });
  const was = pick(expected);
  const is = pick(actual);
  return [
    ['prm', was.prm, is.prm],
    ['asm', was.asm, is.asm],
    ['registration', was.registration, is.registration],
    ['era', was.era, is.era],
  ];
}

function toolNames(session: ComparableRun): Set<string> {
  return new Set((session.data.mcp?.tools ?? []).map((tool) => tool.name));
}
