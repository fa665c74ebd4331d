import { randomBytes } from 'node:crypto';
import type {
  ConfigChange,
  ExportedFile,
  ExportFormat,
  LabEvent,
  PlaybackSpeed,
  RunMode,
  RunSummary,
  StartRunRequest,
} from '../../contract/lab-api.ts';
import { LAB_ERROR } from '../../contract/lab-api-schemas.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { LabError } from './lab-error.ts';
import type { RunDriverFactory, RunEnd, Scheduler } from './run-driver.ts';
import type { RunHistory } from './run-history.ts';
import { exportReport, pricedReport, pricedSaved, pricedTick, type RunPricing } from './run-exports.ts';
import { summarize, type RunMeta } from './run-summary.ts';
import { checkRunInputs } from './run-inputs.ts';
import { applyToRun, type TunableRun } from './tuning-apply.ts';

export interface LabRunsDeps {
  history: RunHistory;
  drivers: Partial<Record<RunMode, RunDriverFactory>>;
  scheduler: Scheduler;
  emit(event: LabEvent): void;
  warn(message: string): void;
  /** The price table reports and ticks are priced with; null without one (then `cost` stays null). */
  prices(): RunPricing['prices'];
}

type ActiveRun = TunableRun & { pricing: RunPricing };

/** A sortable, file-name-safe run id: the wall-clock start and a random suffix. */
function newRunId(): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  return `${stamp}-${randomBytes(3).toString('hex')}`;
}

/** Starts, paces and stops runs, and turns their ends into history entries and `run-ended` events. */
export class LabRuns {
  private readonly active = new Map<string, ActiveRun>();
  private readonly ending = new Set<Promise<void>>();
  private closing = false;

  constructor(private readonly deps: LabRunsDeps) {}

  start(request: StartRunRequest): { runId: string } {
    if (this.closing) throw new LabError(LAB_ERROR.state, 'the lab is closing; no new runs start');
    const { config, scenario } = checkRunInputs(request.config, request.scenario);
    const factory = this.deps.drivers[request.mode];
    if (factory === undefined) {
      throw new LabError(
        LAB_ERROR.unsupported,
        `${request.mode} runs are not available in this version yet; use mode "virtual"`,
      );
    }
    const runId = newRunId();
    const meta: ActiveRun['meta'] = { runId, name: request.name ?? scenario.name, state: 'running' };
    const pricing: RunPricing = { prices: this.deps.prices(), backendCostPerMillion: request.backendCostPerMillion };
    // Ticks carry the month's cost so far, for the config in force (a hot-apply changes it).
    const configNow = () => this.active.get(runId)?.config ?? config;
    let settle = (): void => undefined;
    const driver = factory({
      runId,
      config,
      scenario,
      seed: request.seed,
      speed: request.speed ?? 'max',
      scheduler: this.deps.scheduler,
      onTick: (tick) => this.deps.emit({ type: 'run-tick', tick: pricedTick(tick, configNow(), pricing) }),
      onEnd: (end) => void this.ended(runId, end).finally(() => settle()),
    });
    // Tracked from the start: a live run ends only once its requests in flight are answered, so `close` waits.
    this.track(new Promise<void>((resolve) => (settle = resolve)));
    this.active.set(runId, { driver, meta, mode: request.mode, config, scenario, pricing });
    try {
      driver.start();
    } catch (error) {
      this.active.delete(runId);
      settle();
      throw error;
    }
    return { runId };
  }

  stop(runId: string): void {
    const run = this.active.get(runId);
    if (run) run.driver.stop();
    else this.known(runId);
  }

  setSpeed(runId: string, speed: PlaybackSpeed): void {
    const run = this.active.get(runId);
    if (run) run.driver.setSpeed(speed);
    else this.known(runId);
  }

  /** Hot-applies a config to a run in progress (`tuning-apply.ts`); a run that has ended can't change. */
  applyConfig(runId: string, config: unknown): ConfigChange {
    const run = this.active.get(runId);
    if (run) return applyToRun(run, config);
    this.known(runId);
    throw new LabError(LAB_ERROR.state, `run ${runId} has ended; limits change only while a run goes`);
  }

  /** Renames a run: a running one keeps the name for when it is saved, a saved one is rewritten. */
  async rename(runId: string, name: string): Promise<RunSummary> {
    const run = this.active.get(runId);
    if (run) {
      run.meta.name = name;
      return summarize(run.driver.report(), run.meta);
    }
    this.known(runId);
    const summary = await this.deps.history.rename(runId, name);
    if (summary === null) throw new LabError(LAB_ERROR.notFound, `no run "${runId}"`);
    return summary;
  }

  /** Deletes a saved run and its file. */
  async remove(runId: string): Promise<void> {
    if (this.active.has(runId)) throw new LabError(LAB_ERROR.state, `run ${runId} is still going; stop it first`);
    this.known(runId);
    await this.deps.history.remove(runId);
  }

  /** Whether a run is still going. */
  isActive(runId: string): boolean {
    return this.active.has(runId);
  }

  /** Running runs first, then the history, newest first. */
  list(): RunSummary[] {
    const running = [...this.active.values()].map(({ driver, meta }) => summarize(driver.report(), meta));
    return [...running.reverse(), ...this.deps.history.list()];
  }

  /** The report of a saved run, or of a running one so far; null for an unknown id. */
  async report(runId: string): Promise<RunReport | null> {
    const run = this.active.get(runId);
    if (run) return pricedReport(run.driver.report(), run.pricing, run.config);
    return pricedSaved(await this.deps.history.report(runId), this.deps.prices());
  }

  async export(runId: string, format: ExportFormat): Promise<ExportedFile> {
    if (this.active.has(runId)) {
      throw new LabError(LAB_ERROR.state, `run ${runId} is still going; stop it or wait for it to end, then export`);
    }
    const meta = this.known(runId);
    const report = pricedSaved(await this.deps.history.report(runId), this.deps.prices());
    if (report === null) throw new LabError(LAB_ERROR.notFound, `no run "${runId}"`);
    return exportReport(report, meta, format);
  }

  /** Stops every run, refuses new ones, and waits until every report is saved. */
  async close(): Promise<void> {
    this.closing = true;
    for (const { driver } of this.active.values()) driver.stop();
    while (this.ending.size > 0) await Promise.all(this.ending);
  }

  private known(runId: string): RunMeta {
    const meta = this.deps.history.meta(runId);
    if (meta === null) throw new LabError(LAB_ERROR.notFound, `no run "${runId}"`);
    return meta;
  }

  private track(promise: Promise<void>): void {
    this.ending.add(promise);
    void promise.finally(() => this.ending.delete(promise));
  }

  private async ended(runId: string, end: RunEnd): Promise<void> {
    const run = this.active.get(runId);
    if (!run) return;
    this.active.delete(runId);
    const meta: ActiveRun['meta'] = { ...run.meta, state: end.state, savedAt: new Date().toISOString() };
    let summary: RunSummary = emptySummary(meta, run);
    // Priced like the ticks: with the config in force at the end, the one a hot-apply left (what you would deploy).
    const report = end.report && pricedReport(end.report, run.pricing, run.config);
    if (report) {
      summary = summarize(report, meta);
      try {
        summary = await this.deps.history.save(report, meta);
      } catch (error) {
        this.deps.warn(`could not save run ${runId} to the history: ${(error as Error).message}`);
      }
    }
    const event: LabEvent = { type: 'run-ended', runId, state: end.state, summary };
    if (report) event.cost = report.cost;
    if (end.error !== undefined) event.error = end.error;
    this.deps.emit(event);
  }
}

const NO_FIGURES = { durationSeconds: 0, sent: 0, ok: 0, throttled: 0, quotaExceeded: 0, p99: 0, cacheHitRatio: 0 };

/** The row of a run that failed before it had a report. */
function emptySummary(meta: RunMeta, run: ActiveRun): RunSummary {
  return {
    runId: meta.runId,
    name: meta.name,
    scenarioName: meta.name,
    mode: run.mode,
    seed: run.driver.seed,
    state: meta.state,
    startedAt: meta.savedAt ?? new Date().toISOString(),
    ...NO_FIGURES,
  };
}
