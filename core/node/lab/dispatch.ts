import type { LabApi } from '../../contract/lab-api.ts';
import { checkLabCall, type LabErrorInfo } from '../../contract/lab-api-schemas.ts';
import { errorInfo } from './lab-error.ts';

/** The answer to one call, ready to cross a process boundary. */
export type LabReply = { ok: true; result: unknown } | { ok: false; error: LabErrorInfo };

/**
 * Checks one incoming call against the contract (method, argument count and shapes) and runs it on the lab.
 * Never throws: bad input and failures both come back as `{ ok: false, error: { code, message } }`.
 */
export async function dispatchLabCall(api: LabApi, method: unknown, args: unknown): Promise<LabReply> {
  const checked = checkLabCall(method, args);
  if (!checked.ok) return checked;
  try {
    const call = api[checked.method] as (...callArgs: unknown[]) => Promise<unknown>;
    const result = await call.apply(api, checked.args);
    return { ok: true, result: result === undefined ? null : result };
  } catch (error) {
    return { ok: false, error: errorInfo(error) };
  }
}
