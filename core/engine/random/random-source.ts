import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

/** A seeded source of uniform numbers; the engine and the simulator never touch `Math.random`. */
export interface RandomSource {
  /** A uniform float in [0, 1). */
  next(): number;
  /** A 32-bit unsigned integer. */
  nextUint32(): number;
}

type Generator = ReturnType<typeof xoroshiro128plus>;

class XoroshiroSource implements RandomSource {
  constructor(private readonly generator: Generator) {}

  next(): number {
    // 53 random bits from two 32-bit draws, as in pure-rand's uniformFloat64.
    const high = this.generator.next() >>> 5;
    const low = this.generator.next() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  nextUint32(): number {
    return this.generator.next() >>> 0;
  }
}

/**
 * The independent random streams one seed derives (SPEC §9). Each stream is the base generator jumped
 * forward 2^64 steps per position, so streams never overlap and using one never moves another:
 * changing the config (which changes engine draws) never moves the arrivals.
 */
export const STREAMS = ['arrivals', 'mix', 'clients', 'engine', 'retry', 'requestIds'] as const;
export type StreamName = (typeof STREAMS)[number];

/** Creates the random source for one named stream of a seed. */
export function randomStream(seed: number, stream: StreamName): RandomSource {
  const generator = xoroshiro128plus(seed | 0);
  const jumps = STREAMS.indexOf(stream) + 1;
  for (let i = 0; i < jumps; i++) generator.jump();
  return new XoroshiroSource(generator);
}

/** All the streams of a seed. */
export type RandomStreams = Record<StreamName, RandomSource>;

export function randomStreams(seed: number): RandomStreams {
  const streams = {} as RandomStreams;
  for (const name of STREAMS) streams[name] = randomStream(seed, name);
  return streams;
}

const HEX: string[] = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/**
 * One request id per request, drawn from a stream of their own only when something reads one: the stream
 * is consumed in order either way (four words per id), so an id read late is the id an eager draw would
 * have given, and a run that never reads them never draws them.
 */
export class RequestIdStream {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  /** Requests whose ids are not drawn yet, the current one included. */
  private behind = 0;

  constructor(private readonly random: RandomSource) {}

  /** Moves on to the next request's id. */
  advance(): void {
    this.behind++;
  }

  /** The current request's id. */
  current(): string {
    const random = this.random;
    for (; this.behind > 0; this.behind--) {
      this.a = random.nextUint32();
      this.b = random.nextUint32();
      this.c = random.nextUint32();
      this.d = random.nextUint32();
    }
    return formatRequestId(this.a, this.b, this.c, this.d);
  }
}

/** A UUID v4 shaped like AWS's `x-amzn-RequestId`, from a seeded stream so reports stay reproducible. */
function formatRequestId(a: number, b: number, c: number, d: number): string {
  return (
    HEX[a >>> 24]! +
    HEX[(a >>> 16) & 255]! +
    HEX[(a >>> 8) & 255]! +
    HEX[a & 255]! +
    '-' +
    HEX[b >>> 24]! +
    HEX[(b >>> 16) & 255]! +
    '-' +
    HEX[((b >>> 8) & 15) | 64]! +
    HEX[b & 255]! +
    '-' +
    HEX[((c >>> 24) & 63) | 128]! +
    HEX[(c >>> 16) & 255]! +
    '-' +
    HEX[(c >>> 8) & 255]! +
    HEX[c & 255]! +
    HEX[d >>> 24]! +
    HEX[(d >>> 16) & 255]! +
    HEX[(d >>> 8) & 255]! +
    HEX[d & 255]!
  );
}
