// Turning a resolved query into the dashboard's answer (JSON or Arrow; downloads stream through
// ./download.ts instead): its rows as the resolver answers them (small cells hidden where the
// caller must not see them), encoded, compressed when the client accepts gzip; for an indicator
// that means nothing for the org unit, no rows and why. Answers are held whole, so they can be cached.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Format, QueryResponse } from '../../contract/contract';
import { encodeArrow } from '../formats/arrow';
import { encodeJson } from '../formats/json';
import type { Snapshot } from '../warehouse';
import type { CachedResponse } from './cache';
import { answer, type ResolvedQuery } from './resolve';

const gzipAsync = promisify(gzip);

export const TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.stream',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet'
};
export const EXTENSIONS: Record<Format, string> = { json: 'json', arrow: 'arrow', csv: 'csv', xlsx: 'xlsx', parquet: 'parquet' };
/** xlsx and Parquet are compressed inside already. */
export const COMPRESSIBLE: ReadonlySet<Format> = new Set<Format>(['json', 'arrow', 'csv']);
const MIN_COMPRESS_BYTES = 1024;

/** Accept-Encoding names gzip (or *) with a weight above zero. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** The answer to a request that is not a download: always JSON or Arrow, always with a limit (resolve.ts). */
export async function produce(
  connection: DuckDBConnection,
  snapshot: Snapshot,
  resolved: ResolvedQuery,
  gzipOk: boolean
): Promise<CachedResponse> {
  const { normalized: q, notApplicable } = resolved;
  const headers: Record<string, string> = { 'content-type': TYPES[q.format] };
  let body: Uint8Array;
  if (notApplicable) {
    // Only JSON gets here (resolve.ts refuses the rest): the query is not run.
    const answered: QueryResponse = {
      indicator: q.indicator,
      dataVersion: snapshot.dataVersion,
      query: q,
      rows: [],
      notApplicable: { reason: notApplicable }
    };
    body = Buffer.from(JSON.stringify(answered));
  } else {
    const result = await answer(connection, resolved);
    if (result.truncated) headers['x-truncated'] = 'true';
    body = q.format === 'arrow' ? encodeArrow(result, q.by) : encodeJson(result, q, snapshot.dataVersion);
  }
  if (gzipOk && COMPRESSIBLE.has(q.format) && body.byteLength >= MIN_COMPRESS_BYTES) {
    body = new Uint8Array(await gzipAsync(body, { level: 1 }));
    headers['content-encoding'] = 'gzip';
  }
  return { body, headers, dataVersion: snapshot.dataVersion };
}
