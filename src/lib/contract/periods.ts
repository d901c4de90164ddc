// Calendar arithmetic on YYYY-MM-DD strings (UTC, no time zones: the marts hold local days), and
// the one rule for comparisons: which period a comparison reads, and whether the data covers it.
// Pages and server both import this file (the query builder shifts by it, the resolver and the
// monthly report drop comparisons the data does not cover, the tiles say why a change is "—").
import type { Compare, Grain } from './contract';

const DAY_MS = 86_400_000;

export interface Range {
  from: string;
  to: string;
}

export function parseDay(value: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return null;
  const ms = Date.UTC(Number(value.slice(0, 4)), Number(value.slice(5, 7)) - 1, Number(value.slice(8, 10)));
  return formatDay(ms) === value ? ms : null;
}

export function formatDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return formatDay(parseDay(day)! + days * DAY_MS);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((parseDay(to)! - parseDay(from)!) / DAY_MS);
}

function lastDayOfMonth(year: number, month0: number): number {
  return new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
}

/** Moves a day by whole months; the day of month is clamped, and a month end stays a month end. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month0 = total - year * 12;
  const monthEnd = d === lastDayOfMonth(y, m - 1);
  const target = monthEnd ? lastDayOfMonth(year, month0) : Math.min(d, lastDayOfMonth(year, month0));
  return formatDay(Date.UTC(year, month0, target));
}

export function monthStart(day: string): string {
  return `${day.slice(0, 7)}-01`;
}

/** Months in one period of a calendar grain. */
export const MONTHS_IN: Readonly<Partial<Record<Grain, number>>> = { month: 1, quarter: 3, year: 12 };

/** The first day of the month, quarter or year that holds `day`. */
export function periodStart(day: string, grain: 'month' | 'quarter' | 'year'): string {
  const month = Number(day.slice(5, 7));
  const first = grain === 'year' ? 1 : grain === 'quarter' ? month - ((month - 1) % 3) : month;
  return `${day.slice(0, 4)}-${String(first).padStart(2, '0')}-01`;
}

export interface Shift {
  unit: 'months' | 'days';
  amount: number;
}

/**
 * How far back the comparison looks. Weeks compare with whole weeks (364 days a year back, so
 * Mondays stay Mondays); `previous` with grain=all takes the range of the same length just before.
 */
export function compareShift(compare: Exclude<Compare, 'none'>, grain: Grain, from: string, to: string): Shift {
  if (compare === 'yoy')
    return grain === 'week' || grain === 'day' ? { unit: 'days', amount: grain === 'week' ? 364 : 365 } : { unit: 'months', amount: 12 };
  switch (grain) {
    case 'day':
      return { unit: 'days', amount: 1 };
    case 'week':
      return { unit: 'days', amount: 7 };
    case 'month':
      return { unit: 'months', amount: 1 };
    case 'quarter':
      return { unit: 'months', amount: 3 };
    case 'year':
      return { unit: 'months', amount: 12 };
    case 'all':
      return { unit: 'days', amount: daysBetween(from, to) + 1 };
  }
}

export function shiftBack(day: string, shift: Shift): string {
  return shift.unit === 'days' ? addDays(day, -shift.amount) : addMonths(day, -shift.amount);
}

/** The range `compare` reads for `range` taken whole (grain=all): the range just before, or a year earlier. */
export function comparisonRange(range: Range, compare: Exclude<Compare, 'none'>, grain: Grain = 'all'): Range {
  const shift = compareShift(compare, grain, range.from, range.to);
  return { from: shiftBack(range.from, shift), to: shiftBack(range.to, shift) };
}

/**
 * The one rule for partial comparisons: a comparison is one only when the period it reads starts
 * on or after the first day with data (`dataFrom`, /api/health). One reaching further back
 * compares with a sliver (a count reads +10,000%, a yearly rate +70 points), so tiles, charts,
 * downloads and the monthly report show no comparison there. `period` is the first day of one
 * row's period (its comparison is that period, from the range's first day, shifted back); without
 * it, the range as a whole. Unknown `dataFrom` (no warehouse yet): nothing to judge by, covered.
 */
export function comparisonCovered(
  range: Range,
  compare: Compare,
  dataFrom: string | null | undefined,
  grain: Grain = 'all',
  period: string = range.from
): boolean {
  if (compare === 'none' || !dataFrom) return true;
  const start = period > range.from ? period : range.from;
  return shiftBack(start, compareShift(compare, grain, range.from, range.to)) >= dataFrom;
}

/**
 * Whether a comparison reads another figure at all. An indicator counted no finer than by year
 * (`finest`, its first grain) over one month compares 2025-12 with 2025-11, both of them 2025's
 * figure: a change of ±0 that says nothing, so it is left out like a partial one.
 */
export function comparisonDistinct(range: Range, compare: Compare, finest: Grain, grain: Grain = 'all'): boolean {
  if (compare === 'none' || (finest !== 'month' && finest !== 'quarter' && finest !== 'year')) return true;
  const back = comparisonRange(range, compare, grain);
  return (
    periodStart(back.from, finest) !== periodStart(range.from, finest) || periodStart(back.to, finest) !== periodStart(range.to, finest)
  );
}
