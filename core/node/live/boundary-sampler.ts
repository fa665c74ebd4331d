import type { GatewaySource } from './gateway-source.ts';

/** Second-boundary bucket levels, taken as the boundary passes, so later requests don't move them. */
export class BoundarySampler {
  private readonly samples = new Map<number, Promise<Record<string, number>>>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private startEpochMs = 0;

  constructor(private readonly source: GatewaySource) {}

  start(startEpochMs: number): void {
    this.startEpochMs = startEpochMs;
    this.arm(0);
  }

  private arm(second: number): void {
    const boundary = this.startEpochMs + (second + 1) * 1000;
    this.timer = setTimeout(
      () => {
        this.samples.set(second, this.source.levels(boundary));
        this.arm(second + 1);
      },
      boundary - (performance.timeOrigin + performance.now()),
    );
  }

  take(second: number): Promise<Record<string, number>> {
    const sample = this.samples.get(second) ?? this.source.levels(this.startEpochMs + (second + 1) * 1000);
    this.samples.delete(second);
    return sample;
  }

  stop(): void {
    if (this.timer !== null) clearTimeout(this.timer);
  }
}
