// Pieces every builder shares: tooltip, grid, value axis, target line. Pure.
import type { Figure, TOO_FEW } from '#lib/contract/contract.js';
import {
  change,
  durationFactor,
  durationUnitFor,
  formatAxis,
  formatChange,
  formatDurationIn,
  formatValue,
  type DurationUnit,
  type ValueFormat
} from '#lib/format/number.js';
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

/** A figure to compare the drawn ones with: the parent unit's own value. `label` is translated. */
export interface Reference {
  value: number;
  label: string;
}

export function fmt(style: ValueStyle) {
  return (v: Figure | typeof TOO_FEW | null | undefined) => formatValue(v, style.format, style.locale, { unit: style.unit });
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

export function valueAxis(style: ValueStyle, target?: Target | null, largest?: number) {
  const axis = {
    type: 'value' as const,
    axisLabel: { formatter: (v: number) => formatAxis(v, style.format, style.locale) },
    max: axisMax(style, target),
    min: style.format === 'percent' ? 0 : undefined
  };
  const top = Math.max(largest ?? 0, target?.value ?? 0);
  return isDuration(style.format) && top > 0 ? { ...axis, ...durationTicks(style.format, top, style.locale) } : axis;
}

const isDuration = (f: ValueFormat): f is DurationUnit => f === 'minutes' || f === 'hours' || f === 'days';

/**
 * A duration axis reads in the unit its tooltips use (0, 6, 12, 18小时, not 0, 400, 800分钟): one
 * unit chosen from the largest value, ticks at round steps of that unit.
 */
function durationTicks(unit: DurationUnit, largest: number, locale: Locale) {
  const shown = durationUnitFor(largest, unit);
  const factor = durationFactor(unit, shown);
  const rough = largest / factor / 4;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  return {
    interval: step * factor,
    axisLabel: { formatter: (v: number) => formatDurationIn(v, unit, shown, locale) }
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

/**
 * A reference value's line, drawn solid and muted beside a target line (an item of a markLine's
 * data), its label at the other end from the target's so the two do not collide.
 */
export function referenceLine(reference: Reference, style: ValueStyle, axis: 'xAxis' | 'yAxis' = 'xAxis') {
  return {
    [axis]: reference.value,
    lineStyle: { type: 'solid' as const, color: 'var(--muted)', width: 1.5 },
    label: {
      formatter: `${reference.label} ${formatValue(reference.value, style.format, style.locale, { unit: style.unit })}`,
      position: axis === 'yAxis' ? ('insideStartTop' as const) : ('end' as const),
      // Along bars by unit the line ends at the value axis: its label goes below that axis's labels.
      distance: axis === 'xAxis' ? 22 : 5,
      color: 'var(--muted)'
    }
  };
}

/**
 * A tooltip's comparison line: "上期 28.1%（+2.3个百分点）" / "Previous 28.1% (+2.3 pp)", the change
 * left out where either figure is missing.
 */
export function comparisonText(value: number | null, compare: number | null, label: string, style: ValueStyle): string {
  const delta = change(value, compare, style.format);
  const shown = `${label} ${fmt(style)(compare)}`;
  if (!delta) return shown;
  return style.locale === 'zh' ? `${shown}（${formatChange(delta, 'zh')}）` : `${shown} (${formatChange(delta, 'en')})`;
}

export const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

export function aria(description?: string) {
  return description ? { enabled: true, label: { description } } : { enabled: true };
}

/** Running total, for "cumulative since launch" lines. Missing periods add nothing. */
export function cumulative(values: readonly (number | null)[]): number[] {
  let sum = 0;
  return values.map((v) => (sum += v ?? 0));
}

/** The largest absolute figure among `values` (0 without any), to scale an axis by. */
export function largestOf(values: readonly (number | null | undefined)[]): number {
  return values.reduce<number>((m, v) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(m, Math.abs(v)) : m), 0);
}
