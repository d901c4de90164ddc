// The one rule for partial comparisons (contract/periods.ts comparisonCovered) as the API applies
// it: over a warehouse whose data starts on 2024-01-20, January 2024 (A's 2 settlements on the
// 15th) is a sliver of a month, no comparison for January 2025: not in JSON, not in a download,
// not in the monthly report.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/warehouse';
import type { ReportResponse } from '../../../src/lib/contract/contract';
import { createApi } from '../../../src/lib/server/api/app';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { testAccess } from '../../helpers/access';
import { ADMIN, OFFICIAL } from '../../helpers/callers';
import { removeDir, tempDir } from '../../helpers/landing';
import { buildFixtureWarehouse } from '../metrics/fixture';
import { decode } from '../access/decode';

const DATA_FROM = '2024-01-20';
let dir: string;
let warehouse: Warehouse;
let close: () => void;
let get: (url: string, caller?: typeof OFFICIAL) => Promise<Response>;

beforeAll(async () => {
  dir = tempDir('coverage');
  const path = await buildFixtureWarehouse(dir);
  const db = await Database.open(path);
  await db.run(`UPDATE meta.loaded_dates SET source_date = DATE '${DATA_FROM}' WHERE source_date < DATE '${DATA_FROM}'`);
  db.close();
  warehouse = new Warehouse(path);
  const { db: appDb, access } = testAccess();
  const app = createApi({ warehouse, access });
  get = (url, caller = OFFICIAL) => Promise.resolve(app.fetch(new Request(`http://localhost${url}`), { caller, address: '203.0.113.7' }));
  close = () => {
    warehouse.close();
    appDb.close();
  };
});
afterAll(() => {
  close();
  removeDir(dir);
});

const JANUARY = 'indicator=settlement_count&from=2025-01-01&to=2025-01-31';

describe('a comparison period that starts before the first day with data', () => {
  it('is what /api/health says the data starts with', async () => {
    expect((await (await get('/api/health')).json()).dataFrom).toBe(DATA_FROM);
  });

  it('has no comparison figures in JSON, for the whole range and for the period of a series', async () => {
    const [all] = (await (await get(`/api/query?${JANUARY}&grain=all&compare=yoy`)).json()).rows;
    // Without the rule the year-earlier figure would be A's 2 settlements of 15 January 2024.
    expect(all).toMatchObject({ numerator: 35, compare_numerator: null, compare_value: null });
    const months = (await (await get('/api/query?indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=month&compare=yoy')).json())
      .rows;
    expect(months.map((r: Record<string, unknown>) => [r.period, r.numerator, r.compare_numerator])).toEqual([
      ['2025-01-01', 35, null],
      ['2025-02-01', 10, null]
    ]);
  });

  it('has none in a download either', async () => {
    const res = await get(`/api/query?${JANUARY}&grain=all&compare=yoy&format=json&download=1`, ADMIN);
    expect(res.status).toBe(200);
    expect(await decode(res, 'json')).toMatchObject([{ numerator: 35, compare_numerator: null }]);
  });

  it('leaves the same month a year earlier out of the monthly report, as the dashboard does', async () => {
    const report: ReportResponse = await (await get('/api/report?format=json&month=2025-01')).json();
    const settlements = report.kpis.find((k) => k.indicator === 'settlement_count')!;
    expect(settlements).toMatchObject({ value: 35, sameMonthLastYear: null });
    // The trend still draws January 2024 as the data has it: it is no comparison.
    expect(settlements.trend[0]).toBe(2);
  });
});

describe('a comparison that reads the same figure (contract/periods.ts comparisonDistinct)', () => {
  const DECEMBER = 'indicator=htn_standard_management_rate&from=2025-12-01&to=2025-12-31&grain=all';

  it('is left out for a yearly-only indicator against the month before, in JSON and in a download', async () => {
    const [row] = (await (await get(`/api/query?${DECEMBER}&compare=previous`)).json()).rows;
    // December and November 2025 both read 2025's figure (B and D: 110 of 150); a ±0 would say nothing.
    expect(row).toMatchObject({ numerator: 110, denominator: 150, compare_numerator: null, compare_value: null });
    const res = await get(`/api/query?${DECEMBER}&compare=previous&format=json&download=1`, ADMIN);
    expect(await decode(res, 'json')).toMatchObject([{ numerator: 110, compare_numerator: null }]);
  });

  it("is kept against the year before, which reads 2024's figure", async () => {
    const [row] = (await (await get(`/api/query?${DECEMBER}&compare=yoy`)).json()).rows;
    expect(row).toMatchObject({ numerator: 110, compare_numerator: 50, compare_denominator: 90 });
  });
});
