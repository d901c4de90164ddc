// Role x endpoint x format over the fixture warehouse: no answer holds a row from outside the
// caller's scope, however the request is made: breakdowns by county, township and institution,
// every format, crafted org codes, downloads. The fixture's settlements
// (test/server/metrics/fixture.ts) are at A and B in county 652301 and C and D in 652327; a county
// user sees 652327, the manager B.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, type Caller, type Format } from '../../../src/lib/contract/contract';
import type { OrgIndex } from '../../../src/lib/server/org-index';
import { ADMIN, ANALYST, apiFixture, COUNTY, MANAGER, OFFICIAL, type ApiFixture } from '../api/helpers';
import { A, B, C, D } from '../metrics/fixture';
import { codeColumn, decode, numeratorColumn } from './decode';

let api: ApiFixture;
let org: OrgIndex;
beforeAll(async () => {
  api = await apiFixture();
  org = (await api.warehouse.snapshot()).org;
});
afterAll(() => api.close());

const ROLES: Caller[] = [OFFICIAL, COUNTY, MANAGER, ANALYST, ADMIN];
const EXPORTERS = new Set(['analyst', 'admin']);
const BASE = 'indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all&lang=en';
/** The English title of settlement_count's numerator, as CSV and XLSX head it. */
const NUMERATOR_EN = 'Settlements';
/** Settlements of each scope over the range, worked out from the fixture rows. */
const TOTALS: Record<string, number> = { '652300': 45, '652327': 10, [B]: 20 };

/** The caller's scope, or an ancestor of it (a breakdown by county of one institution names its county). */
function inScopeOrAbove(code: string, caller: Caller): boolean {
  return org.isWithin(code, caller.scopeOrg) || org.isWithin(caller.scopeOrg, code);
}

const fileFormat = (f: Format) => f === 'csv' || f === 'xlsx' || f === 'parquet';
const url = (format: Format, extra = '') => `/api/query?${BASE}&format=${format}${fileFormat(format) ? '' : '&download=1'}${extra}`;

describe('every role, every format, every org breakdown', () => {
  for (const caller of ROLES) {
    for (const format of FORMATS) {
      it(`${caller.role} as ${format}`, async () => {
        if (!EXPORTERS.has(caller.role)) {
          // Not a download: JSON and Arrow for the dashboard stay open to every role.
          if (!fileFormat(format)) expect((await api.get(url(format).replace('&download=1', ''), { caller })).status).toBe(200);
          const res = await api.get(url(format), { caller });
          expect(res.status).toBe(403);
          expect(await res.json()).toMatchObject({ error: 'forbidden', parameter: 'format' });
          return;
        }
        for (const by of ['county', 'township', 'institution']) {
          const res = await api.get(url(format, `&by=${by}`), { caller });
          expect(res.status, `${by}: ${res.status}`).toBe(200);
          const rows = await decode(res, format);
          expect(rows.length).toBeGreaterThan(0);
          for (const row of rows)
            expect(inScopeOrAbove(String(row[codeColumn(format, by)]), caller), `${by} ${String(row[codeColumn(format, by)])}`).toBe(true);
        }
      });
    }
  }

  it('answers each role breakdowns of its own scope only, in JSON and Arrow', async () => {
    for (const caller of ROLES) {
      for (const format of ['json', 'arrow'] as const) {
        for (const by of ['county', 'township', 'institution']) {
          const rows = await decode(await api.get(url(format, `&by=${by}`).replace('&download=1', ''), { caller }), format);
          expect(rows.length, `${caller.role} ${format} ${by}`).toBeGreaterThan(0);
          for (const row of rows)
            expect(inScopeOrAbove(String(row[by]), caller), `${caller.role} ${format} ${by}=${String(row[by])}`).toBe(true);
        }
      }
      // Without a breakdown: the scope's own total, never more.
      const [total] = (await api.json(`/api/query?${BASE}`, caller)).rows;
      expect(total.numerator, caller.role).toBe(TOTALS[caller.scopeOrg]);
    }
  });

  it('gives institutions of the county only, to the county user, with their figures', async () => {
    const rows = await decode(await api.get(url('json', '&by=institution').replace('&download=1', ''), { caller: COUNTY }), 'json');
    expect(rows.map((r) => r.institution)).toEqual([C, D]);
    const exported = await decode(await api.get(url('csv', '&by=institution'), { caller: ANALYST }), 'csv');
    expect(exported.map((r) => r[codeColumn('csv', 'institution')])).toEqual([A, B, C, D]);
    expect(exported.map((r) => r[numeratorColumn('csv', NUMERATOR_EN)])).toEqual(['15', '20', '<5', '<5']);
  });
});

describe('crafted org codes', () => {
  const crafted = [
    ['652301', 403], // another county
    [A, 403], // an institution of another county
    ['652301101', 403], // a township of another county
    ['999999', 400], // no such unit
    ["652327' OR '1'='1", 400],
    ['652327; DROP TABLE core.dim_org_unit; --', 400],
    ['652327%', 400],
    ['65232_', 400],
    ['JG652327*', 400],
    [' 652327', 400],
    ['652327\u0000', 400]
  ] as const;

  it('refuses every one with no rows, for the county user, in every format', async () => {
    for (const [code, status] of crafted) {
      for (const format of FORMATS) {
        const res = await api.get(`/api/query?${BASE}&format=${format}&org=${encodeURIComponent(code)}&by=institution`, { caller: COUNTY });
        expect(res.status, `${format} ${JSON.stringify(code)}`).toBe(status);
        expect(res.headers.get('content-type')).toMatch(/^application\/json/);
        expect((await res.json()).rows).toBeUndefined();
      }
    }
  });

  it('keeps the manager to the institution, and the prefecture as a whole', async () => {
    for (const code of ['652301', '652301101', A, C, '652327']) {
      expect((await api.get(`/api/query?${BASE}&org=${code}`, { caller: MANAGER })).status, code).toBe(403);
    }
    expect((await api.json(`/api/query?${BASE}&org=652300`, MANAGER)).rows[0].numerator).toBe(45);
    for (const by of ['county', 'township', 'institution', 'medical_community', 'institution_type']) {
      expect((await api.get(`/api/query?${BASE}&org=652300&by=${by}`, { caller: MANAGER })).status, by).toBe(403);
    }
  });

  it('lets a county user choose units inside the county', async () => {
    expect((await api.json(`/api/query?${BASE}&org=${D}`, COUNTY)).rows[0].numerator).toBe(6);
    expect(
      (await api.json(`/api/query?${BASE}&org=652327100&by=institution`, COUNTY)).rows.map((r: { institution: string }) => r.institution)
    ).toEqual([C, D]);
  });
});

describe('org units, catalogue and report by role', () => {
  it("lists only the caller's subtree, and the manager's prefecture as a benchmark", async () => {
    for (const caller of ROLES) {
      const body = await api.json('/api/org-units', caller);
      expect(body.root).toBe(caller.scopeOrg);
      expect(body.units.length).toBeGreaterThan(0);
      for (const unit of body.units) expect(org.isWithin(unit.code, caller.scopeOrg), `${caller.role} ${unit.code}`).toBe(true);
      if (caller.role === 'manager') expect(body.benchmarkRoot).toMatchObject({ code: '652300', kind: 'prefecture', parent: null });
      else expect(body.benchmarkRoot).toBeUndefined();
    }
  });

  it('serves every role the same catalogue, which holds no figures', async () => {
    const bodies = await Promise.all(ROLES.map((caller) => api.json('/api/indicators', caller)));
    for (const body of bodies) expect(body).toEqual(bodies[0]);
    expect(JSON.stringify(bodies[0])).not.toContain('countsPersons');
  });

  it('reports on the scope and its units, and refuses other units', async () => {
    const month = '2025-02';
    for (const caller of ROLES) {
      const report = await api.json(`/api/report?format=json&month=${month}`, caller);
      expect(report.org.code).toBe(caller.scopeOrg);
      const settlements = report.kpis.find((k: { indicator: string }) => k.indicator === 'settlement_count');
      // February: C 4 + D 6 in 652327, none at A or B.
      expect(settlements.value, caller.role).toBe(caller.scopeOrg === B ? null : 10);
      const pdf = await api.get(`/api/report?month=${month}`, { caller });
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-type')).toBe('application/pdf');
    }
    for (const [caller, code] of [
      [COUNTY, '652301'],
      [COUNTY, A],
      [MANAGER, C],
      [MANAGER, '652301']
    ] as const) {
      for (const format of ['json', 'pdf']) {
        expect(
          (await api.get(`/api/report?format=${format}&month=${month}&org=${code}`, { caller })).status,
          `${caller.role} ${code}`
        ).toBe(403);
      }
    }
    expect(
      (await api.get(`/api/report?format=json&month=${month}&org=${encodeURIComponent("652327' --")}`, { caller: COUNTY })).status
    ).toBe(400);
    // The manager's benchmark report is the prefecture's.
    expect((await api.json(`/api/report?format=json&month=${month}&org=652300`, MANAGER)).org.code).toBe('652300');
  });
});
