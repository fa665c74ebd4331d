import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow, type FileFilter } from 'electron';
import type { DocumentKind } from '../../core/contract/lab-api.ts';
import type { LabDialogs } from '../../core/node/lab/documents.ts';

function filters(kind: DocumentKind): FileFilter[] {
  const name = kind === 'config' ? 'Gatelab config (*.gatelab.json)' : 'Gatelab scenario (*.scenario.json)';
  return [
    { name, extensions: ['json'] },
    { name: 'All files', extensions: ['*'] },
  ];
}

/** The lab's file dialogs as native dialogs, attached to the main window when there is one. */
export function nativeDialogs(window: () => BrowserWindow | null): LabDialogs {
  return {
    async chooseSavePath(kind, suggestedName) {
      const options = { defaultPath: join(app.getPath('documents'), basename(suggestedName)), filters: filters(kind) };
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
