// Whether the data is as recent as it should be. The platform exports day D overnight and the
// pipeline loads it at 02:00, so by the morning each feed's newest landing day should be
// yesterday in the prefecture (Asia/Shanghai). A feed allowed to lag more (a monthly export) gets
// its own lag from HCI_FEED_LAG_DAYS, e.g. "1" or "2,assets=31" (the bare number sets the default).
import { FEEDS } from '../../../datasets/contract/feeds';
import { TIME_ZONE } from '../../../pipelines/warehouse';
import type { HealthResponse } from '../contract/contract';
import { feedTitle, type FeedDay } from './runs';

export const LAG_ENV = 'HCI_FEED_LAG_DAYS';

export interface FeedLags {
  /** Days a feed's newest landing day may be behind today before it is late. */
  default: number;
  byFeed: Readonly<Record<string, number>>;
}

type Freshness = NonNullable<HealthResponse['freshness']>;

export const DEFAULT_LAGS: FeedLags = { default: 1, byFeed: {} };

const DAY_MS = 86_400_000;

function days(text: string, item: string): number {
  if (!/^\d+$/.test(text)) throw new Error(`${LAG_ENV}: "${item}" is not a whole number of days (e.g. "1" or "2,assets=31")`);
  return Number(text);
}

/** The lags from HCI_FEED_LAG_DAYS; throws, naming the bad item, on anything it cannot read. */
export function parseFeedLags(value: string | undefined): FeedLags {
  if (value === undefined || value.trim() === '') return DEFAULT_LAGS;
  const lags = { default: DEFAULT_LAGS.default, byFeed: {} as Record<string, number> };
  for (const raw of value.split(',')) {
    const item = raw.trim();
    const at = item.indexOf('=');
    const feed = at < 0 ? null : item.slice(0, at).trim();
    const lag = item.slice(at + 1).trim();
    if (feed === null) lags.default = days(lag, item);
    else if (!FEEDS.some((f) => f.name === feed))
      throw new Error(`${LAG_ENV}: "${feed}" is not a feed; feeds are: ${FEEDS.map((f) => f.name).join(', ')}`);
    else lags.byFeed[feed] = days(lag, item);
  }
  return lags;
}

/** The calendar day of `now` in the prefecture, ISO. */
export function localDay(now: Date, timeZone = TIME_ZONE): string {
  // en-CA writes dates as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** Whole days from ISO day `from` to ISO day `to`. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / DAY_MS);

/**
 * Each loaded feed's newest day against its lag on the prefecture's `now`. A feed never loaded is
 * not listed (the deployment may not receive it; the runs page shows what was read).
 */
export function assessFreshness(feeds: readonly FeedDay[], lags: FeedLags, now: Date): Freshness {
  const today = localDay(now);
  const assessed = feeds.map((f) => {
    const expectedLagDays = lags.byFeed[f.feed] ?? lags.default;
    const daysOld = daysBetween(f.newestDay, today);
    return { feed: f.feed, title: feedTitle(f.feed), newestDay: f.newestDay, daysOld, expectedLagDays, late: daysOld > expectedLagDays };
  });
  const newestDay = assessed.reduce<string | null>((max, f) => (max === null || f.newestDay > max ? f.newestDay : max), null);
  return {
    today,
    newestDay,
    daysOld: newestDay === null ? null : daysBetween(newestDay, today),
    late: assessed.some((f) => f.late),
    feeds: assessed
  };
}
