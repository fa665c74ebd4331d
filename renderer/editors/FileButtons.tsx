import { useRef } from 'react';
import { selectRunActive } from '../store/selectors.ts';
import { useLab, useLabStore } from '../store/store-context.tsx';
import { useDocKind } from './doc-kind.tsx';
import { downloadFile, hasNativeDialogs } from './files/download.ts';

/**
 * Open, save and export. Electron has native dialogs (`LabApi.openDocument` / `saveDocument`); the browser
 * uploads with a file input and downloads with a link.
 */
export function FileButtons() {
  const kind = useDocKind();
  const input = useRef<HTMLInputElement>(null);
  const native = hasNativeDialogs();
  const store = useLabStore();
  // Actions never change; reading them at call time keeps this bar out of every store update.
  const s = () => store.getState();
  const running = useLab(selectRunActive);
  const hasRun = useLab((state) => state.lastSummary !== null || state.runs.length > 0);
  const suffix = kind === 'config' ? '.gatelab.json' : '.scenario.json';

  const open = () => (native ? void s().openDocument(kind) : input.current?.click());
  const save = () => {
    if (native) return void s().saveDocument(kind);
    const file = s().documentFile(kind);
    if (!file) return;
    downloadFile(file);
    s().markSaved(kind);
  };
  const exportTested = async () => {
    const file = await s().exportTestedConfig();
    if (!file) return;
    if (native) await s().saveExportedFile(file);
    else downloadFile(file);
  };

  return (
    <div className="ed-file-buttons">
      <button type="button" onClick={open} data-testid="open-document">
        Open…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label={`Open a ${kind} file (*${suffix})`}
        data-testid="upload-document"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) await s().importDocument(file.name, await file.text());
        }}
      />
      <button type="button" onClick={save} data-testid="save-document">
        {native ? 'Save…' : 'Download'}
      </button>
      {kind === 'config' && (
        <button
          type="button"
          onClick={() => void exportTested()}
          disabled={!hasRun || running}
          title="The config with a `tested` block: the last run's scenario, mode, seed, date and totals"
          data-testid="export-tested"
        >
          Export tested config
        </button>
      )}
    </div>
  );
}
