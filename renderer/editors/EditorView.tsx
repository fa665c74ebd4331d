import { activeDoc } from '../store/editor-docs.ts';
import { useLab } from '../store/store-context.tsx';
import { ConfigEditor } from './config/ConfigEditor.tsx';
import { DocKindProvider } from './doc-kind.tsx';
import { DocProblems } from './DocProblems.tsx';
import { DraftNotice, EditorNotice } from './EditorNotices.tsx';
import { EditorToolbar } from './EditorToolbar.tsx';
import { ScenarioEditor } from './scenario/ScenarioEditor.tsx';
import { useFocusRequest, useUndoKeys } from './use-editor-keys.ts';

/** The config and scenario editors: forms, the raw JSON view, validation as you type, files and the draft. */
export function EditorView() {
  const kind = useLab((s) => s.editorNav.kind);
  const hasDoc = useLab((s) => activeDoc(s, kind) !== undefined);
  useUndoKeys(kind);
  useFocusRequest();
  return (
    <DocKindProvider kind={kind}>
      <div className="editor" data-testid="editor">
        <EditorToolbar />
        <DraftNotice />
        <EditorNotice />
        <div className="editor-body">
          <main className="editor-main" id="editor-panel" role="tabpanel" aria-label={`${kind} editor`}>
            {!hasDoc ? (
              <p className="empty">No {kind} is selected.</p>
            ) : kind === 'config' ? (
              <ConfigEditor />
            ) : (
              <ScenarioEditor />
            )}
          </main>
          <aside className="editor-side" aria-label="Validation">
            <DocProblems />
          </aside>
        </div>
      </div>
    </DocKindProvider>
  );
}
