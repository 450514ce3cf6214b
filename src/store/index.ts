/**
 * The one bound store of the browser debugger, made of slices. It holds plain data and drives
 * the engine; components read it through selectors and call its actions. Nothing here touches
 * the window at import time: main.tsx configures the runtime and hydrates from storage.
 */
import { create } from 'zustand';
import { createClientsSlice, runFinished, type ClientsSlice } from './clients-slice.js';
import { createCompareSlice, type CompareSlice } from './compare-slice.js';
import { createConnectSlice, type ConnectSlice } from './connect-slice.js';
import { createFlowSlice, type FlowSlice } from './flow-slice.js';
import { createNetworkSlice, type NetworkSlice } from './network-slice.js';
import { createRecentSlice, type RecentSlice } from './recent-slice.js';
import { createRecordingSlice, type RecordingSlice } from './recording-slice.js';
import { createRelaySlice, type RelaySlice } from './relay-slice.js';
import { createScorecardSlice, type ScorecardSlice } from './scorecard-slice.js';
import { createSettingsSlice, type SettingsSlice } from './settings-slice.js';
import { createWorkshopSlice, type WorkshopSlice } from './workshop-slice.js';

export type DebuggerState = SettingsSlice & ConnectSlice & FlowSlice & RecentSlice & RelaySlice & RecordingSlice & NetworkSlice & CompareSlice & ScorecardSlice & WorkshopSlice & ClientsSlice;

export const useDebugger = create<DebuggerState>()((...a) => ({
  ...createSettingsSlice(...a),
  ...createConnectSlice(...a),
  ...createFlowSlice(...a),
  ...createRecentSlice(...a),
  ...createRelaySlice(...a),
  ...createRecordingSlice(...a),
  ...createNetworkSlice(...a),
  ...createCompareSlice(...a),
  ...createScorecardSlice(...a),
  ...createWorkshopSlice(...a),
  ...createClientsSlice(...a),
}));

// The real SDK clients go once a run is over (when the connect form's switch is on).
// A session restored at load (no previous one) is shown as it was, without running them.
useDebugger.subscribe((state, previous) => {
  if (state.runGeneration !== previous.runGeneration && state.clientsRun.kind === 'failed') useDebugger.setState({ clientsRun: { kind: 'idle' } });
  if (previous.session !== undefined && state.session !== previous.session && runFinished(state.session) && !runFinished(previous.session)) void state.runRealClients();
});

export type DebuggerStore = typeof useDebugger;
