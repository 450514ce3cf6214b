/**
 * The flow as a timeline: one entry per step run, in the order they ran (a step-up loop or a
 * lenient re-run shows a step again), then the steps still to come. Each entry's status comes
 * from its result: the outcome, and the worst finding for steps that went on.
 */
import type { Session } from '../engine/session.js';
import { STEP_IDS, type StepId, type StepResult } from '../engine/types.js';

export type TimelineStatus = 'pending' | 'running' | 'waiting' | 'ok' | 'warning' | 'error' | 'skipped';

export interface TimelineEntry {
  /** Stable React key. */
  key: string;
  stepId: StepId;
  status: TimelineStatus;
  /** Index into session.results; undefined for steps that have not run. */
  resultIndex?: number;
  /** 1 for a step's first run, 2 for its second, … */
  round: number;
  /** The step runs next (the Next button runs it). */
  upNext: boolean;
  findingCounts: { error: number; warning: number; info: number };
}

export function resultStatus(result: StepResult): TimelineStatus {
  if (result.outcome.kind === 'failed') return 'error';
  if (result.outcome.kind === 'skipped') return 'skipped';
  if (result.findings.some((f) => f.severity === 'error')) return 'error';
  if (result.findings.some((f) => f.severity === 'warning')) return 'warning';
  return 'ok';
}

function counts(result: StepResult | undefined): TimelineEntry['findingCounts'] {
  const c = { error: 0, warning: 0, info: 0 };
  for (const finding of result?.findings ?? []) c[finding.severity] += 1;
  return c;
}

/** The entries for a session (all pending without one); `runningStep` is the step in flight. */
export function timelineEntries(session: Session | undefined, runningStep?: StepId): TimelineEntry[] {
  const none = { error: 0, warning: 0, info: 0 };
  if (!session) {
    return STEP_IDS.map((stepId, i) => ({ key: `pending-${stepId}`, stepId, status: 'pending', round: 1, upNext: i === 0, findingCounts: none }));
  }
  const rounds = new Map<StepId, number>();
  const entries: TimelineEntry[] = session.results.map((result, index) => {
    const round = (rounds.get(result.stepId) ?? 0) + 1;
    rounds.set(result.stepId, round);
    return { key: `result-${index}`, stepId: result.stepId, status: resultStatus(result), resultIndex: index, round, upNext: false, findingCounts: counts(result) };
  });

  const status = session.status;
  const flowGoesOn = status.kind === 'ready' || status.kind === 'waiting';
  // A completed session keeps its last `next`; only a flow that goes on has steps to come.
  const first = flowGoesOn ? session.next : undefined;
  const upcoming = first === undefined ? [] : STEP_IDS.slice(STEP_IDS.indexOf(first));
  upcoming.forEach((stepId, i) => {
    const round = (rounds.get(stepId) ?? 0) + 1;
    let entryStatus: TimelineStatus = 'pending';
    if (i === 0 && runningStep === stepId) entryStatus = 'running';
    else if (i === 0 && status.kind === 'waiting') entryStatus = 'waiting';
    entries.push({ key: `next-${stepId}-${round}`, stepId, status: entryStatus, round, upNext: i === 0, findingCounts: none });
  });
  if (status.kind === 'stopped') {
    // The steps the stop kept from running, so the whole flow stays in view.
    const after = STEP_IDS.slice(STEP_IDS.indexOf(status.stepId) + 1);
    for (const stepId of after) {
      if (rounds.has(stepId)) continue;
      entries.push({ key: `unreached-${stepId}`, stepId, status: 'pending', round: 1, upNext: false, findingCounts: none });
    }
  }
  return entries;
}

/** Finding counts of the whole run by severity. */
export function runFindingCounts(session: Session | undefined): TimelineEntry['findingCounts'] {
  const c = { error: 0, warning: 0, info: 0 };
  for (const result of session?.results ?? []) for (const finding of result.findings) c[finding.severity] += 1;
  return c;
}

/** The index of the latest result of `stepId`, if it ran. */
export function latestResultIndex(session: Session | undefined, stepId: StepId): number | undefined {
  if (!session) return undefined;
  for (let i = session.results.length - 1; i >= 0; i--) if (session.results[i]?.stepId === stepId) return i;
  return undefined;
}

/** The index of the result that recorded exchange `exchangeId`. */
export function resultIndexOfExchange(session: Session | undefined, exchangeId: string): number | undefined {
  const index = session?.results.findIndex((r) => r.exchanges.some((e) => e.id === exchangeId));
  return index === undefined || index < 0 ? undefined : index;
}
