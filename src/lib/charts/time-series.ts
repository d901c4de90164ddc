// Indicator over time: one or more series (a breakdown, or the comparison period dashed),
// an optional target line, optional stacking (channels) or share-of-total view. Columns
// go to ECharts as one dataset, not as row objects.
import { formatPeriod, type Grain } from '$lib/format/date';
import { aria, fmt, grid, targetLine, tooltip, valueAxis, type Target, type ValueStyle } from './common';
import type { ChartOption } from './types';

export interface SeriesInput {
  name: string;
  values: readonly (number | null)[];
  /** A comparison (previous period, last year): drawn dashed and muted. */
  compare?: boolean;
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
  description?: string;
}

export function timeSeriesOption(input: TimeSeriesInput): ChartOption {
  const { periods, grain, series, kind = 'line', stacked = false, target } = input;
  const show = fmt(input);
  const source: Record<string, (string | number | null)[]> = { period: periods.map((p) => formatPeriod(p, grain, input.locale)) };
  series.forEach((s, i) => (source[`s${i}`] = [...s.values]));
  return {
    aria: aria(input.description),
    dataset: { source },
    grid: grid({ top: series.length > 1 ? 40 : 28 }),
    legend: series.length > 1 ? { top: 0, type: 'plain' } : undefined,
    tooltip: { ...tooltip('axis'), valueFormatter: (v) => show(v as number | null) },
    xAxis: { type: 'category', boundaryGap: kind === 'bar', axisLabel: { hideOverlap: true } },
    yAxis: valueAxis(input, target),
    series: series.map((s, i) => {
      const common = {
        name: s.name,
        encode: { x: 'period', y: `s${i}` },
        stack: stacked ? 'total' : undefined,
        markLine: i === 0 && target ? targetLine(target, input) : undefined
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

/**
 * Each series as a share of the period's total (0..1), for "face-scan share of settlements"
 * style views; a period with no total gives nulls rather than a division by zero.
 */
export function shareOfTotal(series: readonly SeriesInput[]): SeriesInput[] {
  const length = Math.max(0, ...series.map((s) => s.values.length));
  const totals = Array.from({ length }, (_, p) => series.reduce((sum, s) => sum + (s.values[p] ?? 0), 0));
  return series.map((s) => ({ ...s, values: s.values.map((v, p) => (totals[p] > 0 ? (v ?? 0) / totals[p] : null)) }));
}
