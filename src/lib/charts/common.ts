// Pieces every builder shares: tooltip, grid, value axis, target line. Pure.
import type { Figure } from '#lib/contract/contract.js';
import { formatAxis, formatValue, type ValueFormat } from '#lib/format/number.js';
import type { Locale } from '#lib/i18n/locale.js';

export interface ValueStyle {
  format: ValueFormat;
  locale: Locale;
  /** The indicator's unit in the current language (次, visits). */
  unit?: string;
}

export interface Target {
  value: number;
  op: '>=' | '<=';
  /** Already translated, e.g. 目标 / Target. */
  label: string;
}

export function fmt(style: ValueStyle) {
  return (v: Figure | null | undefined) => formatValue(v, style.format, style.locale, { unit: style.unit });
}

/** Room for labels on a phone; `containLabel` keeps long Chinese names inside the box. */
export function grid(extra: Record<string, unknown> = {}) {
  return { left: 8, right: 16, top: 32, bottom: 8, containLabel: true, ...extra };
}

export function tooltip(trigger: 'axis' | 'item') {
  // confine: on a narrow phone the tooltip must stay inside the chart.
  return { trigger, confine: true, axisPointer: { type: trigger === 'axis' ? 'line' : 'none' } } as const;
}

/** A round number at or above `v`: 9.1 -> 9.5, 0.276 -> 0.3, 1180 -> 1200. */
export function niceCeil(v: number): number {
  if (v <= 0) return v;
  const half = 10 ** Math.floor(Math.log10(v)) / 2;
  return Number((Math.ceil(v / half - 1e-9) * half).toPrecision(12));
}

/**
 * The value axis. A target above the data stretches the axis so its line shows; a rate that
 * nears 100% gets the whole 0-100% scale, which is how a reader judges it.
 */
export function axisMax(style: ValueStyle, target?: Target | null) {
  if (!target && style.format !== 'percent') return undefined;
  return (extent: { max: number }) => {
    const top = Math.max(extent.max, target?.value ?? -Infinity);
    if (style.format === 'percent' && top <= 1) return top > 0.8 ? 1 : niceCeil(top);
    return niceCeil(top);
  };
}

export function valueAxis(style: ValueStyle, target?: Target | null) {
  return {
    type: 'value' as const,
    axisLabel: { formatter: (v: number) => formatAxis(v, style.format, style.locale) },
    max: axisMax(style, target),
    min: style.format === 'percent' ? 0 : undefined
  };
}

/** The dashed target line with its label (目标 ≥ 90%). */
export function targetLine(target: Target, style: ValueStyle, axis: 'xAxis' | 'yAxis' = 'yAxis') {
  const op = target.op === '>=' ? '≥' : '≤';
  return {
    silent: true,
    symbol: 'none',
    lineStyle: { type: 'dashed' as const, color: 'var(--target)', width: 1.5 },
    // Along a horizontal line the label sits above its end; a vertical line (bars by unit, whose
    // category axis runs top down) gets it above its start, at the top, clear of the value axis.
    label: {
      formatter: `${target.label} ${op} ${formatValue(target.value, style.format, style.locale, { unit: style.unit })}`,
      position: axis === 'yAxis' ? ('insideEndTop' as const) : ('start' as const),
      color: 'var(--target)'
    },
    data: [{ [axis]: target.value }]
  };
}

export function aria(description?: string) {
  return description ? { enabled: true, label: { description } } : { enabled: true };
}

/** Running total, for "cumulative since launch" lines. Missing periods add nothing. */
export function cumulative(values: readonly (number | null)[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v ?? 0));
}
