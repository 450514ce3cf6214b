/**
 * The connect form: what the person typed (kept in sessionStorage, so a reload or the
 * authorization round trip loses nothing), its validation, and the ways to fill it: a recent
 * server, a `?server=` link, the demo lab.
 */
import type { StateCreator } from 'zustand';
import { emptyConnectForm, validateConnectForm, type ConnectErrors, type ConnectField, type ConnectForm } from './connect-form.js';
import type { DebuggerState } from './index.js';
import type { RecentServer } from './recent-slice.js';

export interface ConnectSlice {
  form: ConnectForm;
  /** Shown once the person tried to start; cleared field by field as they edit. */
  formErrors: ConnectErrors;
  /** The form is open (it folds away once a run starts). */
  connectExpanded: boolean;
  setField<K extends ConnectField>(field: K, value: ConnectForm[K]): void;
  replaceForm(form: ConnectForm): void;
  /** Validates the whole form and shows its errors; true when a run can start. */
  validateForm(): boolean;
  /** Fills the form from a recent server; credentials typed for another server are dropped. */
  applyRecentServer(server: RecentServer): void;
  /** Points the form at the relay's demo lab (credentials and headers cleared). */
  pointAtDemoLab(): boolean;
  setConnectExpanded(expanded: boolean): void;
  /**
   * A link asked to start a run at once (`?run=1`, `?step=1`). Any page can open such a link, so
   * nothing is sent until the person confirms in the page; the prompt names the target host.
   */
  linkedRun?: { mode: 'run' | 'step'; host: string };
  askToRunFromLink(mode: 'run' | 'step'): void;
  dismissLinkedRun(): void;
}

export const createConnectSlice: StateCreator<DebuggerState, [], [], ConnectSlice> = (set, get) => ({
  form: emptyConnectForm(),
  formErrors: {},
  connectExpanded: true,
  setField(field, value) {
    const { [field]: _cleared, ...formErrors } = get().formErrors;
    set({ form: { ...get().form, [field]: value }, formErrors });
  },
  replaceForm: (form) => set({ form, formErrors: {} }),
  validateForm() {
    const formErrors = validateConnectForm(get().form, get().relayConfig?.defaultServerUrl);
    set({ formErrors });
    return Object.keys(formErrors).length === 0;
  },
  applyRecentServer(server) {
    const current = get().form;
    const sameClient = current.serverUrl.trim() === server.serverUrl && current.clientId.trim() === (server.clientId ?? '');
    const base = sameClient ? current : emptyConnectForm();
    set({
      form: { ...base, serverUrl: server.serverUrl, spec: server.spec, registration: server.registration, clientId: server.clientId ?? '' },
      formErrors: {},
      connectExpanded: true,
    });
  },
  pointAtDemoLab() {
    const lab = get().relayConfig?.lab;
    if (!lab) return false;
    // The protocol choices (spec version, DPoP) and the checks asked for (audit, CORS) stay; what belongs to another server does not.
    const { spec, dpop, cors, audit, clients } = get().form;
    set({ form: { ...emptyConnectForm(), spec, dpop, cors, audit, clients, serverUrl: lab.mcpUrl }, formErrors: {} });
    return true;
  },
  setConnectExpanded: (connectExpanded) => set({ connectExpanded }),
  askToRunFromLink(mode) {
    const target = get().form.serverUrl.trim();
    const host = URL.canParse(target) ? new URL(target).host : target;
    set({ linkedRun: { mode, host } });
  },
  dismissLinkedRun: () => set({ linkedRun: undefined }),
});
