import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ExampleInfo, LoadedDocument, RunSummary, RunTick } from '../../../core/contract/lab-api.ts';
import { parseConfig } from '../../../core/engine/config/parse-config.ts';
import { emptyCounters } from '../../../core/engine/run/counters.ts';
import type { SeriesPoint, Totals } from '../../../core/engine/run/report-types.ts';
import { parseScenario } from '../../../core/engine/scenario/parse-scenario.ts';

const EXAMPLES = join(import.meta.dirname, '../../../examples');

/** The examples the fake lab offers: two configs and three scenarios, one of them for the second config. */
export const EXAMPLE_INFOS: ExampleInfo[] = [
  { kind: 'config', name: 'petstore.gatelab.json', title: 'Pet store', description: '' },
  { kind: 'config', name: 'http-api.gatelab.json', title: 'Hello HTTP API', description: '' },
  { kind: 'scenario', name: 'steady.scenario.json', title: 'Steady 60 rps', description: '' },
  { kind: 'scenario', name: 'flash-sale.scenario.json', title: 'Flash sale', description: '' },
  { kind: 'scenario', name: 'hello-http.scenario.json', title: 'Hello burst', description: '' },
];

/** An example as the lab would load it, validated by core. */
export function loadedExample(name: string): LoadedDocument<never> {
  const raw = JSON.parse(readFileSync(join(EXAMPLES, name), 'utf8')) as unknown;
  const kind = name.endsWith('.gatelab.json') ? 'config' : 'scenario';
  const result = kind === 'config' ? parseConfig(raw) : parseScenario(raw);
  return {
    kind,
    source: name,
    raw,
    ok: result.ok,
    value: (result.ok ? result.value : null) as never,
    errors: result.ok
      ? []
      : result.problems.map((p) => ({ path: p.path, pathText: p.path.join('.'), message: p.message })),
    warnings: [],
  };
}

/** Totals with the given counters. */
export function totals(overrides: Partial<Totals> = {}): Totals {
  return { ...emptyCounters(), latencyMs: { p50: 0, p90: 0, p99: 0, max: 0 }, ...overrides };
}

/** A closed second. */
export function point(t: number, overrides: Partial<SeriesPoint> = {}): SeriesPoint {
  return {
    t,
    offered: 10,
    ...emptyCounters(),
    sent: 10,
    ok: 8,
    throttled: 2,
    throttledBy: { usagePlan: 0, stage: 2, account: 0 },
    latencyMs: { p50: 20, p90: 60, p99: 110, max: 130 },
    buckets: { account: 4000, 'stage:petstore/prod:GET /pets': 150 },
    ...overrides,
  };
}

/** A tick carrying `closed` seconds. */
export function tick(runId: string, closed: SeriesPoint[], overrides: Partial<RunTick> = {}): RunTick {
  return {
    runId,
    simulatedMs: 1000 * (closed.at(-1)?.t ?? 0) + 1000,
    plannedMs: 60_000,
    closed,
    totals: totals({ sent: 10 * closed.length }),
    buckets: [
      { id: 'account', label: 'Account', rate: 10_000, burst: 5000, level: 4000 },
      { id: 'stage:petstore/prod:GET /pets', label: 'Stage prod · GET /pets', rate: 100, burst: 200, level: 150 },
    ],
    byClient: {},
    byRoute: [],
    quotas: [],
    ...overrides,
  };
}

/** A history row. */
export function summary(runId: string, overrides: Partial<RunSummary> = {}): RunSummary {
  return {
    runId,
    name: 'Steady 60 rps',
    scenarioName: 'Steady 60 rps',
    mode: 'virtual',
    seed: 7,
    state: 'finished',
    startedAt: '2026-03-10T10:00:00.000Z',
    durationSeconds: 60,
    sent: 3600,
    ok: 3500,
    throttled: 100,
    quotaExceeded: 0,
    p99: 120,
    cacheHitRatio: 0.5,
    ...overrides,
  };
}
