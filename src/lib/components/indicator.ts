// Glue between the dashboard context and the pure builders: the query an indicator view sends,
// its value style and target in the reader's language, and why a selection is empty.
import { notApplicableReason } from '#lib/contract/applicability.js';
import { ORG_DIMENSIONS, type Indicator } from '#lib/contract/contract.js';
import type { Target, ValueStyle } from '#lib/charts/common.js';
import type { Grain } from '#lib/contract/contract.js';
import type { QuerySpec } from '#lib/data/query.js';
import type { Dashboard } from '#lib/dashboard-state/context.js';
import type { NameSources } from '#lib/dashboard-state/names.js';
import { trendWindow, type TrendWindow } from '#lib/dashboard-state/period.js';
import { nameOf } from '#lib/dashboard-state/org-tree.js';
import { formatRange } from '#lib/format/date.js';
import type { I18n } from '#lib/i18n/context.js';

export function baseSpec(d: Dashboard, indicator: string, extra: Partial<QuerySpec> = {}): QuerySpec {
  return { indicator, from: d.filters.from, to: d.filters.to, org: d.org, grain: 'all', ...extra };
}

/** The trailing window a trend of `ind` at `grain` draws instead of the filters' single period, or null (trendWindow). */
export function trendOf(d: Dashboard, ind: Indicator | undefined | null, grain: Grain): TrendWindow | null {
  return ind ? trendWindow(d.filters, grain, d.dataFrom, ind.grains[0]) : null;
}

/** What a trend card says it shows: its grain (月), or its trailing window (近12个月). */
export function trendCaption(window: TrendWindow | null, grain: Grain, i18n: I18n): string {
  return window ? i18n.t(`chart.trailing.${window.grain}`, { n: window.periods }) : i18n.t(`grain.${grain}`);
}

export function styleOf(ind: Indicator, i18n: I18n): ValueStyle {
  return { format: ind.format, locale: i18n.locale, unit: i18n.text(ind.unit) };
}

export function targetOf(ind: Indicator, i18n: I18n): Target | null {
  return ind.target ? { value: ind.target.value, op: ind.target.op, label: i18n.t('chart.target') } : null;
}

/**
 * Why the indicator means nothing for the selected org unit (one measured per county, below a
 * county; a share of an area's care, at one institution), or null: the API's own rule
 * (contract/applicability.ts), so a page says 不适用 without asking.
 */
export function unmeasured(d: Dashboard, ind: Indicator | undefined, i18n: I18n): string | null {
  const unit = d.orgUnit;
  if (!ind || !unit) return null;
  const reason = notApplicableReason(ind.appliesTo, unit);
  return reason ? i18n.text(reason) : null;
}

/** "昌吉市在2025年1月1日 至 2025年12月31日没有该指标的数据。" */
export function emptyReason(d: Dashboard, i18n: I18n): string {
  return i18n.t('state.empty', { org: nameOf(d.tree, d.org, i18n.locale), range: formatRange(d.filters.from, d.filters.to, i18n.locale) });
}

export function nameSources(d: Dashboard, i18n: I18n): NameSources {
  return {
    tree: d.tree,
    dimension: (id) => d.dimension(id),
    locale: i18n.locale,
    other: i18n.t('chart.other'),
    none: i18n.t('chart.none')
  };
}

/** Org breakdowns a click can drill into: the levels of the org tree (medical communities and institution types are not). */
export const DRILLABLE = new Set<string>(ORG_DIMENSIONS.filter((d) => d !== 'medical_community' && d !== 'institution_type'));
