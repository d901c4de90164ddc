// Running a built query and holding its rows column by column (what Arrow wants; JSON and the
// spreadsheets walk the columns by row): the whole result at once for the dashboard's answers,
// or chunk by chunk for downloads, which may run to millions of rows.
import { JSDuckDBValueConverter, type DuckDBConnection } from '@duckdb/node-api';
import type { Grain } from '../../contract/contract';
import { comparisonCovered, comparisonDistinct } from '../../contract/periods';
import type { BuiltQuery, QuerySpec } from './builder';

export type Cell = string | number | null;

/** Rows as columns: a whole result, or one batch of a streamed one. */
export interface Batch {
  columns: string[];
  data: Cell[][];
  rowCount: number;
  /** Per row, whether small-cell suppression hid a number of it; only where it applies to the caller. */
  suppressed?: boolean[];
}

export interface QueryResult extends Batch {
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

/** The rows of several batches (of the same columns) as one. */
export function concatBatches(columns: string[], batches: readonly Batch[]): Batch {
  if (batches.length === 1) return batches[0];
  const flags = batches.every((b) => b.suppressed) ? { suppressed: batches.flatMap((b) => b.suppressed!) } : {};
  return {
    columns,
    data: columns.map((_, i) => batches.flatMap((b) => b.data[i])),
    rowCount: batches.reduce((n, b) => n + b.rowCount, 0),
    ...flags
  };
}

/**
 * Runs `query` and yields its rows one DuckDB chunk (2,048 rows) at a time, as the consumer
 * asks for them: only the chunk in hand is held in JavaScript. Nothing is yielded for an empty
 * result.
 */
export async function* streamQuery(connection: DuckDBConnection, query: BuiltQuery): AsyncGenerator<Batch> {
  const result = await connection.stream(query.sql, query.params);
  for await (const chunk of result) {
    yield { columns: query.columns, data: chunk.convertColumns(JSDuckDBValueConverter) as Cell[][], rowCount: chunk.rowCount };
  }
}

/**
 * `batch` with the compare_* figures set to null in each row whose comparison period starts
 * before the first day with data, and in every row when the comparison reads the same figure
 * (a yearly-only indicator against the month before): the rules of contract/periods.ts
 * (comparisonCovered, comparisonDistinct), applied before any format is written, so dashboard,
 * downloads and report show the same comparisons. `finest` is the indicator's finest grain.
 */
export function withoutPartialComparisons<B extends Batch>(
  batch: B,
  spec: Pick<QuerySpec, 'from' | 'to' | 'grain' | 'compare'>,
  dataFrom: string | null,
  finest: Grain
): B {
  const periods = batch.data[batch.columns.indexOf('period')];
  const range = { from: spec.from, to: spec.to };
  const distinct = comparisonDistinct(range, spec.compare, finest, spec.grain);
  const uncovered = (periods ?? []).map((p) => !distinct || !comparisonCovered(range, spec.compare, dataFrom, spec.grain, p as string));
  if (!uncovered.includes(true)) return batch;
  const data = batch.data.map((column, i) =>
    batch.columns[i].startsWith('compare_') ? column.map((v, row) => (uncovered[row] ? null : v)) : column
  );
  return { ...batch, data };
}
