// The one status rule against a target, the way the commission reads a KPI, for the tiles, the
// overview's off-target panel, the report page and the PDF: 达标 (met), 接近目标 (short by at
// most NEAR: percentage points for a rate, percent of the target otherwise) and 未达标 (further).
import type { Target, ValueFormat } from '#lib/contract/contract.js';
import { translate } from '#lib/i18n/index.js';
import type { Locale } from '#lib/i18n/locale.js';
import { formatValue, type Change } from './number';

export type TargetStatus = 'good' | 'warn' | 'bad';

/** The widest shortfall still 接近目标, in the gap's units (5 points, or 5% of the target). */
export const NEAR = 5;

/**
 * How far a value falls short of its target, comparable across indicators: in percentage points
 * for a rate (86.6% against ≥ 90% is 3.4), in percent of the target otherwise (20.6 minutes
 * against ≤ 15 is 37.3). Negative when the target is beaten (the margin); null without a figure
 * or a target. Any shortfall against a target of zero is infinitely far.
 */
export function targetGap(
  value: number | null | undefined,
  target: Pick<Target, 'value' | 'op'> | null,
  format: ValueFormat
): number | null {
  if (value == null || !Number.isFinite(value) || !target) return null;
  const short = target.op === '>=' ? target.value - value : value - target.value;
  if (short === 0) return 0;
  const gap = short * (format === 'percent' ? 100 : 100 / Math.abs(target.value));
  // Rounded past float noise: 85% against 90% is 5 points, not 5.000000000000004.
  return Math.round(gap * 1e6) / 1e6;
}

export function targetStatus(
  value: number | null | undefined,
  target: Pick<Target, 'value' | 'op'> | null,
  format: ValueFormat
): TargetStatus | null {
  const gap = targetGap(value, target, format);
  if (gap === null) return null;
  return gap <= 0 ? 'good' : gap <= NEAR ? 'warn' : 'bad';
}

/** 达标 / 接近目标 / 未达标: a status is never told by colour alone. */
export function statusLabel(status: TargetStatus, locale: Locale): string {
  return translate(locale, `kpi.status.${status}`);
}

/** "≥ 90%", "≤ 15分钟"; a dash without a target. */
export function formatTarget(target: Pick<Target, 'value' | 'op'> | null, format: ValueFormat, locale: Locale, unit?: string): string {
  if (!target) return '—';
  return `${target.op === '>=' ? '≥' : '≤'} ${formatValue(target.value, format, locale, { unit })}`;
}

/**
 * Whether a change is good news: up when higher is better, down when lower is. Neutral when the
 * indicator has no direction or the change prints as ±0.0 (tone must agree with the figure).
 */
export function changeTone(c: Change | null, higherIsBetter: boolean | null): 'good' | 'bad' | null {
  if (!c || higherIsBetter === null) return null;
  const shown = c.basis === 'points' ? c.delta : c.delta * 100;
  if (Math.abs(shown) < 0.05) return null;
  return c.delta > 0 === higherIsBetter ? 'good' : 'bad';
}
