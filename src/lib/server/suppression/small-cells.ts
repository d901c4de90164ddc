// Small-cell suppression over query rows (see docs/api.md, "Small-cell suppression"). Pure:
// rows in, rows out, so every format (JSON, CSV, XLSX, Parquet, Arrow, PDF) shows the same.
//
// Primary: a count of 1-4 persons is replaced by "<5", together with every field that
// reveals it (the value, a change ...). Zero is shown: it identifies nobody.
// Complementary: the rows of a group (one period across a breakdown) add up to the group's
// total, which is shown in a total row or returned by the same query without the breakdown.
// If exactly one number in such a sum is hidden, subtraction recovers it, so the
// next-smallest shown cell of the group (non-zero first) is hidden too. This repeats until no
// group has exactly one hidden number, since with two breakdowns a complement in one group
// can leave another with one. Each count field is handled on its own.
import { SUPPRESSED, type QueryRow } from '../../contract/contract';

export { SUPPRESSED };
/** Counts below this, and above zero, are suppressed. */
export const MIN_SHOWN = 5;

export type Row = Record<string, unknown>;

export interface CountField<R extends Row> {
  /** A person count, e.g. 'numerator'. */
  field: keyof R & string;
  /** Fields from which it could be worked out, hidden with it, e.g. ['value']. */
  reveals: ReadonlyArray<keyof R & string>;
}

export interface SuppressionSpec<R extends Row> {
  /** The indicator counts persons (or events of persons); when false nothing is suppressed. */
  countsPersons: boolean;
  counts: ReadonlyArray<CountField<R>>;
  /**
   * Each entry is a grouping: rows with equal values in its fields add up to a total that
   * can be known. [['period']]: each period across the breakdown; with two breakdowns,
   * [['period', 'county'], ['period', 'channel']]: the sums over channel and over county.
   */
  groupings: ReadonlyArray<ReadonlyArray<keyof R & string>>;
  /** Marks the breakdown's total row within its group, when the rows include one. */
  isTotal?: (row: R) => boolean;
}

export type SuppressedRow<R extends Row> = { [K in keyof R]: R[K] | typeof SUPPRESSED };

function countOf(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  return null;
}

function isSmall(n: number | null): boolean {
  return n !== null && n > 0 && n < MIN_SHOWN;
}

interface Group {
  cells: number[];
  total: number | undefined;
}

function groupRows<R extends Row>(
  rows: readonly R[],
  fields: ReadonlyArray<keyof R & string>,
  isTotal: SuppressionSpec<R>['isTotal']
): Group[] {
  const groups = new Map<string, Group>();
  rows.forEach((row, i) => {
    const key = JSON.stringify(fields.map((f) => row[f] ?? null));
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { cells: [], total: undefined }));
    if (isTotal?.(row)) g.total = i;
    else g.cells.push(i);
  });
  return [...groups.values()];
}

/** Row indices whose `field` must be hidden: primary cells plus complements. */
function hiddenCells<R extends Row>(rows: readonly R[], field: keyof R & string, groups: readonly Group[]): Set<number> {
  const count = (i: number) => countOf(rows[i][field]);
  const hidden = new Set<number>();
  rows.forEach((_, i) => {
    if (isSmall(count(i))) hidden.add(i);
  });
  // Each pass only adds cells, so this ends after at most rows.length passes.
  for (let changed = true; changed;) {
    changed = false;
    for (const g of groups) {
      // Without a total row the total is the sum, hidden where the query without the
      // breakdown would hide it.
      const totalHidden = g.total !== undefined ? hidden.has(g.total) : isSmall(g.cells.reduce((s, i) => s + (count(i) ?? 0), 0));
      const unknowns = g.cells.filter((i) => hidden.has(i)).length + (totalHidden ? 1 : 0);
      if (unknowns !== 1 || totalHidden) continue;
      // Cells with a count can be complements; non-zero ones first, since hiding a zero
      // next to a small cell narrows the small cell down more.
      const candidates = g.cells
        .filter((i) => !hidden.has(i) && count(i) !== null)
        .sort((a, b) => Number(count(a) === 0) - Number(count(b) === 0) || count(a)! - count(b)! || a - b);
      if (candidates.length) {
        hidden.add(candidates[0]);
        changed = true;
      }
    }
  }
  return hidden;
}

/** `rows` with small counts and their complements replaced by "<5" (new objects; input untouched). */
export function suppressSmallCells<R extends Row>(rows: readonly R[], spec: SuppressionSpec<R>): SuppressedRow<R>[] {
  const out = rows.map((r) => ({ ...r }) as SuppressedRow<R>);
  if (!spec.countsPersons) return out;
  const groups = spec.groupings.flatMap((fields) => groupRows(rows, fields, spec.isTotal));
  for (const { field, reveals } of spec.counts) {
    for (const i of hiddenCells(rows, field, groups)) {
      const row = out[i] as Row;
      row[field] = SUPPRESSED;
      for (const f of reveals) row[f] = SUPPRESSED;
    }
  }
  return out;
}

/**
 * The spec for /api/query rows (contract.ts QueryRow) broken down `by` the given dimension
 * columns: numerator and denominator (and their comparison-period twins) are the counts, and
 * within each period the rows summed over any one breakdown make a total the same query
 * without that breakdown returns.
 */
export function queryRowSpec(countsPersons: boolean, by: readonly string[]): SuppressionSpec<QueryRow> {
  return {
    countsPersons,
    counts: [
      { field: 'numerator', reveals: ['value'] },
      { field: 'denominator', reveals: ['value'] },
      { field: 'compare_numerator', reveals: ['compare_value'] },
      { field: 'compare_denominator', reveals: ['compare_value'] }
    ],
    groupings: by.map((summedOver) => ['period', ...by.filter((b) => b !== summedOver)])
  };
}
