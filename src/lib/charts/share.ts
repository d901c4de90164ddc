// Parts of a whole at one point in time (paper vs digital recognition, referral direction):
// a ring with each part's share in its label. A part small-cell suppression hid has no size:
// it is left out of the ring and of the total, and reads <5.
import { figure } from '#lib/data/columns.js';
import { formatValue } from '#lib/format/number.js';
import { aria, fmt, tooltip, type ValueStyle } from './common';
import type { ChartOption } from './types';

export interface Slice {
  code: string;
  name: string;
  value: number | null;
  suppressed?: boolean;
}

type SliceParam = { name: string; value: unknown; data?: { suppressed?: boolean } };

export function shareOption(input: ValueStyle & { slices: readonly Slice[]; description?: string }): ChartOption {
  const show = fmt(input);
  const total = input.slices.reduce((s, x) => s + (x.value ?? 0), 0);
  const count = (p: SliceParam) => show(figure(typeof p.value === 'number' ? p.value : null, p.data?.suppressed));
  // A part without a number reads as its figure (<5 where hidden) instead of a share.
  const part = (p: SliceParam) =>
    typeof p.value !== 'number' ? count(p) : total > 0 ? formatValue(p.value / total, 'percent', input.locale) : '—';
  return {
    aria: aria(input.description),
    tooltip: {
      ...tooltip('item'),
      formatter: (p: unknown) => {
        const d = p as SliceParam;
        return typeof d.value === 'number' ? `${d.name}<br/>${count(d)} (${part(d)})` : `${d.name}<br/>${count(d)}`;
      }
    },
    legend: { bottom: 0 },
    series: [
      {
        type: 'pie',
        radius: ['45%', '70%'],
        center: ['50%', '45%'],
        label: { formatter: (p: unknown) => `${(p as SliceParam).name}\n${part(p as SliceParam)}` },
        // '-' is ECharts' empty value: no slice, but a legend entry.
        data: input.slices.map((s) => ({
          name: s.name,
          value: s.value ?? '-',
          code: s.code,
          ...(s.suppressed ? { suppressed: true } : {})
        }))
      }
    ]
  };
}
