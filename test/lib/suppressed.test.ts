// Small-cell suppression in the UI: a figure the API hid ('<5') reads <5, never a dash or a
// number, and charts leave the point out.
import { describe, expect, it } from 'vitest';
import { SUPPRESSED, TOO_FEW, type QueryRow } from '../../src/lib/contract/contract';
import { choroplethOption } from '../../src/lib/charts/choropleth';
import { funnelOption } from '../../src/lib/charts/funnel';
import { rankedBarsOption } from '../../src/lib/charts/ranked-bars';
import { shareOption } from '../../src/lib/charts/share';
import { shareOfTotal, timeSeriesOption } from '../../src/lib/charts/time-series';
import { figure, fromRows, hiddenBy, seriesBy, single, tooFewBy, valuesBy } from '../../src/lib/data/columns';
import { formatValue } from '../../src/lib/format/number';

type Loose = any;

const rows: QueryRow[] = [
  { period: '2025-01-01', county: '652301', numerator: 120, denominator: 200, value: 0.6 },
  { period: '2025-01-01', county: '652302', numerator: SUPPRESSED, denominator: 9, value: SUPPRESSED },
  { period: '2025-02-01', county: '652301', numerator: 130, denominator: 200, value: 0.65 },
  { period: '2025-02-01', county: '652302', numerator: 0, denominator: 8, value: 0 }
];

describe('formatting a suppressed figure', () => {
  it('prints <5 for SUPPRESSED in every format and language, a dash only for no data', () => {
    for (const format of ['count', 'percent', 'yuan', 'minutes', 'ratio', 'per100'] as const) {
      expect(formatValue(SUPPRESSED, format, 'zh', { unit: '次' })).toBe('<5');
      expect(formatValue(SUPPRESSED, format, 'en', { unit: 'visits', compact: true })).toBe('<5');
    }
    expect(formatValue(null, 'count', 'zh')).toBe('—');
    expect(formatValue(0, 'count', 'zh', { unit: '次' })).toBe('0次');
  });

  it('figure(): a missing value of a suppressed row is SUPPRESSED, anything else as it is', () => {
    expect(figure(null, true)).toBe(SUPPRESSED);
    expect(figure(undefined, true)).toBe(SUPPRESSED);
    expect(figure(null, false)).toBeNull();
    expect(figure(3, true)).toBe(3);
    expect(figure(0, true)).toBe(0);
  });

  it('a KPI of a suppressed row reads <5', () => {
    const kpi = single(fromRows([rows[1]]))!;
    expect(formatValue(figure(kpi.value, kpi.suppressed), 'percent', 'zh')).toBe('<5');
    expect(formatValue(figure(kpi.denominator, kpi.suppressed), 'count', 'zh')).toBe('9');
  });
});

describe('charts and suppressed points', () => {
  const cols = fromRows(rows);

  it('treats the point as missing and marks it hidden', () => {
    const { series } = seriesBy(cols, 'county');
    expect(series.get('652302')).toEqual([null, 0]);
    expect(hiddenBy(cols, 'county').get('652302')).toEqual([true, false]);
    expect(hiddenBy(cols, 'county').get('652301')).toEqual([false, false]);
  });

  it('time-series tooltip says <5 for a hidden point and — for a gap', () => {
    const { periods, series } = seriesBy(cols, 'county');
    const hidden = hiddenBy(cols, 'county');
    const option: Loose = timeSeriesOption({
      format: 'percent',
      locale: 'zh',
      periods,
      grain: 'month',
      series: [...series].map(([code, values]) => ({ name: code, values, hidden: hidden.get(code) }))
    });
    expect(option.dataset.source.s1).toEqual([null, 0]);
    const text: string = option.tooltip.formatter([
      { seriesIndex: 0, dataIndex: 0, seriesName: '652301', marker: '', axisValueLabel: '2025年1月' },
      { seriesIndex: 1, dataIndex: 0, seriesName: '652302', marker: '', axisValueLabel: '2025年1月' }
    ]);
    expect(text).toBe('2025年1月<br/>652301&nbsp;&nbsp;<b>60%</b><br/>652302&nbsp;&nbsp;<b>&#60;5</b>');
    const plain: Loose = timeSeriesOption({
      format: 'count',
      locale: 'zh',
      periods,
      grain: 'month',
      series: [{ name: 'a', values: [1, null] }]
    });
    expect(plain.tooltip.formatter).toBeUndefined();
    expect(plain.tooltip.valueFormatter(null)).toBe('—');
  });

  it('shares leave a hidden cell out instead of counting it as zero', () => {
    const shares = shareOfTotal([
      { name: 'a', values: [null, 2], hidden: [true, false] },
      { name: 'b', values: [4, 2] }
    ]);
    expect(shares[0].values).toEqual([null, 0.5]);
    expect(shares[1].values).toEqual([1, 0.5]);
  });

  it('ranked bars label and tooltip a suppressed unit <5', () => {
    const items = valuesBy(fromRows(rows.slice(0, 2).map((r) => ({ ...r, period: '2025-01-01' }))), 'county').map((v) => ({
      code: v.code,
      name: v.code,
      value: v.value,
      suppressed: v.suppressed
    }));
    const option: Loose = rankedBarsOption({ items, order: 'given', format: 'percent', locale: 'zh', valueLabel: '本期' });
    expect(option.series[0].label.formatter({ value: option.dataset.source[1] })).toBe('<5');
    // The tooltip is HTML: <5 is escaped there.
    expect(option.tooltip.formatter([{ dataIndex: 1 }])).toBe('652302<br/>本期&nbsp;&nbsp;<b>&#60;5</b>');
    expect(option.tooltip.formatter([{ dataIndex: 0 }])).toBe('652301<br/>本期&nbsp;&nbsp;<b>60%</b>');
    // Drawn as a bar of no length, so its row shows the <5 label rather than nothing.
    expect(option.series[0].encode.x).toBe('bar');
    expect(option.dataset.source.map((r: Loose) => r.bar)).toEqual([0.6, 0]);
  });

  it('the county map leaves a suppressed county uncoloured and says <5 in its tooltip, — where there is no data', () => {
    const areas = valuesBy(fromRows(rows.slice(0, 2)), 'county').map((v) => ({
      code: v.code,
      name: v.code,
      value: v.value,
      suppressed: v.suppressed
    }));
    const option: Loose = choroplethOption({
      format: 'percent',
      locale: 'zh',
      areas: [...areas, { code: '652323', name: '652323', value: null }]
    });
    const [shown, hidden, missing] = option.series[0].data;
    expect(Number.isNaN(hidden.value)).toBe(true);
    expect(hidden.suppressed).toBe(true);
    expect(option.tooltip.formatter({ name: hidden.name, value: hidden.value, data: hidden })).toBe('652302<br/>&#60;5');
    expect(option.tooltip.formatter({ name: shown.name, value: shown.value, data: shown })).toBe('652301<br/>60%');
    expect(option.tooltip.formatter({ name: missing.name, value: missing.value, data: missing })).toBe('652323<br/>—');
    expect(option.visualMap).toMatchObject({ min: 0.6, max: 1.6 });
  });

  it('a share ring leaves a suppressed part out of the ring and its total, and labels it <5', () => {
    const slices = [
      { code: 'paper', name: '纸质', value: 30 },
      { code: 'digital', name: '电子', value: null, suppressed: true },
      { code: 'other', name: '其他', value: 10 }
    ];
    const option: Loose = shareOption({ format: 'count', locale: 'zh', unit: '项', slices });
    const [paper, digital] = option.series[0].data;
    expect(digital).toEqual({ name: '电子', value: '-', code: 'digital', suppressed: true });
    expect(option.series[0].label.formatter({ name: '电子', value: '-', data: digital })).toBe('电子\n<5');
    expect(option.tooltip.formatter({ name: '电子', value: '-', data: digital })).toBe('电子<br/><5');
    // Shares of what is shown: 30 of 40.
    expect(option.series[0].label.formatter({ name: '纸质', value: 30, data: paper })).toBe('纸质\n75%');
    expect(option.tooltip.formatter({ name: '纸质', value: 30, data: paper })).toBe('纸质<br/>30项 (75%)');
  });

  it('a funnel labels a suppressed stage <5 without a share, and shows no shares of a hidden first stage', () => {
    const option: Loose = funnelOption({
      format: 'count',
      locale: 'zh',
      unit: '件',
      stages: [
        { name: '申请', value: 12 },
        { name: '接收', value: 9, suppressed: true },
        { name: '入院', value: null, suppressed: true }
      ]
    });
    const [applied, accepted, admitted] = option.series[0].data;
    expect(admitted).toEqual({ name: '入院', value: '-', suppressed: true });
    expect(option.series[0].label.formatter({ name: '入院', value: '-', data: admitted })).toBe('入院  <5');
    expect(option.tooltip.formatter({ name: '入院', value: '-', data: admitted })).toBe('入院<br/><5');
    expect(option.series[0].label.formatter({ name: '接收', value: 9, data: accepted })).toBe('接收  9件  75%');
    expect(option.series[0].label.formatter({ name: '申请', value: 12, data: applied })).toBe('申请  12件  100%');
    const hiddenFirst: Loose = funnelOption({
      format: 'count',
      locale: 'en',
      stages: [
        { name: 'Applied', value: null, suppressed: true },
        { name: 'Admitted', value: 3 }
      ]
    });
    expect(hiddenFirst.series[0].label.formatter({ name: 'Applied', value: '-', data: hiddenFirst.series[0].data[0] })).toBe('Applied  <5');
    expect(hiddenFirst.series[0].label.formatter({ name: 'Admitted', value: 3, data: hiddenFirst.series[0].data[1] })).toBe('Admitted  3');
  });
});

describe('a rate, median or mean from too few persons', () => {
  // What the API answers for such a unit: value null, noted too_few, the row flagged hidden.
  const tooFew: QueryRow[] = [
    { period: '2025-01-01', county: '652301', numerator: 120, denominator: 200, value: 0.6 },
    { period: '2025-01-01', county: '652302', numerator: SUPPRESSED, denominator: SUPPRESSED, value: null, value_note: TOO_FEW }
  ];
  const values = valuesBy(fromRows(tooFew), 'county');

  it('reads 样本不足 / too few to show, never <5, in a KPI, a bar and a map tooltip', () => {
    expect(figure(null, true, true)).toBe(TOO_FEW);
    expect(formatValue(TOO_FEW, 'minutes', 'zh')).toBe('样本不足');
    expect(formatValue(TOO_FEW, 'percent', 'en')).toBe('too few to show');
    const items = values.map((v) => ({ code: v.code, name: v.code, value: v.value, suppressed: v.suppressed, tooFew: v.tooFew }));
    expect(items[1]).toMatchObject({ suppressed: true, tooFew: true });
    const bars: Loose = rankedBarsOption({ items, order: 'given', format: 'percent', locale: 'zh', valueLabel: '本期' });
    expect(bars.series[0].label.formatter({ value: bars.dataset.source[1] })).toBe('样本不足');
    expect(bars.tooltip.formatter([{ dataIndex: 1 }])).toBe('652302<br/>本期&nbsp;&nbsp;<b>样本不足</b>');
    const map: Loose = choroplethOption({ format: 'percent', locale: 'en', areas: items });
    const hidden = map.series[0].data[1];
    expect(map.tooltip.formatter({ name: hidden.name, value: hidden.value, data: hidden })).toBe('652302<br/>too few to show');
  });

  it('reads 样本不足 in a time-series tooltip, for the period and for its comparison', () => {
    const cols = fromRows([
      { period: '2025-01-01', numerator: 6, denominator: 10, value: 0.6, compare_value: null, compare_value_note: TOO_FEW },
      { period: '2025-02-01', numerator: SUPPRESSED, denominator: SUPPRESSED, value: null, value_note: TOO_FEW, compare_value: 0.5 }
    ]);
    const { periods, series } = seriesBy(cols, null);
    const compare = seriesBy(cols, null, 'compare_value').series.get('')!;
    const option: Loose = timeSeriesOption({
      format: 'percent',
      locale: 'zh',
      periods,
      grain: 'month',
      series: [
        { name: '本期', values: series.get('')!, tooFew: tooFewBy(cols, null).get('') },
        { name: '上期', values: compare, compare: true, tooFew: tooFewBy(cols, null, 'compare_value').get('') }
      ]
    });
    const at = (dataIndex: number) =>
      option.tooltip.formatter([
        { seriesIndex: 0, dataIndex, seriesName: '本期', marker: '', axisValueLabel: 'x' },
        { seriesIndex: 1, dataIndex, seriesName: '上期', marker: '', axisValueLabel: 'x' }
      ]);
    expect(at(0)).toBe('x<br/>本期&nbsp;&nbsp;<b>60%</b><br/>上期&nbsp;&nbsp;<b>样本不足</b>');
    expect(at(1)).toBe('x<br/>本期&nbsp;&nbsp;<b>样本不足</b><br/>上期&nbsp;&nbsp;<b>50%</b>');
  });
});
