// Every chart's text alternative is read from the option the real builders write: the table
// says what each tooltip says (suppressed figures <5, formatted values), and the summary names
// the latest period of a time series or the first item of anything else.
import { describe, expect, it } from 'vitest';
import { choroplethOption } from '../../src/lib/charts/choropleth';
import { funnelOption } from '../../src/lib/charts/funnel';
import { histogramOption } from '../../src/lib/charts/histogram';
import { rankedBarsOption } from '../../src/lib/charts/ranked-bars';
import { shareOption } from '../../src/lib/charts/share';
import { timeSeriesOption } from '../../src/lib/charts/time-series';
import { chartSummary, chartTable, htmlLines } from '../../src/lib/components/chart-table';

const months = ['2025-01-01', '2025-02-01', '2025-03-01'];

describe('chart tables', () => {
  it('lays a time series out by period, one column per series, values as the tooltip formats them', () => {
    const option = timeSeriesOption({
      periods: months,
      grain: 'month',
      locale: 'zh',
      format: 'percent',
      series: [
        { name: '本期', values: [0.9, null, 0.953] },
        { name: '去年同期', values: [0.8, 0.85, 0.9], compare: true }
      ]
    });
    const table = chartTable(option, 'zh');
    expect(table).toEqual({
      kind: 'period',
      columns: ['本期', '去年同期'],
      rows: [
        { label: '2025年1月', cells: ['90%', '80%'] },
        { label: '2025年2月', cells: ['—', '85%'] },
        { label: '2025年3月', cells: ['95.3%', '90%'] }
      ]
    });
    expect(chartSummary('门诊人次', table)).toEqual({
      key: 'chart.summary.latest',
      vars: { title: '门诊人次', period: '2025年3月', value: '95.3%' }
    });
  });

  it('reads a suppressed point as <5, not as a missing one', () => {
    const option = timeSeriesOption({
      periods: months,
      grain: 'month',
      locale: 'en',
      format: 'count',
      series: [{ name: 'Referrals', values: [12, null, 30], hidden: [false, true, false] }]
    });
    expect(chartTable(option, 'en')?.rows.map((r) => r.cells[0])).toEqual(['12', '<5', '30']);
  });

  it('lays bars by unit out in their ranked order, with the comparison the tooltip gives', () => {
    const option = rankedBarsOption({
      items: [
        { code: 'A', name: '昌吉市', value: 120, compare: 100 },
        { code: 'B', name: '阜康市', value: null, suppressed: true, compare: 3 },
        { code: 'C', name: '呼图壁县', value: 340, compare: 300 }
      ],
      order: 'value',
      format: 'count',
      locale: 'zh',
      valueLabel: '本期',
      compareLabel: '上期'
    });
    const table = chartTable(option, 'zh')!;
    expect(table.kind).toBe('item');
    expect(table.columns).toEqual(['本期', '上期']);
    expect(table.rows.map((r) => r.label.replace(/^\d+\s+/, ''))).toEqual(['呼图壁县', '昌吉市', '阜康市']);
    expect(table.rows[0].cells[0]).toBe('340');
    expect(table.rows[0].cells[1]).toMatch(/^300/);
    expect(table.rows[2].cells[0]).toBe('<5');
    expect(chartSummary('各县市', table)).toMatchObject({ key: 'chart.summary.first', vars: { n: 3, value: '340' } });
  });

  it('lists the slices of a ring, the stages of a funnel and the counties of a map by name', () => {
    const ring = chartTable(
      shareOption({
        format: 'count',
        locale: 'zh',
        slices: [
          { code: 'paper', name: '纸质', value: 30 },
          { code: 'digital', name: '电子', value: 70 }
        ]
      }),
      'zh'
    )!;
    expect(ring.rows).toEqual([
      { label: '纸质', cells: ['30 (30%)'] },
      { label: '电子', cells: ['70 (70%)'] }
    ]);
    const funnel = chartTable(
      funnelOption({
        format: 'count',
        locale: 'en',
        stages: [
          { name: 'Applied', value: 200 },
          { name: 'Admitted', value: null, suppressed: true }
        ]
      }),
      'en'
    )!;
    expect(funnel.rows).toEqual([
      { label: 'Applied', cells: ['200 (100%)'] },
      { label: 'Admitted', cells: ['<5'] }
    ]);
    const map = chartTable(
      choroplethOption({ format: 'percent', locale: 'zh', areas: [{ code: '652301', name: '昌吉市', value: 0.5 }] }),
      'zh'
    )!;
    // The map joins on codes; the table names the county.
    expect(map.rows).toEqual([{ label: '昌吉市', cells: ['50%'] }]);
  });

  it('reads a histogram by bucket', () => {
    const table = chartTable(
      histogramOption({
        locale: 'zh',
        countLabel: '件数',
        buckets: [
          { from: 30, count: 0, suppressed: true, label: '30–60分钟' },
          { from: 0, count: 1200, label: '<30分钟' }
        ]
      }),
      'zh'
    )!;
    expect(table).toMatchObject({ kind: 'item', columns: ['件数'] });
    expect(table.rows).toEqual([
      { label: '<30分钟', cells: ['1,200'] },
      { label: '30–60分钟', cells: ['<5'] }
    ]);
  });

  it('has no table for a chart without data, and says so in its summary', () => {
    expect(chartTable({ series: [] }, 'zh')).toBeNull();
    expect(chartSummary('趋势', null)).toEqual({ key: 'chart.summary.empty', vars: { title: '趋势' } });
  });

  it("turns a tooltip's HTML into its lines of text", () => {
    expect(htmlLines('昌吉&#38;阜康<br/><span style="x">●</span>本期&nbsp;&nbsp;<b>&lt;5</b>')).toEqual(['昌吉&阜康', '●本期 <5']);
  });
});
