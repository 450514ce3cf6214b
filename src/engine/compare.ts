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
import type { Session } from './session.js';
import { STEP_IDS, type StepId, type StepResult } from './types.js';

export interface SessionDifference {
  /** The step it is about; absent for the run as a whole. */
  stepId?: StepId;
  /** True when the run is worse than the recording here. */
  regression: boolean;
  message: string;
}

export type SessionComparison =
  | { comparable: true; same: boolean; regressed: boolean; differences: SessionDifference[] }
  | { comparable: false; reason: string };

export interface CompareOptions {
  /** Compare runs against different server URLs anyway (two deployments of one server). */
  acrossServers?: boolean;
}

export function compareSessions(expected: Session, actual: Session, options: CompareOptions = {}): SessionComparison {
  if (!options.acrossServers && expected.options.serverUrl !== actual.options.serverUrl) {
    return { comparable: false, reason: `The recording was made against ${expected.options.serverUrl}, and this run is against ${actual.options.serverUrl}; they are different servers.` };
  }
  const differences: SessionDifference[] = [];
  const add = (regression: boolean, message: string, stepId?: StepId) => differences.push({ regression, message, ...(stepId ? { stepId } : {}) });

  if (expected.options.spec !== actual.options.spec) add(false, `judged by MCP ${actual.options.spec}, the recording by ${expected.options.spec}`);
  const before = statusText(expected);
  const now = statusText(actual);
  if (before !== now) add(rank(actual) < rank(expected), `the run ${now}; the recording ${before}`);

  for (const stepId of STEP_IDS) {
    const was = lastResult(expected, stepId);
    const is = lastResult(actual, stepId);
    if (!was && !is) continue;
    if (was && !is) {
      add(true, 'not reached; the recording reached it', stepId);
      continue;
    }
    if (!was && is) {
      add(false, `reached (${is.outcome.kind}); the recording did not reach it`, stepId);
      continue;
    }
    if (!was || !is) continue;
    if (was.outcome.kind !== is.outcome.kind) add(outcomeRank(is) < outcomeRank(was), `${is.outcome.kind}; the recording: ${was.outcome.kind}`, stepId);
    const wasErrors = errorIds(was);
    const isErrors = errorIds(is);
    for (const id of isErrors) if (!wasErrors.has(id)) add(true, `new error ${id}`, stepId);
    for (const id of wasErrors) if (!isErrors.has(id)) add(false, `error ${id} is gone`, stepId);
  }

  // Only where both runs got that far: a step not reached is already a difference above.
  for (const [what, was, is] of discoveryPath(expected, actual)) {
    if (was !== undefined && is !== undefined && was !== is) add(true, `${what} is ${is}; the recording: ${was}`);
  }

  const wasTools = toolNames(expected);
  const isTools = toolNames(actual);
  for (const name of wasTools) if (!isTools.has(name)) add(true, `tool ${name} is missing`, 'authenticated-mcp');
  for (const name of isTools) if (!wasTools.has(name)) add(false, `new tool ${name}`, 'authenticated-mcp');

  return { comparable: true, same: differences.length === 0, regressed: differences.some((d) => d.regression), differences };
}

function lastResult(session: Session, stepId: StepId): StepResult | undefined {
  return session.results.findLast((r) => r.stepId === stepId);
}

function errorIds(result: StepResult): Set<string> {
  return new Set(result.findings.filter((f) => f.severity === 'error').map((f) => f.id));
}

function statusText(session: Session): string {
  const status = session.status;
  if (status.kind === 'stopped') return `stopped at ${status.stepId}${status.findingId ? ` (${status.findingId})` : ''}`;
  if (status.kind === 'waiting') return `waits for a person at ${status.stepId}`;
  return status.kind === 'completed' ? 'completed' : 'did not finish';
}

/** How far a run got: completed beats waiting beats stopped; further steps beat earlier ones. */
function rank(session: Session): number {
  const status = session.status;
  if (status.kind === 'completed') return STEP_IDS.length * 3;
  if (status.kind === 'ready') return 0;
  return STEP_IDS.indexOf(status.stepId) * 3 + (status.kind === 'waiting' ? 1 : 0);
}

function outcomeRank(result: StepResult): number {
  return { failed: 0, 'needs-user': 1, skipped: 2, ok: 3 }[result.outcome.kind];
}

/** Where discovery went, as paths (the origins are the same server's). */
function discoveryPath(expected: Session, actual: Session): [string, string | undefined, string | undefined][] {
  const path = (url: string | undefined) => (url && URL.canParse(url) ? new URL(url).pathname : url);
  const pick = (session: Session) => ({
    prm: path(session.data.protectedResource?.metadataUrl),
    asm: path(session.data.authorizationServer?.metadataUrl),
    registration: session.data.client?.method,
    era: session.data.mcp?.era,
  });
  const was = pick(expected);
  const is = pick(actual);
  return [
    ['the protected resource metadata URL', was.prm, is.prm],
    ['the authorization server metadata URL', was.asm, is.asm],
    ['the client registration', was.registration, is.registration],
    ['the MCP protocol era', was.era, is.era],
  ];
}

function toolNames(session: Session): Set<string> {
  return new Set((session.data.mcp?.tools ?? []).map((tool) => tool.name));
}
