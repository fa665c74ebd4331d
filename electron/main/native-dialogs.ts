import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { SaveKind } from '../../core/contract/lab-api.ts';
import type { LabDialogs } from '../../core/node/lab/documents.ts';

const DOCUMENT_FILTERS = {
  config: 'Gatelab config (*.gatelab.json)',
  scenario: 'Gatelab scenario (*.scenario.json)',
} as const;

/** A report keeps the format it was exported in: the suggested name's extension (html, csv or json). */
function filters(kind: SaveKind, suggestedName = ''): FileFilter[] {
  const extension = /\.([a-z0-9]+)$/i.exec(suggestedName)?.[1]?.toLowerCase() ?? 'json';
  const first: FileFilter =
    kind === 'report'
      ? { name: `Gatelab report (*.${extension})`, extensions: [extension] }
      : { name: DOCUMENT_FILTERS[kind], extensions: ['json'] };
  return [first, { name: 'All files', extensions: ['*'] }];
}

/** The lab's file dialogs as native dialogs, attached to the main window when there is one. */
export function nativeDialogs(window: () => BrowserWindow | null): LabDialogs {
  return {
    async chooseSavePath(kind, suggestedName) {
      const options = {
        defaultPath: join(app.getPath('documents'), basename(suggestedName)),
        filters: filters(kind, suggestedName),
      };
      const parent = window();
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
    async chooseOpenPath(kind) {
      const options = { properties: ['openFile' as const], filters: filters(kind) };
      const parent = window();
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
  };
}
