// Calendar days as ISO dates (YYYY-MM-DD), counted in UTC so no time zone or clock change moves
// a day: the day arithmetic the pipeline (its --from/--to ranges) and the simulator share.

const DAY_MS = 86_400_000;

/** Days since 1970-01-01. */
export const dateToIndex = (date: string): number => Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
export const indexToDate = (index: number): string => new Date(index * DAY_MS).toISOString().slice(0, 10);
export const addDays = (date: string, days: number): string => indexToDate(dateToIndex(date) + days);

/** Every day from `from` to `to`, both included (none when `from` is after `to`). */
export function dateRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let i = dateToIndex(from); i <= dateToIndex(to); i++) out.push(indexToDate(i));
  return out;
}
