import type { DocumentKind } from '../../core/contract/lab-api.ts';
import { activeName, docKey } from '../store/editor-docs.ts';
import { useLab } from '../store/store-context.tsx';
import { useDocKind } from './doc-kind.tsx';
import { FileButtons } from './FileButtons.tsx';
import { Tabs } from './Tabs.tsx';

const KINDS: Array<{ id: DocumentKind; label: string }> = [
  { id: 'config', label: 'Gateway config' },
  { id: 'scenario', label: 'Scenario' },
];

const STEPS = {
  undo: { stack: 'past', keys: 'Control+Z', title: 'Undo (Ctrl+Z)', text: '↶ Undo' },
  redo: { stack: 'future', keys: 'Control+Shift+Z', title: 'Redo (Ctrl+Shift+Z)', text: '↷ Redo' },
} as const;

function HistoryButton({ step, historyKey }: { step: keyof typeof STEPS; historyKey: string | null }) {
  const kind = useDocKind();
  const { stack, keys, title, text } = STEPS[step];
  const enabled = useLab((s) => historyKey !== null && (s.editorHistories[historyKey]?.[stack].length ?? 0) > 0);
  const run = useLab((s) => s[step]);
  return (
    <button
      type="button"
      onClick={() => run(kind)}
      disabled={!enabled}
      aria-keyshortcuts={keys}
      title={title}
      data-testid={step}
    >
      {text}
    </button>
  );
}

function UndoRedo() {
  const kind = useDocKind();
  const key = useLab((s) => {
    const name = activeName(s, kind);
    return name === null ? null : docKey(kind, name);
  });
  return (
    <div className="ed-undo" role="group" aria-label="History">
      <HistoryButton step="undo" historyKey={key} />
      <HistoryButton step="redo" historyKey={key} />
    </div>
  );
}

/** Which document is edited, its name and save state, history, and the file actions. */
export function EditorToolbar() {
  const kind = useDocKind();
  const navigate = useLab((s) => s.navigate);
  const name = useLab((s) => activeName(s, kind));
  const unsaved = useLab((s) => name !== null && s.editorDirty[docKey(kind, name)] === true);
  return (
    <div className="ed-toolbar">
      <Tabs
        label="Document"
        items={KINDS}
        selected={kind}
        onSelect={(id) => navigate({ kind: id })}
        panelId="editor-panel"
        testId="editor-kind"
      />
      <span className="ed-doc-name" data-testid="editor-doc-name">
        {name ?? 'nothing selected'}
        {unsaved && (
          <span className="ed-unsaved" title="Autosaved as a draft; not yet saved to a file">
            {' '}
            · draft
          </span>
        )}
      </span>
      <UndoRedo />
      <FileButtons />
    </div>
  );
}
