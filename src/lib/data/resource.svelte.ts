// Reactive loading state for client fetches: a page derives a key from its filters, and the
// resource refetches when (and only when) the key changes; a stale answer arriving late is
// ignored. Answers are cached per key for the session, so the back button redraws at once; the
// key includes the data version (which the layout re-checks, see +layout.svelte), so a newly
// published warehouse is fetched fresh.
import { untrack } from 'svelte';
import { ApiError } from './api';
import type { Columns } from './columns';
import { usePreloads } from './preload';
import { queryUrl, runQuery, type QuerySpec } from './query';

export type Status = 'loading' | 'ready' | 'error';

export interface Resource<T> {
  readonly status: Status;
  readonly data: T | null;
  readonly error: ApiError | null;
}

const cache = new Map<string, Promise<unknown>>();
const CACHE_LIMIT = 300;

function remember<T>(key: string, load: () => Promise<T>): Promise<T> {
  let hit = cache.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    // Failures are not remembered: the next visit retries.
    hit.catch(() => cache.delete(key));
    cache.set(key, hit);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  }
  return hit;
}

function asApiError(err: unknown): ApiError {
  return err instanceof ApiError ? err : new ApiError(0, 'internal', err instanceof Error ? err.message : String(err));
}

/**
 * `key` returns a string identifying the request (null: nothing to load yet); `load` runs it.
 * Must be called during component initialisation (it owns an effect).
 */
export function resource<T>(key: () => string | null, load: () => Promise<T>): Resource<T> {
  let status = $state<Status>('loading');
  let data = $state.raw<T | null>(null);
  let error = $state.raw<ApiError | null>(null);
  const current = $derived(key());

  $effect(() => {
    const k = current;
    if (k === null) return;
    let live = true;
    status = 'loading';
    // The key alone decides when to reload: what `load` reads must not re-trigger the effect.
    untrack(() => remember(k, load)).then(
      (value) => {
        if (!live) return;
        data = value;
        error = null;
        status = 'ready';
      },
      (err) => {
        if (!live) return;
        // No answer for this key: an earlier one must not be shown beside the error.
        data = null;
        error = asApiError(err);
        status = 'error';
      }
    );
    return () => (live = false);
  });

  return {
    get status() {
      return status;
    },
    get data() {
      return data;
    },
    get error() {
      return error;
    }
  };
}

/**
 * A /api/query answer as a resource; `spec` returning null holds the request back. Must be called
 * during component initialisation: the first render's query is registered for preloading.
 */
export function queryResource(version: () => string, spec: () => QuerySpec | null): Resource<Columns> {
  const first = spec();
  if (first) usePreloads()?.add(first);
  return resource(
    () => {
      const s = spec();
      return s ? `${version()}|${queryUrl(s)}` : null;
    },
    () => runQuery(spec()!)
  );
}
