/**
 * A session is a whole run as plain data: the options, what the steps learned, and each step's
 * result in the order they ran. `runStep` advances it by one step (the UI's step mode);
 * `runFlow` advances until the flow completes, stops, or needs a person.
 */
import { because } from './checks/engine-phrases.js';
import { phrase } from './checks/finding-phrases.js';
import { makeFinding, findingDefinition, type FindingInput } from './checks/catalogue.js';
import type { ClientCompatibility } from './clients.js';
import type { FlowData } from './flow-data.js';
import { jsonDepthExceeds } from '../wire/json.js';
import type { FlowOptions } from './options.js';
import { createStepHttp, sequentialIds } from './recorder.js';
import { outcomeReason, type AuthorizationInteraction, type Clock, type RandomSource, type StepContext, type StepDefinition } from './step.js';
import { STEP_DEFINITIONS } from './steps/index.js';
import type { Transport } from './transport.js';
import { STEP_IDS, type Finding, type OutcomeReason, type StepId, type StepResult, type UserAction } from './types.js';

export type SessionStatus =
  | { kind: 'ready' }
  | { kind: 'waiting'; stepId: StepId; action: UserAction }
  | ({ kind: 'stopped'; stepId: StepId; findingId?: string } & OutcomeReason)
  | { kind: 'completed' };

export interface Session {
  format: 'mcp-auth-debugger/session@1';
  options: FlowOptions;
  data: FlowData;
  results: StepResult[];
  status: SessionStatus;
  /** The step that runs next, or undefined when the flow is over. */
  next?: StepId;
  exchangeCounter: number;
  /** The real MCP SDK clients run against the same server, beside this run (check --clients). */
  clients?: ClientCompatibility;
}

export interface EngineDeps {
  transport: Transport;
  clock?: Clock;
  random?: RandomSource;
  interaction?: AuthorizationInteraction;
  /** Replaces the step table (tests that run one stage against recorded data). */
  steps?: Partial<Record<StepId, StepDefinition>>;
}

export function createSession(options: FlowOptions): Session {
  return {
    format: 'mcp-auth-debugger/session@1',
    options,
    data: {},
    results: [],
    status: { kind: 'ready' },
    next: 'probe',
    exchangeCounter: 1,
  };
}

let findingObserver: ((id: string) => void) | undefined;

/**
 * Test support: `observer` is told the id of every finding a step reports, so the test run can
 * say which catalogue entries no test ever produces (scripts/findings-coverage.ts).
 */
export function observeReportedFindings(observer: ((id: string) => void) | undefined): void {
  findingObserver = observer;
}

/** Tells the observer of a finding made outside a step (the real clients' comparison, src/engine/clients.ts). */
export function findingReported(id: string): void {
  findingObserver?.(id);
}

const systemClock: Clock = { now: () => Date.now() };
const systemRandom: RandomSource = (length) => crypto.getRandomValues(new Uint8Array(length));

/** Runs the session's next step and returns the advanced session (the input is not changed). */
export async function runStep(session: Session, deps: EngineDeps): Promise<Session> {
  const stepId = session.next;
  if (!stepId) return session;
  const definition = deps.steps?.[stepId] ?? STEP_DEFINITIONS[stepId];
  const ids = sequentialIds('ex', session.exchangeCounter);
  const clock = deps.clock ?? systemClock;
  const http = createStepHttp(stepId, deps.transport, clock, ids, session.options);
  const findings: Finding[] = [];
  const report = (id: string, input?: FindingInput) => {
    // A finding belongs to the step that saw it, whatever stage its catalogue entry is filed under.
    const finding = makeFinding(id, session.options.spec, input);
    if (!finding) return;
    findings.push({ ...finding, stepId });
    findingObserver?.(id);
  };
  const ctx: StepContext = {
    stepId,
    options: session.options,
    spec: session.options.spec,
    data: session.data,
    http,
    clock,
    random: deps.random ?? systemRandom,
    ...(deps.interaction ? { interaction: deps.interaction } : {}),
    report,
    stopsFlow: (id) => !session.options.lenient && findingDefinition(id).stopsFlow === true && findings.some((f) => f.id === id),
  };

  let output;
  try {
    output = await definition.run(ctx);
  } catch (error) {
    // A step that throws has a bug; the run still ends with a clear outcome, not a crash.
    const message = error instanceof Error ? error.message : String(error);
    report('engine.internal-error', { params: { step: stepId, message } });
    output = { outcome: { kind: 'failed' as const, ...outcomeReason(because('outcome.internal-error', { step: stepId, message })), findingId: 'engine.internal-error' } };
  }

  // A session stays plain, serialisable data whatever a server sent: data that cannot be
  // written out (nested past the stack, or cyclic) is not kept, and the step says why.
  if (output.data !== undefined && !serialisable(output.data)) {
    report('engine.internal-error', { params: { step: stepId, message: phrase('value.too-deep-to-keep') } });
    output = { outcome: { kind: 'failed' as const, ...outcomeReason(because('outcome.too-deep-to-keep', { step: stepId })), findingId: 'engine.internal-error' } };
  }

  const result: StepResult<Partial<FlowData>> = {
    stepId,
    exchanges: [...http.exchanges],
    findings,
    data: output.data ?? {},
    outcome: output.outcome,
  };
  const data: FlowData = { ...session.data, ...output.data };
  const advanced: Session = {
    ...session,
    data,
    results: [...session.results, result],
    exchangeCounter: ids.peek(),
  };
  return { ...advanced, ...afterStep(advanced, stepId, result) };
}

function serialisable(value: unknown): boolean {
  if (jsonDepthExceeds(value, 256)) return false;
  try {
    JSON.stringify(value);
    return true;
  } catch (error) {
    // RangeError: nested past the stack; TypeError: a cycle.
    if (error instanceof RangeError || error instanceof TypeError) return false;
    throw error;
  }
}

/** The reason fields of an outcome, without its kind. */
function reasonOf({ reason, reasonId, reasonParams }: OutcomeReason): OutcomeReason {
  return { reason, ...(reasonId !== undefined ? { reasonId } : {}), ...(reasonParams ? { reasonParams } : {}) };
}

/** Decides what comes after a step, from its outcome and what the flow now knows. */
function afterStep(session: Session, stepId: StepId, result: StepResult<Partial<FlowData>>): Pick<Session, 'status' | 'next'> {
  const { outcome } = result;
  if (outcome.kind === 'failed') {
    return { status: { kind: 'stopped', stepId, ...reasonOf(outcome), ...(outcome.findingId ? { findingId: outcome.findingId } : {}) } };
  }
  if (outcome.kind === 'needs-user') return { status: { kind: 'waiting', stepId, action: outcome.action }, next: 'authorization-response' };
  // A server that needs no authorization: nothing to discover or obtain, straight to its tools.
  if (stepId === 'probe' && result.data.probe?.unprotected === true) return { status: { kind: 'ready' }, next: 'authenticated-mcp' };
  // The resource now names another authorization server: discover it and register there.
  if (stepId === 'authenticated-mcp' && result.data.authorizationServerChanged !== undefined) return { status: { kind: 'ready' }, next: 'protected-resource-metadata' };
  if (stepId === 'authenticated-mcp' && result.data.stepUpScope !== undefined) {
    return { status: { kind: 'ready' }, next: 'authorization-request' };
  }
  const next = STEP_IDS[STEP_IDS.indexOf(stepId) + 1];
  // `next: undefined` explicitly: the result is spread over the session, which still names the last step.
  return next ? { status: { kind: 'ready' }, next } : { status: { kind: 'completed' }, next: undefined };
}

/** Supplies the callback URL a person's browser landed on, so `authorization-response` can run. */
export function provideCallback(session: Session, callbackUrl: string): Session {
  return { ...session, data: { ...session.data, callbackUrl }, status: { kind: 'ready' }, next: 'authorization-response' };
}

export interface RunFlowHooks {
  onStep?(result: StepResult, session: Session): void;
}

/** Runs steps until the flow completes, stops, or waits for a person. */
export async function runFlow(session: Session, deps: EngineDeps, hooks: RunFlowHooks = {}): Promise<Session> {
  let current = session;
  // Each step runs at most a bounded number of times (step-up loops are capped by maxStepUps).
  const limit = STEP_IDS.length * (current.options.maxStepUps + 2);
  for (let i = 0; i < limit && current.next && current.status.kind === 'ready'; i++) {
    current = await runStep(current, deps);
    const last = current.results[current.results.length - 1];
    if (last) hooks.onStep?.(last, current);
  }
  if (current.status.kind === 'ready' && current.next) {
    // Only a step that keeps sending the flow back (a step-up that never settles) gets here.
    const stepId = current.results[current.results.length - 1]?.stepId ?? current.next;
    return { ...current, status: { kind: 'stopped', stepId, ...outcomeReason(because('outcome.step-limit', { limit: String(limit) })) } };
  }
  return current;
}

export function allFindings(session: Session): Finding[] {
  return session.results.flatMap((r) => r.findings);
}

export function allExchanges(session: Session) {
  return session.results.flatMap((r) => r.exchanges);
}
