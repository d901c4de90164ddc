// The dashboard's pages, in menu order. `filters`: the page reads the org/period filters, so
// links to it carry them along.
import type { QueryParams } from '#lib/dashboard-state/url-state.js';
import type { MessageKey } from '#lib/i18n/index.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  filters: boolean;
}

export const NAV: readonly NavItem[] = [
  { path: '/', label: 'nav.overview', filters: true },
  { path: '/settlement', label: 'nav.settlement', filters: true },
  { path: '/referral', label: 'nav.referral', filters: true },
  { path: '/recognition', label: 'nav.recognition', filters: true },
  { path: '/reform', label: 'nav.reform', filters: true },
  { path: '/public-health', label: 'nav.public_health', filters: true },
  { path: '/assets', label: 'nav.assets', filters: true },
  { path: '/indicators', label: 'nav.indicators', filters: false },
  { path: '/runs', label: 'nav.runs', filters: false },
  { path: '/press', label: 'nav.press', filters: false }
];

const FILTER_KEYS = ['org', 'period', 'from', 'to', 'grain', 'compare'];

/** The link to a page, keeping the current filters when the page uses them. */
export function navHref(item: NavItem, current: QueryParams): string {
  if (!item.filters) return item.path;
  const kept = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = current.get(key);
    if (value) kept.set(key, value);
  }
  const s = kept.toString();
  return s ? `${item.path}?${s}` : item.path;
}
