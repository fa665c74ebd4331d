import type { RandomSource } from '../random/random-source.ts';
import type { PathTemplate } from './path-template.ts';
import type { MixEntry } from './schema.ts';
import { compileIndexed, type IndexedValues, type ZipfCache } from './value-generators.ts';

/** Indexes past this are built per draw: the memo stays bounded however large `n` or the span is. */
const MEMO_LIMIT = 65_536;

/**
 * The paths of a mix entry whose only drawn part is one indexed value (`head` + value + `tail`), built once per
 * index: a Zipf or uniform id repeats, and building its path per request (and flattening the concatenation
 * on its first read) was a twentieth of the simulator's time.
 */
export class PathMemo {
  private readonly paths: Array<string | undefined>;

  constructor(
    private readonly head: string,
    private readonly values: IndexedValues,
    private readonly tail: string,
  ) {
    this.paths = new Array<string | undefined>(Math.min(values.size, MEMO_LIMIT));
  }

  /** Draws the next path. */
  draw(): string {
    const index = this.values.draw();
    if (index >= this.paths.length) return this.head + this.values.text(index) + this.tail;
    // join builds a flat string, where + would keep a rope to flatten on every first read.
    return (this.paths[index] ??= [this.head, this.values.text(index), this.tail].join(''));
  }
}

/** The entry's path memo, when one value is all it draws (the memo's draws are the value source's). */
export function pathMemoOf(
  entry: MixEntry,
  template: PathTemplate,
  literals: readonly string[],
  random: RandomSource,
  zipfCache: ZipfCache,
): PathMemo | null {
  const query = Object.entries(entry.query ?? {});
  if (template.params.length + query.length !== 1) return null;
  const param = template.params[0];
  if (param !== undefined) {
    const values = compileIndexed(entry.params![param.name]!, param.greedy ? 'greedyPath' : 'path', random, zipfCache);
    return values === null ? null : new PathMemo(literals[0]!, values, literals[1]!);
  }
  const [name, spec] = query[0]!;
  const values = compileIndexed(spec, 'query', random, zipfCache);
  return values === null ? null : new PathMemo(`${literals[0]!}?${encodeURIComponent(name)}=`, values, '');
}
