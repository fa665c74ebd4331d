import { renderHtmlReport, renderSeriesCsv } from '../../engine/report/index.ts';
import type { RunReport } from '../../engine/run/report-types.ts';
import { writeFileAtomic } from '../atomic-write.ts';

/** Writes the self-contained HTML report of a run to `path`, atomically. */
export async function writeHtmlReport(report: RunReport, path: string): Promise<void> {
  await writeFileAtomic(path, renderHtmlReport(report));
}

/** Writes the run's per-second series as CSV to `path`, atomically. */
export async function writeSeriesCsv(report: RunReport, path: string): Promise<void> {
  await writeFileAtomic(path, renderSeriesCsv(report));
}
