import { useEffect, useId, useState } from 'react';
import type { ExportFormat, RunSummary } from '../../core/contract/lab-api.ts';
import { downloadFile, hasNativeDialogs } from '../editors/files/download.ts';
import { EXPORT_LABELS } from '../store/insight-slice.ts';
import { useLab, useLabStore } from '../store/store-context.tsx';

const FORMATS: Array<{ format: ExportFormat; label: string; hint: string }> = [
  {
    format: 'report-html',
    label: 'HTML report',
    hint: 'charts, tables, config, checks and cost in one file that opens offline',
  },
  { format: 'series-csv', label: 'CSV', hint: 'the per-second series, one column per counter and bucket' },
  { format: 'report-json', label: 'JSON', hint: 'the whole report (SPEC §8), cost included' },
];

function runLabel(run: RunSummary, current: string | null): string {
  const when = (run.savedAt ?? run.startedAt).replace('T', ' ').slice(0, 16);
  return `${run.runId === current ? 'This run: ' : ''}${run.name} · ${run.state} · ${when} UTC`;
}

/**
 * Downloads of a saved run's report: the self-contained HTML report, the per-second CSV and the report JSON, for
 * the run on the dashboard or any run in the history. Electron saves through its dialog; a browser downloads.
 */
export function ExportPanel() {
  const store = useLabStore();
  const runs = useLab((s) => s.runs);
  const current = useLab((s) => s.runId);
  const exporting = useLab((s) => s.exporting);
  const notice = useLab((s) => s.exportNotice);
  const saved = runs.filter((r) => r.state !== 'running');
  const [picked, setPicked] = useState<string | null>(null);
  const selectId = useId();

  // A new run on the dashboard becomes the one to export.
  useEffect(() => setPicked(null), [current]);

  const fallback = saved.some((r) => r.runId === current) ? current : (saved[0]?.runId ?? null);
  const runId = picked !== null && saved.some((r) => r.runId === picked) ? picked : fallback;

  const download = async (format: ExportFormat) => {
    if (runId === null) return;
    const s = store.getState();
    const file = await s.exportRunFile(runId, format);
    if (!file) return;
    if (hasNativeDialogs()) await s.saveFileNatively(file);
    else downloadFile(file);
  };

  return (
    <section className="panel side-panel export-panel" aria-labelledby="export-panel-title" data-testid="export-panel">
      <header className="panel-header">
        <h2 id="export-panel-title">Reports</h2>
      </header>
      {saved.length === 0 ? (
        <p className="empty" data-testid="export-empty">
          Run a scenario: every saved run can be downloaded as an HTML report, a CSV or JSON.
        </p>
      ) : (
        <>
          <label className="field" htmlFor={selectId}>
            Run
          </label>
          <select
            id={selectId}
            value={runId ?? ''}
            onChange={(e) => setPicked(e.target.value)}
            data-testid="export-run-select"
          >
            {saved.map((run) => (
              <option key={run.runId} value={run.runId}>
                {runLabel(run, current)}
              </option>
            ))}
          </select>
          <div className="export-buttons" role="group" aria-label="Download the run as">
            {FORMATS.map(({ format, label, hint }) => (
              <button
                key={format}
                type="button"
                onClick={() => void download(format)}
                disabled={runId === null || exporting !== null}
                title={`${EXPORT_LABELS[format] ?? label}: ${hint}`}
                data-testid={`export-${format}`}
              >
                {exporting === format ? `${label}…` : label}
              </button>
            ))}
          </div>
        </>
      )}
      <p
        className={notice?.tone === 'error' ? 'inline-error export-notice' : 'muted export-notice'}
        role="status"
        data-testid="export-notice"
      >
        {notice?.text ?? ''}
      </p>
    </section>
  );
}
