import { request } from 'undici';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import type { Gateway } from '../../engine/gateway/gateway.ts';
import type { BucketLevel, QuotaUsage } from '../../engine/gateway/gateway-snapshots.ts';

/** A live run failed for a reason outside the inputs (an unreachable target, a failing generator): exit 3. */
export class LiveRunError extends Error {
  override readonly name = 'LiveRunError';
}

/** Where a live run reads the gateway's buckets and quotas: the in-process engine, or a target's metrics. */
export interface GatewaySource {
  /** Each bucket's level at `epochMs` by bucket id (a target answers with its level now). */
  levels(epochMs: number): Promise<Record<string, number>>;
  snapshot(epochMs: number): Promise<{ buckets: BucketLevel[]; quotas: QuotaUsage[] }>;
}

function byId(buckets: readonly BucketLevel[]): Record<string, number> {
  const levels: Record<string, number> = {};
  for (const bucket of buckets) levels[bucket.id] = bucket.level;
  return levels;
}

/** The gateway running in this process: exact levels at any instant. */
export function inProcessSource(gateway: Gateway): GatewaySource {
  return {
    levels: (epochMs) => Promise.resolve(byId(gateway.bucketLevels(epochMs))),
    snapshot: (epochMs) =>
      Promise.resolve({ buckets: gateway.bucketLevels(epochMs), quotas: gateway.quotaUsage(epochMs) }),
  };
}

const ADMIN_TIMEOUT_MS = 3000;

async function getJson(base: string, path: string): Promise<{ status: number; value: unknown }> {
  const response = await request(new URL(path, base), {
    method: 'GET',
    headersTimeout: ADMIN_TIMEOUT_MS,
    bodyTimeout: ADMIN_TIMEOUT_MS,
  });
  const text = await response.body.text();
  try {
    return { status: response.statusCode, value: JSON.parse(text) };
  } catch {
    return { status: response.statusCode, value: null };
  }
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  const code = (error as { code?: string }).code ?? cause?.code;
  return code ?? (error as Error).message;
}

/**
 * Checks that `target` is a running `gatelab serve` (its health endpoint answers), and compares its config with
 * the run's. Returns warnings; throws `LiveRunError` when the target cannot be reached.
 */
export async function checkTarget(target: string, config: GatewayConfig): Promise<string[]> {
  let health;
  try {
    health = await getJson(target, '/_gatelab/health');
  } catch (error) {
    throw new LiveRunError(`cannot reach --target ${target}: ${describe(error)}; is \`gatelab serve\` running there?`);
  }
  if (health.status !== 200 && health.status !== 401) {
    throw new LiveRunError(`--target ${target} is not a gatelab serve (/_gatelab/health answered ${health.status})`);
  }
  const served = await getJson(target, '/_gatelab/config').catch(() => null);
  if (served === null || served.status !== 200) {
    return [`--target ${target}: could not read its config; bucket levels may be missing from the report`];
  }
  if (JSON.stringify(served.value) !== JSON.stringify(config)) {
    return [`--target ${target} serves a different config than the one given; the report embeds the one given`];
  }
  return [];
}

/** A separately started `gatelab serve`, read through `GET /_gatelab/metrics`. */
export function targetSource(target: string): GatewaySource {
  const metrics = async (): Promise<{ buckets: BucketLevel[]; quotas: QuotaUsage[] }> => {
    const { status, value } = await getJson(target, '/_gatelab/metrics');
    if (status !== 200 || value === null) return { buckets: [], quotas: [] };
    const body = value as { buckets?: BucketLevel[]; quotas?: QuotaUsage[] };
    return { buckets: body.buckets ?? [], quotas: body.quotas ?? [] };
  };
  return {
    levels: () =>
      metrics().then(
        (m) => byId(m.buckets),
        () => ({}),
      ),
    snapshot: () => metrics().catch(() => ({ buckets: [], quotas: [] })),
  };
}

/**
 * The part of a gateway the report builder reads, answering with levels and quotas already taken at the run's
 * end (the builder asks by engine time, which for a live run is not ms since its start).
 */
export function finishedGateway(snapshot: {
  buckets: BucketLevel[];
  quotas: QuotaUsage[];
}): Pick<Gateway, 'bucketLevels' | 'quotaUsage'> {
  return { bucketLevels: () => snapshot.buckets, quotaUsage: () => snapshot.quotas };
}
