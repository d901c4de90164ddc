// Downloads: /api/query answers that leave as files (csv, xlsx, parquet; json and arrow with
// download=1), which only roles that may export get (resolve.ts). Unlike the dashboard's answers
// (./respond.ts) they are neither held in memory nor cached, and have every row (or the first
// `limit`): the rows stream from DuckDB to the client a chunk at a time, at the pace the client
// reads, on a connection of their own so that a slow download holds up no other query. Small
// cells are hidden exactly as in the whole result (the resolver's stream()). The download is written to
// the audit log with its rows once the last byte is sent, or when the client stops reading. Every
// format labels what it holds: periods by grain, names beside codes (../formats/labels.ts), and a
// file name of indicator, breakdowns, grain and period.
import { pipeline, Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { arrowChunks } from '../formats/arrow';
import { csvChunks, tableRows } from '../formats/csv';
import { jsonChunks } from '../formats/json';
import { rangeLabel } from '../../format/period';
import type { NormalizedQuery } from '../../contract/contract';
import { columnsFor, labelColumn, labelledColumns, namers as namersFor, queryNotes, withLabels } from '../formats/labels';
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
    const namers = namersFor(q, snapshot);
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
      case 'arrow': {
        // Labels are dictionary-encoded like the codes they name.
        const labelled = (async function* () {
          for await (const batch of batches) yield withLabels(batch, namers);
        })();
        const dictionaries = [...q.by, ...Object.keys(namers).map(labelColumn)];
        yield* arrowChunks(labelled, labelledColumns(built.columns, namers), dictionaries, suppress);
        break;
      }
      case 'parquet':
        yield* suppress
          ? batchesParquet(batches, built.columns, q.by, namers)
          : queryParquet(connection, built, namers, (copied) => (rows = copied));
        break;
      case 'csv':
      case 'xlsx': {
        const columns = columnsFor(entry, built.columns, q.by, q.lang);
        const tables = (async function* () {
          for await (const batch of batches) yield tableRows(batch, columns, namers);
        })();
        yield* q.format === 'csv'
          ? csvChunks(columns, tables)
          : xlsxChunks(entry, columns, tables, queryNotes(q, snapshot), snapshot.dataVersion, q.lang);
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
 * A file name that tells two downloads apart: indicator, breakdowns (or "total"), grain and
 * period, e.g. settlement_count_county_month_2025.csv. ASCII (ids and ISO dates), so every
 * browser keeps it as sent.
 */
export function fileName(q: Pick<NormalizedQuery, 'indicator' | 'by' | 'grain' | 'from' | 'to'>): string {
  const period = rangeLabel(q.from, q.to).replace('~', '_');
  return [q.indicator, q.by.length > 0 ? q.by.join('-') : 'total', q.grain, period].join('_');
}

/**
 * The download of `resolved` as a body that reads `chunks` as the client asks for more. The first
 * chunk is taken before answering: it comes once the query has run, so a failure is an error
 * answer rather than a broken file.
 */
export async function streamDownload(warehouse: Warehouse, resolved: ResolvedQuery, options: DownloadOptions): Promise<Download> {
  const { format } = resolved.normalized;
  const headers: Record<string, string> = {
    'content-type': TYPES[format],
    'content-disposition': `attachment; filename="${fileName(resolved.normalized)}.${EXTENSIONS[format]}"`
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
