// Small-cell suppression of a query result, column by column as the formats read it. Applied
// once, before any format is written, so JSON, CSV, XLSX, Arrow and Parquet hide the same cells.
import { NOTE_COLUMNS, SUPPRESSED, TOO_FEW } from '../../contract/contract';
import type { IndicatorEntry } from '../metrics';
import { toRows } from '../formats/json';
import { concatBatches, type Batch, type Cell } from '../query/result';
import { queryRowSpec, suppressSmallCells } from './small-cells';

/** The value is a rate, median or mean (not its numerator, a count): hidden, it is "too few to show", not "<5". */
export function derivedValue(entry: Pick<IndicatorEntry, 'denominator' | 'compute'>): boolean {
  return entry.denominator !== null || entry.compute.median !== undefined;
}

/** A note column: text saying why the number before it is null. */
export function isNote(column: string): boolean {
  return (Object.values(NOTE_COLUMNS) as string[]).includes(column);
}

/** `columns` with each value column's note column after it (value_note, compare_value_note). */
export function withNotes(columns: readonly string[]): string[] {
  return columns.flatMap((c) => (Object.hasOwn(NOTE_COLUMNS, c) ? [c, NOTE_COLUMNS[c as keyof typeof NOTE_COLUMNS]] : [c]));
}

/**
 * `result` (broken down `by` these dimensions) with small counts of persons and their
 * complements replaced by "<5", and per row whether any of its numbers is hidden (Arrow and
 * Parquet's `suppressed` column). A `derived` value (a rate, median or mean) they would reveal
 * is null instead, its note column saying TOO_FEW: a number in every format, never the text "<5".
 */
export function suppressResult<B extends Batch>(result: B, by: readonly string[], derived: boolean): B & { suppressed: boolean[] } {
  const rows = suppressSmallCells(toRows(result), queryRowSpec(true, by)) as Record<string, unknown>[];
  const suppressed = rows.map((row) => Object.values(row).some((v) => v === SUPPRESSED));
  const columns = derived ? withNotes(result.columns) : result.columns;
  if (derived) {
    for (const row of rows) {
      for (const [field, note] of Object.entries(NOTE_COLUMNS)) {
        const hidden = row[field] === SUPPRESSED;
        if (hidden) row[field] = null;
        row[note] = hidden ? TOO_FEW : null;
      }
    }
  }
  const data: Cell[][] = columns.map((column) => rows.map((row) => (row[column] ?? null) as Cell));
  return { ...result, columns, data, suppressed };
}

function slice(batch: Batch, start: number, end: number): Batch {
  return { columns: batch.columns, data: batch.data.map((column) => column.slice(start, end)), rowCount: end - start };
}

/**
 * suppressResult over a streamed result. Every sum a complement protects lies within one period
 * (queryRowSpec groups by period first) and the builder orders rows by period, so a period can
 * be suppressed as soon as a later one starts: the same cells are hidden as in the whole result,
 * while only the rows of the period in progress are held.
 */
export async function* suppressByPeriod(batches: AsyncIterable<Batch>, by: readonly string[], derived: boolean): AsyncGenerator<Batch> {
  let pending: Batch[] = [];
  let pendingPeriod: Cell = null;
  const flush = function* () {
    if (pending.length === 0) return;
    const done = suppressResult(concatBatches(pending[0].columns, pending), by, derived);
    pending = [];
    yield done;
  };
  for await (const batch of batches) {
    if (batch.rowCount === 0) continue;
    const period = batch.data[batch.columns.indexOf('period')];
    const last = period[batch.rowCount - 1];
    // Rows before `cut` end every period before the batch's last one.
    let cut = batch.rowCount;
    while (cut > 0 && period[cut - 1] === last) cut--;
    if (cut > 0) pending.push(slice(batch, 0, cut));
    if (cut > 0 || pendingPeriod !== last) yield* flush();
    pending.push(cut > 0 ? slice(batch, cut, batch.rowCount) : batch);
    pendingPeriod = last;
  }
  yield* flush();
}
