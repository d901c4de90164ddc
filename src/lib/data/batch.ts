// The dashboard's JSON queries travel together. A page asks for 20-30 answers at once and the
// browser opens only six connections to a host, so the queries asked for in the same tick go
// as one GET /api/query/batch; and the batches the server-rendered page already preloads
// (QueryPreload.svelte) are read instead of asked for again.
import { MAX_BATCH, type ApiErrorBody, type QueryBatchResponse, type QueryBatchResult, type QueryResponse } from '#lib/contract/contract.js';
import { ApiError, getJson } from './api';

const BATCH_PATH = '/api/query/batch';

/** The URLs that answer `items` (GET /api/query query strings): one per MAX_BATCH of them. */
export function batchUrls(items: readonly string[]): string[] {
  const urls: string[] = [];
  for (let i = 0; i < items.length; i += MAX_BATCH) {
    urls.push(`${BATCH_PATH}?${items.slice(i, i + MAX_BATCH).map((item) => `q=${encodeURIComponent(item)}`).join('&')}`);
  }
  return urls;
}

/** A batch URL's items, in order. */
function itemsOf(url: string): string[] {
  return new URL(url, 'http://x').searchParams.getAll('q');
}

/** One result as GET /api/query would have answered it: the body, or its error thrown. */
export function itemAnswer(result: QueryBatchResult | undefined): QueryResponse {
  if (!result) throw new ApiError(0, 'internal', 'The batch answered without this query');
  if (result.status === 200) return result.body as QueryResponse;
  const body = result.body as ApiErrorBody;
  throw new ApiError(result.status, body.error, body.message, body.parameter);
}

/** Fetches one batch: its results by item. */
export async function fetchBatch(fetcher: typeof fetch, url: string): Promise<Map<string, QueryBatchResult>> {
  const body = await getJson<QueryBatchResponse>(fetcher, url);
  const items = itemsOf(url);
  return new Map(items.map((item, i) => [item, body.results[i]]));
}

interface Waiting {
  item: string;
  resolve: (result: QueryBatchResult | undefined) => void;
  reject: (error: unknown) => void;
}

let queue: Waiting[] = [];
/** Item -> the preloaded batch that answers it; read from the page's <head> on first use. */
let preloaded: Map<string, string> | null = null;
const preloads = new Map<string, Promise<Map<string, QueryBatchResult>>>();

function preloadedItems(): Map<string, string> {
  const links = document.head.querySelectorAll<HTMLLinkElement>(`link[rel="preload"][href^="${BATCH_PATH}?"]`);
  return new Map([...links].flatMap((link) => itemsOf(link.href).map((item): [string, string] => [item, link.href])));
}

function settle(answers: Promise<Map<string, QueryBatchResult>>, waiting: readonly Waiting[]): void {
  answers.then(
    (byItem) => waiting.forEach((w) => w.resolve(byItem.get(w.item))),
    (error) => waiting.forEach((w) => w.reject(error))
  );
}

function flush(): void {
  const waiting = queue;
  queue = [];
  preloaded ??= preloadedItems();
  const rest: Waiting[] = [];
  for (const w of waiting) {
    const url = preloaded.get(w.item);
    if (!url) {
      rest.push(w);
      continue;
    }
    // A preloaded answer serves the first ask only: later ones (a new data version) ask afresh.
    preloaded.delete(w.item);
    let answers = preloads.get(url);
    if (!answers) preloads.set(url, (answers = fetchBatch(fetch, url)));
    settle(answers, [w]);
  }
  for (const url of batchUrls([...new Set(rest.map((w) => w.item))])) {
    const items = new Set(itemsOf(url));
    settle(fetchBatch(fetch, url), rest.filter((w) => items.has(w.item)));
  }
}

/** One query (a GET /api/query query string, format=json), answered with the others of this tick. */
export function batched(item: string): Promise<QueryResponse> {
  return new Promise<QueryBatchResult | undefined>((resolve, reject) => {
    if (queue.length === 0) queueMicrotask(flush);
    queue.push({ item, resolve, reject });
  }).then(itemAnswer);
}
