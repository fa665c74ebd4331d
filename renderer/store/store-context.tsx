import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabStore } from './create-lab-store.ts';
import type { LabState } from './lab-state.ts';

const StoreContext = createContext<LabStore | null>(null);

/** Makes one lab store available to the components below it (tests pass their own). */
export function StoreProvider({ store, children }: { store: LabStore; children: ReactNode }) {
  return <StoreContext.Provider value={store}>{children}</StoreContext.Provider>;
}

/** The store itself, for transient subscriptions that must not re-render. */
export function useLabStore(): LabStore {
  const store = useContext(StoreContext);
  if (!store) throw new Error('useLabStore needs a <StoreProvider>');
  return store;
}

/** Selects from the store; the component re-renders only when the selected value changes. */
export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
