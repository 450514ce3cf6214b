/**
 * The network panel's state: its search, filters and order, and the exchange open in its
 * inspector. Kept in the store so that leaving the panel for another tab and coming back finds
 * it as it was; a new run or an opened recording keeps the filters but not the open exchange.
 */
import type { StateCreator } from 'zustand';
import { DEFAULT_NETWORK_SORT, NO_NETWORK_FILTER, type NetworkFilter, type NetworkSort } from '../ui-logic/network-filter.js';
import type { DebuggerState } from './index.js';

export interface NetworkSlice {
  networkFilter: NetworkFilter;
  networkSort: NetworkSort;
  /** The exchange open in the network panel (the flow tab's selection is its own). */
  networkExchangeId?: string;
  setNetworkFilter(change: Partial<NetworkFilter>): void;
  clearNetworkFilter(): void;
  setNetworkSort(sort: NetworkSort): void;
  selectNetworkExchange(exchangeId: string | undefined): void;
}

export const createNetworkSlice: StateCreator<DebuggerState, [], [], NetworkSlice> = (set, get) => ({
  networkFilter: NO_NETWORK_FILTER,
  networkSort: DEFAULT_NETWORK_SORT,
  setNetworkFilter: (change) => set({ networkFilter: { ...get().networkFilter, ...change } }),
  clearNetworkFilter: () => set({ networkFilter: NO_NETWORK_FILTER }),
  setNetworkSort: (networkSort) => set({ networkSort }),
  selectNetworkExchange: (networkExchangeId) => set({ networkExchangeId }),
});
