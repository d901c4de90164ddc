// Bars by unit that rank, with the parent's own figure as a line; map labels that all show; tooltips with the comparison.
import { describe, expect, it } from 'vitest';
import { choroplethOption, shortCountyName } from '../../../src/lib/charts/choropleth';
import { rankedBarsOption, ranks, rankItems } from '../../../src/lib/charts/ranked-bars';

type Loose = any;
const items = [
  { code: '652302', name: '阜康市', value: 0.5, compare: 0.4 },
  { code: '652301', name: '昌吉市', value: 0.9, compare: 0.95 },
  { code: '652323', name: '呼图壁县', value: null },
  { code: '652324', name: '玛纳斯县', value: 0.5 }
];

describe('ranked bars', () => {
  const option: Loose = rankedBarsOption({
    items,
    order: 'value',
    format: 'percent',
    locale: 'zh',
    valueLabel: '本期',
    compareLabel: '上期',
    parent: { value: 0.62, label: '昌吉州整体' },
    target: { value: 0.9, op: '>=', label: '目标' }
  });

  it('sorts by value with competition ranks beside the names, none for a missing value', () => {
    expect(option.dataset.source.map((r: Loose) => r.label)).toEqual(['1  昌吉市', '2  阜康市', '2  玛纳斯县', '呼图壁县']);
    expect(ranks(rankItems(items, 'value'))).toEqual([1, 2, 2, null]);
    const given: Loose = rankedBarsOption({ items, order: 'given', format: 'percent', locale: 'zh', valueLabel: '本期' });
    expect(given.dataset.source.map((r: Loose) => r.label)).toEqual(['阜康市', '昌吉市', '呼图壁县', '玛纳斯县']);
  });

  it("draws the parent's own figure as a line beside the target", () => {
    const data = option.series[0].markLine.data;
    expect(data[0]).toEqual({ xAxis: 0.9 });
    expect(data[1].xAxis).toBe(0.62);
    expect(data[1].label.formatter).toBe('昌吉州整体 62%');
  });

  it('shows the comparison value and the change in the tooltip', () => {
    const text = option.tooltip.formatter([{ dataIndex: 0 }]);
    expect(text).toBe('昌吉市<br/>本期&nbsp;&nbsp;<b>90%</b><br/>上期 95%（−5.0个百分点）');
  });
});

describe('county map', () => {
  it('shows every county label, names shortened to fit', () => {
    const option: Loose = choroplethOption({
      format: 'percent',
      locale: 'zh',
      areas: [{ code: '652328', name: '木垒哈萨克自治县', value: 0.5 }]
    });
    expect(option.series[0].labelLayout.hideOverlap).toBe(false);
    expect(option.series[0].label.formatter({ name: '652328' })).toBe('木垒县');
    expect(shortCountyName('Mori Kazakh Autonomous County')).toBe('Mori');
    expect(shortCountyName('吉木萨尔县')).toBe('吉木萨尔县');
  });

  it('puts the comparison beside the value in the tooltip', () => {
    const option: Loose = choroplethOption({
      format: 'percent',
      locale: 'en',
      compareLabel: 'Last year',
      areas: [{ code: '652301', name: 'Changji City', value: 0.9, compare: 0.8 }]
    });
    expect(option.tooltip.formatter({ name: '652301' })).toBe('Changji City<br/>90%<br/>Last year 80% (+10.0 pp)');
  });
});
