/** The counters kept per second, in this order. */
export const SECOND_FIELDS = [
  'count',
  'errors4xx',
  'errors5xx',
  'cacheHits',
  'cacheMisses',
  'throttled',
  'integrationCalls',
] as const;
export type SecondField = (typeof SECOND_FIELDS)[number];
export type SecondPoint = { second: number } & Record<SecondField, number>;

const WIDTH = SECOND_FIELDS.length;

/**
 * Counters in one-second time buckets, kept in a ring buffer so memory stays flat however long the
 * gateway runs: only the last `capacity` seconds are kept.
 */
export class PerSecondRing {
  private readonly data: Float64Array;
  private current = Number.NaN;
  private first = Number.NaN;

  constructor(private readonly capacity = 3600) {
    this.data = new Float64Array(capacity * WIDTH);
    this.cursor.data = this.data;
  }

  /** The counters of the second that contains `nowMs`, and the offset of that second in them. */
  at(nowMs: number): { data: Float64Array; base: number } {
    const second = Math.floor(nowMs / 1000);
    if (second !== this.current) this.moveTo(second);
    this.cursor.base = this.slot(second);
    return this.cursor;
  }

  private readonly cursor: { data: Float64Array; base: number } = { data: new Float64Array(0), base: 0 };

  /** Adds `amount` to one field (an index into SECOND_FIELDS) of the second that contains `nowMs`. */
  add(nowMs: number, field: number, amount = 1): void {
    const { data, base } = this.at(nowMs);
    data[base + field]! += amount;
  }

  private slot(second: number): number {
    return (((second % this.capacity) + this.capacity) % this.capacity) * WIDTH;
  }

  private moveTo(second: number): void {
    if (Number.isNaN(this.current)) {
      this.first = second;
    } else if (second > this.current) {
      const clearFrom = Math.max(this.current + 1, second - this.capacity + 1);
      for (let s = clearFrom; s <= second; s++) {
        const base = this.slot(s);
        this.data.fill(0, base, base + WIDTH);
      }
    } else {
      return; // a late sample for an older second still lands in its slot if kept
    }
    this.current = second;
  }

  /** The kept seconds, oldest first. */
  points(): SecondPoint[] {
    if (Number.isNaN(this.current)) return [];
    const from = Math.max(this.first, this.current - this.capacity + 1);
    const out: SecondPoint[] = [];
    for (let s = from; s <= this.current; s++) {
      const base = this.slot(s);
      const point = { second: s } as SecondPoint;
      SECOND_FIELDS.forEach((name, i) => (point[name] = this.data[base + i]!));
      out.push(point);
    }
    return out;
  }
}
