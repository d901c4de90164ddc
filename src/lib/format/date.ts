// Dates in the reader's style: 2025年3月 / Mar 2025. Periods arrive as ISO day strings (the
// period's first day), so all arithmetic here is on calendar dates in UTC, never local time.
import type { Grain } from '#lib/contract/contract.js';
import type { Locale } from '#lib/i18n/locale.js';

export type { Grain };

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function parts(iso: string): [number, number, number] {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return [y, m, d];
}

/** A whole day: 2025年3月5日 / 5 Mar 2025. */
export function formatDay(iso: string, locale: Locale): string {
  const [y, m, d] = parts(iso);
  return locale === 'zh' ? `${y}年${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]} ${y}`;
}

/**
 * The label of one period of a series, short enough for an axis. Days and weeks leave the year
 * out unless `withYear` (a series over more than one year, whose labels must stay distinct).
 */
export function formatPeriod(iso: string, grain: Grain, locale: Locale, withYear = false): string {
  const [y, m, d] = parts(iso);
  const zh = locale === 'zh';
  switch (grain) {
    case 'day':
      if (withYear) return formatDay(iso, locale);
      return zh ? `${m}月${d}日` : `${d} ${EN_MONTHS[m - 1]}`;
    case 'week':
      if (withYear) return zh ? `${formatDay(iso, locale)}起` : `w/c ${formatDay(iso, locale)}`;
      return zh ? `${m}月${d}日起` : `w/c ${d} ${EN_MONTHS[m - 1]}`;
    case 'month':
      return zh ? `${y}年${m}月` : `${EN_MONTHS[m - 1]} ${y}`;
    case 'quarter': {
      const q = Math.floor((m - 1) / 3) + 1;
      return zh ? `${y}年第${q}季度` : `Q${q} ${y}`;
    }
    case 'year':
      return zh ? `${y}年` : String(y);
    case 'all':
      return formatDay(iso, locale);
  }
}

/** A range, e.g. a filter's or the data's: 2025年1月1日 至 2025年12月31日 / 1 Jan 2025 – 31 Dec 2025. */
export function formatRange(from: string, to: string, locale: Locale): string {
  return locale === 'zh'
    ? `${formatDay(from, locale)} 至 ${formatDay(to, locale)}`
    : `${formatDay(from, locale)} – ${formatDay(to, locale)}`;
}

/** A timestamp (a pipeline run's finish) in China time, where the commission works. */
export function formatDateTime(iso: string, locale: Locale): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const shanghai = new Date(date.getTime() + 8 * 3600_000).toISOString();
  const time = shanghai.slice(11, 16);
  return `${formatDay(shanghai, locale)} ${time}`;
}
