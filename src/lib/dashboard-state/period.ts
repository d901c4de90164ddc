// Period presets, anchored on the data's last day (the "as of" date of the last pipeline
// run) rather than the wall clock: "this month" means the latest month with data, so a
// preset never lands on an empty future. ISO day strings throughout, UTC arithmetic.

export const PRESETS = ['this_month', 'last_12_months', 'this_year', 'last_year', 'custom'] as const;
export type Preset = (typeof PRESETS)[number];

export interface Range {
  from: string;
  to: string;
}

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

/** The same range a year earlier, as `compare=yoy` reads it. */
export function yearEarlier(r: Range): Range {
  const shift = (s: string) => {
    const [y, m, d] = s.split('-').map(Number);
    // 29 Feb falls back to 28 Feb rather than rolling into March.
    return m === 2 && d === 29 ? iso(y - 1, 2, 28) : iso(y - 1, m, d);
  };
  return { from: shift(r.from), to: shift(r.to) };
}

/** The range of the same length just before, as `compare=previous` over a whole range reads it. */
export function previousRange(r: Range): Range {
  const day = (s: string, delta: number) => new Date(Date.parse(`${s}T00:00:00Z`) + delta * 86_400_000).toISOString().slice(0, 10);
  return { from: day(r.from, -rangeDays(r)), to: day(r.from, -1) };
}

/** Days in a range, both ends included. */
export function rangeDays(r: Range): number {
  return Math.round((Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86_400_000) + 1;
}
