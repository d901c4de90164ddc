// Responses of /api/query kept by data version and normalized query (and format, language,
// encoding), bounded by bytes. Emptied when a new warehouse is swapped in; identical requests
// arriving while one is being computed share its work.
import { LRUCache } from 'lru-cache';

export interface CachedResponse {
  body: Uint8Array;
  headers: Record<string, string>;
  dataVersion: string;
}

export class ResponseCache {
  private readonly lru: LRUCache<string, CachedResponse> | null;
  private readonly pending = new Map<string, Promise<CachedResponse>>();

  /** maxBytes = 0 turns caching off (the bench measures uncached latency that way). */
  constructor(maxBytes: number) {
    this.lru =
      maxBytes > 0
        ? new LRUCache({ maxSize: maxBytes, maxEntrySize: Math.ceil(maxBytes / 4), sizeCalculation: (v) => v.body.byteLength + 256 })
        : null;
  }

  async get(key: string, produce: () => Promise<CachedResponse>): Promise<CachedResponse> {
    const hit = this.lru?.get(key);
    if (hit) return hit;
    const running = this.pending.get(key);
    if (running) return running;
    const work = produce()
      .then((value) => {
        // Entries too large for the cache are served but not kept.
        if (this.lru && value.body.byteLength + 256 <= this.lru.maxEntrySize) this.lru.set(key, value);
        return value;
      })
      .finally(() => this.pending.delete(key));
    this.pending.set(key, work);
    return work;
  }

  clear(): void {
    this.lru?.clear();
  }
}
