// Downloads: /api/query answers that leave as files (csv, xlsx, parquet; json and arrow with
// download=1), which only roles that may export get (resolve.ts). Unlike the dashboard's answers
// (./respond.ts) they are neither held in memory nor cached, and have every row (or the first
// `limit`): the rows stream from DuckDB to the client a chunk at a time, at the pace the client
// reads, on a connection of their own so that a slow download holds up no other query. Small
// cells are hidden exactly as in the whole result (the resolver's stream()). The download is written to
// the audit log with its rows once the last byte is sent, or when the client stops reading.
import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { arrowChunks } from '../formats/arrow';
import { csvChunks, tableRows } from '../formats/csv';
import { jsonChunks } from '../formats/json';
import { columnsFor, namer } from '../formats/labels';
import { batchesParquet, queryParquet } from '../formats/parquet';
import { xlsxChunks } from '../formats/xlsx';
import type { Snapshot, Warehouse } from '../warehouse';
import { stream, type ResolvedQuery } from './resolve';
import { COMPRESSIBLE, EXTENSIONS, TYPES } from './respond';

export interface DownloadOptions {
  /** The client accepts gzip. */
  gzip: boolean;
  /** The query resolved again for a file a publish swapped in after it was first resolved. */
  resolveFor: (snapshot: Snapshot) => ResolvedQuery;
  /** Called once: the rows sent, and whether the client read to the end. */
  audited: (rows: number, complete: boolean) => void;
}

export interface Download {
  body: ReadableStream<Uint8Array>;
  headers: Record<string, string>;
}

/** The file's bytes, format by format, while counting the rows that went into it. */
async function* fileChunks(warehouse: Warehouse, options: DownloadOptions): AsyncGenerator<Uint8Array> {
  const lease = await warehouse.lease();
  let rows = 0;
  let complete = false;
  try {
    const { connection, snapshot } = lease;
    const resolved = options.resolveFor(snapshot);
    const { entry, normalized: q, suppress } = resolved;
    const { built, batches: streamed } = stream(connection, resolved);
    const batches = (async function* () {
      for await (const batch of streamed) {
        rows += batch.rowCount;
        yield batch;
      }
    })();
    switch (q.format) {
      case 'json':
        yield* jsonChunks(batches, q, snapshot.dataVersion);
        break;
      case 'arrow':
        yield* arrowChunks(batches, built.columns, q.by, suppress);
        break;
      case 'parquet':
        yield* suppress ? batchesParquet(batches, built.columns, q.by) : queryParquet(connection, built, (copied) => (rows = copied));
        break;
      case 'csv':
      case 'xlsx': {
        const columns = columnsFor(entry, built.columns, q.by, q.lang);
        const namers = Object.fromEntries(q.by.map((d) => [d, namer(d, snapshot, q.lang)]));
        const tables = (async function* () {
          for await (const batch of batches) yield tableRows(batch, columns, namers);
        })();
        yield* q.format === 'csv' ? csvChunks(columns, tables) : xlsxChunks(entry, columns, tables, q, snapshot.dataVersion, q.lang);
      }
    }
    complete = true;
  } catch (error) {
    console.error('api: download failed', error);
    throw error;
  } finally {
    lease.release();
    options.audited(rows, complete);
  }
}

/**
 * The download of `resolved` as a body that reads `chunks` as the client asks for more. The first
 * chunk is taken before answering: it comes once the query has run, so a failure is an error
 * answer rather than a broken file.
 */
export async function streamDownload(warehouse: Warehouse, resolved: ResolvedQuery, options: DownloadOptions): Promise<Download> {
  const { indicator, from, to, format } = resolved.normalized;
  const headers: Record<string, string> = {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="${indicator}_${from}_${to}.${EXTENSIONS[format]}"`
  };
  const chunks = fileChunks(warehouse, options);
  let first: IteratorResult<Uint8Array> | null = await chunks.next();
  const rest: AsyncIterableIterator<Uint8Array> = {
    next: () => {
      const head = first;
      first = null;
      return head ? Promise.resolve(head) : chunks.next();
    },
    // A body abandoned early (the client went away) ends the generator, whose cleanup runs.
    return: (value) => chunks.return(value),
    [Symbol.asyncIterator]() {
      return this;
    }
  };
  let bytes: Readable = Readable.from(rest, { objectMode: false });
  if (options.gzip && COMPRESSIBLE.has(format)) {
    bytes = pipeline(bytes, createGzip({ level: 1 }), () => {});
    headers['content-encoding'] = 'gzip';
  }
  return { body: Readable.toWeb(bytes) as ReadableStream<Uint8Array>, headers };
}
