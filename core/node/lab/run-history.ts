import { readdir, readFile, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { RunState, RunSummary } from '../../contract/lab-api.ts';
import { RUN_ID_PATTERN } from '../../contract/lab-api-schemas.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { writeFileAtomic } from '../atomic-write.ts';
import { summarize } from './run-summary.ts';
import { storedChanges, type TunedMeta } from './tuning-changes.ts';

/** A saved run: the SPEC §8 report plus a `lab` block; `gatelab run --runs-dir` files (no block) load too. */
type StoredReport = RunReport & { lab?: Partial<TunedMeta> };

/** Recent reports kept in memory so the run just watched opens without a disk read. */
const CACHED_REPORTS = 8;
const STATES: readonly RunState[] = ['running', 'finished', 'stopped', 'failed'];

function isReport(value: unknown): value is StoredReport {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const r = value as Partial<RunReport>;
  return (
    r.formatVersion === 1 &&
    (r.mode === 'virtual' || r.mode === 'live') &&
    typeof r.seed === 'number' &&
    typeof r.startedAt === 'string' &&
    typeof r.durationSeconds === 'number' &&
    typeof r.totals?.latencyMs === 'object' &&
    Array.isArray(r.series) &&
    typeof r.config === 'object' &&
    typeof r.scenario?.name === 'string'
  );
}

function metaOf(report: StoredReport, fileStem: string, mtime: string): TunedMeta {
  const lab = report.lab ?? {};
  const state = STATES.includes(lab.state as RunState) && lab.state !== 'running' ? lab.state! : 'finished';
  const changes = storedChanges(lab.changes);
  return {
    runId: typeof lab.runId === 'string' ? lab.runId : fileStem,
    name: typeof lab.name === 'string' ? lab.name : report.scenario.name,
    state,
    savedAt: typeof lab.savedAt === 'string' ? lab.savedAt : mtime,
    ...(changes === undefined ? {} : { changes }),
  };
}

/**
 * The run history: one JSON file per run under `dir`, written atomically, read back when the host starts. A file
 * that isn't a readable report is skipped with a warning rather than hiding every other run.
 */
export class RunHistory {
  private readonly runs = new Map<string, { meta: TunedMeta; summary: RunSummary; file: string }>();
  private readonly cache = new Map<string, RunReport>();
  /** The last write to each file, so a rename or delete waits for a save still going instead of racing it. */
  private readonly writes = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dir: string,
    private readonly warn: (message: string) => void,
  ) {}

  async load(): Promise<void> {
    let names: string[];
    try {
      names = await readdir(this.dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT')
        this.warn(`cannot read the run history: ${String(error)}`);
      return;
    }
    for (const name of names.filter((n) => n.endsWith('.json') && !n.startsWith('.')).sort()) {
      const file = join(this.dir, name);
      try {
        const report = JSON.parse(await readFile(file, 'utf8')) as unknown;
        if (!isReport(report)) throw new Error('not a Gatelab run report');
        const { mtime } = await stat(file);
        const meta = metaOf(report, name.slice(0, -'.json'.length), mtime.toISOString());
        if (!RUN_ID_PATTERN.test(meta.runId)) throw new Error(`"${meta.runId}" is not a usable run id`);
        this.runs.set(meta.runId, { meta, summary: summarize(report, meta), file });
      } catch (error) {
        this.warn(`skipping run history file ${file}: ${(error as Error).message}`);
      }
    }
  }

  /** Saves a run's report atomically and returns its history row. */
  async save(report: RunReport, meta: TunedMeta): Promise<RunSummary> {
    const file = join(this.dir, `${meta.runId}.json`);
    const summary = summarize(report, meta);
    this.runs.set(meta.runId, { meta, summary, file });
    this.remember(meta.runId, report);
    await this.queue(file, () => writeFileAtomic(file, `${JSON.stringify({ ...report, lab: meta })}\n`));
    return summary;
  }

  /** Renames a saved run: its file is rewritten atomically, and only then does the history show the new name. */
  async rename(runId: string, name: string): Promise<RunSummary | null> {
    const run = this.runs.get(runId);
    const report = await this.report(runId);
    if (!run || !report) return null;
    const meta: TunedMeta = { ...run.meta, name };
    await this.queue(run.file, () => writeFileAtomic(run.file, `${JSON.stringify({ ...report, lab: meta })}\n`));
    const summary = summarize(report, meta);
    this.runs.set(runId, { ...run, meta, summary });
    return summary;
  }

  /** Deletes a saved run's file (an unlink is atomic), then forgets the run; false for an unknown run. */
  async remove(runId: string): Promise<boolean> {
    const run = this.runs.get(runId);
    if (!run) return false;
    await this.queue(run.file, () => rm(run.file, { force: true }));
    this.runs.delete(runId);
    this.cache.delete(runId);
    return true;
  }

  /** Every saved run, newest first. */
  list(): RunSummary[] {
    return [...this.runs.values()]
      .sort((a, b) => (b.meta.savedAt ?? '').localeCompare(a.meta.savedAt ?? ''))
      .map((r) => r.summary);
  }

  meta(runId: string): TunedMeta | null {
    return this.runs.get(runId)?.meta ?? null;
  }

  /** A saved run's report without the history's `lab` block, or null for an unknown run. */
  async report(runId: string): Promise<RunReport | null> {
    const cached = this.cache.get(runId);
    if (cached) return cached;
    const run = this.runs.get(runId);
    if (!run) return null;
    const stored = JSON.parse(await readFile(run.file, 'utf8')) as StoredReport;
    const { lab: _lab, ...report } = stored;
    this.remember(runId, report);
    return report;
  }

  private async queue(file: string, write: () => Promise<unknown>): Promise<void> {
    const next = (this.writes.get(file) ?? Promise.resolve()).catch(() => undefined).then(write);
    this.writes.set(file, next);
    try {
      await next;
    } finally {
      if (this.writes.get(file) === next) this.writes.delete(file);
    }
  }

  private remember(runId: string, report: RunReport): void {
    this.cache.delete(runId);
    this.cache.set(runId, report);
    for (const key of this.cache.keys()) {
      if (this.cache.size <= CACHED_REPORTS) break;
      this.cache.delete(key);
    }
  }
}
