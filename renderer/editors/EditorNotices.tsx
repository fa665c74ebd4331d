import { useLab } from '../store/store-context.tsx';

/** After a reload or crash: the unsaved draft is back, with a way to drop it. */
export function DraftNotice() {
  const restored = useLab((s) => s.draftRestored);
  const discard = useLab((s) => s.discardDraft);
  const dismiss = useLab((s) => s.dismissDraftNotice);
  if (!restored) return null;
  const when = new Date(restored.savedAt).toLocaleString();
  return (
    <div className="banner banner-info" role="status" data-testid="draft-restored">
      <span>
        Draft restored: unsaved changes to {restored.names.join(', ')} from {when}.
      </span>
      <span className="banner-actions">
        <button type="button" onClick={discard} data-testid="discard-draft">
          Discard draft
        </button>
        <button type="button" onClick={dismiss} aria-label="Keep the draft and close this notice">
          Keep
        </button>
      </span>
    </div>
  );
}

/** The outcome of the last editor action, and an autosave that failed. */
export function EditorNotice() {
  const notice = useLab((s) => s.editorNotice);
  const autosaveError = useLab((s) => s.autosaveError);
  const dismiss = useLab((s) => s.dismissEditorNotice);
  return (
    <>
      {autosaveError && (
        <div className="banner banner-warn" role="alert" data-testid="autosave-error">
          {autosaveError}
        </div>
      )}
      {notice && (
        <div
          className={`banner ${notice.tone === 'error' ? 'banner-error' : 'banner-info'}`}
          role={notice.tone === 'error' ? 'alert' : 'status'}
          data-testid="editor-notice"
        >
          <span>{notice.text}</span>
          <button type="button" onClick={dismiss} aria-label="Dismiss the message">
            ✕
          </button>
        </div>
      )}
    </>
  );
}
