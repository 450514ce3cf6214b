/**
 * What a step sees while it runs, and what it gives back. A step builds its requests, sends
 * them through `ctx.http` (which records every exchange), reports findings by catalogue id,
 * and returns the data it learned with an outcome. The runner turns that into a StepResult.
 */
import type { FindingInput } from './checks/catalogue.js';
import { textInEnglish, type TextRef } from './checks/engine-phrases.js';
import type { ExchangeLabelId } from './checks/exchange-labels.js';
import type { OutcomeReasonId } from './checks/outcome-reasons.js';
import type { FlowData } from './flow-data.js';
import type { FlowOptions } from './options.js';
import type { Exchange, ExchangeError, ExchangeResponse, HeaderList, Outcome, OutcomeReason, SpecVersion, StepId } from './types.js';

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

/** Fills a buffer with random bytes (state, PKCE verifier, jti). Injected for reproducible runs. */
export type RandomSource = (length: number) => Uint8Array;

export interface HttpRequestInput {
  method?: string;
  url: string;
  headers?: HeaderList;
  body?: string;
}

/** What an exchange is for, by its id in exchange-labels.ts. */
export type ExchangeLabel = TextRef<ExchangeLabelId>;

/** Why a step stopped or was skipped, by its id in outcome-reasons.ts. */
export type Reason = TextRef<OutcomeReasonId>;

/** A reason as an outcome carries it: the English sentence, and the id and params for other languages. */
export function outcomeReason(reason: Reason): OutcomeReason {
  return { reason: textInEnglish(reason), reasonId: reason.id, ...(reason.params ? { reasonParams: reason.params } : {}) };
}

export interface SentExchange {
  exchange: Exchange;
  /** Present when an answer (complete or cut) arrived. */
  response?: ExchangeResponse;
  error?: ExchangeError;
}

export interface StepHttp {
  /** Sends one request and records it as an exchange of the current step. */
  send(request: HttpRequestInput, label?: ExchangeLabel): Promise<SentExchange>;
  /**
   * A `fetch` for libraries (oauth4webapi's `customFetch`, the MCP SDK's transport) that
   * records each call as an exchange. Network failures reject with a TypeError, as fetch does;
   * the exchange holds the typed error.
   */
  fetch(label?: ExchangeLabel): (input: string | URL | Request, init?: RequestInit) => Promise<Response>;
  /** Exchanges recorded so far in this step. */
  readonly exchanges: readonly Exchange[];
}

/** Completes the authorization round trip for runs without a person at the browser. */
export interface AuthorizationInteraction {
  /**
   * Returns the URL the authorization server sent the user-agent back to. Rejects with an
   * `InteractionFailure` where the reason is a catalogue finding; any other error is reported
   * as `authorization.interaction-failed` with its message.
   */
  obtainCallback(request: { url: string; redirectUri: string }, http: StepHttp): Promise<string>;
}

/**
 * Why an interaction could not obtain the callback: the finding to report, and the outcome's
 * reason as a catalogue text (so a session recorded by the command line reads in the page's
 * language); the message is that reason in English.
 */
export class InteractionFailure extends Error {
  constructor(
    readonly reason: TextRef<OutcomeReasonId>,
    readonly finding: { id: string } & FindingInput,
  ) {
    super(textInEnglish(reason));
    this.name = 'InteractionFailure';
  }
}

export interface StepContext {
  readonly stepId: StepId;
  readonly options: FlowOptions;
  readonly spec: SpecVersion;
  /** What earlier steps learned. */
  readonly data: Readonly<FlowData>;
  readonly http: StepHttp;
  readonly clock: Clock;
  readonly random: RandomSource;
  readonly interaction?: AuthorizationInteraction;
  /** Records a finding by catalogue id (ignored where the rule is off for the spec version). */
  report(id: string, input?: FindingInput): void;
  /**
   * True when the finding's rule says a client MUST stop and the run is not lenient.
   * Steps call it after reporting: `if (ctx.stopsFlow('prm.resource-mismatch')) return stop(...)`.
   */
  stopsFlow(id: string): boolean;
}

export interface StepOutput {
  data?: Partial<FlowData>;
  outcome: Outcome;
}

export interface StepDefinition {
  id: StepId;
  run(ctx: StepContext): Promise<StepOutput>;
}

export const ok = (data?: Partial<FlowData>): StepOutput => (data ? { data, outcome: { kind: 'ok' } } : { outcome: { kind: 'ok' } });

export const skipped = (reason: Reason): StepOutput => ({ outcome: { kind: 'skipped', ...outcomeReason(reason) } });

export const failed = (reason: Reason, findingId?: string, data?: Partial<FlowData>): StepOutput => ({
  ...(data ? { data } : {}),
  outcome: findingId ? { kind: 'failed', ...outcomeReason(reason), findingId } : { kind: 'failed', ...outcomeReason(reason) },
});
