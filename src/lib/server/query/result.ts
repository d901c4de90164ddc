// Running a built query and holding its result column by column (what Arrow wants; JSON and
// the spreadsheets walk the columns by row).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BuiltQuery } from './builder';

export type Cell = string | number | null;

export interface QueryResult {
  columns: string[];
  data: Cell[][];
  rowCount: number;
  /** More rows matched than were asked for; the extra row was dropped. */
  truncated: boolean;
}

/** Runs `query` (built with limit + 1) and keeps at most `limit` rows. */
export async function runQuery(connection: DuckDBConnection, query: BuiltQuery, limit: number): Promise<QueryResult> {
  const reader = await connection.runAndReadAll(query.sql, query.params);
  const read = reader.getColumnsJS() as Cell[][];
  // No chunk comes back for an empty result: keep one empty array per column.
  const data = query.columns.map((_, i) => read[i] ?? []);
  const truncated = reader.currentRowCount > limit;
  return {
    columns: query.columns,
    data: truncated ? data.map((column) => column.slice(0, limit)) : data,
    rowCount: Math.min(reader.currentRowCount, limit),
    truncated
  };
}
