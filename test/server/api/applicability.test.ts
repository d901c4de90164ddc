// "Not applicable" from the one resolver: where an indicator means nothing for the org unit
// (Indicator.appliesTo), JSON answers carry the reason and no rows, batches likewise, formats that
// cannot carry a reason refuse with it, and the monthly report leaves the indicator out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { QueryBatchResponse, QueryResponse, ReportResponse } from '../../../src/lib/contract/contract';
import { A } from '../metrics/fixture';
import { ANALYST, apiFixture, MANAGER, OFFICIAL, type ApiFixture } from './helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const SHARE = 'indicator=primary_care_visit_share&from=2025-01-01&to=2025-01-31&grain=all';

describe('an indicator that means nothing for the org unit', () => {
  it("answers a hospital manager's query with why, in both languages, and no rows instead of 0%", async () => {
    const body: QueryResponse = await api.json(`/api/query?${SHARE}`, MANAGER);
    expect(body.rows).toEqual([]);
    expect(body.notApplicable?.reason.zh).toContain('不适用该指标');
    expect(body.notApplicable?.reason.zh).toContain('单个机构没有这一比例');
    expect(body.notApplicable?.reason.en).toContain('Does not apply to');
    // The official asking for the same institution gets the same answer; a county has its share.
    expect((await api.json(`/api/query?${SHARE}&org=${A}`, OFFICIAL)).notApplicable).toBeDefined();
    const county: QueryResponse = await api.json(`/api/query?${SHARE}&org=652301`, OFFICIAL);
    expect(county.notApplicable).toBeUndefined();
    // A 0/100 and B 300/300: 75% for the county of both.
    expect(county.rows).toMatchObject([{ numerator: 300, denominator: 400, value: 0.75 }]);
  });

  it('says so in a batch as a 200 item, and for a county-level indicator below a county', async () => {
    const q = [
      SHARE,
      'indicator=ems_calls&from=2025-06-01&to=2025-06-30&grain=all&org=652327100',
      'indicator=settlement_count&from=2025-01-01&to=2025-01-31&grain=all'
    ];
    const body: QueryBatchResponse = await api.json(`/api/query/batch?${q.map((x) => `q=${encodeURIComponent(x)}`).join('&')}`, MANAGER);
    expect(body.results.map((r) => r.status)).toEqual([200, 403, 200]);
    expect((body.results[0].body as QueryResponse).notApplicable).toBeDefined();
    const calls: QueryResponse = await api.json('/api/query?indicator=ems_calls&from=2025-06-01&to=2025-06-30&grain=all&org=652327100');
    expect(calls).toMatchObject({ rows: [], notApplicable: { reason: { zh: expect.stringContaining('该指标按县市统计') } } });
  });

  it('refuses Arrow and downloads, which cannot carry the reason, naming the org', async () => {
    for (const format of ['arrow', 'csv', 'parquet']) {
      const res = await api.get(`/api/query?${SHARE}&org=${A}&format=${format}`, { caller: ANALYST });
      expect(res.status, format).toBe(400);
      expect(await res.json()).toMatchObject({
        error: 'bad_parameter',
        parameter: 'org',
        message: expect.stringContaining('Does not apply')
      });
    }
  });

  it('is in the catalogue and documented in /api/openapi.json', async () => {
    const { indicators } = await api.json('/api/indicators');
    expect(indicators.find((i: { id: string }) => i.id === 'primary_care_visit_share').appliesTo.levels).toEqual([
      'prefecture',
      'county',
      'township'
    ]);
    const doc = JSON.stringify(await api.json('/api/openapi.json'));
    expect(doc).toContain('"notApplicable"');
    expect(doc).toContain('"appliesTo"');
    expect(doc).toContain('"value_note"');
  });

  it('is left out of the monthly report where it does not apply', async () => {
    const ids = (r: ReportResponse) => r.kpis.map((k) => k.indicator);
    expect(ids(await api.json('/api/report?format=json&month=2025-01', MANAGER))).not.toContain('primary_care_visit_share');
    expect(ids(await api.json('/api/report?format=json&month=2025-01', OFFICIAL))).toContain('primary_care_visit_share');
  });
});
