// A period named by its grain, the way it is written in a table or a file name, the same in both
// languages: 2025, 2025Q1, 2025-01, 2025-W01 (ISO week), 2025-01-05. A period arrives as its first
// day (the API's `period`); a whole range (grain=all) is named by its two ends, since its first
// day alone reads as that day or month.
import type { Grain } from '#lib/contract/contract.js';

const DAY_MS = 86_400_000;

/** The ISO week of a day: its year (the year of that week's Thursday) and number, 2024-12-30 -> 2025-W01. */
function isoWeek(iso: string): string {
  const day = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const weekday = (new Date(day).getUTCDay() + 6) % 7;
  const thursday = new Date(day + (3 - weekday) * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / DAY_MS / 7) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** The label of the period starting `iso` at `grain`; `to` is the range's last day, for grain=all. */
export function periodLabel(iso: string, grain: Grain, to?: string): string {
  const day = iso.slice(0, 10);
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return isoWeek(day);
    case 'month':
      return day.slice(0, 7);
    case 'quarter':
      return `${day.slice(0, 4)}Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
    case 'year':
      return day.slice(0, 4);
    case 'all':
      return to && to !== day ? `${day}~${to}` : day;
  }
}

/**
 * A range as short as it can be said: a whole year, quarter or month by that period's label
 * (2025, 2025Q1, 2025-01), a single day as itself, anything else by its two ends.
 */
export function rangeLabel(from: string, to: string): string {
  const [fy, fm, fd] = from.split('-').map(Number);
  const next = new Date(Date.parse(`${to}T00:00:00Z`) + DAY_MS);
  // The day after `to` starts a month: the range ends at a month's end.
  const months = fd === 1 && next.getUTCDate() === 1 ? (next.getUTCFullYear() - fy) * 12 + next.getUTCMonth() - (fm - 1) : 0;
  if (months === 12 && fm === 1) return periodLabel(from, 'year');
  if (months === 3 && (fm - 1) % 3 === 0) return periodLabel(from, 'quarter');
  if (months === 1) return periodLabel(from, 'month');
  return periodLabel(from, 'all', to);
}
