// Small-cell suppression of a query result, column by column as the formats read it. Applied
// once, before any format is written, so JSON, CSV, XLSX, Arrow and Parquet hide the same cells.
import { SUPPRESSED } from '../../api/contract';
import { toRows } from '../formats/json';
import type { Cell, QueryResult } from '../query/result';
import { queryRowSpec, suppressSmallCells } from './small-cells';

export interface SuppressedResult {
  /** The result with hidden numbers replaced by "<5". */
  result: QueryResult;
  /** Per row: whether any of its numbers is hidden (Arrow and Parquet's `suppressed` column). */
  suppressed: boolean[];
}

/** `result` (broken down `by` these dimensions) with small counts of persons and their complements hidden. */
export function suppressResult(result: QueryResult, by: readonly string[]): SuppressedResult {
  const rows = suppressSmallCells(toRows(result), queryRowSpec(true, by));
  const data: Cell[][] = result.columns.map((column) => rows.map((row) => (row[column] ?? null) as Cell));
  const suppressed = rows.map((row) => Object.values(row).some((v) => v === SUPPRESSED));
  return { result: { ...result, data }, suppressed };
}
