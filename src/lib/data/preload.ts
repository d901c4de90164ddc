// The queries the first render of a page makes, so that its <head> can start them while the
// browser is still loading the app (QueryPreload.svelte): the JSON ones as batches, each Arrow
// series on its own. Query resources register as their components initialise, on the server
// and again, identically, while the browser hydrates; QueryPreload renders after the page and
// freezes the list, so later navigations add nothing to a <head> that must match the server's.
import { getContext, setContext } from 'svelte';
import { batchUrls } from './batch';
import { queryParams, queryUrl, wantsArrow, type QuerySpec } from './query';

const KEY = Symbol('query-preloads');

export class QueryPreloads {
  private readonly specs = new Map<string, QuerySpec>();
  private frozen = false;

  add(spec: QuerySpec): void {
    if (!this.frozen) this.specs.set(queryUrl(spec), spec);
  }

  /** The URLs to preload; whatever is added afterwards is ignored. */
  freeze(): string[] {
    this.frozen = true;
    const specs = [...this.specs.values()];
    const items = specs.filter((s) => !wantsArrow(s)).map((s) => queryParams(s, 'json').toString());
    return [...batchUrls(items), ...specs.filter(wantsArrow).map(queryUrl)];
  }
}

export function providePreloads(): QueryPreloads {
  return setContext(KEY, new QueryPreloads());
}

export function usePreloads(): QueryPreloads | undefined {
  return getContext<QueryPreloads | undefined>(KEY);
}
