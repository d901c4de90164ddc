// A distribution from pre-binned counts (the marts keep durations as minute buckets so a
// median over any org unit is read from summed buckets). The median itself is the API's (the
// indicator's value without the breakdown, computed in SQL from every bucket), never worked out
// here from buckets that suppression may have hidden.
import { SUPPRESSED } from '#lib/contract/contract.js';
import { formatValue } from '#lib/format/number.js';
import type { Locale } from '#lib/i18n/locale.js';
import { aria, grid, tooltip } from './common';
import type { ChartOption } from './types';

export interface Bucket {
  /** Lower bound, minutes. */
  from: number;
  /** Events in the bucket; 0 where small-cell suppression hid a count of 1-4 (`suppressed`). */
  count: number;
  suppressed?: boolean;
  /** The bucket's name (the `duration_bucket` dimension's value name, from the catalogue). */
  label: string;
}

export function histogramOption(input: {
  buckets: readonly Bucket[];
  locale: Locale;
  countLabel: string;
  description?: string;
}): ChartOption {
  const sorted = [...input.buckets].sort((a, b) => a.from - b.from);
  const show = (v: unknown) => formatValue(v as number, 'count', input.locale);
  return {
    aria: aria(input.description),
    dataset: { source: { bucket: sorted.map((b) => b.label), count: sorted.map((b) => b.count) } },
    grid: grid(),
    tooltip: {
      ...tooltip('axis'),
      axisPointer: { type: 'shadow' },
      valueFormatter: (v, i) => (sorted[i]?.suppressed ? SUPPRESSED : show(v))
    },
    // Level labels, as many as fit: rotated ones overlapped; each bar keeps its name in the tooltip.
    xAxis: { type: 'category', axisLabel: { interval: 'auto', rotate: 0, hideOverlap: true }, axisTick: { alignWithLabel: true } },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatValue(v, 'count', input.locale) } },
    series: [{ type: 'bar', name: input.countLabel, encode: { x: 'bucket', y: 'count' }, barCategoryGap: '8%' }]
  };
}
