import { join } from 'node:path';
import type { RunReport } from '../../engine/run/report-types.ts';
import { writeFileAtomic } from '../../node/atomic-write.ts';

function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'run'
  );
}

/** Saves a report into a runs folder (`--runs-dir`), atomically; returns the file's path. */
export async function saveToRunsDir(dir: string, report: RunReport): Promise<string> {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const path = join(dir, `${stamp}-${slug(report.scenario.name)}-${report.mode}-seed${report.seed}.json`);
  await writeFileAtomic(path, `${JSON.stringify(report)}\n`);
  return path;
}
