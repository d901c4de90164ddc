// GET /api/query/batch over the fixture warehouse: each query answered exactly as GET /api/query
// answers it (same bytes, same refusals, same scope and audit), the batch itself refused only
// when it is malformed as a whole.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BATCH_ITEM_LIMIT, MAX_BATCH } from '../../../src/lib/contract/contract';
import { etag } from '../../../src/lib/server/api/app';
import { listAudit } from '../../../src/lib/server/audit/audit-log';
import { FIXTURE_VERSION } from '../metrics/fixture';
import { apiFixture, COUNTY, MANAGER, OFFICIAL, type ApiFixture } from './helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const batchUrl = (items: readonly string[]) => `/api/query/batch?${items.map((q) => `q=${encodeURIComponent(q)}`).join('&')}`;
const Y2025 = 'from=2025-01-01&to=2025-12-31';
const QUERIES = [
  `indicator=referral_success_rate&${Y2025}&grain=all`,
  `indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=month&by=county,channel&compare=yoy`,
  `indicator=face_scan_share&from=2025-01-01&to=2025-02-28&grain=all&by=institution&top=1&compare=previous`,
  `indicator=referral_time_to_admission&${Y2025}&grain=all&by=duration_bucket`,
  `indicator=face_scan_coverage&from=2025-01-01&to=2025-02-28&grain=month`
];

describe('GET /api/query/batch', () => {
  it("answers every query as GET /api/query does (with the batch's row limit), byte for byte, in order", async () => {
    const res = await api.get(batchUrl(QUERIES));
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(etag(FIXTURE_VERSION, OFFICIAL));
    const text = await res.text();
    const body = JSON.parse(text);
    expect(body.dataVersion).toBe(FIXTURE_VERSION);
    expect(body.results.map((r: { status: number }) => r.status)).toEqual(QUERIES.map(() => 200));
    for (const [i, q] of QUERIES.entries()) {
      const single = await (await api.get(`/api/query?${q}&limit=${BATCH_ITEM_LIMIT}`)).text();
      expect(JSON.stringify(body.results[i].body), q).toBe(single);
    }
  });

  it('answers each malformed query with its own 400, naming the parameter, and the others still', async () => {
    const bad: [string, string][] = [
      ['indicator=no_such&from=2025-01-01&to=2025-12-31', 'indicator'],
      ['indicator=referral_success_rate&from=2025-02-30&to=2025-12-31', 'from'],
      ['indicator=referral_success_rate&to=2025-12-31', 'from'],
      [`indicator=referral_success_rate&${Y2025}&sql=SELECT%201`, 'sql'],
      [`indicator=referral_success_rate&${Y2025}&grain=year&grain=month`, 'grain'],
      [`indicator=referral_success_rate&${Y2025}&by=ems_category`, 'by'],
      [`indicator=referral_success_rate&${Y2025}&format=csv`, 'format'],
      [`indicator=referral_success_rate&${Y2025}&download=1`, 'download'],
      // A batch is answered whole in memory: 64 items of at most BATCH_ITEM_LIMIT rows each.
      [`indicator=referral_success_rate&${Y2025}&limit=${BATCH_ITEM_LIMIT + 1}`, 'limit'],
      [`indicator=referral_success_rate&${Y2025}&org=x'%3B%20DROP%20TABLE%20core.dim_org_unit%3B--`, 'org']
    ];
    const body = await api.json(batchUrl([QUERIES[0], ...bad.map(([q]) => q)]));
    expect(body.results[0].status).toBe(200);
    for (const [i, [q, parameter]] of bad.entries()) {
      const result = body.results[i + 1];
      expect(result.status, q).toBe(400);
      expect(result.body).toMatchObject({ error: 'bad_parameter', parameter });
      if (parameter !== 'format' && parameter !== 'download' && parameter !== 'limit') {
        // The same refusal GET /api/query gives.
        expect(result.body, q).toEqual(await (await api.get(`/api/query?${q}`)).json());
      }
    }
  });

  it("refuses a query outside the caller's scope with its own 403, audited, and answers the rest", async () => {
    const since = listAudit(api.db, {}, { page: 1, pageSize: 1 }).rows[0]?.id ?? 0;
    const outside = 'indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all&org=652301';
    const inside = 'indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all';
    const countyResponse = await api.get(batchUrl([outside, inside]), { caller: COUNTY });
    const county = await countyResponse.json();
    // Asked again with its ETag: unchanged (304), but the refusal is still decided and audited.
    const again = await api.get(batchUrl([outside, inside]), {
      caller: COUNTY,
      headers: { 'if-none-match': countyResponse.headers.get('etag')! }
    });
    expect(again.status).toBe(304);
    expect(county.results[0]).toEqual({ status: 403, body: await (await api.get(`/api/query?${outside}`, { caller: COUNTY })).json() });
    expect(county.results[1]).toMatchObject({ status: 200, body: { rows: [{ value: 10 }] } });
    // A manager may benchmark against the prefecture, but not break it down by org units.
    const manager = await api.json(batchUrl([`${inside}&org=652300`, `${inside}&org=652300&by=county`]), MANAGER);
    expect(manager.results.map((r: { status: number }) => r.status)).toEqual([200, 403]);
    const denied = listAudit(api.db, { action: 'denied' }, { page: 1, pageSize: 50 })
      .rows.filter((r) => r.id > since)
      .reverse();
    expect(denied.map((r) => [r.username, r.detail.reason, (r.detail.filters as Record<string, string>).org])).toEqual([
      ['county', 'scope', '652301'],
      ['county', 'scope', '652301'],
      ['county', 'scope', '652301'],
      ['manager', 'scope', '652300']
    ]);
  });

  it('refuses a malformed batch as a whole', async () => {
    const status = async (url: string, caller = OFFICIAL) => {
      const res = await api.get(url, { caller });
      return [res.status, res.status === 200 ? null : (await res.json()).parameter];
    };
    expect(await status('/api/query/batch')).toEqual([400, 'q']);
    expect(await status('/api/query/batch?q=')).toEqual([400, 'q']);
    expect(await status(`${batchUrl([QUERIES[0]])}&indicator=settlement_count`)).toEqual([400, 'indicator']);
    expect(await status(batchUrl(new Array(MAX_BATCH + 1).fill(QUERIES[0])))).toEqual([400, 'q']);
    expect(await status(batchUrl(new Array(MAX_BATCH).fill(QUERIES[0])))).toEqual([200, null]);
    expect((await api.get(batchUrl([QUERIES[0]]), { caller: null })).status).toBe(401);
    expect((await api.get(batchUrl([QUERIES[0]]), { method: 'POST' })).status).toBe(405);
    expect(Object.keys((await api.json('/api/openapi.json')).paths)).toContain('/api/query/batch');
  });

  it('answers 304 to the current data version and compresses when asked', async () => {
    const url = batchUrl(QUERIES);
    expect((await api.get(url, { headers: { 'if-none-match': etag(FIXTURE_VERSION, OFFICIAL) } })).status).toBe(304);
    expect((await api.get(url, { caller: COUNTY, headers: { 'if-none-match': etag(FIXTURE_VERSION, OFFICIAL) } })).status).toBe(200);
    const zipped = await api.get(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    const plain = await (await api.get(url)).text();
    expect(gunzipSync(Buffer.from(await zipped.arrayBuffer())).toString()).toBe(plain);
  });
});
