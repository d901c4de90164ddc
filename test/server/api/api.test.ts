// The /api endpoints over the fixture warehouse: shapes, scope, formats, ETag/304, and every way
// a request can be refused (400/403/404/405/503, never a 500, never SQL in a message).
import { writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { validate } from '@readme/openapi-parser';
import { ERROR_CODES } from '../../../src/lib/contract/contract';
import { createApi, etag } from '../../../src/lib/server/api/app';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { Database } from '../../../pipelines/warehouse';
import { removeDir, tempDir } from '../../helpers/landing';
import { A, B, FIXTURE_VERSION } from '../metrics/fixture';
import { ADMIN, apiFixture, COUNTY, MANAGER, OFFICIAL, rows, type ApiFixture } from './helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const Q = '/api/query?indicator=referral_success_rate&from=2025-01-01&to=2025-12-31';

describe('health, catalogue, org units, runs', () => {
  it('reports the data version and the last run', async () => {
    expect(await api.json('/api/health')).toEqual({
      status: 'ok',
      dataVersion: FIXTURE_VERSION,
      lastRun: { runId: 'run-1', status: 'published', finishedAt: '2026-01-01T18:01:00Z', datesFrom: '2024-01-01', datesTo: '2025-06-01' },
      dataFrom: '2024-01-01',
      // The fixture's newest loaded day is long past: every feed it loaded is late by the real clock.
      freshness: expect.objectContaining({ late: true, newestDay: '2025-12-31' })
    });
  });

  it("serves the catalogue with the warehouse's medical communities", async () => {
    const body = await api.json('/api/indicators');
    expect(body.dataVersion).toBe(FIXTURE_VERSION);
    expect(body.indicators.length).toBeGreaterThanOrEqual(40);
    const mc = body.dimensions.find((d: { id: string }) => d.id === 'medical_community');
    expect(mc.values).toContainEqual({ code: 'MC65232701', zh: expect.any(String), en: expect.any(String) });
  });

  it("lists the caller's subtree, ordered by code, institutions under their township", async () => {
    const all = await api.json('/api/org-units');
    expect(all.root).toBe('652300');
    expect(all.units[0]).toEqual({
      code: '652300',
      parent: null,
      kind: 'prefecture',
      name: { zh: '昌吉回族自治州', en: 'Changji Hui Autonomous Prefecture' }
    });
    expect(all.units.filter((u: { kind: string }) => u.kind === 'county').map((u: { code: string }) => u.code)).toEqual([
      '652301',
      '652302',
      '652323',
      '652324',
      '652325',
      '652327',
      '652328'
    ]);
    const codes = all.units.map((u: { code: string }) => u.code);
    expect(codes).toEqual([...codes].sort());
    expect(all.units.find((u: { code: string }) => u.code === B).parent).toBe('652301101');
    expect(all.units.some((u: { code: string }) => u.code.startsWith('BT'))).toBe(false);

    const county = await api.json('/api/org-units', COUNTY);
    expect(county.root).toBe('652327');
    expect(
      county.units.every(
        (u: { code: string; parent: string }) => u.code === '652327' || u.code.startsWith('652327') || u.code.startsWith('JG652327')
      )
    ).toBe(true);
    expect((await api.json('/api/org-units', MANAGER)).units.map((u: { code: string }) => u.code)).toEqual([B]);
  });

  it('reports runs, feed accounting by latest load, quarantine reasons, checks and steps', async () => {
    const body = await api.json('/api/runs');
    expect(body.runs.map((r: { runId: string }) => r.runId)).toEqual(['run-1', 'run-0-failed']);
    expect(body.runs[1]).toMatchObject({
      status: 'failed',
      failedStep: 'checks',
      error: 'pii_scan failed',
      dataVersion: null,
      durationMs: 1200
    });
    // 2025-12-30 was loaded twice: its latest load (run-1) counts.
    expect(body.feeds).toEqual([
      {
        feed: 'referrals',
        title: { zh: '双向转诊', en: 'Two-way referrals' },
        linesRead: 20,
        loaded: 20,
        quarantined: 0,
        duplicates: 0,
        blankLines: 0
      },
      {
        feed: 'settlements',
        title: { zh: '医保结算', en: 'Insurance settlements' },
        linesRead: 160,
        loaded: 149,
        quarantined: 9,
        duplicates: 2,
        blankLines: 0
      }
    ]);
    expect(body.quarantine).toEqual([
      { feed: 'settlements', reason: 'invalid_field', rows: 2 },
      { feed: 'settlements', reason: 'malformed_json', rows: 1 }
    ]);
    expect(body.checks.map((c: { check: string }) => c.check)).toEqual(['pii_scan', 'reconciliation']);
    expect(body.steps.map((s: { step: string }) => s.step)).toEqual(['ingest settlements', 'marts']);
    expect(body.checks.map((c: { severity: string }) => c.severity)).toEqual(['error', 'error']);
    expect(body.skipped).toEqual([]);
    expect(body.reexport).toEqual([]);
  });

  it('publishes an OpenAPI document that validates', async () => {
    const doc = await api.json('/api/openapi.json');
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/indicators', '/api/org-units', '/api/query', '/api/runs'])
    );
    await expect(validate(structuredClone(doc))).resolves.toMatchObject({ valid: true });
  });

  it('describes every refusal with one error schema holding every code of the contract', async () => {
    const doc = await api.json('/api/openapi.json');
    const schemas = doc.components.schemas;
    expect(Object.keys(schemas).filter((name) => /error/i.test(name))).toEqual(['Error']);
    expect(schemas.Error.properties.error.enum).toEqual([...ERROR_CODES]);
    expect(Object.keys(schemas.Error.properties)).toEqual(['error', 'message', 'parameter', 'retryAfterSeconds']);
    const refs = Object.values(doc.paths as Record<string, Record<string, { responses: Record<string, any> }>>).flatMap((operations) =>
      Object.values(operations).flatMap(({ responses }) =>
        Object.entries(responses)
          .filter(([status]) => Number(status) >= 400)
          .map(([, r]) => r.content['application/json'].schema.$ref)
      )
    );
    expect(new Set(refs)).toEqual(new Set(['#/components/schemas/Error']));
  });

  it('documents every endpoint it serves, the sign-in and admin ones included', async () => {
    const doc = await api.json('/api/openapi.json');
    const documented = Object.entries(doc.paths as Record<string, object>)
      .flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    expect(documented).toEqual(
      [
        'GET /api/health',
        'GET /api/indicators',
        'GET /api/org-units',
        'GET /api/query',
        'GET /api/query/batch',
        'GET /api/runs',
        'GET /api/report',
        'POST /api/auth/login',
        'POST /api/auth/logout',
        'POST /api/auth/password',
        'GET /api/auth/me',
        'GET /api/admin/users',
        'POST /api/admin/users',
        'POST /api/admin/users/{username}/disable',
        'POST /api/admin/users/{username}/enable',
        'POST /api/admin/users/{username}/password',
        'GET /api/admin/audit'
      ].sort()
    );
    // Nothing the app answers is left out of its description (middleware is method ALL).
    const served = createApi({ warehouse: api.warehouse })
      .routes.filter((r) => r.method !== 'ALL' && r.path !== '/api/openapi.json')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect([...new Set(served)].sort()).toEqual(documented);
  });
});

describe('query', () => {
  it('fills in defaults and echoes the normalized query', async () => {
    const body = await api.json(`${Q}`);
    expect(body.query).toEqual({
      indicator: 'referral_success_rate',
      from: '2025-01-01',
      to: '2025-12-31',
      grain: 'month',
      org: '652300',
      by: [],
      compare: 'none',
      top: null,
      limit: 200000,
      format: 'json',
      lang: 'zh'
    });
    expect(body.rows).toEqual([{ period: '2025-03-01', numerator: 8, denominator: 10, value: 0.8 }]);
  });

  it("keeps every query inside the caller's scope", async () => {
    const q = '/api/query?indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all';
    expect((await api.json(q, COUNTY)).rows[0].value).toBe(10);
    expect((await api.json(`${q}&by=county`, COUNTY)).rows.map((r: { county: string }) => r.county)).toEqual(['652327']);
    expect((await api.json(`${q}&by=institution`, COUNTY)).rows.map((r: { institution: string }) => r.institution)).toEqual([
      'JG6523270001',
      'JG6523270003'
    ]);
    const outside = await api.get(`${q}&org=652301`, { caller: COUNTY });
    expect(outside.status).toBe(403);
    expect(await outside.json()).toMatchObject({ error: 'forbidden', parameter: 'org' });
    expect((await api.get(`${q}&org=${A}`, { caller: COUNTY })).status).toBe(403);
  });

  it('lets a manager see their institution and the prefecture as a benchmark, not other units', async () => {
    const q = '/api/query?indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all';
    expect((await api.json(q, MANAGER)).rows[0].value).toBe(20);
    expect((await api.json(`${q}&org=652300`, MANAGER)).rows[0].value).toBe(45);
    expect((await api.get(`${q}&org=652300&by=county`, { caller: MANAGER })).status).toBe(403);
    expect((await api.get(`${q}&org=652301`, { caller: MANAGER })).status).toBe(403);
    expect((await api.get(`${q}&org=${A}`, { caller: MANAGER })).status).toBe(403);
  });

  it('answers 304 to the same data version and caller, 200 to another version or another caller', async () => {
    const first = await api.get(Q);
    const tag = first.headers.get('etag');
    expect(tag).toBe(etag(FIXTURE_VERSION, OFFICIAL));
    expect(tag).toMatch(new RegExp(`^W/"${FIXTURE_VERSION}-`));
    expect(first.headers.get('cache-control')).toBe('private, no-cache');
    const again = await api.get(Q, { headers: { 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    expect((await api.get(Q, { headers: { 'if-none-match': '"fixture-v0"' } })).status).toBe(200);
    expect((await api.get('/api/org-units', { headers: { 'if-none-match': tag! } })).status).toBe(304);
    // A browser shared by two users: the county user's answer differs, so the official's tag must not stand for it.
    const county = await api.get(Q, { caller: COUNTY, headers: { 'if-none-match': tag! } });
    expect(county.status).toBe(200);
    expect(county.headers.get('etag')).not.toBe(tag);
  });

  it('refuses HEAD for a download rather than building the file for nothing', async () => {
    const res = await api.get(`${Q}&format=csv`, { caller: ADMIN, method: 'HEAD' });
    expect(res.status).toBe(405);
    expect((await api.get(Q, { method: 'HEAD' })).status).toBe(200);
  });

  it('says when the rows were cut at the limit', async () => {
    const res = await api.get('/api/query?indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=day&limit=2');
    expect(res.headers.get('x-truncated')).toBe('true');
    const body = await res.json();
    expect(body.truncated).toBe(true);
    expect(body.rows).toHaveLength(2);
  });
});

describe('formats', () => {
  const q = '/api/query?indicator=face_scan_share&from=2025-01-01&to=2025-02-28&grain=month&by=county,visit_type&compare=yoy';

  it('streams Arrow IPC with dictionary-encoded breakdowns, gzip when accepted', async () => {
    const expected = (await api.json(q)).rows;
    const res = await api.get(`${q}&format=arrow`, { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(res.headers.get('content-type')).toBe('application/vnd.apache.arrow.stream');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const table = tableFromIPC(gunzipSync(new Uint8Array(await res.arrayBuffer())));
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'period:Date32<DAY>',
      'county:Dictionary<Int32, Utf8>',
      'visit_type:Dictionary<Int32, Utf8>',
      'numerator:Float64',
      'denominator:Float64',
      'value:Float64',
      'compare_numerator:Float64',
      'compare_denominator:Float64',
      'compare_value:Float64'
    ]);
    const back = table.toArray().map((r) => {
      const o = r.toJSON();
      return { ...o, period: new Date(o.period as number).toISOString().slice(0, 10) };
    });
    expect(back).toEqual(expected);
    const plain = await api.get(`${q}&format=arrow`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(tableFromIPC(new Uint8Array(await plain.arrayBuffer())).numRows).toBe(expected.length);
  });

  it('writes CSV as UTF-8 with a BOM, Chinese headers by default and English on request', async () => {
    // Files need a role that may export: admin sees every cell, as the official does.
    const res = await api.get(`${q}&format=csv`, { caller: ADMIN });
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="face_scan_share_county-visit_type_month_2025-01-01_2025-02-28.csv"'
    );
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, first] = parseCsv(Buffer.from(bytes).toString('utf8'), { bom: true });
    expect(header).toEqual([
      '期间',
      '县市代码',
      '县市',
      '就诊类型代码',
      '就诊类型',
      '刷脸结算人次',
      '医保结算人次（不含现金）',
      '刷脸结算占比',
      '对比期刷脸结算人次',
      '对比期医保结算人次（不含现金）',
      '对比期刷脸结算占比'
    ]);
    expect(first.slice(0, 7)).toEqual(['2025-01', '652301', '昌吉市', 'outpatient', '门诊', '10', '30']);
    const en = parseCsv(await (await api.get(`${q}&format=csv&lang=en`, { caller: ADMIN })).text(), { bom: true });
    expect(en[0].slice(0, 5)).toEqual(['Period', 'County code', 'County', 'Visit type code', 'Visit type']);
    expect(en[1][2]).toBe('Changji City');
  });

  it('writes XLSX with a data sheet and an about sheet', async () => {
    const res = await api.get(`${q}&format=xlsx`, { caller: ADMIN });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await res.arrayBuffer());
    expect(book.worksheets.map((w) => w.name)).toEqual(['数据', '说明']);
    const sheet = book.getWorksheet('数据')!;
    expect(sheet.getRow(1).getCell(1).value).toBe('期间');
    expect(sheet.getRow(2).getCell(6).value).toBe(10);
    expect(sheet.getColumn(8).numFmt).toBe('0.00%');
    expect(book.getWorksheet('说明')!.getRow(7).getCell(2).value).toBe(FIXTURE_VERSION);
  });

  it('writes Parquet that DuckDB reads back as the same rows, with labels beside period and codes', async () => {
    const expected = (await api.json(q)).rows;
    const res = await api.get(`${q}&format=parquet`, { caller: ADMIN });
    const dir = tempDir('parquet');
    try {
      const file = join(dir, 'x.parquet');
      writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
      const db = await Database.open(':memory:');
      const back = await db.rows(`SELECT strftime(period, '%Y-%m-%d') AS period, * EXCLUDE (period) FROM read_parquet('${file}')`);
      db.close();
      const NAMES: Record<string, string> = { '652301': '昌吉市', '652327': '吉木萨尔县', outpatient: '门诊', inpatient: '住院' };
      expect(back).toEqual(
        expected.map((r: Record<string, string>) => ({
          ...r,
          period_label: r.period.slice(0, 7),
          county_name: NAMES[r.county],
          visit_type_name: NAMES[r.visit_type]
        }))
      );
    } finally {
      removeDir(dir);
    }
  });
});

describe('refusals', () => {
  const expectError = async (url: string, status: number, parameter?: string) => {
    const res = await api.get(url);
    const body = await res.json();
    expect(res.status, `${url}: ${JSON.stringify(body)}`).toBe(status);
    expect(typeof body.message).toBe('string');
    expect(body.message.length).toBeLessThan(400);
    expect(body.message).not.toMatch(/\b(SELECT|FROM|WHERE|mart_|core\.)\b/);
    if (parameter !== undefined) expect(body.parameter).toBe(parameter);
    return body;
  };
  const base = { indicator: 'referral_success_rate', from: '2025-01-01', to: '2025-12-31' };
  const url = (params: Record<string, string>) => `/api/query?${new URLSearchParams(params)}`;

  it('refuses each malformed or unknown parameter, naming it', async () => {
    const cases: [Record<string, string>, string][] = [
      [{ ...base, indicator: 'no_such_indicator' }, 'indicator'],
      [{ ...base, from: '2025-02-30' }, 'from'],
      [{ ...base, from: '20250101' }, 'from'],
      [{ ...base, from: '9990-01-01', to: '9990-01-31' }, 'from'],
      [{ ...base, from: '0099-12-31' }, 'from'],
      [{ ...base, to: '2024-12-31' }, 'to'],
      [{ ...base, from: '2010-01-01', to: '2025-12-31' }, 'to'],
      [{ ...base, grain: 'fortnight' }, 'grain'],
      [{ ...base, indicator: 'htn_control_rate', grain: 'month' }, 'grain'],
      [{ ...base, by: 'ems_category' }, 'by'],
      [{ ...base, by: 'county,direction,urgent' }, 'by'],
      [{ ...base, by: 'county,county' }, 'by'],
      [{ ...base, by: '' }, 'by'],
      [{ ...base, top: '3' }, 'top'],
      [{ ...base, by: 'county', top: '2.5' }, 'top'],
      [{ ...base, by: 'county', top: '0' }, 'top'],
      [{ ...base, limit: '0' }, 'limit'],
      [{ ...base, limit: '99999999' }, 'limit'],
      [{ ...base, compare: 'lastweek' }, 'compare'],
      [{ ...base, format: 'pdf' }, 'format'],
      [{ ...base, lang: 'fr' }, 'lang'],
      [{ ...base, org: '999999' }, 'org'],
      // A county-level indicator below a county: Arrow cannot say why (JSON answers notApplicable).
      [{ ...base, indicator: 'ems_calls', org: '652327100', format: 'arrow' }, 'org'],
      [{ ...base, sql: 'SELECT 1' }, 'sql'],
      [{ from: base.from, to: base.to }, 'indicator'],
      [{ indicator: base.indicator, to: base.to }, 'from']
    ];
    for (const [params, parameter] of cases) await expectError(url(params), 400, parameter);
    await expectError(`${Q}&grain=year&grain=month`, 400, 'grain');
  });

  it('refuses hostile text in every parameter with a 400, never a 500', async () => {
    const hostile = [
      `x'; DROP TABLE core.dim_org_unit; --`,
      `" OR 1=1 --`,
      '昌吉回族自治州\u0000\u202e',
      'a'.repeat(100_000),
      '../../etc/passwd',
      '%00',
      '1;SELECT 1',
      '🙂'
    ];
    const names = ['indicator', 'from', 'to', 'grain', 'org', 'by', 'compare', 'top', 'limit', 'format', 'lang'];
    for (const value of hostile) {
      for (const name of names) {
        const params = { ...base, [name]: value };
        const res = await api.get(url(params));
        expect([400, 403], `${name}=${value.slice(0, 20)}`).toContain(res.status);
        const body = await res.json();
        expect(body.parameter).toBe(name);
        expect(body.message.length).toBeLessThan(400);
      }
      const res = await api.get(`${url(base)}&${encodeURIComponent(value)}=1`);
      expect(res.status).toBe(400);
    }
  });

  it('answers 404 for unknown endpoints and 405 for other methods', async () => {
    await expectError('/api/nothing-here', 404);
    const res = await api.get('/api/query', { method: 'POST' });
    expect(res.status).toBe(405);
    expect((await res.json()).error).toBe('method_not_allowed');
  });

  it('answers 503 with how to build a warehouse when there is none', async () => {
    const dir = tempDir('empty');
    const warehouse = new Warehouse(join(dir, 'warehouse.duckdb'));
    const app = createApi({ warehouse });
    const get = (u: string) => Promise.resolve(app.fetch(new Request(`http://localhost${u}`), { caller: OFFICIAL, address: '127.0.0.1' }));
    try {
      for (const u of [Q, '/api/org-units', '/api/runs']) {
        const res = await get(u);
        expect(res.status).toBe(503);
        const body = await res.json();
        expect(body.error).toBe('no_warehouse');
        expect(body.message).toContain('npm run pipeline');
      }
      expect(await (await get('/api/health')).json()).toEqual({
        status: 'no-warehouse',
        dataVersion: null,
        lastRun: null,
        dataFrom: null,
        freshness: null
      });
      const catalogue = await (await get('/api/indicators')).json();
      expect(catalogue.dataVersion).toBeNull();
      expect(catalogue.indicators.length).toBeGreaterThanOrEqual(40);
    } finally {
      warehouse.close();
      removeDir(dir);
    }
  });
});

it('serves repeated queries from the cache with the same bytes', async () => {
  const first = await api.get(`${Q}&by=county&format=arrow`);
  const second = await api.get(`${Q}&by=county&format=arrow`);
  expect(Buffer.from(await second.arrayBuffer())).toEqual(Buffer.from(await first.arrayBuffer()));
  expect(await rows(api, 'indicator=referral_success_rate&from=2025-01-01&to=2025-12-31&grain=all')).toEqual([
    { period: '2025-01-01', numerator: 8, denominator: 10, value: 0.8 }
  ]);
});
