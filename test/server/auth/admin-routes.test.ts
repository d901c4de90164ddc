// The /api/admin routes through the whole /api app, with the caller bound as the SvelteKit route binds it.
import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Caller } from '../../../src/lib/contract/contract';
import { listAudit, recordAudit } from '../../../src/lib/server/audit/audit-log';
import { login } from '../../../src/lib/server/auth/login';
import { listUsers } from '../../../src/lib/server/auth/users';
import { accessApi, MINUTE, testDeps } from './fixtures';

const ORIGIN = 'http://127.0.0.1:3000';
const ADMIN: Caller = { role: 'admin', scopeOrg: '652300', username: 'root' };

async function setup(warehousePath?: string) {
  const deps = testDeps();
  const app = await accessApi(deps, warehousePath);
  const call = (caller: Caller | null, method: string, path: string, body?: unknown) =>
    app.request(
      `${ORIGIN}/api/admin${path}`,
      {
        method,
        headers: body === undefined ? { origin: ORIGIN } : { origin: ORIGIN, 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      },
      { caller, address: '10.0.0.9' }
    );
  return { deps, app, call };
}

describe('/api/admin', () => {
  it('is for admins only: 401 signed out, 403 for other roles, audited as denied', async () => {
    const { deps, call } = await setup();
    expect((await call(null, 'GET', '/users')).status).toBe(401);
    for (const role of ['official', 'county', 'manager', 'analyst'] as const) {
      expect((await call({ role, scopeOrg: '652300', username: role }, 'GET', '/audit')).status).toBe(403);
    }
    const denied = listAudit(deps.db, { action: 'denied' }).rows;
    expect(denied).toHaveLength(4);
    expect(denied.at(-1)).toMatchObject({
      username: 'official',
      role: 'official',
      address: '10.0.0.9',
      detail: { reason: 'not_admin', path: '/api/admin/audit' }
    });
  });

  it('creates a user with a generated password that signs in, and lists users without hashes', async () => {
    const { deps, call } = await setup();
    const res = await call(ADMIN, 'POST', '/users', { username: 'Zhang.Wei', role: 'manager', scopeOrg: 'JG6523010004' });
    expect(res.status).toBe(201);
    const { user, password } = (await res.json()) as { user: { username: string }; password: string };
    expect(user.username).toBe('zhang.wei');
    expect((await login(deps, 'zhang.wei', password, '10.0.0.1')).ok).toBe(true);
    const list = await (await call(ADMIN, 'GET', '/users')).text();
    expect(list).toContain('zhang.wei');
    expect(list).not.toContain('argon2');
    expect(listAudit(deps.db, { action: 'user_admin' }).rows[0]).toMatchObject({
      username: 'root',
      role: 'admin',
      detail: { op: 'add', target: 'zhang.wei' }
    });
  });

  it('refuses a bad scope or weak password with 400 and a reason', async () => {
    const { call } = await setup();
    const bad = await call(ADMIN, 'POST', '/users', { username: 'li.na', role: 'county', scopeOrg: '652300' });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ message: expect.stringContaining('county code') });
    expect((await call(ADMIN, 'POST', '/users', { username: 'li.na', role: 'county', scopeOrg: '652301', password: 'short' })).status).toBe(
      400
    );
    expect((await call(ADMIN, 'POST', '/users', { username: 'li.na', role: 'root' })).status).toBe(400);
  });

  it('checks a new account against the served warehouse: an org unit outside it is a 400, no warehouse a 503 that adds nobody', async () => {
    const { call } = await setup();
    const outside = await call(ADMIN, 'POST', '/users', { username: 'li.na', role: 'county', scopeOrg: '659001' });
    expect(outside.status).toBe(400);
    expect(await outside.json()).toMatchObject({ message: expect.stringContaining('659001 is not in the org tree') });
    const bare = await setup(join(tmpdir(), 'hci-no-warehouse', 'warehouse.duckdb'));
    const res = await bare.call(ADMIN, 'POST', '/users', {
      username: 'li.na',
      role: 'county',
      scopeOrg: '652301',
      password: 'a long password'
    });
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ message: expect.stringContaining('No warehouse has been built yet') });
    expect(listUsers(bare.deps.db)).toEqual([]);
  });

  it('disables, enables and resets a password', async () => {
    const { deps, call } = await setup();
    await call(ADMIN, 'POST', '/users', { username: 'li.na', role: 'county', scopeOrg: '652301', password: 'first long password' });
    expect((await call(ADMIN, 'POST', '/users/li.na/disable')).status).toBe(200);
    expect(await login(deps, 'li.na', 'first long password', '10.0.0.1')).toMatchObject({ ok: false, status: 403 });
    expect((await call(ADMIN, 'POST', '/users/li.na/enable')).status).toBe(200);
    const reset = (await (await call(ADMIN, 'POST', '/users/li.na/password', {})).json()) as { password: string };
    deps.clock.advance(MINUTE);
    expect((await login(deps, 'li.na', reset.password, '10.0.0.1')).ok).toBe(true);
    expect((await call(ADMIN, 'POST', '/users/nobody/disable')).status).toBe(400);
  });

  it("leaves an admin's own account alone: no disabling it, no password reset without the current one", async () => {
    const { deps, call } = await setup();
    await call(ADMIN, 'POST', '/users', { username: 'root', role: 'admin', password: 'tall quiet harbour lights' });
    const disable = await call(ADMIN, 'POST', '/users/ROOT/disable');
    expect(disable.status).toBe(400);
    expect(await disable.json()).toMatchObject({ error: 'bad_request', message: 'You cannot disable your own account here' });
    expect((await call(ADMIN, 'POST', '/users/root/password', { password: 'another long password' })).status).toBe(400);
    deps.clock.advance(MINUTE);
    expect((await login(deps, 'root', 'tall quiet harbour lights', '10.0.0.1')).ok).toBe(true);
  });

  it('browses the audit log with filters and pages', async () => {
    const { deps, call } = await setup();
    for (let i = 0; i < 7; i++) {
      recordAudit(
        deps.db,
        {
          username: 'ana',
          role: 'analyst',
          action: 'export',
          detail: { indicator: 'face_scan_share', format: i % 2 ? 'csv' : 'xlsx' },
          rows: 100 + i
        },
        deps.clock
      );
      deps.clock.advance(MINUTE);
    }
    const page = (await (await call(ADMIN, 'GET', '/audit?action=export&text=xlsx&pageSize=2&page=2')).json()) as {
      total: number;
      rows: { rows: number }[];
    };
    expect(page.total).toBe(4);
    expect(page.rows.map((r) => r.rows)).toEqual([102, 100]);
    const day = new Date(deps.clock()).toISOString().slice(0, 10);
    expect((await call(ADMIN, 'GET', `/audit?from=${day}`)).status).toBe(200);
    expect((await call(ADMIN, 'GET', '/audit?action=drop_table')).status).toBe(400);
    expect((await call(ADMIN, 'GET', '/audit?from=yesterday')).status).toBe(400);
  });

  it('refuses cross-site writes', async () => {
    const { deps, app } = await setup();
    const res = await app.request(
      `${ORIGIN}/api/admin/users`,
      {
        method: 'POST',
        headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'eve', role: 'admin', password: 'long enough password' })
      },
      { caller: ADMIN, address: '10.0.0.66' }
    );
    expect(res.status).toBe(403);
    expect(listAudit(deps.db, { action: 'denied' }).rows).toMatchObject([
      { username: 'root', address: '10.0.0.66', detail: { reason: 'csrf' } }
    ]);
    expect(listAudit(deps.db, { action: 'user_admin' }).total).toBe(0);
  });
});
