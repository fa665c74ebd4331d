import type { DocumentKind, ExportedFile } from '../../core/contract/lab-api.ts';
import { errorMessage } from '../lab/error-message.ts';
import type { EditorContext } from './editor-context.ts';
import { activeEntry } from './editor-sync.ts';
import {
  docKey,
  docsOf,
  documentText,
  fileNameFor,
  kindOfFile,
  rawFromText,
  uniqueName,
  withDoc,
  type AnyDocument,
} from './editor-docs.ts';

/** Opening, saving and exporting documents. */
export interface FileActions {
  /** An uploaded or dropped file: kept even when invalid, so every error shows at its field. */
  importDocument(fileName: string, text: string): Promise<void>;
  /** Electron: the native open dialog. */
  openDocument(kind: DocumentKind): Promise<void>;
  /** Electron: the native save dialog. */
  saveDocument(kind: DocumentKind): Promise<void>;
  /** The selected document as a file, for the browser to download. */
  documentFile(kind: DocumentKind): ExportedFile | null;
  /** The document is safe in a file: no longer part of the draft. */
  markSaved(kind: DocumentKind): void;
  /** The config of the last run with its `tested` block (`LabApi.exportRun(…, 'tested-config-json')`). */
  exportTestedConfig(): Promise<ExportedFile | null>;
  /** Electron: saves an exported file through the native save dialog. */
  saveExportedFile(file: ExportedFile): Promise<void>;
}

const mimeType = 'application/json';

export function createFileActions(ctx: EditorContext): FileActions {
  const notify = (tone: 'info' | 'error', text: string) => ctx.set({ editorNotice: { tone, text } });

  const select = (kind: DocumentKind, name: string) => {
    if (kind === 'config') ctx.get().selectConfig(name);
    else ctx.get().selectScenario(name);
  };

  /** Adds a document the user brought in, selects it, and keeps it in the draft until it is saved somewhere. */
  function adopt(doc: AnyDocument, fileName: string): string {
    const s = ctx.get();
    const name = uniqueName(doc.kind, fileName, docsOf(s, doc.kind));
    const key = docKey(doc.kind, name);
    ctx.set({
      ...withDoc(s, doc.kind, name, doc),
      editorDirty: { ...s.editorDirty, [key]: true },
      editorPristine: { ...s.editorPristine, [key]: doc.raw },
    });
    select(doc.kind, name);
    ctx.get().navigate({ kind: doc.kind });
    ctx.sync.flushAutosave();
    const errors = doc.errors.length;
    notify(
      errors === 0 ? 'info' : 'error',
      errors === 0
        ? `Opened ${name}.`
        : `Opened ${name}: ${errors} error${errors === 1 ? '' : 's'}, shown at their fields.`,
    );
    return name;
  }

  const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;

  return {
    async importDocument(fileName, text) {
      const kind = kindOfFile(fileName, rawFromText(text));
      try {
        const doc = kind === 'config' ? await ctx.lab.validateConfig(text) : await ctx.lab.validateScenario(text);
        // The lab sends back what it parsed; text that does not parse stays text, to be fixed in the raw view.
        adopt({ ...doc, source: fileName, raw: doc.ok || typeof doc.raw !== 'string' ? doc.raw : text }, fileName);
      } catch (error) {
        notify('error', `Could not open ${fileName}: ${errorMessage(error)}`);
      }
    },
    async openDocument(kind) {
      try {
        const doc = await ctx.lab.openDocument(kind);
        if (doc) adopt(doc, baseName(doc.source ?? `untitled.${kind}.json`));
      } catch (error) {
        notify('error', `Could not open the ${kind}: ${errorMessage(error)}`);
      }
    },
    async saveDocument(kind) {
      const entry = activeEntry(ctx.get(), kind);
      if (!entry) return;
      try {
        const path = await ctx.lab.saveDocument(kind, documentText(entry.doc.raw), fileNameFor(kind, entry.name));
        if (path === null) return;
        ctx.get().markSaved(kind);
        notify('info', `Saved to ${path}.`);
      } catch (error) {
        notify('error', `Could not save the ${kind}: ${errorMessage(error)}`);
      }
    },
    documentFile(kind) {
      const entry = activeEntry(ctx.get(), kind);
      if (!entry) return null;
      return { fileName: fileNameFor(kind, entry.name), mimeType, text: documentText(entry.doc.raw) };
    },
    markSaved(kind) {
      const s = ctx.get();
      const entry = activeEntry(s, kind);
      if (!entry) return;
      const { [entry.key]: _saved, ...dirty } = s.editorDirty;
      ctx.set({ editorDirty: dirty, editorPristine: { ...s.editorPristine, [entry.key]: entry.doc.raw } });
      ctx.sync.flushAutosave();
    },
    async exportTestedConfig() {
      const s = ctx.get();
      const runId = s.lastSummary?.runId ?? s.runs[0]?.runId;
      if (runId === undefined) {
        notify('error', 'Run a scenario first: the tested config records the last run.');
        return null;
      }
      try {
        return await ctx.lab.exportRun(runId, 'tested-config-json');
      } catch (error) {
        notify('error', `Could not export the tested config: ${errorMessage(error)}`);
        return null;
      }
    },
    async saveExportedFile(file) {
      try {
        const path = await ctx.lab.saveDocument('config', file.text, file.fileName);
        if (path !== null) notify('info', `Saved to ${path}.`);
      } catch (error) {
        notify('error', `Could not save ${file.fileName}: ${errorMessage(error)}`);
      }
    },
  };
}
