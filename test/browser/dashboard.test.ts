// The dashboard in a real browser: the built app on a free port over a small warehouse built
// by the real simulator and pipeline, driven by Debian's Chromium. Every wait is on a
// readiness signal (data-chart-ready, the URL, visible text), never a fixed sleep.
// Screenshots of every page land in test-results/browser/ (git-ignored).
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, ensureBuild, removeData, startApp, TEST_PASSWORD, type AppServer } from './app-server';
import { signIn as signInSession, type Session } from '../helpers/session';
import { barPoint, chartsSettled, chartStates, CHROMIUM, collectErrors, launch } from './browser';

const SHOTS = resolve(import.meta.dirname, '../../test-results/browser');
const PAGES = [
  { path: '/', name: 'overview', title: '总览', charts: 4 },
  { path: '/settlement', name: 'settlement', title: '医保结算', charts: 6 },
  { path: '/referral', name: 'referral', title: '双向转诊', charts: 6 },
  { path: '/recognition', name: 'recognition', title: '检查检验结果互认', charts: 6 },
  { path: '/reform', name: 'reform', title: '医改监测', charts: 4 },
  // On 本月 (the default) the family-doctor trend shows the months before December, whose
  // registers land in January (the tiles and the coverage by county read November's).
  { path: '/public-health', name: 'public-health', title: '基本公共卫生', charts: 5 },
  { path: '/assets', name: 'assets', title: '资产运营', charts: 4 },
  { path: '/indicators', name: 'indicators', title: '指标目录', charts: 0 },
  { path: '/runs', name: 'runs', title: '数据运行与质量', charts: 2 },
  { path: '/press', name: 'press', title: '宣传数据', charts: 0 }
];
// --chart-1 in app.css: the colour of a single-series bar.
const BAR: [number, number, number] = [0x2f, 0x6d, 0xb5];

const available = existsSync(CHROMIUM);
let dataDir = '';
let app: AppServer;
let browser: Browser;
/** Whether the API serves sign-in yet (it answers /api/auth/me with 401 when signed out). */
let signInServed = false;
/** An official signed in once in setup, so every test starts signed in. */
let official: Session | undefined;

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SHOTS, { recursive: true });
  ensureBuild();
  dataDir = await buildWarehouse();
  app = await startApp(join(dataDir, 'data'));
  browser = await launch();
  signInServed = (await fetch(`${app.url}/api/auth/me`)).status === 401;
  if (signInServed) official = await signInSession(app.url, 'official', TEST_PASSWORD);
}, 300_000);

// A failing test shows what the server printed (a crash, an unhandled error).
afterEach(({ task }) => {
  if (task.result?.state === 'fail' && app) console.error(`server output:\n${app.output().slice(-4000)}`);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dataDir) removeData(dataDir);
});

async function signedInContext(options: Parameters<Browser['newContext']>[0] = {}): Promise<BrowserContext> {
  const context = await browser.newContext(options);
  if (official) await context.addCookies([official.playwright]);
  return context;
}

async function open(
  path: string,
  options: { width?: number; lang?: 'zh' | 'en' } = {}
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await signedInContext({ viewport: { width: options.width ?? 1280, height: 900 }, locale: 'zh-CN' });
  if (options.lang) await context.addCookies([{ name: 'hci_lang', value: options.lang, url: app.url }]);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(app.url + path);
  await chartsSettled(page);
  return { context, page, errors };
}

/** Signs in; a throttled attempt (the server's wait after a failure) is retried once the page re-enables the button. */
async function signIn(page: Page, username: string, password: string): Promise<void> {
  await page.getByLabel(/用户名|Username/).fill(username);
  await page.getByLabel(/密码|Password/).fill(password);
  const submit = page.getByRole('button', { name: /^(登录|Sign in)$/ });
  for (let attempt = 0; attempt < 5 && new URL(page.url()).pathname === '/login'; attempt++) {
    await expect.poll(() => submit.isEnabled()).toBe(true);
    await submit.click();
    await Promise.race([page.waitForURL((u) => u.pathname !== '/login'), page.getByRole('alert').waitFor()]);
  }
  expect(new URL(page.url()).pathname).not.toBe('/login');
}

const kpiValue = (page: Page, id: string) => page.getAttribute(`[data-kpi="${id}"] [data-value]`, 'data-value');
const chartCard = (page: Page, title: string) => `section.card:has(h2:text-is("${title}"))`;

describe.skipIf(!available)('dashboard in Chromium', () => {
  it.each(PAGES)('$name renders its charts without errors', async ({ path, name, title, charts }) => {
    const { context, page, errors } = await open(path);
    await expect(page.locator('h1').first().textContent()).resolves.toBe(title);
    const states = await chartStates(page);
    expect(states.error ?? 0).toBe(0);
    expect(states.ready ?? 0).toBeGreaterThanOrEqual(charts);
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws a trend on 本月 over the months before it, and 本月 alone at the day grain', async () => {
    const { context, page, errors } = await open('/');
    const card = page.locator(chartCard(page, '医保结算人次'));
    // The tiny data set starts in September: the trend shows September to December.
    await expect(card.locator('.aside').textContent()).resolves.toBe('近4个月');
    await card.getByRole('button', { name: '以表格显示' }).click();
    const periods = await card.locator('tbody th[scope="row"]').allTextContents();
    expect(periods).toEqual(['2025年9月', '2025年10月', '2025年11月', '2025年12月']);
    await page.goto(`${app.url}/?grain=day`);
    await chartsSettled(page);
    await expect(card.locator('.aside').textContent()).resolves.toBe('日');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the catalogue and the press figures with live values', async () => {
    const { context, page, errors } = await open('/indicators?q=刷脸');
    expect(await page.locator('article.card').count()).toBeGreaterThanOrEqual(3);
    await page.goto(`${app.url}/press`);
    const computed = await page.locator('[data-figure="recognised"] td.computed').textContent();
    expect(computed).toMatch(/\d/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells a county account the press figures are prefecture-wide instead of comparing its county with them', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    await context.addCookies([(await signInSession(app.url, 'county', TEST_PASSWORD)).playwright]);
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${app.url}/press`);
    await expect(page.locator('p.scoped').textContent()).resolves.toContain('昌吉市');
    const cells = await page.locator('td.computed').allTextContents();
    expect(cells.length).toBeGreaterThan(5);
    expect(cells.map((t) => t.trim())).toEqual(cells.map(() => '—'));
    expect(await page.locator('.bad').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('draws the time to admission as a histogram and the face-scan coverage as a KPI', async () => {
    const { context, page, errors } = await open('/referral');
    const histogram = chartCard(page, '申请到入院时长分布');
    await page.locator(`${histogram} [data-chart-ready="true"]`).waitFor();
    expect(await barPoint(page, histogram, BAR)).not.toBeNull();
    await expect(page.locator(histogram).textContent()).resolves.toMatch(/中位数 \d/);
    await page.goto(`${app.url}/settlement`);
    await chartsSettled(page);
    const coverage = Number(await kpiValue(page, 'face_scan_coverage'));
    expect(coverage).toBeGreaterThan(0);
    expect(coverage).toBeLessThanOrEqual(1);
    await page.locator(`${chartCard(page, '刷脸结算机构覆盖率')} [data-chart-ready="true"]`).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes the figures when the period changes, and the back button restores them', async () => {
    const { context, page, errors } = await open('/');
    const month = await kpiValue(page, 'face_scan_settlements');
    expect(Number(month)).toBeGreaterThan(0);
    await page.getByLabel('时间', { exact: true }).selectOption('this_year');
    await page.waitForURL(/period=this_year/);
    await page.waitForFunction((before) => {
      const v = document.querySelector('[data-kpi="face_scan_settlements"] [data-value]')?.getAttribute('data-value');
      return v !== undefined && v !== null && v !== before;
    }, month);
    await chartsSettled(page);
    expect(Number(await kpiValue(page, 'face_scan_settlements'))).toBeGreaterThan(Number(month));
    expect(await page.getByLabel('粒度', { exact: true }).inputValue()).toBe('month');
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('period'));
    await chartsSettled(page);
    expect(await kpiValue(page, 'face_scan_settlements')).toBe(month);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a custom range being typed when the grain changes, and closes it for a preset', async () => {
    const { context, page, errors } = await open('/');
    await page.locator('#filter-period').selectOption('custom');
    await page.locator('#filter-from').fill('2025-03-01');
    await page.locator('#filter-grain').selectOption('quarter');
    await page.waitForURL(/grain=quarter/);
    expect(await page.locator('#filter-from').inputValue()).toBe('2025-03-01');
    // Back to the preset already shown (the default, this month): no navigation, but the form closes.
    await page.locator('#filter-period').selectOption('this_month');
    await page.locator('#filter-from').waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('drills into a county from a chart, climbs back by breadcrumb and back button', async () => {
    // Without a comparison: no legend, whose swatch has the bars' colour.
    const { context, page, errors } = await open('/?compare=none');
    const card = chartCard(page, '刷脸结算占比 · 按县市');
    // Bars are ranked by value; in code order the first bar is 昌吉市 (652301).
    await page.locator(`${card} button.sort`).click();
    await chartsSettled(page);
    // Below the overview's target panel: in view first, as the mouse clicks in the viewport.
    await page.locator(card).scrollIntoViewIfNeeded();
    const point = await barPoint(page, card, BAR);
    expect(point).not.toBeNull();
    await page.mouse.click(point!.x, point!.y);
    await page.waitForURL(/org=652301/);
    await chartsSettled(page);
    await expect(page.locator('nav.crumbs').textContent()).resolves.toContain('昌吉市');
    await page.locator(chartCard(page, '刷脸结算占比 · 按乡镇街道')).waitFor();
    await page.locator('nav.crumbs a', { hasText: '昌吉回族自治州' }).click();
    await page.waitForURL((u) => !u.search.includes('org='));
    await page.goBack();
    await page.waitForURL(/org=652301/);
    await page.goBack();
    await page.waitForURL((u) => !u.search.includes('org='));
    await chartsSettled(page);
    await page.locator(card).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('picks an org unit from the tree search', async () => {
    const { context, page, errors } = await open('/settlement');
    await page.getByRole('button', { name: /机构范围/ }).click();
    await page.getByRole('searchbox', { name: '搜索县市、乡镇或机构' }).fill('吉木萨尔');
    await page.getByRole('button', { name: /^吉木萨尔县\s*县市/ }).click();
    await page.waitForURL(/org=652327/);
    await chartsSettled(page);
    await expect(page.locator('nav.crumbs').textContent()).resolves.toContain('吉木萨尔县');
    expect((await chartStates(page)).error ?? 0).toBe(0);
    // A click outside the open picker closes it.
    await page.getByRole('button', { name: /机构范围/ }).click();
    const search = page.getByRole('searchbox', { name: '搜索县市、乡镇或机构' });
    await search.waitFor();
    await page.locator('h1').click();
    await search.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('switches to English and remembers it', async () => {
    const { context, page, errors } = await open('/');
    await page.getByRole('button', { name: '切换到英文界面' }).click();
    await page.locator('html[lang="en"]').waitFor();
    await page.getByRole('link', { name: 'Overview' }).waitFor();
    await chartsSettled(page);
    const value = await page.locator('[data-kpi="face_scan_settlements"] .value').textContent();
    expect(value).toMatch(/^\d{1,3}(,\d{3})* settlements$/);
    await page.reload();
    await chartsSettled(page);
    await expect(page.locator('h1').first().textContent()).resolves.toBe('Overview');
    await page.screenshot({ path: join(SHOTS, 'overview-en.png'), fullPage: true });
    await page.getByRole('button', { name: 'Switch to Chinese' }).click();
    await page.locator('html[lang="zh-CN"]').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('explains a KPI on tap: definition, numerator, data version', async () => {
    const health = (await (await fetch(`${app.url}/api/health`)).json()) as { dataVersion: string };
    const { context, page, errors } = await open('/');
    await page.locator('[data-kpi="face_scan_share"] button.info').click();
    const tip = page.locator('[data-kpi="face_scan_share"] [role="tooltip"]');
    await expect(tip.textContent()).resolves.toContain(health.dataVersion);
    await expect(tip.textContent()).resolves.toContain('分子');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a KPI explanation on a phone screen, also from a right-hand tile', async () => {
    const { context, page, errors } = await open('/', { width: 390 });
    const buttons = await page.locator('[data-kpi] button.info').all();
    const lefts = await Promise.all(buttons.map(async (b) => (await b.boundingBox())!.x));
    await buttons[lefts.indexOf(Math.max(...lefts))].click();
    const box = (await page.locator('[data-kpi] [role="tooltip"]').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says a KPI measured per county has no figures for a township, rather than failing', async () => {
    const { context, page, errors } = await open('/?org=652301001');
    const tile = page.locator('[data-kpi="in_county_inpatient_rate"]');
    await expect(tile.locator('[role="status"]').textContent()).resolves.toContain('该指标按县市统计');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens on the latest month against the month before, so the change shows at once', async () => {
    const { context, page, errors } = await open('/');
    await expect(page.locator('#filter-period').inputValue()).resolves.toBe('this_month');
    await expect(page.locator('#filter-compare').inputValue()).resolves.toBe('previous');
    const change = page.locator('[data-kpi="face_scan_settlements"] .changes dd').first();
    await expect(change.textContent()).resolves.toMatch(/^[+−±]\d/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("says that a yearly figure on a month's page is the year's, and not on a whole year", async () => {
    const { context, page, errors } = await open('/public-health');
    await expect(page.locator('[data-kpi="htn_standard_management_rate"] [data-year-only]').textContent()).resolves.toBe(
      '按年统计：2025年'
    );
    expect(await page.locator('[data-kpi="health_record_coverage"] [data-year-only]').count()).toBe(0);
    await page.goto(page.url() + '?period=this_year');
    await page.locator('[data-kpi="htn_standard_management_rate"] .value').waitFor();
    expect(await page.locator('[data-year-only]').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says 不适用 and why, with no status, for an indicator that means nothing at one institution', async () => {
    const { context, page, errors } = await open('/?org=JG6523010001');
    const tile = page.locator('[data-kpi="primary_care_visit_share"]');
    await expect(tile.locator('[data-applicable="false"]').textContent()).resolves.toBe('不适用');
    await expect(tile.locator('[role="status"]').textContent()).resolves.toContain('单个机构没有这一比例');
    await expect(tile.getAttribute('data-status')).resolves.toBe('none');
    expect(await page.locator('[data-kpi][data-status="bad"]:has([data-applicable="false"])').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows no change against a comparison period before the first day with data', async () => {
    // The test warehouse starts on 2025-09-01: this year's previous period (2024) has no data.
    const change = (page: Page) => page.locator('[data-kpi="face_scan_settlements"] .changes dd').first();
    const year = await open('/?period=this_year');
    await expect(change(year.page).textContent()).resolves.toBe('—');
    await expect(change(year.page).getAttribute('title')).resolves.toContain('2025年9月1日');
    await year.context.close();
    const november = await open('/?period=custom&from=2025-11-01&to=2025-11-30');
    await expect(change(november.page).textContent()).resolves.toMatch(/^[+−±]\d/);
    expect([...year.errors, ...november.errors]).toEqual([]);
    await november.context.close();
  });

  it('says why a selection is empty', async () => {
    const { context, page, errors } = await open('/?period=custom&from=2025-02-01&to=2025-02-28');
    const states = await chartStates(page);
    expect(states.empty ?? 0).toBeGreaterThan(0);
    await page.getByText('昌吉回族自治州在2025年2月1日 至 2025年2月28日没有该指标的数据。').first().waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the sign-in page; refuses a wrong password, signs in with the right one', async () => {
    // Before the page is live its button is off, and a native submit would post: a press made
    // while the script still loads once put the password in the URL (GET /login?password=).
    const html = await (await fetch(`${app.url}/login`)).text();
    expect(html).toMatch(/<form[^>]*method="post"/);
    expect(html).toMatch(/<button type="submit" disabled/);
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = collectErrors(page);
    await page.goto(`${app.url}/login?next=%2Freferral`);
    await page.getByRole('heading', { name: '登录' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'login.png') });
    if (signInServed) {
      await signIn(page, 'county', TEST_PASSWORD);
      expect(new URL(page.url()).pathname).toBe('/referral');
      await chartsSettled(page);
      // A county user sees their county only: the breadcrumb starts there.
      await expect(page.locator('nav.crumbs').textContent()).resolves.toContain('昌吉市');
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.waitForURL(/\/login/);
      await page.getByLabel('用户名').fill('county');
      await page.getByLabel('密码').fill('wrong password');
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('alert').getByText('用户名或密码不正确。').waitFor();
      // The wrong password's 401 is expected; nothing else may fail.
      expect(errors.filter((e) => !e.includes('401'))).toEqual([]);
    } else expect(errors).toEqual([]);
    await context.close();
  });

  it("answers an /api path that is not valid percent-encoding with the API's JSON 400", async () => {
    const res = await fetch(`${app.url}/api/%FF`, { headers: { cookie: official!.cookie } });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'bad_parameter', parameter: 'path' });
    expect(app.output()).not.toContain('unhandled error');
  });

  it('shows an API error with its message', async () => {
    const context = await signedInContext();
    const page = await context.newPage();
    // The page's JSON queries travel in batches: the appointment queries' answers become a 503.
    await page.route('**/api/query/batch?*', async (route) => {
      const body = await (await route.fetch()).json();
      const items = new URL(route.request().url()).searchParams.getAll('q');
      const failed = { status: 503, body: { error: 'no_warehouse', message: 'No warehouse yet: run `npm run pipeline`.' } };
      body.results = body.results.map((r: unknown, i: number) => (items[i].startsWith('indicator=appointment_count&') ? failed : r));
      await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
    });
    await page.goto(app.url + '/');
    await chartsSettled(page);
    await page.locator('[data-kpi="appointment_count"]').getByText('No warehouse yet: run `npm run pipeline`.').waitFor();
    expect((await chartStates(page)).error ?? 0).toBeGreaterThan(0);
    await context.close();
  });

  it('draws each chart once on load, and again when its box changes size', async () => {
    const context = await signedInContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    // Counts full redraws per canvas: ECharts clears a canvas before each one.
    await page.addInitScript({
      content: `(() => {
        const clears = new WeakMap();
        const clearRect = CanvasRenderingContext2D.prototype.clearRect;
        CanvasRenderingContext2D.prototype.clearRect = function (...args) {
          clears.set(this.canvas, (clears.get(this.canvas) ?? 0) + 1);
          return clearRect.apply(this, args);
        };
        window.__redraws = () => [...document.querySelectorAll('[data-chart-ready="true"] canvas')].map((c) => [clears.get(c) ?? 0, c.clientWidth]);
      })();`
    });
    await page.goto(app.url + '/settlement');
    await chartsSettled(page);
    const frames = () => page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const redraws = () => page.evaluate(() => (window as unknown as { __redraws: () => [number, number][] }).__redraws());
    // The observer's first report (the size just drawn at) comes a frame or two after drawing.
    await frames();
    await frames();
    const loaded = await redraws();
    expect(loaded.length).toBeGreaterThanOrEqual(6);
    expect(loaded.map(([n]) => n)).toEqual(loaded.map(() => 1));
    await page.setViewportSize({ width: 900, height: 900 });
    await page.waitForFunction((before) => {
      const now = (window as unknown as { __redraws: () => [number, number][] }).__redraws();
      return now.every(([n, width], i) => n > before[i][0] && width < before[i][1]);
    }, loaded);
    await context.close();
  });

  it('fits the English overview, with its long indicator names, on a phone screen', async () => {
    const { context, page, errors } = await open('/', { width: 390, lang: 'en' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('fits a phone screen and prints with vector charts', async () => {
    const { context, page, errors } = await open('/referral', { width: 390 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
    await page.screenshot({ path: join(SHOTS, 'referral-phone.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    await page.reload();
    await chartsSettled(page);
    expect(await page.locator('.filters').isVisible()).toBe(false);
    expect(await page.locator('[data-chart-ready="true"] svg').count()).toBeGreaterThan(0);
    // Scalable to the paper's width: a viewBox, and the chart as wide as its card.
    const fit = await page.$$eval('[data-chart-ready="true"] svg', (svgs) =>
      svgs.map((s) => [
        s.hasAttribute('viewBox'),
        Math.round(s.getBoundingClientRect().width - s.closest('[data-chart-state]')!.clientWidth)
      ])
    );
    expect(fit).toEqual(fit.map(() => [true, 0]));
    expect(errors).toEqual([]);
    await context.close();
  });
});
