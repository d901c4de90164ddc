// The one status rule (format/target.ts): the gap to a target, comparable across indicators, and
// 达标 / 接近目标 / 未达标 from it, with the November report's figures that two rules used to
// judge differently.
import { describe, expect, it } from 'vitest';
import { formatTarget, NEAR, statusLabel, targetGap, targetStatus } from '../../src/lib/format/target';

const atLeast90 = { value: 0.9, op: '>=' as const };
const atMost30 = { value: 0.3, op: '<=' as const };
const atMost15 = { value: 15, op: '<=' as const };

describe('the gap to a target', () => {
  it('is in percentage points for a rate and in percent of the target otherwise', () => {
    expect(targetGap(0.866, atLeast90, 'percent')).toBeCloseTo(3.4, 9);
    expect(targetGap(0.306, atMost30, 'percent')).toBeCloseTo(0.6, 9);
    expect(targetGap(20.6, atMost15, 'minutes')).toBeCloseTo((5.6 / 15) * 100, 4);
  });

  it('is negative by the margin when the target is beaten, zero on it, null without figure or target', () => {
    expect(targetGap(0.93, atLeast90, 'percent')).toBeCloseTo(-3, 9);
    expect(targetGap(12, atMost15, 'minutes')).toBeCloseTo(-20, 9);
    expect(targetGap(15, atMost15, 'minutes')).toBe(0);
    expect(targetGap(null, atLeast90, 'percent')).toBeNull();
    expect(targetGap(Number.NaN, atLeast90, 'percent')).toBeNull();
    expect(targetGap(0.5, null, 'percent')).toBeNull();
  });

  it('puts any shortfall against a target of zero beyond every other', () => {
    expect(targetGap(1, { value: 0, op: '<=' }, 'count')).toBe(Infinity);
    expect(targetGap(0, { value: 0, op: '<=' }, 'count')).toBe(0);
  });
});

describe('达标 / 接近目标 / 未达标', () => {
  it('calls 86.6% against ≥ 90% and 30.6% against ≤ 30% near target, as the tiles do', () => {
    expect(targetStatus(0.866, atLeast90, 'percent')).toBe('warn');
    expect(targetStatus(0.306, atMost30, 'percent')).toBe('warn');
  });

  it('calls 20.6 minutes against ≤ 15 off target and a met target on target', () => {
    expect(targetStatus(20.6, atMost15, 'minutes')).toBe('bad');
    expect(targetStatus(14.9, atMost15, 'minutes')).toBe('good');
    expect(targetStatus(0.9, atLeast90, 'percent')).toBe('good');
  });

  it(`keeps a shortfall of exactly ${NEAR} points or ${NEAR}% near, and anything beyond off target`, () => {
    expect(targetStatus(0.85, atLeast90, 'percent')).toBe('warn');
    expect(targetStatus(0.849, atLeast90, 'percent')).toBe('bad');
    expect(targetStatus(15.75, atMost15, 'minutes')).toBe('warn');
    expect(targetStatus(15.76, atMost15, 'minutes')).toBe('bad');
  });

  it('has no status without a figure or a target', () => {
    expect(targetStatus(null, atLeast90, 'percent')).toBeNull();
    expect(targetStatus(0.5, null, 'percent')).toBeNull();
  });

  it('names each status in both languages, and prints the target', () => {
    expect(['good', 'warn', 'bad'].map((s) => statusLabel(s as 'good', 'zh'))).toEqual(['达标', '接近目标', '未达标']);
    expect(statusLabel('warn', 'en')).toBe('Near target');
    expect(formatTarget(atLeast90, 'percent', 'zh')).toBe('≥ 90%');
    expect(formatTarget(atMost15, 'minutes', 'en')).toBe('≤ 15 min');
    expect(formatTarget(null, 'percent', 'zh')).toBe('—');
  });
});
