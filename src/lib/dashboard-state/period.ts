// Period presets, anchored on the data's last day (the "as of" date of the last pipeline
// run) rather than the wall clock: "this month" means the latest month with data, so a
// preset never lands on an empty future. ISO day strings throughout, UTC arithmetic. Which
// period a comparison reads, and whether the data covers it, is the API's rule (contract/periods.ts).
import type { Range } from '#lib/contract/periods.js';

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
