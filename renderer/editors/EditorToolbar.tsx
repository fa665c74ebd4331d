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

function UndoRedo() {
  const kind = useDocKind();
  const key = useLab((s) => {
    const name = activeName(s, kind);
    return name === null ? null : docKey(kind, name);
  });
  const canUndo = useLab((s) => key !== null && (s.editorHistories[key]?.past.length ?? 0) > 0);
  const canRedo = useLab((s) => key !== null && (s.editorHistories[key]?.future.length ?? 0) > 0);
  const undo = useLab((s) => s.undo);
  const redo = useLab((s) => s.redo);
  return (
    <div className="ed-undo" role="group" aria-label="History">
      <button
        type="button"
        onClick={() => undo(kind)}
        disabled={!canUndo}
        aria-keyshortcuts="Control+Z"
        title="Undo (Ctrl+Z)"
        data-testid="undo"
      >
        ↶ Undo
      </button>
      <button
        type="button"
        onClick={() => redo(kind)}
        disabled={!canRedo}
        aria-keyshortcuts="Control+Shift+Z"
        title="Redo (Ctrl+Shift+Z)"
        data-testid="redo"
      >
        ↷ Redo
      </button>
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
