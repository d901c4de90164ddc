// format=parquet: DuckDB writes with COPY to a temporary file (the warehouse is read-only; COPY TO
// writes outside it), which is read back and removed. Unsuppressed results are the query's own
// rows, copied without passing through JavaScript; suppressed ones are the rows as hidden in
// JavaScript, passed back as bound lists, with null for "<5" and a `suppressed` column, as in Arrow.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BOOLEAN, DOUBLE, LIST, listValue, VARCHAR, type DuckDBConnection, type DuckDBType, type DuckDBValue } from '@duckdb/node-api';
import type { BuiltQuery } from '../query/builder';
import type { QueryResult } from '../query/result';
import { ident } from '../query/sql';

export interface ParquetFile {
  body: Uint8Array;
  rows: number;
}

async function copyToParquet(connection: DuckDBConnection, select: string, params: DuckDBValue[], types?: DuckDBType[]): Promise<ParquetFile> {
  // The file name is the server's own random hex: the only text written into this statement
  // besides the select, whose values stay bound.
  const file = join(tmpdir(), `hci-export-${randomBytes(8).toString('hex')}.parquet`);
  try {
    const reader = await connection.runAndReadAll(`COPY (${select}) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`, params, types);
    // COPY answers with the number of rows it wrote.
    const rows = Number(reader.getRowsJS()[0]?.[0] ?? 0);
    return { body: new Uint8Array(await readFile(file)), rows };
  } finally {
    await rm(file, { force: true });
  }
}

/** The built query's rows (at most `limit`), period as DATE. */
export function encodeParquet(connection: DuckDBConnection, query: BuiltQuery, limit: number): Promise<ParquetFile> {
  const limitParam = `$${query.params.length + 1}`;
  return copyToParquet(connection, `SELECT * REPLACE (CAST(period AS DATE) AS period) FROM (${query.sql}) LIMIT CAST(${limitParam} AS BIGINT)`, [...query.params, limit]);
}

/** Rows already in JavaScript (suppressed): numbers as DOUBLE with null for "<5", plus `suppressed`. */
export function encodeParquetRows(connection: DuckDBConnection, result: QueryResult, breakdowns: readonly string[], suppressed: boolean[]): Promise<ParquetFile> {
  const select: string[] = [];
  const params: DuckDBValue[] = [];
  const types: DuckDBType[] = [];
  const add = (name: string, values: DuckDBValue[], type: DuckDBType, cast?: string) => {
    params.push(listValue(values));
    types.push(LIST(type));
    // unnest() of several lists in one select walks them side by side, one row per index.
    const column = `unnest($${params.length})`;
    select.push(`${cast ? `CAST(${column} AS ${cast})` : column} AS ${ident(name)}`);
  };
  result.columns.forEach((name, i) => {
    const values = result.data[i];
    if (name === 'period') add(name, values, VARCHAR, 'DATE');
    else if (breakdowns.includes(name)) add(name, values, VARCHAR);
    else add(name, values.map((v) => (typeof v === 'number' ? v : null)), DOUBLE);
  });
  add('suppressed', suppressed, BOOLEAN);
  return copyToParquet(connection, `SELECT ${select.join(', ')}`, params, types);
}
