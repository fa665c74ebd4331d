import { LRUCache } from 'lru-cache';

/** A stored integration response. */
export interface CachedResponse {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: string;
}

interface Entry {
  response: CachedResponse;
  expiresAt: number;
  size: number;
}

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
 * One stage's cache cluster: capacity in bytes of stored responses (body + headers), LRU eviction,
 * and TTL checked against the engine clock so expiry is deterministic (entry expires when now ≥ storedAt + ttl).
 */
export class StageCache {
  private readonly lru: LRUCache<string, Entry>;
  // lru-cache writes a status field into the options of every get; one reused object spares an allocation.
  private readonly getOptions: LRUCache.GetOptions<string, Entry, unknown> = {};
  readonly capacityBytes: number;

  constructor(
    readonly id: string,
    readonly sizeGiB: string,
  ) {
    this.capacityBytes = Math.round(Number(sizeGiB) * GIB);
    this.lru = new LRUCache<string, Entry>({ maxSize: this.capacityBytes, sizeCalculation: (entry) => entry.size });
  }

  get(key: string, nowMs: number): CachedResponse | undefined {
    const entry = this.lru.get(key, this.getOptions);
    if (entry === undefined) return undefined;
    if (nowMs >= entry.expiresAt) {
      this.lru.delete(key);
      return undefined;
    }
    return entry.response;
  }

  /** Stores a response; false when its body is too large to cache. */
  set(key: string, response: CachedResponse, ttlMs: number, nowMs: number): boolean {
    const bodyBytes = utf8Length(response.body);
    if (bodyBytes > MAX_CACHEABLE_BODY_BYTES) return false;
    const size = Math.max(1, bodyBytes + headerBytes(response.headers));
    if (size > this.capacityBytes) return false;
    this.lru.set(key, { response, expiresAt: nowMs + ttlMs, size });
    return true;
  }

  get entryCount(): number {
    return this.lru.size;
  }

  get usedBytes(): number {
    return this.lru.calculatedSize;
  }

  clear(): void {
    this.lru.clear();
  }
}
