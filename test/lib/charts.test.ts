// Option builders are pure: these run without a DOM and without ECharts' runtime.
import { describe, expect, it } from 'vitest';
import { choroplethOption, CHANGJI_MAP } from '../../src/lib/charts/choropleth';
import { axisMax, cumulative, niceCeil } from '../../src/lib/charts/common';
import { funnelOption } from '../../src/lib/charts/funnel';
import { histogramOption } from '../../src/lib/charts/histogram';
import { barsHeight, rankedBarsOption, rankItems } from '../../src/lib/charts/ranked-bars';
import { shareOption } from '../../src/lib/charts/share';
import { sparklinePaths } from '../../src/lib/charts/sparkline';
import { buildTheme, resolveTokens, tokenNames } from '../../src/lib/charts/theme';
import { shareOfTotal, timeSeriesOption } from '../../src/lib/charts/time-series';

// ECharts options are loose unions; tests read them as plain data.
type Loose = any;

describe('time series', () => {
  const option: Loose = timeSeriesOption({
    periods: ['2025-01-01', '2025-02-01', '2025-03-01'],
    grain: 'month',
    locale: 'zh',
    format: 'percent',
    series: [
      { name: '本期', values: [0.9, null, 0.95] },
      { name: '去年同期', values: [0.8, 0.85, 0.9], compare: true }
    ],
    target: { value: 0.9, op: '>=', label: '目标' }
  });

  it('feeds columns through one dataset with localised period labels', () => {
    expect(option.dataset.source).toEqual({ period: ['2025年1月', '2025年2月', '2025年3月'], s0: [0.9, null, 0.95], s1: [0.8, 0.85, 0.9] });
    expect(option.series.map((s: Loose) => s.encode)).toEqual([
      { x: 'period', y: 's0' },
      { x: 'period', y: 's1' }
    ]);
  });

  it('draws the target as a dashed line on the first series, labelled with its value', () => {
    const line = option.series[0].markLine;
    expect(line.data).toEqual([{ yAxis: 0.9 }]);
    expect(line.lineStyle).toMatchObject({ type: 'dashed', color: 'var(--target)' });
    expect(line.label.formatter).toBe('目标 ≥ 90%');
    expect(option.series[1].markLine).toBeUndefined();
  });

  it('marks the selected period of a trailing window with a labelled vertical line beside the target', () => {
    const marked: Loose = timeSeriesOption({
      periods: ['2025-01-01', '2025-02-01', '2025-03-01'],
      grain: 'month',
      locale: 'en',
      format: 'count',
      series: [{ name: 'n', values: [1, 2, 3] }],
      target: { value: 2, op: '>=', label: 'Target' },
      selected: { period: '2025-03-01', label: 'Selected' }
    });
    const data = marked.series[0].markLine.data;
    expect(data[0]).toEqual({ yAxis: 2 });
    expect(data[1]).toMatchObject({ xAxis: marked.dataset.source.period[2], label: { formatter: 'Selected' } });
    const alone: Loose = timeSeriesOption({
      periods: ['2025-01-01', '2025-02-01'],
      grain: 'month',
      locale: 'zh',
      format: 'count',
      series: [{ name: 'n', values: [1, 2] }],
      selected: { period: '2025-02-01', label: '所选期间' }
    });
    expect(alone.series[0].markLine.data).toEqual([expect.objectContaining({ xAxis: '2025年2月' })]);
    // A period the data does not hold marks nothing.
    expect(option.series[0].markLine.data).toHaveLength(1);
  });

  it('gives a rate near its target the whole 0-100% scale, and formats ticks', () => {
    expect(option.yAxis.max({ max: 0.5 })).toBe(1);
    expect(option.yAxis.min).toBe(0);
    expect(option.yAxis.axisLabel.formatter(0.5)).toBe('50%');
  });

  it('stretches other axes to a round number past the target or the data', () => {
    expect(niceCeil(9.1)).toBe(9.5);
    expect(niceCeil(0.276)).toBe(0.3);
    expect(niceCeil(1180)).toBe(1500);
    expect(niceCeil(30)).toBe(30);
    expect(axisMax({ format: 'minutes', locale: 'zh' }, { value: 90, op: '<=', label: '' })!({ max: 50 })).toBe(90);
    expect(axisMax({ format: 'percent', locale: 'zh' }, null)!({ max: 0.276 })).toBe(0.3);
    expect(axisMax({ format: 'count', locale: 'zh' }, null)).toBeUndefined();
  });

  it('dashes the comparison series and formats tooltip values', () => {
    expect(option.series[1].lineStyle.type).toBe('dashed');
    expect(option.tooltip.valueFormatter(0.958)).toBe('95.8%');
    expect(option.tooltip.valueFormatter(null)).toBe('—');
  });

  it('keeps week and day labels distinct over more than one year (a category axis merges equal ones)', () => {
    const weeks = ['2024-12-09', '2024-12-16', '2025-12-08', '2025-12-15'];
    const labels = (locale: 'zh' | 'en', periods: string[], grain: 'week' | 'day'): string[] =>
      (timeSeriesOption({ periods, grain, locale, format: 'count', series: [{ name: 'n', values: periods.map(() => 1) }] }) as Loose)
        .dataset.source.period;
    expect(labels('zh', weeks, 'week')).toEqual(['2024年12月9日起', '2024年12月16日起', '2025年12月8日起', '2025年12月15日起']);
    expect(new Set(labels('en', weeks, 'week')).size).toBe(4);
    expect(labels('zh', ['2025-03-05', '2025-03-06'], 'day')).toEqual(['3月5日', '3月6日']);
  });

  it('stacks bars for parts of a whole', () => {
    const stacked: Loose = timeSeriesOption({
      periods: ['2025-01-01'],
      grain: 'month',
      locale: 'en',
      format: 'count',
      kind: 'bar',
      stacked: true,
      series: [
        { name: 'Face', values: [3] },
        { name: 'Cash', values: [1] }
      ]
    });
    expect(stacked.series.map((s: Loose) => [s.type, s.stack])).toEqual([
      ['bar', 'total'],
      ['bar', 'total']
    ]);
    expect(stacked.dataset.source.period).toEqual(['Jan 2025']);
  });

  it('turns parts into shares of each period, leaving empty periods empty', () => {
    const shares = shareOfTotal([
      { name: 'a', values: [3, 0, null] },
      { name: 'b', values: [1, 0, 2] }
    ]);
    expect(shares.map((s) => s.values)).toEqual([
      [0.75, null, 0],
      [0.25, null, 1]
    ]);
  });

  it('accumulates a running total over gaps', () => {
    expect(cumulative([1, null, 2, 3])).toEqual([1, 1, 3, 6]);
  });
});

describe('bars by org unit', () => {
  const items = [
    { code: '652302', name: '阜康市', value: 5 },
    { code: '652301', name: '昌吉市', value: 9 },
    { code: '652323', name: '呼图壁县', value: null },
    { code: '652324', name: '玛纳斯县', value: 5 }
  ];

  it('ranks largest first (ties by code, missing last) or keeps the given order', () => {
    expect(rankItems(items, 'value').map((i) => i.code)).toEqual(['652301', '652302', '652324', '652323']);
    expect(rankItems(items, 'given').map((i) => i.code)).toEqual(['652302', '652301', '652323', '652324']);
  });

  it('puts the rest of a top-N last, however large', () => {
    const withRest = [...items, { code: '__other__', name: '其他', value: 99 }];
    expect(rankItems(withRest, 'value').at(-1)!.code).toBe('__other__');
  });

  it('carries each unit code in its row so a click can drill into it', () => {
    const option: Loose = rankedBarsOption({ items, order: 'value', format: 'count', locale: 'zh', unit: '次', valueLabel: '本期' });
    expect(option.dataset.source[0]).toEqual({ code: '652301', name: '昌吉市', label: '1  昌吉市', value: 9, bar: 9, compare: null });
    expect(option.yAxis.inverse).toBe(true);
    expect(option.series).toHaveLength(1);
    expect(option.series[0].label.formatter({ value: option.dataset.source[0] })).toBe('9次');
  });

  it('adds a muted comparison bar and a vertical target line when asked', () => {
    const option: Loose = rankedBarsOption({
      items,
      order: 'given',
      format: 'percent',
      locale: 'en',
      valueLabel: 'This period',
      compareLabel: 'Last year',
      target: { value: 0.9, op: '>=', label: 'Target' }
    });
    expect(option.series[1]).toMatchObject({ name: 'Last year', encode: { x: 'compare', y: 'label' } });
    expect(option.series[0].markLine.data).toEqual([{ xAxis: 0.9 }]);
    expect(option.series[0].markLine.label.position).toBe('start');
  });

  it('sizes the chart to its rows', () => {
    expect(barsHeight(2)).toBe(160);
    expect(barsHeight(20)).toBe(80 + 20 * 26);
  });
});

describe('funnel, histogram, share, sparkline', () => {
  it('labels each funnel stage with its count and share of the first', () => {
    const option: Loose = funnelOption({
      format: 'count',
      locale: 'zh',
      unit: '件',
      stages: [
        { name: '申请', value: 9175 },
        { name: '入院', value: 8793 }
      ]
    });
    expect(option.series[0].sort).toBe('none');
    expect(option.series[0].label.formatter({ name: '入院', value: 8793 })).toBe('入院  8,793件  95.8%');
  });

  // The median is the API's (test/server/api/distribution-coverage.test.ts), not read from these
  // buckets.
  it('orders buckets by their bounds', () => {
    const b = (from: number, _to: number | null, count: number) => ({ from, count, label: `${from}+` });
    const option: Loose = histogramOption({ locale: 'en', countLabel: 'Referrals', buckets: [b(30, 45, 2), b(0, 30, 5)] });
    expect(option.dataset.source).toEqual({ bucket: ['0+', '30+'], count: [5, 2] });
    const hidden: Loose = histogramOption({
      locale: 'en',
      countLabel: 'Referrals',
      buckets: [b(0, 30, 5), { ...b(30, 45, 0), suppressed: true }]
    });
    expect([hidden.tooltip.valueFormatter(5, 0), hidden.tooltip.valueFormatter(0, 1)]).toEqual(['5', '<5']);
  });

  it('shows parts of a whole with their shares and codes', () => {
    const option: Loose = shareOption({
      format: 'count',
      locale: 'en',
      slices: [
        { code: 'paper', name: 'Paper', value: 1 },
        { code: 'digital', name: 'Digital', value: 3 }
      ]
    });
    expect(option.series[0].data[1]).toEqual({ name: 'Digital', value: 3, code: 'digital' });
    expect(option.series[0].label.formatter({ name: 'Digital', value: 3 })).toBe('Digital\n75%');
  });

  it('draws a sparkline as SVG paths, scaled to its range, broken at gaps', () => {
    expect(sparklinePaths([1, 3], 10, 12)).toEqual({ line: 'M0 11L10 1', area: 'M0 12L0 11L10 1L10 12Z' });
    const gappy = sparklinePaths([1, 2, null, 3, 1], 40, 12)!;
    expect(gappy.line.match(/M/g)).toHaveLength(2);
    expect(sparklinePaths([5], 10, 10)).toBeNull();
    expect(sparklinePaths([2, 2, 2], 10, 12)!.line).toBe('M0 11L5 11L10 11');
  });
});

describe('county choropleth', () => {
  const option: Loose = choroplethOption({
    format: 'percent',
    locale: 'zh',
    higherIsBetter: true,
    areas: [
      { code: '652301', name: '昌吉市', value: 0.9 },
      { code: '652302', name: '阜康市', value: 0.8 },
      { code: '652323', name: '呼图壁县', value: null }
    ]
  });

  it('joins data on GB/T 2260 codes and labels areas by name', () => {
    expect(option.series[0]).toMatchObject({ type: 'map', map: CHANGJI_MAP, nameProperty: 'code' });
    expect(option.series[0].data[0]).toEqual({ name: '652301', value: 0.9, code: '652301' });
    expect(Number.isNaN(option.series[0].data[2].value)).toBe(true);
    expect(option.series[0].label.formatter({ name: '652302' })).toBe('阜康市');
    expect(option.tooltip.formatter({ name: '652301', value: 0.9 })).toBe('昌吉市<br/>90%');
  });

  it('scales colours over the data range, reversed where lower is better', () => {
    expect([option.visualMap.min, option.visualMap.max]).toEqual([0.8, 0.9]);
    expect(option.visualMap.inRange.color).toEqual(['var(--map-low)', 'var(--map-high)']);
    const lower: Loose = choroplethOption({
      format: 'minutes',
      locale: 'en',
      higherIsBetter: false,
      areas: [{ code: '652301', name: 'x', value: 3 }]
    });
    expect(lower.visualMap.inRange.color).toEqual(['var(--map-high)', 'var(--map-low)']);
    expect(lower.visualMap.max).toBe(4);
  });
});

describe('theme from design tokens', () => {
  const tokens = Object.fromEntries(tokenNames().map((n) => [n, `#${n.length}`]));
  tokens['--target'] = '#c00';

  it('resolves var(--token) strings everywhere but data', () => {
    const option = {
      series: [{ markLine: { lineStyle: { color: 'var(--target)' } }, data: [1, 2] }],
      dataset: { source: { a: ['var(--target)'] } },
      x: 'var(--unknown)'
    };
    const resolved: Loose = resolveTokens(option, tokens);
    expect(resolved.series[0].markLine.lineStyle.color).toBe('#c00');
    expect(resolved.dataset.source.a[0]).toBe('var(--target)');
    expect(resolved.x).toBe('var(--unknown)');
    expect(option.series[0].markLine.lineStyle.color).toBe('var(--target)');
  });

  it('keeps formatter functions', () => {
    const f = () => 'x';
    expect((resolveTokens({ tooltip: { formatter: f } }, tokens) as Loose).tooltip.formatter).toBe(f);
  });

  it('builds a ten-colour palette', () => {
    expect((buildTheme(tokens).color as string[]).length).toBe(10);
  });
});
