// GET /api/report over the fixture warehouse: the KPI figures (this month, last month, a year
// earlier) are the query API's, suppressed for the caller like everything else, and the PDF
// reads back through poppler's pdftotext with its Chinese (or English) title and trend charts.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportKpi, ReportResponse } from '../../../src/lib/contract/contract';
import { ANALYST, apiFixture, COUNTY, OFFICIAL, type ApiFixture } from '../api/helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const kpi = (report: ReportResponse, id: string): ReportKpi => report.kpis.find((k) => k.indicator === id)!;

async function pdfText(res: Response, name: string): Promise<string> {
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/pdf');
  const file = join(api.dir, name);
  writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('monthly report figures', () => {
  it('has this month, last month and a year earlier of each headline indicator, and 13 months of trend', async () => {
    const report: ReportResponse = await api.json('/api/report?format=json&month=2025-01', OFFICIAL);
    expect(report.org).toMatchObject({ code: '652300', kind: 'prefecture' });
    expect(report.months).toHaveLength(13);
    expect([report.months[0], report.months[12]]).toEqual(['2024-01-01', '2025-01-01']);
    // Prefecture settlements: January 2025 A 15 + B 20; none in December 2024; A's 2 in January 2024.
    expect(kpi(report, 'settlement_count')).toMatchObject({ value: 35, previousMonth: null, sameMonthLastYear: 2, format: 'count' });
    expect(kpi(report, 'settlement_count').trend).toEqual([2, ...Array(11).fill(null), 35]);
    const direct = (await api.json('/api/query?indicator=face_scan_share&from=2025-01-01&to=2025-01-31&grain=month', OFFICIAL)).rows[0];
    expect(kpi(report, 'face_scan_share').value).toBe(direct.value);
    expect(kpi(report, 'in_county_inpatient_rate')).toMatchObject({ value: 17 / 20, target: { value: 0.9, op: '>=' } });
  });

  it('hides the small figures from roles that must not see them', async () => {
    const report: ReportResponse = await api.json('/api/report?format=json&month=2025-01', ANALYST);
    expect(kpi(report, 'settlement_count')).toMatchObject({ value: 35, sameMonthLastYear: '<5' });
    expect(kpi(report, 'settlement_count').trend[0]).toBeNull();
  });

  it('leaves out county-level indicators below a county', async () => {
    const county: ReportResponse = await api.json('/api/report?format=json&month=2025-02', COUNTY);
    expect(county.kpis.map((k) => k.indicator)).toContain('ems_arrival_minutes');
    const institution: ReportResponse = await api.json('/api/report?format=json&month=2025-02&org=JG6523270001', COUNTY);
    expect(institution.kpis.map((k) => k.indicator)).not.toContain('ems_arrival_minutes');
    expect(institution.kpis.map((k) => k.indicator)).toContain('settlement_count');
  });

  it("has /api/query's figures for the same org, month and indicator, suppressed alike, for every caller", async () => {
    const cases = [
      { caller: OFFICIAL, month: '2025-01', org: undefined },
      { caller: ANALYST, month: '2025-01', org: undefined },
      { caller: COUNTY, month: '2025-02', org: undefined },
      { caller: COUNTY, month: '2025-02', org: 'JG6523270001' }
    ];
    for (const { caller, month, org } of cases) {
      const at = org === undefined ? '' : `&org=${org}`;
      const report: ReportResponse = await api.json(`/api/report?format=json&month=${month}${at}`, caller);
      expect(report.kpis.length).toBeGreaterThan(10);
      const [from, to] = [report.months[0], report.months[12]];
      const end = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).toISOString().slice(0, 10);
      for (const k of report.kpis) {
        const query = `/api/query?indicator=${k.indicator}&from=${from}&to=${end}&grain=month${at}`;
        const byPeriod = new Map<string, unknown>(
          (await api.json(query, caller)).rows.map((r: any) => [r.period, r.value_note ?? r.value])
        );
        // A hidden rate, median or mean (null, noted too_few) reads too_few in the report.
        const figure = (i: number) => byPeriod.get(report.months[i]) ?? null;
        const label = `${caller.role} ${org ?? ''} ${k.indicator}`;
        expect([k.value, k.previousMonth, k.sameMonthLastYear], label).toEqual([figure(12), figure(11), figure(0)]);
        expect(k.trend, label).toEqual(report.months.map((_, i) => (typeof figure(i) === 'number' ? figure(i) : null)));
      }
    }
  });

  it('refuses a malformed month', async () => {
    for (const month of ['2025-13', '2025-1', '202501', "2025-01' --", '0000-01', '9999-12']) {
      const res = await api.get(`/api/report?month=${encodeURIComponent(month)}`, { caller: OFFICIAL });
      expect(res.status, month).toBe(400);
      expect((await res.json()).parameter).toBe('month');
    }
  });
});

describe('monthly report PDF', () => {
  it('reads back in pdftotext with the Chinese title, the table and the chart titles', async () => {
    const res = await api.get('/api/report?month=2025-02', { caller: COUNTY });
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="report_652327_2025-02.pdf"');
    const text = await pdfText(res, 'county.pdf');
    expect(text).toContain('昌吉州健康云月度报告 2025年2月 · 吉木萨尔县');
    expect(text).toMatch(/医保结算人次\s+10人次/);
    expect(text).toContain('医保结算人次（近13个月）');
    // The county's face-scan share of February is hidden (4 persons) and it has no referrals
    // before March: trends without a figure are left out, not drawn as empty axes.
    expect(text).not.toContain('刷脸结算占比（近13个月）');
    expect(text).not.toContain('转诊成功率（近13个月）');
  });

  it('prints "<5" where the caller may not see a figure, and reads in English on request', async () => {
    const text = await pdfText(await api.get('/api/report?month=2025-01&lang=en', { caller: ANALYST }), 'analyst.pdf');
    expect(text).toMatch(/Changji Health Cloud monthly report, Jan 2025 · Changji\s+Hui Autonomous Prefecture/);
    // The unit wraps under the figure in its column.
    expect(text).toMatch(/Insurance settlements\s+35\s+—\s+—\s+<5\s+settlements/);
    // Yuan in the embedded font's full-width sign (GB 2312 has ￥, not ¥).
    expect(text).toMatch(/Inpatient cost per stay\s+￥10,000/);
  });
});
