// An indicator across org units (counties, hospitals, medical communities): horizontal bars,
// ranked largest first with their rank beside the name, or in the given order (code order, on
// request); a target line, the parent unit's own figure as a second line, and an optional
// comparison value per unit. Each row carries its code so a click can drill in.
import { OTHER_CODE } from '#lib/contract/contract.js';
import { figure } from '#lib/data/columns.js';
import {
  aria,
  comparisonText,
  escapeHtml,
  fmt,
  grid,
  largestOf,
  referenceLine,
  targetLine,
  tooltip,
  valueAxis,
  type Reference,
  type Target,
  type ValueStyle
} from './common';
import type { ChartOption } from './types';

export interface BarItem {
  code: string;
  name: string;
  value: number | null;
  /** The same unit's comparison value (previous period / last year). */
  compare?: number | null;
  /** Small-cell suppression hid a figure of this unit: a missing value reads <5. */
  suppressed?: boolean;
  /** The hidden figure is a rate, median or mean from too few persons: it reads 样本不足. */
  tooFew?: boolean;
}

export interface RankedBarsInput extends ValueStyle {
  items: readonly BarItem[];
  /** 'value': largest first; 'given': keep the caller's order (code order for counties). */
  order: 'value' | 'given';
  valueLabel: string;
  compareLabel?: string;
  target?: Target | null;
  /**
   * The selected org unit's own figure (its summed numerator over its summed denominator, as the
   * API answers it without the breakdown, never an average of the bars), drawn as a line.
   */
  parent?: Reference | null;
  description?: string;
}

/** Ranked or as given; the rest of a top-N ("others") always comes last, whatever its size. */
export function rankItems(items: readonly BarItem[], order: 'value' | 'given'): BarItem[] {
  const listed = items.filter((i) => i.code !== OTHER_CODE);
  const rest = items.filter((i) => i.code === OTHER_CODE);
  if (order === 'value') listed.sort((a, b) => (b.value ?? -Infinity) - (a.value ?? -Infinity) || a.code.localeCompare(b.code));
  return [...listed, ...rest];
}

/**
 * Standard competition ranks of ranked rows (1, 2, 2, 4): equal values share a rank; a row
 * without a value, and the rest of a top-N, have none.
 */
export function ranks(rows: readonly BarItem[]): (number | null)[] {
  return rows.map((r) => {
    if (r.value === null || r.code === OTHER_CODE) return null;
    return 1 + rows.filter((o) => o.code !== OTHER_CODE && o.value !== null && o.value > r.value!).length;
  });
}

/** Pixel height that fits every bar's label: the component sizes the chart with it. */
export function barsHeight(count: number, withCompare = false): number {
  // 80: the rows above and below the bars (legend, target label, value axis, parent label).
  return Math.max(160, 80 + count * (withCompare ? 34 : 26));
}

export function rankedBarsOption(input: RankedBarsInput): ChartOption {
  const rows = rankItems(input.items, input.order);
  const rank = input.order === 'value' ? ranks(rows) : rows.map(() => null);
  const show = fmt(input);
  const withCompare = input.compareLabel !== undefined;
  const label = {
    show: true,
    position: 'right' as const,
    formatter: (p: { value: unknown }) => {
      const row = p.value as BarItem;
      return show(figure(row.value, row.suppressed, row.tooFew));
    }
  };
  // A hidden figure still gets its row: a bar of no length whose label reads <5, where a
  // missing value would draw nothing and look like no data.
  const hidden = (i: number) => rows[i]?.value === null && rows[i]?.suppressed === true;
  const lines = [
    ...(input.target ? targetLine(input.target, input, 'xAxis').data : []),
    ...(input.parent ? [referenceLine(input.parent, input)] : [])
  ];
  return {
    aria: aria(input.description),
    dataset: {
      source: rows.map((r, i) => ({
        code: r.code,
        name: r.name,
        // The axis label: the rank before the name, as a ranking is read.
        label: rank[i] === null ? r.name : `${rank[i]}  ${r.name}`,
        value: r.value,
        bar: hidden(i) ? 0 : r.value,
        compare: r.compare ?? null,
        ...(r.suppressed ? { suppressed: true } : {}),
        ...(r.tooFew ? { tooFew: true } : {})
      }))
    },
    // On top, a row each for the legend and the target's label (on a phone the label, over the
    // target's value, would otherwise land on the centred legend); below, room for the parent's
    // label under the value axis's labels (see referenceLine).
    grid: grid({ right: 72, top: (withCompare ? 24 : 0) + (input.target ? 28 : 0) || 8, bottom: input.parent ? 28 : 8 }),
    legend: withCompare ? { top: 0 } : undefined,
    tooltip: {
      ...tooltip('axis'),
      axisPointer: { type: 'shadow' },
      formatter: (params: unknown) => {
        const row = rows[(Array.isArray(params) ? params[0] : params)?.dataIndex ?? -1];
        if (!row) return '';
        const value = show(figure(row.value, row.suppressed, row.tooFew));
        const compare = withCompare ? comparisonText(row.value, row.compare ?? null, input.compareLabel!, input) : '';
        return [
          escapeHtml(row.name),
          `${escapeHtml(input.valueLabel)}&nbsp;&nbsp;<b>${escapeHtml(value)}</b>`,
          compare && escapeHtml(compare)
        ]
          .filter(Boolean)
          .join('<br/>');
      }
    },
    // Inverse: the first (largest) row on top, as people read a ranking.
    yAxis: { type: 'category', inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
    xAxis: {
      splitNumber: 3,
      ...valueAxis(input, input.target, largestOf([...rows.flatMap((r) => [r.value, r.compare ?? null]), input.parent?.value]))
    },
    series: [
      {
        type: 'bar',
        name: input.valueLabel,
        encode: { x: 'bar', y: 'label' },
        barMaxWidth: 18,
        label,
        markLine:
          lines.length > 0
            ? { ...(input.target ? targetLine(input.target, input, 'xAxis') : {}), silent: true, symbol: 'none', data: lines }
            : undefined,
        cursor: 'pointer'
      },
      ...(withCompare
        ? [
            {
              type: 'bar' as const,
              name: input.compareLabel,
              encode: { x: 'compare', y: 'label' },
              barMaxWidth: 18,
              itemStyle: { color: 'var(--border)' },
              cursor: 'pointer'
            }
          ]
        : [])
    ]
  };
}
