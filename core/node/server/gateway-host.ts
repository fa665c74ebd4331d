import { randomInt } from 'node:crypto';
import type { Clock } from '../../engine/clock.ts';
import { ManualClock } from '../../engine/clock.ts';
import type { GatewayConfig } from '../../engine/config/schema.ts';
import { Gateway } from '../../engine/gateway/gateway.ts';
import { IntegrationRunner } from '../integrations/integration-runner.ts';
import type { LambdaIdleOptions } from '../integrations/lambda-pool.ts';
import { createClock, type ClockKind } from './system-clock.ts';

/** How to build a live gateway (no socket involved). */
export interface GatewayHostOptions {
  config: GatewayConfig;
  /** `x-gatelab-cache` / `x-gatelab-throttled-by` (SPEC §4). Default true. */
  debugHeaders?: boolean;
  /** Default `system`; `manual` starts at the current wall time and moves only when told. */
  clock?: ClockKind;
  /** The config file's folder: LAMBDA `file` paths are resolved from it. Default the working directory. */
  configDir?: string;
  /** Seeds canary picks and request ids; a random seed by default. */
  seed?: number;
  /** The Lambda worker's entry where it is not next to its source (the Electron app's bundled copy). */
  lambdaWorkerFile?: string | URL;
  /** When idle Lambda instances are reclaimed; after 5 minutes by default. */
  lambdaIdle?: LambdaIdleOptions;
}

/**
 * A live gateway without a socket: the engine, its clock and the real integrations. The HTTP server drives
 * it, and so can any other host (a test, a live runner) that wants the same decisions in process.
 */
export class GatewayHost {
  readonly gateway: Gateway;
  readonly clock: Clock;
  readonly clockKind: ClockKind;
  readonly configDir: string;
  readonly integrations: IntegrationRunner;

  constructor(options: GatewayHostOptions) {
    this.clockKind = options.clock ?? 'system';
    this.clock = createClock(this.clockKind);
    this.configDir = options.configDir ?? process.cwd();
    this.integrations = new IntegrationRunner(this.configDir, {
      workerFile: options.lambdaWorkerFile,
      idle: options.lambdaIdle,
    });
    this.gateway = new Gateway(options.config, {
      seed: options.seed ?? randomInt(0, 2 ** 31 - 1),
      startTime: this.clock.now(),
      debugHeaders: options.debugHeaders ?? true,
    });
  }

  now(): number {
    return this.clock.now();
  }

  /** Hot-swaps a validated config (SPEC §9 "Hot-apply"): bucket levels, quotas and caches survive by id. */
  applyConfig(config: GatewayConfig): void {
    this.gateway.applyConfig(config, this.clock.now());
    this.integrations.retain(config);
  }

  /** Moves a manual clock forward; null with the system clock. */
  advance(ms: number): number | null {
    if (!(this.clock instanceof ManualClock)) return null;
    this.clock.advance(ms);
    return this.clock.now();
  }

  /** Releases the integrations (upstream pools, Lambda workers). */
  close(): Promise<void> {
    return this.integrations.close();
  }
}
