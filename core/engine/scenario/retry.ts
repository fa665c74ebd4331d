import type { RandomSource } from '../random/random-source.ts';
import type { RetryPolicy } from './schema.ts';

/**
 * The wait before retry `retryNumber` (from 1), SPEC §9: `d = min(maxDelayMs, baseDelayMs·2^(n−1))`,
 * then `full` jitter waits U[0, d), `equal` waits d/2 + U[0, d/2) and `none` waits d. Only the jittered
 * kinds draw from `random` (the scenario's `retry` stream).
 */
export function retryDelayMs(policy: RetryPolicy, retryNumber: number, random: RandomSource): number {
  // baseDelayMs 0 would make 0·2^n NaN once 2^n overflows; it always waits 0.
  const d = policy.baseDelayMs === 0 ? 0 : Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retryNumber - 1));
  switch (policy.jitter) {
    case 'full':
      return random.next() * d;
    case 'equal':
      return d / 2 + random.next() * (d / 2);
    case 'none':
      return d;
  }
}

/**
 * Whether a response with `status` to attempt `attempt` (from 1) is retried: the policy lists the status
 * and attempts remain, `maxAttempts` counting the first attempt.
 */
export function shouldRetry(policy: RetryPolicy | null, status: number, attempt: number): boolean {
  return policy !== null && attempt < policy.maxAttempts && policy.on.includes(status);
}
