import type { ExportedFile, ExportFormat, LabApi } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { SliceCreator } from './lab-state.ts';

/** The largest backend cost the lab accepts (`StartRunRequest.backendCostPerMillion`). */
export const MAX_BACKEND_COST = 1_000_000;

/** What became of the last export, shown under the export buttons. */
export interface ExportNotice {
  tone: 'info' | 'error';
  text: string;
}

/** What the report exports are called in buttons and notices. */
export const EXPORT_LABELS: Partial<Record<ExportFormat, string>> = {
  'report-html': 'HTML report',
  'series-csv': 'per-second CSV',
  'report-json': 'report JSON',
};

export interface InsightSlice {
  /** What a million backend calls cost the user; sent with the next run to value the calls its cache saves. */
  backendCostPerMillion: number | null;
  /** The export under way (one at a time), or null. */
  exporting: ExportFormat | null;
  exportNotice: ExportNotice | null;
  /** Sets the backend cost for the next run; null clears it. Values outside 0…1,000,000 are refused. */
  setBackendCostPerMillion(value: number | null): boolean;
  /** A run's report as a file, made by the lab; null, with a notice, when it can't be. */
  exportRunFile(runId: string, format: ExportFormat): Promise<ExportedFile | null>;
  /** Electron: saves a file through the native save dialog; true unless it failed. */
  saveFileNatively(file: ExportedFile): Promise<boolean>;
  noteExport(notice: ExportNotice | null): void;
}

/** Cost settings and report exports: the HTML report, the per-second CSV and the report JSON of any saved run. */
export const createInsightSlice =
  (lab: LabApi): SliceCreator<InsightSlice> =>
  (set, get) => ({
    backendCostPerMillion: null,
    exporting: null,
    exportNotice: null,
    setBackendCostPerMillion(value) {
      if (value !== null && !(Number.isFinite(value) && value >= 0 && value <= MAX_BACKEND_COST)) return false;
      set({ backendCostPerMillion: value });
      return true;
    },
    async exportRunFile(runId, format) {
      if (get().exporting !== null) return null;
      set({ exporting: format, exportNotice: null });
      try {
        const file = await lab.exportRun(runId, format);
        set({ exportNotice: { tone: 'info', text: `Exported ${file.fileName}.` } });
        return file;
      } catch (error) {
        const what = EXPORT_LABELS[format] ?? format;
        set({ exportNotice: { tone: 'error', text: `Could not export the ${what}: ${errorMessage(error)}` } });
        return null;
      } finally {
        set({ exporting: null });
      }
    },
    async saveFileNatively(file) {
      try {
        const path = await lab.saveDocument('report', file.text, file.fileName);
        set({ exportNotice: { tone: 'info', text: path === null ? 'Not saved.' : `Saved to ${path}.` } });
        return true;
      } catch (error) {
        set({ exportNotice: { tone: 'error', text: `Could not save ${file.fileName}: ${errorMessage(error)}` } });
        return false;
      }
    },
    noteExport(notice) {
      set({ exportNotice: notice });
    },
  });
