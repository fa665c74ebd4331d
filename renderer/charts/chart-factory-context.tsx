import { createContext, useContext, type ReactNode } from 'react';
import { chartJsFactory, type ChartFactory } from './chart-adapter.ts';

const ChartFactoryContext = createContext<ChartFactory>(chartJsFactory);

/** Overrides how charts are created (jsdom has no canvas, so tests pass a recording fake). */
export function ChartFactoryProvider({ factory, children }: { factory: ChartFactory; children: ReactNode }) {
  return <ChartFactoryContext.Provider value={factory}>{children}</ChartFactoryContext.Provider>;
}

/** The chart factory in effect: chart.js unless a provider says otherwise. */
export function useChartFactory(): ChartFactory {
  return useContext(ChartFactoryContext);
}
