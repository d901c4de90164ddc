// GET /api/query/batch: a page's JSON queries in one request. Each `q` is the query string of a
// GET /api/query, checked by the same schema; app.ts resolves it in the caller's scope and
// answers it from the same cache, so a batched answer is the single one (with its row limit,
// BATCH_ITEM_LIMIT by default) byte for byte. It is a GET because it only reads: no CSRF
// exemption is needed, and a server-rendered page can preload it.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { BATCH_ITEM_LIMIT } from '../../contract/contract';
import { badParameter, invalidParameters } from './errors';
import { QueryParams } from './schemas';

const gzipAsync = promisify(gzip);

/** The parameters of one item as GET /api/query would receive them: a repeated name becomes a list. */
export function itemParams(item: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(item)) {
    const seen = params[name];
    params[name] = seen === undefined ? value : [...[seen].flat(), value];
  }
  return params;
}

/** One item's parameters, or the 400 GET /api/query would answer. A batch carries JSON answers only. */
export function parseItem(item: string): QueryParams {
  const raw = itemParams(item);
  const parsed = QueryParams.safeParse(raw);
  if (!parsed.success) throw invalidParameters(parsed.error.issues, (name) => name in raw);
  if (parsed.data.format !== 'json') throw badParameter('format', 'A batch answers JSON only; ask GET /api/query for other formats');
  if (parsed.data.download !== '0') throw badParameter('download', 'Downloads are single requests to GET /api/query');
  const { limit = BATCH_ITEM_LIMIT } = parsed.data;
  if (limit > BATCH_ITEM_LIMIT)
    throw badParameter('limit', `A batched query answers at most ${BATCH_ITEM_LIMIT} rows; ask GET /api/query for more`);
  return { ...parsed.data, limit };
}

export interface ItemResult {
  status: number;
  /** The item's JSON: the cached answer as it is, or the error body. */
  body: Uint8Array;
}

/** The batch's JSON, written around the items' bytes rather than parsing and re-encoding them. */
export async function batchBody(
  dataVersion: string,
  results: readonly ItemResult[],
  gzipOk: boolean
): Promise<{ body: Uint8Array; headers: Record<string, string> }> {
  const parts: Uint8Array[] = [Buffer.from(`{"dataVersion":${JSON.stringify(dataVersion)},"results":[`)];
  results.forEach((r, i) => parts.push(Buffer.from(`${i === 0 ? '' : ','}{"status":${r.status},"body":`), r.body, Buffer.from('}')));
  parts.push(Buffer.from(']}'));
  const json = Buffer.concat(parts);
  const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
  if (!gzipOk) return { body: json, headers };
  return { body: new Uint8Array(await gzipAsync(json, { level: 1 })), headers: { ...headers, 'content-encoding': 'gzip' } };
}
