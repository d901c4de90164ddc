// Parts of a whole at one point in time (paper vs digital recognition, referral direction):
// a ring with each part's share in its label.
import { formatValue } from '$lib/format/number';
import { aria, fmt, tooltip, type ValueStyle } from './common';
import type { ChartOption } from './types';

export interface Slice {
  code: string;
  name: string;
  value: number;
}

export function shareOption(input: ValueStyle & { slices: readonly Slice[]; description?: string }): ChartOption {
  const show = fmt(input);
  const total = input.slices.reduce((s, x) => s + x.value, 0);
  const pct = (v: number) => (total > 0 ? formatValue(v / total, 'percent', input.locale) : '—');
  return {
    aria: aria(input.description),
    tooltip: { ...tooltip('item'), formatter: (p: unknown) => { const d = p as { name: string; value: number }; return `${d.name}<br/>${show(d.value)} (${pct(d.value)})`; } },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: (p: { name: string; value: unknown }) => `${p.name}\n${pct(p.value as number)}` },
        data: input.slices.map((s) => ({ name: s.name, value: s.value, code: s.code }))
      }
    ]
  };
}
