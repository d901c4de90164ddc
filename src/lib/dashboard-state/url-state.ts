// The filters live in the URL (?org=&period=&from=&to=&grain=&compare=), so a view can be
// shared as a link and the back button undoes a filter change or a drill-down. Parsing is
// forgiving: an unknown value falls back to the default instead of breaking the page.
import { COMPARES, GRAINS, type Compare, type Grain } from '#lib/contract/contract.js';
import { comparisonCovered } from '#lib/contract/periods.js';
import { isIsoDay, presetRange, PRESETS, type Preset, type Range } from './period';

export interface Filters extends Range {
  /** Org unit code; null = the caller's whole scope (the root of /api/org-units). */
  org: string | null;
  preset: Preset;
  grain: Grain;
  compare: Compare;
}

/**
 * The first view: the latest month against the month before (环比), so what changed shows without
 * a dropdown (defaultsFor makes it 同比 once the data reaches a year back). The whole year with no
 * comparison (the old default) compared 2025 with a 2024 that had no data: every change read "—".
 */
export const DEFAULTS: Defaults = { preset: 'this_month', grain: 'month', compare: 'previous' };

export interface Defaults extends Pick<Filters, 'grain' | 'compare'> {
  preset: Exclude<Preset, 'custom'>;
}

/**
 * The defaults for the data at hand: 同比 once the data reaches a year before the default period
 * (a full year exists, so seasonality cancels out), else 环比.
 */
export function defaultsFor(asOf: string, dataFrom: string | null): Defaults {
  const covered = dataFrom !== null && comparisonCovered(presetRange(DEFAULTS.preset, asOf), 'yoy', dataFrom, DEFAULTS.grain);
  return { ...DEFAULTS, compare: covered ? 'yoy' : 'previous' };
}

/** Grains a chart over time may use (`all` is for single figures, not a filter choice). */
export const TIME_GRAINS = GRAINS.filter((g) => g !== 'all');

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return value !== null && (allowed as readonly string[]).includes(value) ? (value as T) : fallback;
}

/** What the filters read of a query string: SvelteKit's page.url offers only the read side. */
export type QueryParams = Pick<URLSearchParams, 'get' | 'toString'>;

export function readFilters(params: QueryParams, asOf: string, defaults: Defaults = DEFAULTS): Filters {
  const org = params.get('org') || null;
  const grain = oneOf(params.get('grain'), TIME_GRAINS, defaults.grain);
  const compare = oneOf(params.get('compare'), COMPARES, defaults.compare);
  let preset = oneOf(params.get('period'), PRESETS, defaults.preset);
  const from = params.get('from');
  const to = params.get('to');
  if (preset === 'custom') {
    if (isIsoDay(from) && isIsoDay(to) && from <= to) return { org, preset, from, to, grain, compare };
    preset = defaults.preset;
  }
  return { org, preset, ...presetRange(preset, asOf), grain, compare };
}

export type FilterPatch = Partial<Pick<Filters, 'org' | 'preset' | 'grain' | 'compare'>> & Partial<Range>;

/**
 * The query string of the current filters with a patch applied. Defaults are left out, so
 * the plain page URL is the default view. Other parameters (a page's own, like `q`) stay.
 */
export function filterSearch(current: QueryParams, patch: FilterPatch, defaults: Defaults = DEFAULTS): string {
  const next = new URLSearchParams(current.toString());
  const set = (key: string, value: string | null | undefined, fallback?: string) => {
    if (value === undefined) return;
    if (value === null || value === fallback) next.delete(key);
    else next.set(key, value);
  };
  set('org', patch.org);
  set('grain', patch.grain, defaults.grain);
  set('compare', patch.compare, defaults.compare);
  if (patch.preset !== undefined) {
    set('period', patch.preset, defaults.preset);
    if (patch.preset !== 'custom') {
      next.delete('from');
      next.delete('to');
    }
  }
  if (patch.from !== undefined || patch.to !== undefined) {
    next.set('period', 'custom');
    set('from', patch.from);
    set('to', patch.to);
  }
  const s = next.toString();
  return s ? `?${s}` : '';
}

/** The grain that suits a range: days for a month, weeks for a quarter, months beyond. */
export function suggestedGrain(r: Range): Grain {
  const days = (Date.parse(r.to) - Date.parse(r.from)) / 86_400_000 + 1;
  if (days <= 35) return 'day';
  if (days <= 100) return 'week';
  return 'month';
}

/** The URL with one page-specific parameter set (or removed, for null or its default). */
export function paramHref(
  url: { pathname: string; searchParams: QueryParams },
  key: string,
  value: string | null,
  fallback?: string
): string {
  const params = new URLSearchParams(url.searchParams.toString());
  if (value === null || value === '' || value === fallback) params.delete(key);
  else params.set(key, value);
  const s = params.toString();
  return `${url.pathname}${s ? `?${s}` : ''}`;
}

const GRAIN_ORDER: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year', 'all'];

/** The requested grain if the indicator has it, else the next coarser one it has (yearly registers). */
export function fitGrain(requested: Grain, available: readonly Grain[]): Grain {
  const start = GRAIN_ORDER.indexOf(requested);
  return GRAIN_ORDER.slice(start).find((g) => available.includes(g)) ?? available[0] ?? requested;
}
