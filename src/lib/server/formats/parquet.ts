// format=parquet: DuckDB writes the file with COPY into a temporary folder (the warehouse is
// read-only; COPY TO writes outside it), from where it is streamed to the client and removed.
// Unsuppressed results are the query's own rows, copied without passing through JavaScript.
// Suppressed ones are the rows as hidden in JavaScript, with null for "<5" and a `suppressed`
// column, as in Arrow: appended as they come to a table of an in-memory DuckDB of their own (a
// query on the connection the rows stream from would end that stream), written out every
// PART_ROWS rows and dropped, the parts joined into one file at the end. So no more than a part
// is held, in DuckDB. Either file then gets its labels (labels.ts: period_label, <breakdown>_name)
// in a last pass over the written file: the few distinct periods and codes are named in
// JavaScript, by the same functions as CSV's, and joined in.
import { createReadStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BOOLEAN,
  DOUBLE,
  DuckDBDataChunk,
  DuckDBInstance,
  LIST,
  listValue,
  VARCHAR,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue
} from '@duckdb/node-api';
import type { BuiltQuery } from '../query/builder';
import type { Batch } from '../query/result';
import { ident } from '../query/sql';
import { isNote } from '../suppression/query-result';
import { labelColumn } from './labels';

type Namers = Record<string, (code: string) => string>;

/** Rows of a suppressed result written out as one part. */
export const PART_ROWS = 65_536;
/** Rows of a DuckDB data chunk, the appender's unit. */
const CHUNK_ROWS = 2048;

/** COPY `select` to `file`; answers the number of rows written. */
async function copyTo(
  connection: DuckDBConnection,
  select: string,
  file: string,
  params: DuckDBValue[] = [],
  types: DuckDBType[] = []
): Promise<number> {
  // The path is the server's own (a temporary folder and a fixed name): the only text written
  // into this statement besides the select, whose values stay bound.
  const reader = await connection.runAndReadAll(
    `COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
    params,
    types
  );
  return Number(reader.getRowsJS()[0]?.[0] ?? 0);
}

/** An in-memory DuckDB of its own, for work on files outside the warehouse. */
async function scratch<T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> {
  const instance = await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false' });
  const connection = await instance.connect();
  try {
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** `raw` rewritten with, after each column `namers` names, its labels; row order kept. */
function withLabels(folder: string, raw: string, namers: Namers): Promise<string> {
  return scratch(async (connection) => {
    const source = 'read_parquet($1, file_row_number = true)';
    const params = [raw];
    const names = (await connection.runAndReadAll(`DESCRIBE SELECT * FROM read_parquet($1)`, params)).getRowsJS().map((r) => String(r[0]));
    const select: string[] = [];
    const joins: string[] = [];
    for (const [i, name] of names.entries()) {
      select.push(`r.${ident(name)}`);
      const label = namers[name];
      if (!label) continue;
      const codes = (await connection.runAndReadAll(`SELECT DISTINCT CAST(${ident(name)} AS VARCHAR) FROM ${source}`, params)).getRowsJS();
      await connection.run(`CREATE TABLE labels_${i} (code VARCHAR, label VARCHAR)`);
      const appender = await connection.createAppender(`labels_${i}`);
      for (const [code] of codes) {
        appender.appendVarchar(String(code));
        appender.appendVarchar(label(String(code)));
        appender.endRow();
      }
      appender.closeSync();
      select.push(`l${i}.label AS ${ident(labelColumn(name))}`);
      joins.push(`LEFT JOIN labels_${i} l${i} ON l${i}.code = CAST(r.${ident(name)} AS VARCHAR)`);
    }
    const file = join(folder, 'labelled.parquet');
    await copyTo(connection, `SELECT ${select.join(', ')} FROM ${source} r ${joins.join(' ')} ORDER BY r.file_row_number`, file, params);
    return file;
  });
}

/**
 * Writes a Parquet file into a temporary folder with `write`, adds its labels, then sends it and
 * removes the folder.
 */
async function* parquetFile(write: (folder: string) => Promise<string>, namers: Namers): AsyncGenerator<Uint8Array> {
  const folder = await mkdtemp(join(tmpdir(), 'hci-export-'));
  try {
    const file = await withLabels(folder, await write(folder), namers);
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) yield chunk as Buffer;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** The built query's rows, period as DATE; `copied` hears how many. */
export function queryParquet(
  connection: DuckDBConnection,
  query: BuiltQuery,
  namers: Namers,
  copied: (rows: number) => void
): AsyncGenerator<Uint8Array> {
  return parquetFile(async (folder) => {
    const file = join(folder, 'export.parquet');
    copied(await copyTo(connection, `SELECT * REPLACE (CAST(period AS DATE) AS period) FROM (${query.sql})`, file, query.params));
    return file;
  }, namers);
}

/** Suppressed rows as they come, in parts joined into one file at the end. */
export function batchesParquet(
  batches: AsyncIterable<Batch>,
  columns: string[],
  breakdowns: readonly string[],
  namers: Namers
): AsyncGenerator<Uint8Array> {
  // Text for period and breakdowns, DOUBLE for the numbers ("<5" becomes null), then the flags.
  // Notes (value_note: why a rate is null) are text too.
  const types = [...columns.map((name) => (name === 'period' || breakdowns.includes(name) || isNote(name) ? VARCHAR : DOUBLE)), BOOLEAN];
  const table = `CREATE TABLE part (${[...columns, 'suppressed'].map((name, i) => `${ident(name)} ${types[i]}`).join(', ')})`;
  return parquetFile(
    (folder) =>
      scratch(async (connection) => {
        const parts: string[] = [];
        let rows = 0;
        await connection.run(table);
        let appender = await connection.createAppender('part');
        const writePart = async () => {
          appender.closeSync();
          const part = join(folder, `part-${parts.length}.parquet`);
          await copyTo(connection, 'SELECT * REPLACE (CAST(period AS DATE) AS period) FROM part', part);
          parts.push(part);
          // Dropped, not emptied: that gives its memory back.
          await connection.run(`DROP TABLE part; ${table}`);
          appender = await connection.createAppender('part');
          rows = 0;
        };
        for await (const batch of batches) {
          const values = [
            ...batch.data.map((column, i) => (types[i] === DOUBLE ? column.map((v) => (typeof v === 'number' ? v : null)) : column)),
            batch.suppressed ?? []
          ];
          for (let start = 0; start < batch.rowCount; start += CHUNK_ROWS) {
            const end = Math.min(batch.rowCount, start + CHUNK_ROWS);
            const chunk = DuckDBDataChunk.create(types, end - start);
            chunk.setColumns(values.map((column) => column.slice(start, end)));
            appender.appendDataChunk(chunk);
          }
          rows += batch.rowCount;
          if (rows >= PART_ROWS) await writePart();
        }
        // An empty result still makes a file, with its columns.
        if (rows > 0 || parts.length === 0) await writePart();
        appender.closeSync();
        if (parts.length === 1) return parts[0];
        const file = join(folder, 'export.parquet');
        // read_parquet keeps the order of the files listed and of the rows in each.
        await copyTo(connection, 'SELECT * FROM read_parquet($1)', file, [listValue(parts)], [LIST(VARCHAR)]);
        return file;
      }),
    namers
  );
}
