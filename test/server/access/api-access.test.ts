// Sign-in, CSRF and the audit trail through the whole /api app (auth and admin routes mounted as
// the server mounts them): signed-out requests get 401, forged posts 403, and every sign-in,
// failure, export and refusal is an audit row with who, what, rows and the client address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit, type AuditRecord } from '../../../src/lib/server/audit/audit-log';
import { SESSION_COOKIE } from '../../../src/lib/server/auth/cookies';
import { callerForUser } from '../../../src/lib/server/auth/roles';
import { sessionPolicy, validateSession } from '../../../src/lib/server/auth/sessions';
import { createUser } from '../../../src/lib/server/auth/users';
import type { Caller } from '../../../src/lib/contract/contract';
import { ADMIN, ANALYST, apiFixture, COUNTY, MANAGER, OFFICIAL, type ApiFixture } from '../api/helpers';

const ORIGIN = 'http://localhost';
const ADDRESS = '203.0.113.7';
const PASSWORD = 'a long enough password';
const Q = '/api/query?indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
  await createUser(
    api.db,
    { username: 'wang.fang', role: 'county', scopeOrg: '652327', password: PASSWORD },
    (await api.warehouse.snapshot()).org,
    Date.now
  );
});
afterAll(() => api.close());

const post = (path: string, body: unknown, headers: Record<string, string> = { origin: ORIGIN }, caller: Caller | null = ADMIN) =>
  api.get(path, { method: 'POST', caller, body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...headers } });

/** Audit rows written since `since` (an id), oldest first. */
function auditSince(since: number): AuditRecord[] {
  return listAudit(api.db, {}, { page: 1, pageSize: 500 })
    .rows.filter((r) => r.id > since)
    .reverse();
}
const lastId = () => listAudit(api.db, {}, { page: 1, pageSize: 1 }).rows[0]?.id ?? 0;

describe('signed out', () => {
  it('answers 401 on every data and admin endpoint, and serves health and the API description', async () => {
    for (const path of [
      Q,
      '/api/org-units',
      '/api/indicators',
      '/api/runs',
      '/api/report?month=2025-02',
      '/api/admin/users',
      '/api/admin/audit',
      '/api/auth/me'
    ]) {
      const res = await api.get(path, { caller: null });
      expect(res.status, path).toBe(401);
      expect((await res.json()).error, path).toBe('unauthenticated');
    }
    expect((await api.get('/api/health', { caller: null })).status).toBe(200);
    expect((await api.get('/api/openapi.json', { caller: null })).status).toBe(200);
  });
});

describe('signing in through /api/auth', () => {
  it('sets the session cookie, whose session is the county user, and audits success and failure', async () => {
    const since = lastId();
    // Success first: a failure makes the next try for the account wait a second.
    const ok = await post('/api/auth/login', { username: 'wang.fang', password: PASSWORD }, { origin: ORIGIN }, null);
    expect(ok.status).toBe(200);
    const wrong = await post('/api/auth/login', { username: 'wang.fang', password: 'not the password' }, { origin: ORIGIN }, null);
    expect(wrong.status).toBe(401);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/i);
    const token = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)![1];

    // What the SvelteKit hook does with the cookie: the session's user becomes the caller.
    const session = validateSession(api.db, token, Date.now, sessionPolicy({}))!;
    const caller = callerForUser(session.user);
    expect(caller).toEqual({ role: 'county', scopeOrg: '652327', username: 'wang.fang' });
    expect((await api.json(Q, caller)).rows[0].numerator).toBe(10);

    const rows = auditSince(since).filter((r) => r.action === 'login' || r.action === 'login_failed');
    expect(rows.map((r) => [r.action, r.username, r.role, r.address])).toEqual([
      ['login', 'wang.fang', 'county', ADDRESS],
      ['login_failed', 'wang.fang', 'county', ADDRESS]
    ]);
    expect(rows.find((r) => r.action === 'login_failed')!.detail).toMatchObject({ reason: 'wrong_password' });
  });
});

describe('CSRF', () => {
  it('refuses a post from another origin, or marked cross-site, and audits it', async () => {
    const since = lastId();
    const forged: Record<string, string>[] = [
      { origin: 'https://evil.example' },
      { referer: 'https://evil.example/page' },
      { origin: ORIGIN, 'sec-fetch-site': 'cross-site' }
    ];
    for (const headers of forged) {
      const login = await post('/api/auth/login', { username: 'wang.fang', password: PASSWORD }, headers, null);
      expect(login.status, JSON.stringify(headers)).toBe(403);
      expect((await login.json()).error).toBe('csrf');
      const add = await post('/api/admin/users', { username: 'mallory', role: 'official' }, headers);
      expect(add.status).toBe(403);
    }
    expect((await api.json('/api/admin/users', ADMIN)).users.map((u: { username: string }) => u.username)).not.toContain('mallory');
    const denied = auditSince(since).filter((r) => r.action === 'denied');
    expect(denied).toHaveLength(6);
    for (const row of denied) {
      expect(row.detail).toMatchObject({ reason: 'csrf', method: 'POST' });
      expect(row.address).toBe(ADDRESS);
    }
    expect(denied.filter((r) => r.username === 'admin')).toHaveLength(3);
  });

  it('lets a same-origin post through', async () => {
    const res = await post('/api/admin/users', { username: 'li.na', role: 'analyst' });
    expect(res.status).toBe(201);
    expect((await res.json()).password).toMatch(/.{10,}/);
  });
});

describe('audit of exports and refusals', () => {
  it('writes an export row with indicator, filters, format, rows and address for each download', async () => {
    const since = lastId();
    // A download streams; it is audited once its last row has been read.
    const read = async (res: Response) => {
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    };
    for (const format of ['csv', 'xlsx', 'parquet'] as const)
      await read(await api.get(`${Q}&by=institution&format=${format}`, { caller: ANALYST }));
    await read(await api.get(`${Q}&by=county&format=arrow&download=1`, { caller: ADMIN }));
    // The dashboard's own JSON and Arrow are not downloads, and not audited.
    expect((await api.get(`${Q}&format=arrow`, { caller: COUNTY })).status).toBe(200);
    expect((await api.get(Q, { caller: OFFICIAL })).status).toBe(200);
    const rows = auditSince(since);
    expect(rows.map((r) => [r.action, r.username, r.role, r.detail.format, r.rows, r.address])).toEqual([
      ['export', 'analyst', 'analyst', 'csv', 4, ADDRESS],
      ['export', 'analyst', 'analyst', 'xlsx', 4, ADDRESS],
      ['export', 'analyst', 'analyst', 'parquet', 4, ADDRESS],
      ['export', 'admin', 'admin', 'arrow', 2, ADDRESS]
    ]);
    expect(rows[0].detail).toMatchObject({
      indicator: 'settlement_count',
      filters: { org: '652300', from: '2025-01-01', to: '2025-02-28', grain: 'all', by: ['institution'] }
    });
  });

  it('writes a denied row for each request outside scope or a download the role may not take', async () => {
    const since = lastId();
    expect((await api.get(`${Q}&org=652301`, { caller: COUNTY })).status).toBe(403);
    expect((await api.get(`${Q}&org=652300&by=county`, { caller: MANAGER })).status).toBe(403);
    expect((await api.get(`${Q}&format=xlsx`, { caller: OFFICIAL })).status).toBe(403);
    expect((await api.get(`/api/report?month=2025-02&org=652301`, { caller: COUNTY })).status).toBe(403);
    expect((await api.get('/api/admin/audit', { caller: ANALYST })).status).toBe(403);
    const rows = auditSince(since);
    expect(rows.map((r) => [r.action, r.username, r.detail.reason])).toEqual([
      ['denied', 'county', 'scope'],
      ['denied', 'manager', 'scope'],
      ['denied', 'official', 'export'],
      ['denied', 'county', 'scope'],
      ['denied', 'analyst', 'not_admin']
    ]);
    expect(rows[0].detail).toMatchObject({ indicator: 'settlement_count', filters: { org: '652301', from: '2025-01-01' } });
    expect(rows[1].detail).toMatchObject({ filters: { org: '652300', by: 'county' } });
    expect(rows[2].detail).toMatchObject({ format: 'xlsx' });
    expect(rows[3].detail).toMatchObject({ path: '/api/report', filters: { org: '652301', month: '2025-02' } });
    for (const row of rows) expect(row.address).toBe(ADDRESS);
  });

  it('audits the monthly report PDF as an export, and lets admins browse the log by action', async () => {
    const since = lastId();
    expect((await api.get('/api/report?month=2025-02', { caller: MANAGER })).status).toBe(200);
    expect((await api.get('/api/report?month=2025-02&format=json', { caller: MANAGER })).status).toBe(200);
    const [row, ...rest] = auditSince(since);
    expect(rest).toEqual([]);
    expect(row).toMatchObject({
      action: 'export',
      username: 'manager',
      detail: { indicator: 'monthly_report', format: 'pdf', filters: { org: 'JG6523010007', month: '2025-02' } }
    });
    expect(row.rows).toBeGreaterThan(0);
    const page = await api.json('/api/admin/audit?action=export&username=manager', ADMIN);
    expect(page.rows[0]).toMatchObject({ id: row.id, action: 'export' });
  });
});
