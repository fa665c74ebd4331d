import { LAB_ERROR, type LabErrorCode, type LabErrorInfo } from '../../contract/lab-api-schemas.ts';

/** A lab host failure with a code from `LAB_ERROR`, so every transport can answer it as `{ code, message }`. */
export class LabError extends Error {
  constructor(
    readonly code: LabErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LabError';
  }
}

/** Any thrown value as the `{ code, message }` a transport sends back; unexpected errors become `internal`. */
export function errorInfo(error: unknown): LabErrorInfo {
  if (error instanceof LabError) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: LAB_ERROR.internal, message: `unexpected error: ${message}` };
}
