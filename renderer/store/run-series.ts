import type { BucketSnapshot } from '../../core/contract/lab-api.ts';
import type { SeriesPoint } from '../lab/types.ts';
import { RingBuffer } from './ring-buffer.ts';

/** Seconds of history a run keeps for its charts: one hour, so a 30-minute run is shown whole. */
export const SERIES_CAPACITY = 3600;

/**
 * The closed seconds of the current run, for the charts. It is mutated in place and kept out of React's
 * render path on purpose: charts read it from a store subscription and redraw without a re-render.
 */
export class RunSeries {
  readonly points: RingBuffer<SeriesPoint>;
  /** Points ever appended, so a chart can tell which ones it has not drawn yet. */
  appended = 0;
  /** Bumped when a new run starts, so a chart drops what it drew for the previous one. */
  generation = 0;
  /** The latest snapshot of each bucket seen in the run, in first-seen order (labels and capacities). */
  readonly buckets = new Map<string, BucketSnapshot>();
  /** Buckets that have been below their capacity at some point: the ones worth a line of their own. */
  readonly drained = new Set<string>();
  plannedSeconds = 0;

  constructor(capacity = SERIES_CAPACITY) {
    this.points = new RingBuffer<SeriesPoint>(capacity);
  }

  /** Call `updateBuckets` first, so the points' bucket levels can be compared with known capacities. */
  append(points: readonly SeriesPoint[]): void {
    for (const point of points) {
      this.points.push(point);
      for (const id in point.buckets) this.noteLevel(id, point.buckets[id]!);
    }
    this.appended += points.length;
  }

  updateBuckets(snapshots: readonly BucketSnapshot[]): void {
    for (const snapshot of snapshots) {
      this.buckets.set(snapshot.id, snapshot);
      this.noteLevel(snapshot.id, snapshot.level);
    }
  }

  private noteLevel(id: string, level: number): void {
    if (this.drained.has(id)) return;
    const burst = this.buckets.get(id)?.burst;
    if (burst !== undefined && level < burst - 1e-6) this.drained.add(id);
  }

  reset(): void {
    this.points.clear();
    this.buckets.clear();
    this.drained.clear();
    this.appended = 0;
    this.plannedSeconds = 0;
    this.generation++;
  }
}
