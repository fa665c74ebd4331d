import type { ExportedFile } from '../../../core/contract/lab-api.ts';

/** Electron's preload puts the lab on `window.gatelab`, and with it native open and save dialogs. */
export const hasNativeDialogs = (): boolean => typeof window !== 'undefined' && 'gatelab' in window;

/** Hands a file to the browser as a download (the browser mode has no save dialog of its own). */
export function downloadFile(file: ExportedFile): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL by the time the click returns; revoke it once it surely has.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
