// The built server (adapter-node) over the fixture warehouse: the hook's redirect to /login, the
// security headers on pages and on /api, the page CSP (a nonce, no 'unsafe-inline' script),
// sign-in through the real endpoint, CSRF, no internals in errors; then Chromium opens the
// dashboard and the access pages signed in and must log no error (a CSP violation is one).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuild, startApp, type AppServer } from '../../browser/app-server';
import { chartsSettled, CHROMIUM, collectErrors, launch } from '../../browser/browser';
import { removeDir, tempDir } from '../../helpers/landing';
import { addAccount, signIn, type Session } from '../../helpers/session';
import { buildFixtureWarehouse } from '../metrics/fixture';

const PASSWORD = 'server-test-password-2026';
/** Screenshots of the access pages (git-ignored), for a look at what the test saw. */
const SHOTS = resolve(import.meta.dirname, '../../../test-results/access');
let dir = '';
let app: AppServer;
let admin: Session;

beforeAll(async () => {
  ensureBuild();
  dir = tempDir('server');
  const data = join(dir, 'data');
  mkdirSync(data);
  await buildFixtureWarehouse(data);
  await addAccount(data, 'admin', 'admin', '652300', PASSWORD);
  await addAccount(data, 'county', 'county', '652327', PASSWORD);
  app = await startApp(data);
  admin = await signIn(app.url, 'admin', PASSWORD);
}, 600_000);

afterAll(async () => {
  await app?.stop();
  if (dir) removeDir(dir);
});

const get = (path: string, session?: Session) =>
  fetch(app.url + path, { redirect: 'manual', headers: session ? { cookie: session.cookie } : {} });

function expectSecurityHeaders(res: Response): void {
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
}

describe('signed out', () => {
  it('sends pages to /login with the way back, and answers the API with 401', async () => {
    const page = await get('/referral?org=652301');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/login?next=%2Freferral%3Forg%3D652301');
    expectSecurityHeaders(page);
    const api = await get('/api/query?indicator=settlement_count&from=2025-01-01&to=2025-02-28');
    expect(api.status).toBe(401);
    expectSecurityHeaders(api);
    expect((await get('/api/health')).status).toBe(200);
  });

  it('serves the sign-in page under a nonce CSP without unsafe-inline scripts', async () => {
    const res = await get('/login');
    expect(res.status).toBe(200);
    expectSecurityHeaders(res);
    const csp = res.headers.get('content-security-policy')!;
    const scriptSrc = csp
      .split(';')
      .map((d) => d.trim())
      .find((d) => d.startsWith('script-src'))!;
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain('unsafe-inline');
    const nonce = /'nonce-([^']+)'/.exec(scriptSrc)![1];
    const html = await res.text();
    const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>/g)];
    expect(inline.length).toBeGreaterThan(0);
    for (const [, attributes] of inline) expect(attributes).toContain(`nonce="${nonce}"`);
  });

  it('refuses a sign-in posted from another site', async () => {
    const res = await fetch(`${app.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD })
    });
    expect(res.status).toBe(403);
  });
});

describe('signed in', () => {
  it("serves pages and data to the session, with the API's own strict policy", async () => {
    const page = await get('/', admin);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('admin');
    const res = await get('/api/query?indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all&format=csv', admin);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expectSecurityHeaders(res);
  });

  it('keeps internals out of errors', async () => {
    const api = await get('/api/no-such-endpoint', admin);
    expect(api.status).toBe(404);
    const page = await get('/no-such-page', admin);
    expect(page.status).toBe(404);
    const text = await page.text();
    expect(text).not.toMatch(/at .*\.js:\d+|node_modules|SELECT /);
  });

  it('lets only admins open the admin page, and signs out', async () => {
    const county = await signIn(app.url, 'county', PASSWORD);
    expect((await get('/admin', county)).status).toBe(403);
    expect((await get('/admin', admin)).status).toBe(200);
    const out = await fetch(`${app.url}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie: county.cookie, origin: app.url, 'content-type': 'application/json' },
      body: '{}'
    });
    expect(out.status).toBe(200);
    expect((await get('/', county)).status).toBe(303);
  });
});

describe.skipIf(!existsSync(CHROMIUM))('in Chromium', () => {
  it('draws the dashboard and the access pages with no console error', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const browser = await launch();
    try {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([admin.playwright]);
      for (const path of ['/', '/report?month=2025-01', '/account', '/admin']) {
        const page = await context.newPage();
        const errors = collectErrors(page);
        await page.goto(app.url + path);
        await chartsSettled(page);
        if (path.startsWith('/report')) await page.getByRole('cell', { name: '医保结算人次' }).waitFor();
        if (path === '/admin') await page.getByRole('cell', { name: 'county', exact: true }).waitFor();
        expect(errors, path).toEqual([]);
        await page.screenshot({ path: join(SHOTS, `${path.slice(1).replace(/\?.*/, '') || 'overview'}.png`), fullPage: true });
        await page.close();
      }
    } finally {
      await browser.close();
    }
  });
});
