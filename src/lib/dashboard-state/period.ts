// Period presets, anchored on the data's last day (the "as of" date of the last pipeline
// run) rather than the wall clock: "this month" means the latest month with data, so a
// preset never lands on an empty future. ISO day strings throughout, UTC arithmetic. Which
// period a comparison reads, and whether the data covers it, is the API's rule (contract/periods.ts).
import type { Grain } from '#lib/contract/contract.js';
import { addMonths, MONTHS_IN, periodStart, type Range } from '#lib/contract/periods.js';

export type { Range };

export const PRESETS = ['this_month', 'last_12_months', 'this_year', 'last_year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

const ISO = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDay(s: string | null | undefined): s is string {
  if (!s || !ISO.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

function iso(y: number, m: number, d: number): string {
  return new Date(Date.UTC(y, m - 1, d)).toISOString().slice(0, 10);
}

export function presetRange(preset: Exclude<Preset, 'custom'>, asOf: string): Range {
  const [y, m] = asOf.split('-').map(Number);
  switch (preset) {
    case 'this_month':
      return { from: iso(y, m, 1), to: asOf };
    case 'last_12_months':
      // Twelve calendar months including the current one, so a monthly chart has 12 bars.
      return { from: iso(y, m - 11, 1), to: asOf };
    case 'this_year':
      return { from: iso(y, 1, 1), to: asOf };
    case 'last_year':
      return { from: iso(y - 1, 1, 1), to: iso(y - 1, 12, 31) };
  }
}

/** How many periods a trend over a single period shows, ending with it. */
const TRAILING = { month: 12, quarter: 4, year: 3 } as const;

export interface TrendWindow extends Range {
  grain: keyof typeof TRAILING;
  /** Periods shown, the selected one last. */
  periods: number;
  /** First day of the selected period, which the chart marks. */
  selected: string;
}

/**
 * The range a trend draws when the filters select a single period at its grain (本月 by month):
 * one point is no trend, so it shows the trailing year of months (4 quarters, 3 years) ending
 * with the selected one, from no earlier than the first period with data. Null when the range
 * spans several periods or no earlier period has data, and when it starts mid-period, unless the
 * indicator is counted no finer than the grain (`finest`): the last point must be the range's figure.
 */
export function trendWindow(range: Range, grain: Grain, dataFrom: string | null, finest: Grain = 'day'): TrendWindow | null {
  if (grain !== 'month' && grain !== 'quarter' && grain !== 'year') return null;
  const selected = periodStart(range.from, grain);
  if (periodStart(range.to, grain) !== selected || (selected !== range.from && finest !== grain)) return null;
  const months = MONTHS_IN[grain]!;
  let from = addMonths(selected, -(TRAILING[grain] - 1) * months);
  const first = dataFrom ? periodStart(dataFrom, grain) : null;
  if (first && first > from) from = first;
  if (from >= selected) return null;
  const span = (Number(selected.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(selected.slice(5, 7)) - Number(from.slice(5, 7));
  return { from, to: range.to, grain, periods: span / months + 1, selected };
}
