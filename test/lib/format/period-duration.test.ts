// Period labels by grain (exports and charts) and durations in the unit a reader expects, on axes too.
import { describe, expect, it } from 'vitest';
import { formatDuration, formatValue } from '../../../src/lib/format/number';
import { periodLabel, rangeLabel } from '../../../src/lib/format/period';
import { rankedBarsOption } from '../../../src/lib/charts/ranked-bars';
import { timeSeriesOption } from '../../../src/lib/charts/time-series';

describe('period labels by grain', () => {
  it('names a period by its grain, ISO weeks across the year end', () => {
    expect(periodLabel('2025-01-01', 'year')).toBe('2025');
    expect(periodLabel('2025-04-01', 'quarter')).toBe('2025Q2');
    expect(periodLabel('2025-12-01', 'month')).toBe('2025-12');
    expect(periodLabel('2024-12-30', 'week')).toBe('2025-W01');
    expect(periodLabel('2026-12-28', 'week')).toBe('2026-W53');
    expect(periodLabel('2025-03-05', 'day')).toBe('2025-03-05');
    expect(periodLabel('2025-01-01', 'all', '2025-12-31')).toBe('2025-01-01~2025-12-31');
  });

  it('says a range as shortly as it can', () => {
    expect(rangeLabel('2025-01-01', '2025-12-31')).toBe('2025');
    expect(rangeLabel('2025-07-01', '2025-09-30')).toBe('2025Q3');
    expect(rangeLabel('2025-02-01', '2025-02-28')).toBe('2025-02');
    expect(rangeLabel('2025-02-01', '2025-03-31')).toBe('2025-02-01~2025-03-31');
    expect(rangeLabel('2025-03-05', '2025-03-05')).toBe('2025-03-05');
  });
});

describe('durations', () => {
  it('picks minutes, hours or days by size, in both languages', () => {
    expect(formatValue(1115, 'minutes', 'zh')).toBe('18.6小时');
    expect(formatValue(1115, 'minutes', 'en')).toBe('18.6 h');
    expect(formatValue(20.6, 'minutes', 'zh')).toBe('20.6分钟');
    expect(formatValue(59.97, 'minutes', 'zh')).toBe('1小时');
    expect(formatValue(4320, 'minutes', 'zh')).toBe('3天');
    expect(formatValue(4320, 'minutes', 'en')).toBe('3 days');
    expect(formatDuration(1440, 'minutes', 'en')).toBe('24 h');
    expect(formatDuration(30, 'hours', 'zh')).toBe('30小时');
    expect(formatDuration(72, 'hours', 'zh')).toBe('3天');
  });

  it('never goes down to a smaller unit than the indicator is measured in', () => {
    expect(formatValue(0.5, 'days', 'zh')).toBe('0.5天');
    expect(formatValue(1, 'days', 'en')).toBe('1 day');
    expect(formatValue(0.5, 'hours', 'en')).toBe('0.5 h');
  });
});

describe('duration axes', () => {
  type Axis = { interval?: number; axisLabel: { formatter: (v: number) => string } };
  it('tick in the unit the tooltips use, at round steps of it', () => {
    const hours = timeSeriesOption({
      format: 'minutes',
      locale: 'zh',
      periods: ['2025-01-01', '2025-02-01'],
      grain: 'month',
      series: [{ name: 'a', values: [900, 1115] }]
    }).yAxis as unknown as Axis;
    expect(hours.interval).toBe(300);
    expect([0, 300, 600, 900, 1200].map(hours.axisLabel.formatter)).toEqual(['0小时', '5小时', '10小时', '15小时', '20小时']);
    const minutes = rankedBarsOption({
      items: [{ code: 'a', name: 'A', value: 20.6 }],
      order: 'value',
      format: 'minutes',
      locale: 'en',
      valueLabel: 'now',
      target: { value: 15, op: '<=', label: 'target' }
    }).xAxis as unknown as Axis;
    expect(minutes.interval).toBe(10);
    expect(minutes.axisLabel.formatter(20)).toBe('20 min');
  });
});
