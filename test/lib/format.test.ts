import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatPeriod, formatRange } from '../../src/lib/format/date';
import { change, formatAxis, formatChange, formatValue, zhMagnitude } from '../../src/lib/format/number';
import { changeTone, targetStatus } from '../../src/lib/format/target';

describe('numbers in Chinese: 万 and 亿 as officials quote them', () => {
  it.each([
    [69_000, 'count', '次', '6.9万次'],
    [40_708, 'count', '次', '4.07万次'],
    [46_900, 'count', '项', '4.69万项'],
    [162_000, 'count', '笔', '16.2万笔'],
    [1_180_000, 'count', '人次', '118万人次'],
    [3_910_000, 'count', undefined, '391万'],
    [16_480_000, 'count', undefined, '1648万'],
    [9_175, 'count', '件', '9,175件'],
    [4_781_000, 'yuan', undefined, '478.1万元'],
    [150_000_000, 'yuan', undefined, '1.5亿元'],
    [102.35, 'yuan', undefined, '102.35元'],
    [0.958, 'percent', undefined, '95.8%'],
    [0.18, 'per100', '元', '18元'],
    [38, 'minutes', undefined, '38分钟'],
    [7.84, 'days', undefined, '7.8天'],
    [63.456, 'ratio', '人次', '63.46人次']
  ] as const)('%s %s -> %s', (value, format, unit, expected) => {
    expect(formatValue(value, format, 'zh', { unit })).toBe(expected);
  });

  it('keeps three or four significant figures', () => {
    expect(zhMagnitude(1_183_456)).toBe('118.3万');
    expect(zhMagnitude(123_456_789)).toBe('1.23亿');
    expect(zhMagnitude(-25_000)).toBe('-2.5万');
  });

  it('chooses 万 or 亿 after rounding, and never prints -0', () => {
    expect(zhMagnitude(99_999_999)).toBe('1亿');
    expect(zhMagnitude(99_995_000)).toBe('1亿');
    expect(zhMagnitude(99_994_000)).toBe('9999万');
    expect(zhMagnitude(9_999.5)).toBe('1万');
    expect(zhMagnitude(9_999.4)).toBe('9,999');
    expect(zhMagnitude(-0.01)).toBe('0');
    expect(formatValue(99_999_999, 'yuan', 'zh')).toBe('1亿元');
  });
});

describe('numbers in English: thousands separators', () => {
  it.each([
    [69_000, 'count', 'visits', '69,000 visits'],
    [1_180_000, 'count', undefined, '1,180,000'],
    [4_781_000, 'yuan', undefined, '¥4,781,000'],
    [102.35, 'yuan', undefined, '¥102.35'],
    [0.958, 'percent', undefined, '95.8%'],
    [1, 'days', undefined, '1 day'],
    [38, 'minutes', undefined, '38 min']
  ] as const)('%s %s -> %s', (value, format, unit, expected) => {
    expect(formatValue(value, format, 'en', { unit })).toBe(expected);
  });

  it('compacts axis ticks', () => {
    expect(formatAxis(1_500_000, 'count', 'en')).toBe('1.5M');
    expect(formatAxis(1_500_000, 'count', 'zh')).toBe('150万');
    expect(formatAxis(0.9, 'percent', 'zh')).toBe('90%');
    expect(formatAxis(0.2, 'per100', 'en')).toBe('20');
  });
});

describe('missing figures and changes', () => {
  it('prints a dash for null, undefined and NaN', () => {
    expect(formatValue(null, 'count', 'zh')).toBe('—');
    expect(formatValue(Number.NaN, 'percent', 'en')).toBe('—');
  });

  it('compares percentages in points and counts relatively', () => {
    expect(change(0.92, 0.9, 'percent')).toEqual({ delta: expect.closeTo(2, 9), basis: 'points' });
    expect(formatChange(change(0.92, 0.9, 'percent'), 'zh')).toBe('+2.0个百分点');
    expect(formatChange(change(0.88, 0.9, 'percent'), 'en')).toBe('−2.0 pp');
    expect(formatChange(change(110, 100, 'count'), 'en')).toBe('+10.0%');
    expect(change(5, 0, 'count')).toBeNull();
    expect(change(5, null, 'count')).toBeNull();
    expect(formatChange(null, 'zh')).toBe('—');
    expect(formatChange(change(0.9000001, 0.9, 'percent'), 'zh')).toBe('±0.0个百分点');
  });
});

describe('dates in the locale style', () => {
  it('labels periods by grain', () => {
    expect(formatPeriod('2025-03-01', 'month', 'zh')).toBe('2025年3月');
    expect(formatPeriod('2025-03-01', 'month', 'en')).toBe('Mar 2025');
    expect(formatPeriod('2025-04-01', 'quarter', 'zh')).toBe('2025年第2季度');
    expect(formatPeriod('2025-04-01', 'quarter', 'en')).toBe('Q2 2025');
    expect(formatPeriod('2025-03-05', 'day', 'zh')).toBe('3月5日');
    expect(formatPeriod('2025-03-03', 'week', 'en')).toBe('w/c 3 Mar');
    expect(formatPeriod('2025-01-01', 'year', 'zh')).toBe('2025年');
  });

  it('formats days, ranges and run times (China time)', () => {
    expect(formatDay('2025-12-31', 'zh')).toBe('2025年12月31日');
    expect(formatDay('2025-12-31', 'en')).toBe('31 Dec 2025');
    expect(formatRange('2025-01-01', '2025-12-31', 'en')).toBe('1 Jan 2025 – 31 Dec 2025');
    expect(formatDateTime('2025-12-31T18:30:00Z', 'zh')).toBe('2026年1月1日 02:30');
  });
});

describe('target status and the tone of a change', () => {
  const atLeast90 = { value: 0.9, op: '>=' as const };
  it('greens a met target, ambers a near miss, reds the rest', () => {
    expect(targetStatus(0.93, atLeast90, 'percent')).toBe('good');
    expect(targetStatus(0.86, atLeast90, 'percent')).toBe('warn');
    expect(targetStatus(0.8, atLeast90, 'percent')).toBe('bad');
    expect(targetStatus(31, { value: 30, op: '<=' }, 'minutes')).toBe('warn');
    expect(targetStatus(40, { value: 30, op: '<=' }, 'minutes')).toBe('bad');
    expect(targetStatus(null, atLeast90, 'percent')).toBeNull();
    expect(targetStatus(0.5, null, 'percent')).toBeNull();
  });

  it("calls a change good or bad by the indicator's direction", () => {
    const rel = (delta: number) => ({ delta, basis: 'relative' as const });
    expect(changeTone(rel(0.1), true)).toBe('good');
    expect(changeTone(rel(0.1), false)).toBe('bad');
    expect(changeTone(rel(-0.1), false)).toBe('good');
    expect(changeTone(rel(0.1), null)).toBeNull();
    expect(changeTone(null, true)).toBeNull();
    expect(changeTone({ delta: -0.01, basis: 'points' }, true)).toBeNull();
  });
});
