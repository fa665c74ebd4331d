/** A readable line for anything a lab call rejected with, keeping the lab's error code when it gave one. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as Error & { code?: unknown }).code;
    return typeof code === 'string' && code !== '' ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}
