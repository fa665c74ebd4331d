import { vi } from 'vitest';

/** A download the page started: the link's file name and the blob's type and text. */
export interface CapturedFile {
  name: string;
  type: string;
  text: string | null;
}

export interface Downloads {
  files: CapturedFile[];
  blobs: Blob[];
  /** Waits until the captured blobs' text has been read. */
  settle(): Promise<void>;
  restore(): void;
}

/**
 * Records `<a download>` clicks on blob URLs (jsdom has no `URL.createObjectURL` and doesn't download). Text blobs
 * are read at once; others keep `text: null`.
 */
export function captureDownloads(): Downloads {
  const blobs = new Map<string, Blob>();
  const files: CapturedFile[] = [];
  const captured: Blob[] = [];
  const reads: Array<Promise<void>> = [];
  let next = 0;
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = (blob: Blob) => {
    const url = `blob:test/${next++}`;
    blobs.set(url, blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (!blob) return;
    captured.push(blob);
    const file: CapturedFile = { name: this.download, type: blob.type, text: null };
    files.push(file);
    if (blob.type.startsWith('text/') || blob.type === 'application/json') {
      // jsdom's Blob has no text(); FileReader reads it.
      reads.push(
        new Promise((resolve) => {
          const reader = new FileReader();
          reader.onload = () => {
            file.text = String(reader.result);
            resolve();
          };
          reader.readAsText(blob);
        }),
      );
    }
  });
  return {
    files,
    blobs: captured,
    settle: async () => void (await Promise.all(reads)),
    restore() {
      click.mockRestore();
      URL.createObjectURL = original.create;
      URL.revokeObjectURL = original.revoke;
    },
  };
}
