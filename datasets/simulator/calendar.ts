// The calendar the simulated prefecture lives by: weekdays, public holidays with their makeup
// workdays, the Spring Festival, the winter respiratory season and the platform's launch. The
// day arithmetic is the one the pipeline shares (datasets/contract/calendar.ts), re-exported so
// the simulator's modules take their calendar from here.
import { addDays, dateToIndex, indexToDate } from '../contract/calendar';

export { addDays, dateRange, dateToIndex, indexToDate } from '../contract/calendar';

export const LAUNCH_DATE = '2024-12-06';
export const TIME_ZONE_OFFSET = '+08:00';
/** The days the calendar reference data covers; simulation cannot go beyond them. */
export const CALENDAR_RANGE = { from: '2024-12-01', to: '2026-12-31' };
const DAY_MS = 86_400_000;

/** First day of the Spring Festival (lunar new year) by Gregorian year. */
const SPRING_FESTIVAL: Record<number, string> = {
  2023: '2023-01-22',
  2024: '2024-02-10',
  2025: '2025-01-29',
  2026: '2026-02-17',
  2027: '2027-02-06',
  2028: '2028-01-26'
};

export type DayKind = 'workday' | 'weekend' | 'holiday';

export interface Day {
  date: string;
  /** Days since 1970-01-01. */
  index: number;
  year: number;
  month: number;
  /** 0 = Sunday. */
  weekday: number;
  dayOfYear: number;
  kind: DayKind;
  /** Days from the first day of the nearest Spring Festival (negative before it). */
  springFestivalOffset: number;
  /** Days since the prefecture-wide launch (negative before it). */
  sinceLaunch: number;
}

export interface HolidayEntry {
  date: string;
  kind: 'holiday' | 'makeup_workday' | 'regional_holiday';
}

export class Calendar {
  private readonly special = new Map<string, HolidayEntry['kind']>();
  private readonly launchIndex = dateToIndex(LAUNCH_DATE);

  constructor(holidays: readonly HolidayEntry[]) {
    for (const h of holidays) this.special.set(h.date, h.kind);
  }

  private readonly workdays = new Map<number, boolean>();

  isWorkday(index: number): boolean {
    let workday = this.workdays.get(index);
    if (workday === undefined) this.workdays.set(index, (workday = this.day(indexToDate(index)).kind === 'workday'));
    return workday;
  }

  day(date: string): Day {
    const index = dateToIndex(date);
    const d = new Date(index * DAY_MS);
    const year = d.getUTCFullYear();
    const weekday = d.getUTCDay();
    const special = this.special.get(date);
    let kind: DayKind = weekday === 0 || weekday === 6 ? 'weekend' : 'workday';
    if (special === 'holiday' || special === 'regional_holiday') kind = 'holiday';
    if (special === 'makeup_workday') kind = 'workday';
    return {
      date,
      index,
      year,
      month: d.getUTCMonth() + 1,
      weekday,
      dayOfYear: index - dateToIndex(`${year}-01-01`) + 1,
      kind,
      springFestivalOffset: nearestSpringFestivalOffset(index, year),
      sinceLaunch: index - this.launchIndex
    };
  }
}

function nearestSpringFestivalOffset(index: number, year: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const y of [year - 1, year, year + 1]) {
    const sf = SPRING_FESTIVAL[y];
    if (!sf) continue;
    const offset = index - dateToIndex(sf);
    if (Math.abs(offset) < Math.abs(best)) best = offset;
  }
  return Number.isFinite(best) ? best : 999;
}

/** Winter respiratory season: +18% in mid-January, -18% in mid-July. */
export function respiratorySeason(day: Day, amplitude = 0.18): number {
  return 1 + amplitude * Math.cos((2 * Math.PI * (day.dayOfYear - 15)) / 365);
}

/** Relative volume of in-person care (outpatient visits, settlements, exams) on a day. */
export function clinicFactor(day: Day): number {
  let f = day.kind === 'workday' ? 1 : day.kind === 'weekend' ? (day.weekday === 6 ? 0.72 : 0.58) : 0.45;
  const sf = day.springFestivalOffset;
  if (sf >= -1 && sf <= 6)
    f *= 0.6; // families stay home over the festival week
  else if (sf >= -8 && sf < -1) f *= 1.06; // and see the doctor before it
  return f * respiratorySeason(day);
}

/** Relative volume of app use (report queries, registrations, online consultations). */
export function appFactor(day: Day): number {
  const f = day.kind === 'workday' ? 1 : day.kind === 'weekend' ? 0.82 : 0.7;
  return f * (1 + 0.08 * Math.cos((2 * Math.PI * (day.dayOfYear - 15)) / 365));
}

/** Relative volume of 120 emergency calls: winter, festivals and holiday travel bring more. */
export function emergencyFactor(day: Day): number {
  let f = day.kind === 'holiday' ? 1.12 : day.kind === 'weekend' ? 1.04 : 1;
  const sf = day.springFestivalOffset;
  if (sf === -1 || sf === 0)
    f *= 1.3; // New Year's Eve and Day: the peak of the year
  else if (sf >= -7 && sf <= 7) f *= 1.12;
  return f * respiratorySeason(day, 0.14);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, n) => String(n).padStart(2, '0'));

/** Timestamp text in the prefecture's time zone for a day and seconds since its midnight. */
export function timestamp(date: string, secondsOfDay: number): string {
  const s = Math.floor(secondsOfDay); // may be negative or past midnight: other days
  const days = Math.floor(s / 86_400);
  const rest = s - days * 86_400;
  const d = days === 0 ? date : addDays(date, days);
  return `${d}T${TWO_DIGITS[Math.floor(rest / 3600)]}:${TWO_DIGITS[Math.floor((rest % 3600) / 60)]}:${TWO_DIGITS[rest % 60]}${TIME_ZONE_OFFSET}`;
}
