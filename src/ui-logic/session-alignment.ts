/**
 * Two sessions lined up for the compare view: one row per step (in flow order), each with both
 * sides' outcome and findings, the engine's difference sentences about it, and the step's
 * exchanges paired across the two runs.
 *
 * The left session is the baseline (the engine's "recording"), the right one is judged against
 * it: a regression is where the right is worse. Swapping the sides swaps those roles. The verdict
 * is `compareSessions`'s, so the page says what `check --expect` and `diff` say; the exchange
 * pairing is only for the eye and changes no verdict.
 */
import { compareSessions, type SessionDifference } from '../engine/compare.js';
import type { Session } from '../engine/session.js';
import { STEP_IDS, type Exchange, type Finding, type Outcome, type StepId } from '../engine/types.js';

export type RowMark = 'same' | 'changed' | 'regression';

export interface StepSide {
  /** How many times the step ran (a lenient retry or a step-up runs it again). */
  runs: number;
  /** The outcome of its last run, which is what the comparison judges. */
  outcome: Outcome['kind'];
  /** The findings of its last run, errors first. */
  findings: Finding[];
  /** Ids of findings of the last run that the other side's last run of this step does not have. */
  onlyHere: Set<string>;
}

export interface ExchangePair {
  left?: Exchange;
  right?: Exchange;
  /** Missing on one side, or answered differently (another status, or an error instead of an answer). */
  differs: boolean;
}

export interface StepRow {
  stepId: StepId;
  /** Undefined when that session never reached the step. */
  left?: StepSide;
  right?: StepSide;
  differences: SessionDifference[];
  mark: RowMark;
  exchanges: ExchangePair[];
}

export interface SessionAlignment {
  /** The two runs are against different server URLs (compared anyway, as two deployments). */
  acrossServers: boolean;
  same: boolean;
  differenceCount: number;
  regressionCount: number;
  /** Differences about the run as a whole (its end, the spec version, the discovery path). */
  runDifferences: SessionDifference[];
  /** The steps at least one side reached, in flow order. */
  steps: StepRow[];
  /** Steps neither side reached. */
  unreached: StepId[];
}

export function alignSessions(left: Session, right: Session): SessionAlignment {
  const acrossServers = left.options.serverUrl !== right.options.serverUrl;
  const comparison = compareSessions(left, right, { acrossServers });
  // With acrossServers set, compareSessions always compares; the branch keeps the types honest.
  const differences: SessionDifference[] = comparison.comparable
    ? comparison.differences
    : [{ regression: true, kind: 'different-servers', params: { recorded: left.options.serverUrl, now: right.options.serverUrl }, message: comparison.reason }];

  const steps: StepRow[] = [];
  const unreached: StepId[] = [];
  for (const stepId of STEP_IDS) {
    const leftRuns = left.results.filter((r) => r.stepId === stepId);
    const rightRuns = right.results.filter((r) => r.stepId === stepId);
    if (leftRuns.length === 0 && rightRuns.length === 0) {
      unreached.push(stepId);
      continue;
    }
    const leftLast = leftRuns.at(-1);
    const rightLast = rightRuns.at(-1);
    const stepDifferences = differences.filter((d) => d.stepId === stepId);
    steps.push({
      stepId,
      ...(leftLast ? { left: side(leftRuns.length, leftLast.outcome, leftLast.findings, rightLast?.findings) } : {}),
      ...(rightLast ? { right: side(rightRuns.length, rightLast.outcome, rightLast.findings, leftLast?.findings) } : {}),
      differences: stepDifferences,
      mark: markOf(stepDifferences),
      exchanges: pairExchanges(
        leftRuns.flatMap((r) => r.exchanges),
        rightRuns.flatMap((r) => r.exchanges),
      ),
    });
  }
  return {
    acrossServers,
    same: differences.length === 0,
    differenceCount: differences.length,
    regressionCount: differences.filter((d) => d.regression).length,
    runDifferences: differences.filter((d) => d.stepId === undefined),
    steps,
    unreached,
  };
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

function side(runs: number, outcome: Outcome, findings: Finding[], other: Finding[] | undefined): StepSide {
  const otherIds = new Set((other ?? []).map((f) => f.id));
  return {
    runs,
    outcome: outcome.kind,
    findings: [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]),
    onlyHere: new Set(findings.filter((f) => !otherIds.has(f.id)).map((f) => f.id)),
  };
}

function markOf(differences: SessionDifference[]): RowMark {
  if (differences.some((d) => d.regression)) return 'regression';
  return differences.length > 0 ? 'changed' : 'same';
}

/**
 * What an exchange was, independent of the server it went to and of per-run values (state,
 * PKCE challenge, codes in the query): its method and label, or its path when it has no label.
 */
export function exchangeKey(exchange: Exchange): string {
  if (exchange.label) return `${exchange.request.method} ${exchange.label}`;
  const path = URL.canParse(exchange.request.url) ? new URL(exchange.request.url).pathname : exchange.request.url;
  return `${exchange.request.method} ${path}`;
}

/** The answer in a comparable word: the status code, the kind of failure, or none. */
function exchangeAnswer(exchange: Exchange): string {
  if (exchange.error) return `error:${exchange.error.kind}`;
  return exchange.response ? String(exchange.response.status) : 'none';
}

/** Beyond this many key comparisons the exchanges are paired in order instead (no real step has that many). */
const MAX_ALIGNMENT_CELLS = 250_000;

/**
 * Pairs the exchanges of one step across two runs, keeping each side's order: the most pairs of
 * the same request (a longest common subsequence of their keys), so an exchange only one run made
 * shows as a gap on the other side instead of shifting every pair after it. Among as many pairs,
 * those with the same answer win: a retried request pairs its final answer with the other run's.
 */
export function pairExchanges(left: readonly Exchange[], right: readonly Exchange[]): ExchangePair[] {
  const pair = (l: Exchange | undefined, r: Exchange | undefined): ExchangePair => ({
    ...(l ? { left: l } : {}),
    ...(r ? { right: r } : {}),
    differs: !l || !r || exchangeAnswer(l) !== exchangeAnswer(r),
  });
  if (left.length * right.length > MAX_ALIGNMENT_CELLS) {
    return Array.from({ length: Math.max(left.length, right.length) }, (_, i) => pair(left[i], right[i]));
  }
  const leftKeys = left.map(exchangeKey);
  const rightKeys = right.map(exchangeKey);
  const leftAnswers = left.map(exchangeAnswer);
  const rightAnswers = right.map(exchangeAnswer);
  // A pair of the same request is worth more than all same-answer bonuses together.
  const pairValue = Math.min(left.length, right.length) + 1;
  const value = (i: number, j: number) => (leftKeys[i] === rightKeys[j] ? pairValue + (leftAnswers[i] === rightAnswers[j] ? 1 : 0) : 0);
  // best[i * width + j]: the best score for left[i..] against right[j..].
  const width = right.length + 1;
  const best = new Float64Array((left.length + 1) * width);
  const at = (i: number, j: number) => best[i * width + j] ?? 0;
  for (let i = left.length - 1; i >= 0; i--) {
    for (let j = right.length - 1; j >= 0; j--) {
      const matched = value(i, j);
      best[i * width + j] = Math.max(matched > 0 ? at(i + 1, j + 1) + matched : 0, at(i + 1, j), at(i, j + 1));
    }
  }
  const pairs: ExchangePair[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    const matched = i < left.length && j < right.length ? value(i, j) : 0;
    if (matched > 0 && at(i, j) === at(i + 1, j + 1) + matched) {
      pairs.push(pair(left[i++], right[j++]));
    } else if (j >= right.length || (i < left.length && at(i, j) === at(i + 1, j))) {
      pairs.push(pair(left[i++], undefined));
    } else {
      pairs.push(pair(undefined, right[j++]));
    }
  }
  return pairs;
}
