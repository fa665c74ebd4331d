import { LRUCache } from 'lru-cache';

/** A stored integration response. */
export interface CachedResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
}

/** A stored response with its expiry and the bytes it takes. */
interface Entry extends CachedResponse {
  readonly expiresAt: number;
  readonly size: number;
}

/**
 * A key's identity in the stage's LRU: one object per partition key, so the LRU's map hashes an object (a
 * stored hash) instead of a string built per request.
 */
export interface CacheSlot {
  readonly partition: CachePartition;
  /** null: the partition's absent-parameter key. */
  readonly key: string | null;
  /** False once its entry is gone: a holder of the slot must then look the key up again. */
  live: boolean;
}

type Slot = CacheSlot;

/** Responses with bodies over this many bytes are never cached (SPEC §4). */
export const MAX_CACHEABLE_BODY_BYTES = 1_048_576;
const GIB = 2 ** 30;

const encoder = new TextEncoder();

export function utf8Length(text: string): number {
  // ASCII is the common case: its byte length is its length, without encoding.
  for (let i = 0; i < text.length; i++) {
    if (text.charCodeAt(i) > 127) return encoder.encode(text).length;
  }
  return text.length;
}

function headerBytes(headers: Readonly<Record<string, string>>): number {
  let bytes = 0;
  for (const name in headers) bytes += utf8Length(name) + utf8Length(headers[name]!) + 4;
  return bytes;
}

/**
 * The entries of one namespace of a stage cache (one route and method): keys are unique only within it, so a
 * lookup hashes just the parameter values, not a stage-wide key built for each request. A `null` key is a
 * key of its own, distinct from every string, for a single key parameter that is absent.
 */
export class CachePartition {
  // A prototype-less dictionary rather than a Map: V8 looks numeric keys (ids, the usual cache key) up as
  // array indexes, several times faster than hashing the fresh key string a Map needs.
  private slots: Record<string, Slot | undefined> = Object.create(null) as Record<string, Slot | undefined>;
  private missing: Slot | null = null;

  constructor(private readonly cache: StageCache) {}

  get(key: string | null, nowMs: number): CachedResponse | undefined {
    const slot = this.slotOf(key);
    return slot === undefined ? undefined : this.cache.read(slot, nowMs);
  }

  /** The slot holding `key`'s entry, if there is one. */
  slotOf(key: string | null): Slot | undefined {
    return (key === null ? this.missing : this.slots[key]) ?? undefined;
  }

  /** The response in a slot of this partition (see `get`). */
  read(slot: Slot, nowMs: number): CachedResponse | undefined {
    return this.cache.read(slot, nowMs);
  }

  /** Stores a copy of a response; false when it is too large to cache. */
  set(key: string | null, response: CachedResponse, ttlMs: number, nowMs: number): boolean {
    const size = this.cache.sizeOf(response);
    if (size < 0) return false;
    let slot = key === null ? this.missing : this.slots[key];
    if (slot === undefined || slot === null) {
      slot = { partition: this, key, live: true };
      if (key === null) this.missing = slot;
      else this.slots[key] = slot;
    }
    const { status, headers, body } = response;
    this.cache.write(slot, { status, headers, body, expiresAt: nowMs + ttlMs, size });
    return true;
  }

  /** @internal The cache dropped this slot's entry. */
  forget(slot: Slot): void {
    slot.live = false;
    if (slot.key === null) this.missing = null;
    else delete this.slots[slot.key];
  }

  /** @internal */
  clear(): void {
    for (const key in this.slots) this.slots[key]!.live = false;
    if (this.missing !== null) this.missing.live = false;
    this.slots = Object.create(null) as Record<string, Slot | undefined>;
    this.missing = null;
  }
}

/**
 * One stage's cache cluster: capacity in bytes of stored responses (body + headers), LRU eviction across all
 * its partitions (lru-cache, sized in bytes), and TTL checked against the engine clock so expiry is
 * deterministic (entry expires when now ≥ storedAt + ttl).
 */
export class StageCache {
  private readonly partitions = new Map<string, CachePartition>();
  private readonly whole = new CachePartition(this);
  private readonly lru: LRUCache<Slot, Entry>;
  // lru-cache writes a status field into the options of every get; one reused object spares an allocation.
  private readonly getOptions: LRUCache.GetOptions<Slot, Entry, unknown> = {};
  readonly capacityBytes: number;

  constructor(
    readonly id: string,
    readonly sizeGiB: string,
  ) {
    this.capacityBytes = Math.round(Number(sizeGiB) * GIB);
    this.lru = new LRUCache<Slot, Entry>({
      maxSize: this.capacityBytes,
      sizeCalculation: (entry) => entry.size,
      // An overwrite keeps its slot; an eviction or a delete frees it in its partition.
      dispose: (_entry, slot, reason) => {
        if (reason !== 'set') slot.partition.forget(slot);
      },
    });
  }

  /** The partition named `name`: the same name always gives the same partition, across flushes too. */
  partition(name: string): CachePartition {
    let partition = this.partitions.get(name);
    if (partition === undefined) this.partitions.set(name, (partition = new CachePartition(this)));
    return partition;
  }

  /** Looks up a key of the cache's own partition. */
  get(key: string, nowMs: number): CachedResponse | undefined {
    return this.whole.get(key, nowMs);
  }

  /** Stores a response under a key of the cache's own partition; false when its body is too large to cache. */
  set(key: string, response: CachedResponse, ttlMs: number, nowMs: number): boolean {
    return this.whole.set(key, response, ttlMs, nowMs);
  }

  /** @internal A hit makes the entry the most recently used; an expired one is dropped instead. */
  read(slot: Slot, nowMs: number): CachedResponse | undefined {
    const entry = this.lru.get(slot, this.getOptions);
    if (entry === undefined) return undefined;
    if (nowMs >= entry.expiresAt) {
      this.lru.delete(slot);
      return undefined;
    }
    return entry;
  }

  /** @internal */
  write(slot: Slot, entry: Entry): void {
    this.lru.set(slot, entry);
  }

  /** @internal The bytes a response takes, or -1 when it may not be cached. */
  sizeOf(response: CachedResponse): number {
    const bodyBytes = utf8Length(response.body);
    if (bodyBytes > MAX_CACHEABLE_BODY_BYTES) return -1;
    const size = Math.max(1, bodyBytes + headerBytes(response.headers));
    return size > this.capacityBytes ? -1 : size;
  }

  get entryCount(): number {
    return this.lru.size;
  }

  get usedBytes(): number {
    return this.lru.calculatedSize;
  }

  clear(): void {
    this.lru.clear();
    for (const partition of this.partitions.values()) partition.clear();
    this.whole.clear();
  }
}
