// Indicator over time: one or more series (a breakdown, or the comparison period dashed),
// an optional target line, optional stacking (channels) or share-of-total view. Columns
// go to ECharts as one dataset, not as row objects.
import { figure } from '#lib/data/columns.js';
import { formatPeriod, type Grain } from '#lib/format/date.js';
import { aria, escapeHtml, fmt, grid, largestOf, targetLine, tooltip, valueAxis, type Target, type ValueStyle } from './common';
import type { ChartOption } from './types';

export interface SeriesInput {
  name: string;
  values: readonly (number | null)[];
  /** A comparison (previous period, last year): drawn dashed and muted. */
  compare?: boolean;
  /** Per period: the value is missing because small-cell suppression hid it (tooltip: <5). */
  hidden?: readonly boolean[];
  /** Per period: the value is a rate, median or mean from too few persons (tooltip: 样本不足). */
  tooFew?: readonly boolean[];
}

export interface TimeSeriesInput extends ValueStyle {
  /** First day of each period, ISO. */
  periods: readonly string[];
  grain: Grain;
  series: readonly SeriesInput[];
  kind?: 'line' | 'bar';
  /** Bars (or areas) stacked: parts of a whole, like settlement channels. */
  stacked?: boolean;
  target?: Target | null;
  /** A period marked by a vertical line: the selected one, in a trend that shows those before it. */
  selected?: { period: string; label: string };
  description?: string;
}

export function timeSeriesOption(input: TimeSeriesInput): ChartOption {
  const { periods, grain, series, kind = 'line', stacked = false, target } = input;
  const show = fmt(input);
  // A category axis merges equal labels: over more than one year, days and weeks carry their year.
  const withYear = new Set(periods.map((p) => p.slice(0, 4))).size > 1;
  const source: Record<string, (string | number | null)[]> = { period: periods.map((p) => formatPeriod(p, grain, input.locale, withYear)) };
  series.forEach((s, i) => (source[`s${i}`] = [...s.values]));
  const marked = input.selected ? periods.findIndex((p) => p.slice(0, 10) === input.selected!.period) : -1;
  const mark = marked >= 0 ? periodMark(source.period[marked] as string, input.selected!.label) : null;
  const targetMarks = target ? targetLine(target, input) : null;
  const markLine = mark
    ? { ...(targetMarks ?? { silent: true, symbol: 'none' }), data: [...(targetMarks?.data ?? []), mark] }
    : targetMarks;
  return {
    aria: aria(input.description),
    dataset: { source },
    grid: grid({ top: series.length > 1 ? 40 : 28 }),
    legend: series.length > 1 ? { top: 0, type: 'plain' } : undefined,
    tooltip: series.some((s) => s.hidden?.includes(true) || s.tooFew?.includes(true))
      ? { ...tooltip('axis'), formatter: axisTooltip(series, show) }
      : { ...tooltip('axis'), valueFormatter: (v) => show(v as number | null) },
    xAxis: { type: 'category', boundaryGap: kind === 'bar', axisLabel: { hideOverlap: true } },
    yAxis: valueAxis(input, target, largestOf(series.flatMap((s) => s.values))),
    series: series.map((s, i) => {
      const common = {
        name: s.name,
        encode: { x: 'period', y: `s${i}` },
        stack: stacked ? 'total' : undefined,
        markLine: i === 0 && markLine ? markLine : undefined
      };
      if (kind === 'bar' && !s.compare) return { ...common, type: 'bar' as const, barMaxWidth: 32 };
      return {
        ...common,
        type: 'line' as const,
        showSymbol: periods.length <= 24,
        connectNulls: false,
        areaStyle: stacked ? {} : undefined,
        lineStyle: s.compare ? { type: 'dashed' as const, color: 'var(--muted)' } : undefined,
        itemStyle: s.compare ? { color: 'var(--muted)' } : undefined
      };
    })
  };
}

/** A vertical dotted line at one period, labelled above the plot. */
function periodMark(category: string, label: string) {
  return {
    xAxis: category,
    lineStyle: { type: 'dotted' as const, color: 'var(--muted)', width: 1.5 },
    label: { formatter: label, position: 'end' as const, color: 'var(--muted)' }
  };
}

interface AxisParam {
  seriesIndex?: number;
  dataIndex?: number;
  seriesName?: string;
  /** A string in ECharts' HTML tooltips (an object only in rich-text ones, not used here). */
  marker?: unknown;
  axisValueLabel?: string;
}

/**
 * The axis tooltip when some points are hidden (suppressed or too few): ECharts' valueFormatter does not say which
 * series a value belongs to, so the lines are written here from the input itself.
 */
function axisTooltip(series: readonly SeriesInput[], show: ReturnType<typeof fmt>) {
  return (params: AxisParam | AxisParam[]) => {
    const list = Array.isArray(params) ? params : [params];
    const lines = list.map((p) => {
      const s = series[p.seriesIndex ?? -1];
      const i = p.dataIndex ?? -1;
      const text = show(figure(s?.values[i], s?.hidden?.[i], s?.tooFew?.[i]));
      return `${typeof p.marker === 'string' ? p.marker : ''}${escapeHtml(p.seriesName ?? '')}&nbsp;&nbsp;<b>${escapeHtml(text)}</b>`;
    });
    return [escapeHtml(list[0]?.axisValueLabel ?? ''), ...lines].join('<br/>');
  };
}

/**
 * Each series as a share of the period's total (0..1), for "face-scan share of settlements"
 * style views; a period with no total gives nulls rather than a division by zero.
 */
export function shareOfTotal(series: readonly SeriesInput[]): SeriesInput[] {
  const length = Math.max(0, ...series.map((s) => s.values.length));
  const totals = Array.from({ length }, (_, p) => series.reduce((sum, s) => sum + (s.values[p] ?? 0), 0));
  return series.map((s) => ({ ...s, values: s.values.map((v, p) => (totals[p] > 0 && !s.hidden?.[p] ? (v ?? 0) / totals[p] : null)) }));
}
