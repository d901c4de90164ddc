// The one rule for partial comparisons (src/lib/contract/periods.ts), which tiles, charts,
// downloads and the monthly report all follow.
import { describe, expect, it } from 'vitest';
import { comparisonCovered, comparisonDistinct, comparisonRange, periodStart } from '../../../src/lib/contract/periods';

const DATA_FROM = '2024-12-06';
const DECEMBER = { from: '2025-12-01', to: '2025-12-31' };
const YEAR = { from: '2025-01-01', to: '2025-12-31' };

describe('which period a comparison reads', () => {
  it('takes the range of the same length just before, or the same range a year earlier', () => {
    expect(comparisonRange(DECEMBER, 'previous')).toEqual({ from: '2025-10-31', to: '2025-11-30' });
    expect(comparisonRange(DECEMBER, 'previous', 'month')).toEqual({ from: '2025-11-01', to: '2025-11-30' });
    expect(comparisonRange(DECEMBER, 'yoy')).toEqual({ from: '2024-12-01', to: '2024-12-31' });
    expect(comparisonRange({ from: '2024-02-29', to: '2024-02-29' }, 'yoy')).toEqual({ from: '2023-02-28', to: '2023-02-28' });
  });
});

describe('a comparison is one only when the data covers its first day', () => {
  it('drops a comparison period that starts before the first day with data', () => {
    // The platform opened on 6 December 2024: December 2024 is a sliver of a month.
    expect(comparisonCovered(DECEMBER, 'yoy', DATA_FROM)).toBe(false);
    expect(comparisonCovered(DECEMBER, 'previous', DATA_FROM)).toBe(true);
    expect(comparisonCovered(YEAR, 'previous', DATA_FROM)).toBe(false);
    expect(comparisonCovered(YEAR, 'yoy', DATA_FROM)).toBe(false);
    expect(comparisonCovered({ from: '2025-12-06', to: '2025-12-31' }, 'yoy', DATA_FROM)).toBe(true);
    expect(comparisonCovered({ from: '2025-12-05', to: '2025-12-31' }, 'yoy', DATA_FROM)).toBe(false);
  });

  it('judges each period of a series on its own, from the range start for the first', () => {
    const months = { from: '2025-01-01', to: '2025-12-31' };
    expect(comparisonCovered(months, 'previous', '2025-01-01', 'month', '2025-01-01')).toBe(false);
    expect(comparisonCovered(months, 'previous', '2025-01-01', 'month', '2025-02-01')).toBe(true);
    expect(comparisonCovered(months, 'yoy', DATA_FROM, 'month', '2025-12-01')).toBe(false);
    // A range starting mid-month: its first row's comparison starts from that day, a year back.
    expect(comparisonCovered({ from: '2025-12-06', to: '2025-12-31' }, 'yoy', DATA_FROM, 'month', '2025-12-01')).toBe(true);
    // Weeks compare 364 days back, so Mondays stay Mondays.
    expect(comparisonCovered({ from: '2025-12-08', to: '2025-12-14' }, 'yoy', '2024-12-09', 'week')).toBe(true);
    expect(comparisonCovered({ from: '2025-12-08', to: '2025-12-14' }, 'yoy', '2024-12-10', 'week')).toBe(false);
  });

  it('has nothing to judge without a comparison or without knowing when the data starts', () => {
    expect(comparisonCovered(YEAR, 'none', DATA_FROM)).toBe(true);
    expect(comparisonCovered(YEAR, 'yoy', null)).toBe(true);
  });
});

describe("a comparison reads another figure only if it leaves the indicator's finest period", () => {
  it('knows the month, quarter and year a day falls in', () => {
    expect(periodStart('2025-12-31', 'month')).toBe('2025-12-01');
    expect(periodStart('2025-08-15', 'quarter')).toBe('2025-07-01');
    expect(periodStart('2025-03-31', 'quarter')).toBe('2025-01-01');
    expect(periodStart('2025-12-31', 'year')).toBe('2025-01-01');
  });

  it('drops 环比 within one year for a yearly-only indicator, keeps 同比 and month-level ones', () => {
    expect(comparisonDistinct(DECEMBER, 'previous', 'year')).toBe(false);
    expect(comparisonDistinct(DECEMBER, 'yoy', 'year')).toBe(true);
    expect(comparisonDistinct(DECEMBER, 'previous', 'month')).toBe(true);
    expect(comparisonDistinct(DECEMBER, 'previous', 'day')).toBe(true);
    // January against December reaches into the year before: another figure.
    expect(comparisonDistinct({ from: '2025-01-01', to: '2025-01-31' }, 'previous', 'year')).toBe(true);
    // A whole year by year compares with the year before.
    expect(comparisonDistinct(YEAR, 'previous', 'year', 'year')).toBe(true);
    // A quarterly figure against the month before within the quarter is the same figure.
    expect(comparisonDistinct({ from: '2025-06-01', to: '2025-06-30' }, 'previous', 'quarter')).toBe(false);
    expect(comparisonDistinct(DECEMBER, 'none', 'year')).toBe(true);
  });
});
