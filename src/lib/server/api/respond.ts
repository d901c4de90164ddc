// Turning a resolved query into a response body in the asked format: run it (or COPY it, for
// Parquet), hide small cells where the caller must not see them, encode, compress what
// compresses when the client accepts gzip.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Format } from '../../api/contract';
import { encodeArrow } from '../formats/arrow';
import { encodeCsv, tableRows } from '../formats/csv';
import { encodeJson } from '../formats/json';
import { columnsFor, namer } from '../formats/labels';
import { encodeParquet, encodeParquetRows } from '../formats/parquet';
import { encodeXlsx } from '../formats/xlsx';
import { buildQuery } from '../query/builder';
import { runQuery } from '../query/result';
import { suppressResult } from '../suppression/query-result';
import type { Snapshot } from '../warehouse';
import type { CachedResponse } from './cache';
import type { ResolvedQuery } from './resolve';

const gzipAsync = promisify(gzip);

const TYPES: Record<Format, string> = {
  json: 'application/json; charset=utf-8',
  arrow: 'application/vnd.apache.arrow.stream',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  parquet: 'application/vnd.apache.parquet'
};
const EXTENSIONS: Record<Format, string> = { json: 'json', arrow: 'arrow', csv: 'csv', xlsx: 'xlsx', parquet: 'parquet' };
/** xlsx and Parquet are compressed inside already. */
const COMPRESSIBLE = new Set<Format>(['json', 'arrow', 'csv']);
const MIN_COMPRESS_BYTES = 1024;

/** Accept-Encoding names gzip (or *) with a weight above zero. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

export async function produce(
  connection: DuckDBConnection, snapshot: Snapshot, resolved: ResolvedQuery, gzipOk: boolean
): Promise<CachedResponse> {
  const { entry, normalized: q, spec } = resolved;
  const built = buildQuery(spec);
  const headers: Record<string, string> = { 'content-type': TYPES[q.format] };
  let body: Uint8Array;
  let rows: number;
  if (q.format === 'parquet' && !resolved.suppress) {
    ({ body, rows } = await encodeParquet(connection, built, q.limit));
  } else {
    let result = await runQuery(connection, built, q.limit);
    // Hidden before any format is written: every format shows the same "<5" cells.
    let suppressed: boolean[] | undefined;
    if (resolved.suppress) ({ result, suppressed } = suppressResult(result, q.by));
    rows = result.rowCount;
    if (result.truncated) headers['x-truncated'] = 'true';
    if (q.format === 'json') body = encodeJson(result, q, snapshot.dataVersion);
    else if (q.format === 'arrow') body = encodeArrow(result, q.by, suppressed);
    else if (q.format === 'parquet') body = (await encodeParquetRows(connection, result, q.by, suppressed!)).body;
    else {
      const columns = columnsFor(entry, result.columns, q.by, q.lang);
      const namers = Object.fromEntries(q.by.map((d) => [d, namer(d, snapshot, q.lang)]));
      const table = tableRows(result, columns, namers);
      body = q.format === 'csv' ? encodeCsv(columns, table) : await encodeXlsx(entry, columns, table, q, snapshot.dataVersion, q.lang);
    }
  }
  if (resolved.download) {
    headers['content-disposition'] = `attachment; filename="${q.indicator}_${q.from}_${q.to}.${EXTENSIONS[q.format]}"`;
  }
  if (gzipOk && COMPRESSIBLE.has(q.format) && body.byteLength >= MIN_COMPRESS_BYTES) {
    body = new Uint8Array(await gzipAsync(body, { level: 1 }));
    headers['content-encoding'] = 'gzip';
  }
  return { body, headers, dataVersion: snapshot.dataVersion, rows };
}
