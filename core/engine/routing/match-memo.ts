/** Paths remembered per method before the memo starts over. */
const MEMO_LIMIT = 16_384;

/** One method's remembered matches, all from one start index (a matcher serves one stage, so one prefix). */
interface MethodMemo<M> {
  from: number;
  paths: Map<string, M>;
}

/**
 * What a matcher answered (and what follows from it) for recent paths, by method and path. Traffic repeats paths
 * (a Zipf id, a health check), and a lookup of a path string whose hash is already known costs a fraction of a
 * tree walk that slices, decodes and builds parameters. Bounded: when a method's paths reach the limit it starts
 * over, and when that happens before as many repeats as paths were seen (every path unique, as with sequence
 * ids), it stops remembering.
 */
export class MatchMemo<M> {
  private readonly byMethod = new Map<string, MethodMemo<M>>();
  private hits = 0;
  private enabled = true;

  /** The value remembered for `method` on `path` from `from`, or undefined. */
  get(method: string, path: string, from: number): M | undefined {
    if (!this.enabled) return undefined;
    const memo = this.byMethod.get(method);
    if (memo === undefined || memo.from !== from) return undefined;
    const match = memo.paths.get(path);
    if (match !== undefined) this.hits++;
    return match;
  }

  set(method: string, path: string, from: number, match: M): void {
    if (!this.enabled) return;
    let memo = this.byMethod.get(method);
    if (memo === undefined) this.byMethod.set(method, (memo = { from, paths: new Map() }));
    if (memo.from !== from) return;
    if (memo.paths.size >= MEMO_LIMIT) {
      if (this.hits < MEMO_LIMIT) {
        this.enabled = false;
        this.byMethod.clear();
        return;
      }
      memo.paths.clear();
      this.hits = 0;
    }
    memo.paths.set(path, match);
  }

  clear(): void {
    this.byMethod.clear();
  }
}
