// The /api/auth routes through the whole /api app, with the bindings the SvelteKit route gives
// it: the session cookie validated as the sign-in hook validates it.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/lib/server/audit/audit-log';
import { SESSION_COOKIE } from '../../../src/lib/server/auth/cookies';
import { callerForUser } from '../../../src/lib/server/auth/roles';
import { validateSession } from '../../../src/lib/server/auth/sessions';
import { accessApi, addUser, MINUTE, PASSWORD, testDeps, type Bindings } from './fixtures';

const ORIGIN = 'http://127.0.0.1:3000';

async function setup() {
  const deps = testDeps();
  await addUser(deps, 'alice');
  const app = await accessApi(deps);
  // What the sign-in hook does with the cookie before the API sees the request.
  const bindings = (cookie: string | undefined, address: string): Bindings => {
    const token = cookie && new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
    const session = validateSession(deps.db, token ?? undefined, deps.clock, deps.sessions);
    return { caller: session ? callerForUser(session.user) : null, session, address };
  };
  const call = (path: string, init: RequestInit & { cookie?: string } = {}, address = '10.0.0.1') => {
    const headers = new Headers(init.headers);
    if (init.cookie) headers.set('cookie', init.cookie);
    return app.request(`${ORIGIN}/api/auth${path}`, { ...init, headers }, bindings(init.cookie, address));
  };
  const post = (path: string, body: unknown, extra: { cookie?: string; origin?: string } = {}, address?: string) =>
    call(
      path,
      {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', origin: extra.origin ?? ORIGIN },
        cookie: extra.cookie
      },
      address
    );
  return { deps, app, call, post };
}

function sessionCookie(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  const match = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(header);
  if (!match) throw new Error(`no session cookie in ${header}`);
  return `${SESSION_COOKIE}=${match[1]}`;
}

describe('/api/auth', () => {
  it('signs in: sets an HttpOnly SameSite=Lax cookie on /, and /me answers with the user', async () => {
    const { call, post } = await setup();
    const res = await post('/login', { username: 'alice', password: PASSWORD });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ user: { username: 'alice', role: 'county', scopeOrg: '652301' } });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/);
    const me = await call('/me', { cookie: sessionCookie(res) });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'alice' } });
  });

  it('marks the cookie Secure when the request came over HTTPS', async () => {
    const { app } = await setup();
    const res = await app.request(
      'https://hci.example.cn/api/auth/login',
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: 'https://hci.example.cn' },
        body: JSON.stringify({ username: 'alice', password: PASSWORD })
      },
      { caller: null, address: '10.0.0.1' }
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('answers 401 for a wrong password, 429 to a hurried retry, 423 once locked', async () => {
    const { deps, post } = await setup();
    const wrong = await post('/login', { username: 'alice', password: 'nope nope nope' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    expect(await wrong.json()).toMatchObject({ error: 'invalid_credentials' });
    const hurried = await post('/login', { username: 'alice', password: PASSWORD });
    expect(hurried.status).toBe(429);
    expect(hurried.headers.get('retry-after')).toBe('1');
    for (let i = 0; i < 4; i++) {
      deps.clock.advance(MINUTE);
      await post('/login', { username: 'alice', password: 'nope nope nope' });
    }
    deps.clock.advance(MINUTE);
    const locked = await post('/login', { username: 'alice', password: PASSWORD });
    expect(locked.status).toBe(423);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(600);
  });

  it('signs out: the cookie is cleared, the token stops working, and it is audited', async () => {
    const { deps, call, post } = await setup();
    const cookie = sessionCookie(await post('/login', { username: 'alice', password: PASSWORD }));
    const out = await post('/logout', {}, { cookie });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`));
    expect((await call('/me', { cookie })).status).toBe(401);
    expect(listAudit(deps.db).rows.map((r) => r.action)).toEqual(['logout', 'login']);
  });

  it('changes the password of the signed-in user only', async () => {
    const { call, post } = await setup();
    expect((await post('/password', { currentPassword: PASSWORD, newPassword: 'another long one' })).status).toBe(401);
    const cookie = sessionCookie(await post('/login', { username: 'alice', password: PASSWORD }));
    const res = await post('/password', { currentPassword: PASSWORD, newPassword: 'another long one' }, { cookie });
    expect(res.status).toBe(200);
    expect((await call('/me', { cookie })).status).toBe(200);
  });

  it('refuses cross-site posts with 403 and audits them as denied', async () => {
    const { deps, post } = await setup();
    const res = await post('/login', { username: 'alice', password: PASSWORD }, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(listAudit(deps.db, { action: 'denied' }).rows[0]).toMatchObject({
      address: '10.0.0.1',
      detail: { reason: 'csrf', path: '/api/auth/login' }
    });
  });

  it('refuses bodies that are not the documented JSON', async () => {
    const { call, post } = await setup();
    const form = await call('/login', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: 'username=alice&password=x'
    });
    expect(form.status).toBe(400);
    expect((await post('/login', { username: 'alice' })).status).toBe(400);
    expect((await call('/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' })).status).toBe(400);
  });
});
