// A process as stages (referral: applied -> accepted -> admitted), each labelled with its
// count and its share of the first stage. A stage small-cell suppression hid reads <5, without
// a share (nor shares at all when the first stage is hidden).
import { figure } from '#lib/data/columns.js';
import { formatValue } from '#lib/format/number.js';
import { aria, fmt, tooltip, type ValueStyle } from './common';
import type { ChartOption } from './types';

export interface Stage {
  name: string;
  value: number | null;
  suppressed?: boolean;
}

type StageParam = { name: string; value: unknown; data?: { suppressed?: boolean } };

export function funnelOption(input: ValueStyle & { stages: readonly Stage[]; description?: string }): ChartOption {
  const first = input.stages[0]?.value ?? null;
  const show = fmt(input);
  const count = (p: StageParam) => show(figure(typeof p.value === 'number' ? p.value : null, p.data?.suppressed));
  // A stage without a number (hidden, <5) has no share.
  const share = (p: StageParam) =>
    typeof p.value !== 'number' || first === null ? '' : first > 0 ? formatValue(p.value / first, 'percent', input.locale) : '—';
  return {
    aria: aria(input.description),
    tooltip: {
      ...tooltip('item'),
      formatter: (p: unknown) => {
        const d = p as StageParam;
        return `${d.name}<br/>${[count(d), share(d) && `(${share(d)})`].filter(Boolean).join(' ')}`;
      }
    },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        top: 8,
        bottom: 8,
        minSize: '20%',
        gap: 2,
        label: {
          position: 'inside',
          formatter: (p: unknown) => {
            const d = p as StageParam;
            return [d.name, count(d), share(d)].filter(Boolean).join('  ');
          },
          color: '#fff'
        },
        // '-' is ECharts' empty value.
        data: input.stages.map((s) => ({ name: s.name, value: s.value ?? '-', ...(s.suppressed ? { suppressed: true } : {}) }))
      }
    ]
  };
}
