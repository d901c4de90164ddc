// A process as stages (referral: applied -> accepted -> admitted), each labelled with its
// count and its share of the first stage.
import { formatValue } from '$lib/format/number';
import { aria, tooltip, type ValueStyle } from './common';
import type { ChartOption } from './types';

export interface Stage {
  name: string;
  value: number;
}

export function funnelOption(input: ValueStyle & { stages: readonly Stage[]; description?: string }): ChartOption {
  const first = input.stages[0]?.value ?? 0;
  const count = (v: number) => formatValue(v, input.format, input.locale, { unit: input.unit });
  const share = (v: number) => (first > 0 ? formatValue(v / first, 'percent', input.locale) : '—');
  return {
    aria: aria(input.description),
    tooltip: { ...tooltip('item'), formatter: (p: unknown) => { const d = p as { name: string; value: number }; return `${d.name}<br/>${count(d.value)} (${share(d.value)})`; } },
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
        label: { position: 'inside', formatter: (p: { name: string; value: unknown }) => `${p.name}  ${count(p.value as number)}  ${share(p.value as number)}`, color: '#fff' },
        data: input.stages.map((s) => ({ name: s.name, value: s.value }))
      }
    ]
  };
}
