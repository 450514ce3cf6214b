/**
 * The run: the engine's session and the person's way through it. Step mode runs one step per
 * `next()` (for teaching); run mode goes on until the flow completes, stops, or needs the
 * person (the authorization round trip). Every action hands the engine plain data and keeps
 * what it gives back; nothing here knows HTTP.
 */
import type { StateCreator } from 'zustand';
import type { Session } from '../engine/session.js';
import { STEP_IDS, type StepId, type StepResult } from '../engine/types.js';
import { callbackState, landOnCallback, openAuthorizationInThisTab, openAuthorizationPopup } from './authorization-round-trip.js';
import { flowOptionsFromForm, type MessageRef } from './connect-form.js';
import type { DebuggerState } from './index.js';
import { resultIndexOfExchange } from './timeline.js';

export type FlowMode = 'step' | 'run';
export const FLOW_TABS = ['step', 'network', 'tokens', 'tools', 'findings'] as const;
export type FlowTab = (typeof FLOW_TABS)[number];

/** A step of the timeline: a run of it (resultIndex) or, without one, the step itself. */
export interface StepSelection {
  stepId: StepId;
  resultIndex?: number;
}

export interface EvidenceRequest {
  exchangeId: string;
  pointer?: string;
  request: number;
  revealed: boolean;
}

type EngineApi = typeof import('./engine-api.js');

export interface FlowSlice {
  session?: Session;
  mode: FlowMode;
  /** An engine call is in flight. */
  running: boolean;
  /** The step in flight, for the timeline. */
  runningStep?: StepId;
  /** Bumped by start and reset: a run in flight that sees another number drops its results. */
  runGeneration: number;
  selected?: StepSelection;
  /** Selection follows the step that just ran, until the person picks one. */
  followLatest: boolean;
  selectedExchangeId?: string;
  /**
   * What "show evidence" asked for last: its exchange is open and the field it names marked.
   * Each ask has a `request` number of its own, so asking again scrolls to the field again;
   * `revealed` once it was scrolled to, so showing the step again later does not pull the page.
   */
  evidence?: EvidenceRequest;
  tab: FlowTab;
  /** Why the last action could not run (no relay, the engine did not load). */
  flowError?: MessageRef;
  /** The scope a 403 insufficient_scope asked for, while the step-up runs. */
  stepUpScope?: string;
  /** The flow stopped on a MUST whose rule lets a person go on leniently ("continue anyway"). */
  stopOverridable: boolean;
  /** Works out stopOverridable for a session restored from storage. */
  checkStopOverridable(): Promise<void>;
  start(mode: FlowMode): Promise<boolean>;
  next(): Promise<void>;
  runToEnd(): Promise<void>;
  /** Runs the stopped step again leniently, then goes on as the mode says. */
  continueLeniently(): Promise<void>;
  reset(): void;
  select(selection: StepSelection): void;
  selectExchange(exchangeId: string | undefined): void;
  /** Opens a finding's evidence: its exchange in the step's inspector, the field scrolled to and marked. */
  showEvidence(evidence: { exchangeId: string; pointer?: string }): void;
  /** The inspector scrolled to the evidence of ask `request`. */
  evidenceRevealed(request: number): void;
  setTab(tab: FlowTab): void;
  /** Hands the engine the URL the authorization server sent the browser back to, and goes on. */
  completeAuthorization(callbackUrl: string): Promise<boolean>;
  /** A callback URL from a popup: taken when this tab waits for it (`direct`) or its state matches. */
  receiveCallback(callbackUrl: string, direct: boolean): Promise<boolean>;
  /**
   * Opens the authorization URL the flow waits on: in a popup (false when the browser blocked
   * it) or in this tab (the session is in sessionStorage already; /callback restores it).
   */
  openAuthorization(where: 'popup' | 'tab'): boolean;
  /**
   * This page was loaded at /callback with `href`. `sent`: it was a popup and passed the URL to
   * its opener; `this-tab`: the flow waiting here goes on (in the background); `nothing-waiting`:
   * no flow in this tab waits for it (the reason is shown).
   */
  receiveCallbackLanding(href: string): 'sent' | 'this-tab' | 'nothing-waiting';
  callTool(name: string, args: Record<string, unknown>): Promise<void>;
  /** Refreshes the tokens once more with the newest refresh token. */
  refresh(): Promise<void>;
}

let engineModule: Promise<EngineApi> | undefined;
function loadEngine(): Promise<EngineApi> {
  engineModule ??= import('./engine-api.js');
  // A failed load (the relay went away mid-session) may succeed on the next try.
  engineModule.catch(() => {
    engineModule = undefined;
  });
  return engineModule;
}

export const createFlowSlice: StateCreator<DebuggerState, [], [], FlowSlice> = (set, get) => {
  /** Numbers the evidence asks. */
  let evidenceAsks = 0;

  /** The engine, or undefined with the reason shown. */
  async function engine(): Promise<EngineApi | undefined> {
    try {
      return await loadEngine();
    } catch (error) {
      set({ flowError: { key: 'app.flow.error.engineLoad', params: { message: error instanceof Error ? error.message : String(error) } } });
      return undefined;
    }
  }

  function deps() {
    const { runtime } = get();
    if (!runtime.transport) return undefined;
    return { ...runtime.engine, transport: runtime.transport };
  }

  function internalError(error: unknown): MessageRef {
    return { key: 'app.flow.error.internal', params: { message: error instanceof Error ? error.message : String(error) } };
  }

  function noRelay(): void {
    set({ flowError: { key: 'app.flow.error.noRelay' } });
  }

  /** Tells the relay slice when an exchange was refused or lost by the relay itself. */
  function watchRelay(result: StepResult | undefined): void {
    const refused = result?.exchanges.find((e) => e.error?.kind === 'relay-rejected');
    if (refused?.error) get().noteRelayFailure(refused.error);
  }

  /** Runs one step, or steps until the flow waits, stops or completes. */
  async function advance(howMany: 'one' | 'all'): Promise<void> {
    const start = get().session;
    // A recording is shown, never run: nothing is sent on its behalf.
    if (!start || get().running || get().recording) return;
    const d = deps();
    if (!d) return noRelay();
    const generation = get().runGeneration;
    set({ running: true, followLatest: get().followLatest || howMany === 'all', flowError: undefined });
    const api = await engine();
    if (!api || get().runGeneration !== generation) {
      if (get().runGeneration === generation) set({ running: false });
      return;
    }
    let session = start;
    // Each step runs a bounded number of times (step-up loops are capped by maxStepUps).
    const limit = howMany === 'one' ? 1 : STEP_IDS.length * (session.options.maxStepUps + 2);
    try {
      for (let i = 0; i < limit && session.next && session.status.kind === 'ready'; i++) {
        const stepId = session.next;
        set({ runningStep: stepId, ...(get().followLatest && howMany === 'one' ? { selected: { stepId }, selectedExchangeId: undefined } : {}) });
        const advanced = await api.runStep(session, d);
        if (get().runGeneration !== generation) return;
        session = advanced;
        const last = session.results.at(-1);
        watchRelay(last);
        const stepUp = stepId === 'authenticated-mcp' ? session.data.stepUpScope : undefined;
        // A skipped step has nothing to show: the selection stays on the last step that did something.
        const follow = get().followLatest && (last?.outcome.kind !== 'skipped' || howMany === 'one');
        set({
          session,
          stopOverridable: api.canContinueLeniently(session),
          ...(stepId === 'authenticated-mcp' ? { stepUpScope: stepUp } : {}),
          ...(follow ? { selected: { stepId, resultIndex: session.results.length - 1 }, selectedExchangeId: undefined } : {}),
        });
      }
    } catch (error) {
      // Whatever went wrong inside the page, the run does not stop silently: it says so, and
      // what the person typed and recorded stays.
      if (get().runGeneration === generation) set({ flowError: internalError(error) });
    } finally {
      if (get().runGeneration === generation) set({ running: false, runningStep: undefined });
    }
  }

  /**
   * What start and reset both leave behind: nothing in flight (a run still in flight sees a new
   * generation and drops its results), no error, no step-up, the step tab following the latest step, no exchange open in the network panel.
   */
  function newRun() {
    return {
      running: false,
      runningStep: undefined,
      runGeneration: get().runGeneration + 1,
      followLatest: true,
      selectedExchangeId: undefined,
      evidence: undefined,
      networkExchangeId: undefined,
      tab: 'step',
      flowError: undefined,
      stepUpScope: undefined,
      stopOverridable: false,
    } satisfies Partial<DebuggerState>;
  }

  /** Runs a finished step again through `run`, keeping the result; a step-up goes on to the authorization. */
  async function again(run: (api: EngineApi, session: Session, d: NonNullable<ReturnType<typeof deps>>) => Promise<Session>): Promise<void> {
    const session = get().session;
    if (!session || get().running || get().recording) return;
    const d = deps();
    if (!d) return noRelay();
    const generation = get().runGeneration;
    set({ running: true, flowError: undefined });
    const api = await engine();
    let after: Session | undefined;
    try {
      if (api && get().runGeneration === generation) after = await run(api, session, d);
    } catch (error) {
      if (get().runGeneration === generation) set({ flowError: internalError(error) });
    } finally {
      if (get().runGeneration === generation) set({ running: false });
    }
    if (!after || get().runGeneration !== generation) return;
    watchRelay(after.results.at(-1));
    try {
      set({ session: after });
    } catch (error) {
      set({ flowError: internalError(error) });
      return;
    }
    if (after.status.kind === 'ready' && after.next === 'authorization-request' && after.data.stepUpScope !== undefined) {
      set({ stepUpScope: after.data.stepUpScope, followLatest: true, tab: 'step' });
      await advance('all');
    }
  }

  return {
    mode: 'run',
    running: false,
    runGeneration: 0,
    followLatest: true,
    tab: 'step',
    stopOverridable: false,

    async checkStopOverridable() {
      const session = get().session;
      if (session?.status.kind !== 'stopped') return set({ stopOverridable: false });
      const api = await engine();
      if (api && get().session === session) set({ stopOverridable: api.canContinueLeniently(session) });
    },

    async start(mode) {
      if (!get().validateForm()) {
        set({ connectExpanded: true });
        return false;
      }
      if (!deps()) {
        noRelay();
        return false;
      }
      const api = await engine();
      if (!api) return false;
      const { form, relayConfig } = get();
      const options = flowOptionsFromForm(form, { redirectUri: get().redirectUri(), ...(relayConfig?.defaultServerUrl ? { defaultServerUrl: relayConfig.defaultServerUrl } : {}) });
      get().rememberServer({ ...form, serverUrl: options.serverUrl });
      // A new live run takes the place of the one parked behind a recording, and closes it.
      set({ ...newRun(), session: api.createSession(options), mode, selected: { stepId: 'probe' }, connectExpanded: false, recording: undefined, parkedRun: undefined });
      if (mode === 'run') await advance('all');
      return true;
    },

    async next() {
      set({ mode: 'step', followLatest: true });
      await advance('one');
    },

    async runToEnd() {
      set({ mode: 'run' });
      await advance('all');
    },

    async continueLeniently() {
      const session = get().session;
      if (!session || get().running || get().recording) return;
      const api = await engine();
      const prepared = api?.continueLeniently(session);
      if (!prepared) return;
      set({ session: prepared, followLatest: true, stopOverridable: false });
      await advance(get().mode === 'run' ? 'all' : 'one');
    },

    reset() {
      set({ ...newRun(), session: undefined, selected: undefined, connectExpanded: true, recording: undefined, parkedRun: undefined });
    },

    select: (selected) => set({ selected, followLatest: false, selectedExchangeId: undefined, evidence: undefined, tab: 'step' }),
    selectExchange(selectedExchangeId) {
      // Another exchange leaves the evidence behind; the same one keeps its mark.
      const evidence = get().evidence?.exchangeId === selectedExchangeId ? get().evidence : undefined;
      if (selectedExchangeId === undefined) return set({ selectedExchangeId, evidence });
      const resultIndex = resultIndexOfExchange(get().session, selectedExchangeId);
      const result = resultIndex === undefined ? undefined : get().session?.results[resultIndex];
      set({ selectedExchangeId, evidence, ...(result && resultIndex !== undefined ? { selected: { stepId: result.stepId, resultIndex }, followLatest: false, tab: 'step' as const } : {}) });
    },
    showEvidence({ exchangeId, pointer }) {
      get().selectExchange(exchangeId);
      set({ evidence: { exchangeId, ...(pointer !== undefined ? { pointer } : {}), request: ++evidenceAsks, revealed: false } });
    },
    evidenceRevealed(request) {
      const evidence = get().evidence;
      if (evidence?.request === request && !evidence.revealed) set({ evidence: { ...evidence, revealed: true } });
    },
    setTab: (tab) => set({ tab }),

    async completeAuthorization(callbackUrl) {
      const session = get().session;
      if (!session || session.status.kind !== 'waiting' || get().running || get().recording) return false;
      // Taken at once, so a second delivery of the same callback (popup and channel) is ignored.
      set({ running: true });
      const api = await engine();
      const current = get().session;
      if (!api || current !== session) {
        if (get().session === session) set({ running: false });
        return false;
      }
      set({ session: api.provideCallback(session, callbackUrl), running: false, followLatest: true });
      await advance(get().mode === 'run' ? 'all' : 'one');
      return true;
    },

    async receiveCallback(callbackUrl, direct) {
      const session = get().session;
      if (!session || session.status.kind !== 'waiting') return false;
      if (!direct && callbackState(callbackUrl) !== session.data.authorizationRequest?.state) return false;
      return get().completeAuthorization(callbackUrl);
    },

    openAuthorization(where) {
      const status = get().session?.status;
      if (status?.kind !== 'waiting') return false;
      if (where === 'popup') return openAuthorizationPopup(status.action.url);
      openAuthorizationInThisTab(status.action.url);
      return true;
    },

    receiveCallbackLanding(href) {
      if (landOnCallback(href) === 'sent') return 'sent';
      if (get().session?.status.kind !== 'waiting') {
        set({ flowError: { key: 'app.auth.nothingWaiting' } });
        return 'nothing-waiting';
      }
      void get().completeAuthorization(href);
      return 'this-tab';
    },

    callTool: (name, args) => again((api, session, d) => api.runAgain(session, d, 'authenticated-mcp', { toolCall: { name, arguments: args } })),

    refresh: () => again((api, session, d) => api.refreshAgain(session, d)),
  };
};
