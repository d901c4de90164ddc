// Red / amber / green against a target, the way the commission reads a KPI: met is green;
// amber is close (within 5 percentage points for a rate, within 5% otherwise); red is further.
import type { Target, ValueFormat } from '#lib/contract/contract.js';
import type { Change } from './number';

export type TargetStatus = 'good' | 'warn' | 'bad';

export const AMBER_POINTS = 5;
export const AMBER_RELATIVE = 0.05;

export function targetStatus(value: number | null | undefined, target: Target | null, format: ValueFormat): TargetStatus | null {
  if (value == null || !Number.isFinite(value) || !target) return null;
  const met = target.op === '>=' ? value >= target.value : value <= target.value;
  if (met) return 'good';
  const gap = Math.abs(value - target.value);
  const close = format === 'percent' ? gap * 100 <= AMBER_POINTS : target.value !== 0 && gap / Math.abs(target.value) <= AMBER_RELATIVE;
  return close ? 'warn' : 'bad';
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
