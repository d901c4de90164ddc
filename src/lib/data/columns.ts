// A query answer as column arrays, and the pivots pages need from it: one series per
// breakdown code aligned on periods, one value per code, the single figure of a KPI.
import { NOTE_COLUMNS, SUPPRESSED, TOO_FEW, type Figure, type QueryRow } from '#lib/contract/contract.js';

export type Cell = string | number | boolean | null;

export interface Columns {
  length: number;
  columns: Record<string, Cell[]>;
}

/**
 * JSON rows to columns. A small-cell figure the API hid ('<5') becomes null, as Arrow carries
 * it, and the row is flagged in a boolean `suppressed` column, as Arrow flags it.
 */
export function fromRows(rows: readonly QueryRow[]): Columns {
  const columns: Record<string, Cell[]> = {};
  const suppressed: boolean[] = new Array(rows.length).fill(false);
  rows.forEach((row, i) => {
    for (const [key, value] of Object.entries(row)) {
      const hidden = value === SUPPRESSED;
      if (hidden) suppressed[i] = true;
      (columns[key] ??= new Array(rows.length).fill(null))[i] = hidden ? null : (value ?? null);
    }
  });
  if (suppressed.some(Boolean)) columns.suppressed = suppressed as unknown as Cell[];
  return { length: rows.length, columns };
}

/** The Arrow table's shape that matters here, so the decoder is testable without arrow. */
interface ArrowLike {
  numRows: number;
  schema: { fields: { name: string }[] };
  getChild(name: string): Iterable<unknown> | null;
}

/** Arrow dates come as ms since the epoch (Date32): back to the contract's YYYY-MM-DD. */
function cell(value: unknown): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value as string | number | boolean;
}

export function fromArrow(table: ArrowLike): Columns {
  const columns: Record<string, Cell[]> = {};
  for (const { name } of table.schema.fields) {
    const values = Array.from(table.getChild(name) ?? [], cell);
    columns[name] = name === 'period' ? values.map((v) => (typeof v === 'number' ? new Date(v).toISOString().slice(0, 10) : v)) : values;
  }
  return { length: table.numRows, columns };
}

function numbers(c: Columns, field: string): (number | null)[] {
  return (c.columns[field] ?? new Array(c.length).fill(null)) as (number | null)[];
}

/** Distinct periods, ascending. */
export function periodsOf(c: Columns): string[] {
  return [...new Set((c.columns.period ?? []) as string[])].sort();
}

/**
 * One series per code of `dim` (or a single series keyed '' without one), aligned on the
 * periods: a period with no row is null, not zero, so gaps show as gaps.
 */
export function seriesBy(c: Columns, dim: string | null, field = 'value'): { periods: string[]; series: Map<string, (number | null)[]> } {
  const periods = periodsOf(c);
  const index = new Map(periods.map((p, i) => [p, i]));
  const series = new Map<string, (number | null)[]>();
  const period = c.columns.period as string[];
  const keys = dim ? (c.columns[dim] as string[] | undefined) : undefined;
  const values = numbers(c, field);
  for (let i = 0; i < c.length; i++) {
    const key = keys ? String(keys[i]) : '';
    let line = series.get(key);
    if (!line) series.set(key, (line = new Array(periods.length).fill(null)));
    line[index.get(period[i])!] = values[i];
  }
  return { periods, series };
}

export interface CodeValue {
  code: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  compare: number | null;
  /** Some figure of the row was hidden by small-cell suppression (it reads null here). */
  suppressed: boolean;
  /** The value is a rate, median or mean resting on too few persons (value_note): 样本不足, not "<5". */
  tooFew: boolean;
}

/** Per row, whether the note column of `field` says TOO_FEW. */
function tooFewOf(c: Columns, field: keyof typeof NOTE_COLUMNS): boolean[] {
  const notes = c.columns[NOTE_COLUMNS[field]] ?? [];
  return Array.from({ length: c.length }, (_, i) => notes[i] === TOO_FEW);
}

/** One entry per code of `dim` (for grain=all answers: bars, map, slices). */
export function valuesBy(c: Columns, dim: string): CodeValue[] {
  const codes = (c.columns[dim] ?? []) as string[];
  const value = numbers(c, 'value');
  const numerator = numbers(c, 'numerator');
  const denominator = numbers(c, 'denominator');
  const compare = numbers(c, 'compare_value');
  const hidden = c.columns.suppressed ?? [];
  const tooFew = tooFewOf(c, 'value');
  return codes.map((code, i) => ({
    code: String(code),
    value: value[i],
    numerator: numerator[i],
    denominator: denominator[i],
    compare: compare[i],
    suppressed: hidden[i] === true,
    tooFew: tooFew[i]
  }));
}

/** The first row as a figure (a KPI over grain=all without breakdown); null for no rows. */
export function single(c: Columns): CodeValue | null {
  if (c.length === 0) return null;
  const at = (f: string) => numbers(c, f)[0] ?? null;
  return {
    code: '',
    value: at('value'),
    numerator: at('numerator'),
    denominator: at('denominator'),
    compare: at('compare_value'),
    suppressed: c.columns.suppressed?.[0] === true,
    tooFew: tooFewOf(c, 'value')[0]
  };
}

/**
 * A figure as the API wrote it: SUPPRESSED where it is missing because small-cell suppression
 * hid it (fromRows and Arrow both carry such a figure as null and flag the row), else itself.
 * A hidden rate, median or mean is not a count: check `tooFew` first (样本不足, never "<5").
 */
export function figure(value: number | null | undefined, suppressed: boolean | null | undefined): Figure | null;
export function figure(
  value: number | null | undefined,
  suppressed: boolean | null | undefined,
  tooFew: boolean | undefined
): Figure | typeof TOO_FEW | null;
export function figure(
  value: number | null | undefined,
  suppressed: boolean | null | undefined,
  tooFew?: boolean
): Figure | typeof TOO_FEW | null {
  if (value === null || value === undefined) return tooFew ? TOO_FEW : suppressed ? SUPPRESSED : null;
  return value;
}

/** Per period and code of `dim` (as seriesBy aligns them): whether the row was suppressed. */
export function hiddenBy(c: Columns, dim: string | null): Map<string, boolean[]> {
  const { series } = seriesBy(c, dim, 'suppressed');
  return new Map([...series].map(([key, flags]) => [key, flags.map((f) => (f as unknown) === true)]));
}

/** Per code of `dim`, aligned on the periods: whether `field` rests on too few persons (样本不足). */
export function tooFewBy(c: Columns, dim: string | null, field: keyof typeof NOTE_COLUMNS = 'value'): Map<string, boolean[]> {
  const { series } = seriesBy(c, dim, NOTE_COLUMNS[field]);
  return new Map([...series].map(([key, notes]) => [key, notes.map((n) => (n as unknown) === TOO_FEW)]));
}
