// Keyboard and phone use of the built app, in both languages (the hci_lang cookie): a KPI
// explanation closes on Escape (focus back on its ⓘ) and on a click or tap elsewhere; each ⓘ is
// named after its indicator; Tab reaches every drawn chart, which reads as an image named by a
// summary, and its "show as table" toggle; at 390 px the page menu shows that it scrolls and
// keeps the current page's tab in view; the header warns when the data is late. Waits are on
// readiness signals, as in dashboard.test.ts.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildWarehouse, ensureBuild, removeData, startApp, TEST_PASSWORD, type AppServer } from './app-server';
import { signIn as signInSession, type Session } from '../helpers/session';
import { chartsSettled, CHROMIUM, collectErrors, launch } from './browser';

const available = existsSync(CHROMIUM);
let dataDir = '';
let app: AppServer;
let browser: Browser;
let official: Session | undefined;

beforeAll(async () => {
  if (!available) return;
  ensureBuild();
  dataDir = await buildWarehouse();
  app = await startApp(join(dataDir, 'data'));
  browser = await launch();
  official = await signInSession(app.url, 'official', TEST_PASSWORD);
}, 300_000);

afterEach(({ task }) => {
  if (task.result?.state === 'fail' && app) console.error(`server output:\n${app.output().slice(-4000)}`);
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (dataDir) removeData(dataDir);
});

const LANGS = [
  { lang: 'zh', about: '指标说明：', show: '以表格显示', late: '数据滞后' },
  { lang: 'en', about: 'About: ', show: 'Show as table', late: 'Data is late' }
] as const;

async function open(
  path: string,
  lang: 'zh' | 'en',
  options: { width?: number; touch?: boolean } = {}
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1440, height: 900 },
    locale: 'zh-CN',
    hasTouch: options.touch ?? false,
    isMobile: options.touch ?? false
  });
  await context.addCookies([...(official ? [official.playwright] : []), { name: 'hci_lang', value: lang, url: app.url }]);
  const page = await context.newPage();
  const errors = collectErrors(page);
  await page.goto(app.url + path);
  await chartsSettled(page);
  return { context, page, errors };
}

const visibleTips = (page: Page) => page.locator('[data-kpi] [role="tooltip"]:visible');

describe.skipIf(!available)('keyboard and phone', () => {
  for (const { lang, about, show, late } of LANGS) {
    describe(lang, () => {
      it('closes a KPI explanation on Escape and gives focus back to its button', async () => {
        const { context, page, errors } = await open('/', lang);
        const button = page.locator('[data-kpi] button.info').first();
        await button.focus();
        await page.keyboard.press('Enter');
        await visibleTips(page).first().waitFor();
        expect(await button.getAttribute('aria-expanded')).toBe('true');
        await page.keyboard.press('Escape');
        expect(await visibleTips(page).count()).toBe(0);
        expect(await button.getAttribute('aria-expanded')).toBe('false');
        expect(await button.evaluate((b) => b === document.activeElement)).toBe(true);
        // Opens again at once: Escape left nothing stuck.
        await page.keyboard.press('Enter');
        await visibleTips(page).first().waitFor();
        expect(errors).toEqual([]);
        await context.close();
      });

      it('closes a KPI explanation on a click elsewhere, and on a tap elsewhere on a phone', async () => {
        const desk = await open('/', lang);
        await desk.page.locator('[data-kpi] button.info').first().click();
        await visibleTips(desk.page).first().waitFor();
        await desk.page.locator('main h1').click();
        expect(await visibleTips(desk.page).count()).toBe(0);
        expect(desk.errors).toEqual([]);
        await desk.context.close();

        const phone = await open('/', lang, { width: 390, touch: true });
        const tiles = phone.page.locator('[data-kpi]');
        await tiles.first().locator('button.info').tap();
        await visibleTips(phone.page).first().waitFor();
        // The next card, which the panel covered, takes the tap.
        await phone.page.locator('main h1').tap();
        expect(await visibleTips(phone.page).count()).toBe(0);
        expect(phone.errors).toEqual([]);
        await phone.context.close();
      });

      it('names each ⓘ after its indicator', async () => {
        const { context, page, errors } = await open('/', lang);
        const tiles = await page.locator('[data-kpi]').all();
        expect(tiles.length).toBeGreaterThanOrEqual(10);
        const names = await Promise.all(
          tiles.map(async (t) => [await t.locator('h3').textContent(), await t.locator('button.info').getAttribute('aria-label')])
        );
        for (const [heading, label] of names) expect(label).toBe(`${about}${heading!.trim()}`);
        expect(new Set(names.map(([, label]) => label)).size).toBe(names.length);
        expect(errors).toEqual([]);
        await context.close();
      });

      it('reaches every chart and its table toggle with Tab, and shows the data as a table', async () => {
        const { context, page, errors } = await open('/referral', lang);
        const figures = await page.locator('[data-chart-state="ready"] [role="img"][tabindex="0"]').count();
        expect(figures).toBeGreaterThan(0);
        const reached: string[] = [];
        // One Tab past the last chart, to its toggle.
        for (let i = 0; i < 200 && (reached.filter((r) => r === 'figure').length < figures || reached.at(-1) === 'figure'); i++) {
          await page.keyboard.press('Tab');
          reached.push(
            await page.evaluate(() => {
              const el = document.activeElement as HTMLElement | null;
              if (el?.matches('[data-chart-state] [role="img"]')) return 'figure';
              if (el?.matches('button.table-toggle')) return 'toggle';
              return 'other';
            })
          );
        }
        expect(reached.filter((r) => r === 'figure').length).toBe(figures);
        // Each chart's toggle comes right after it.
        reached.forEach((r, i) => r === 'figure' && expect(reached[i + 1]).toBe('toggle'));
        const label = await page.evaluate(() =>
          document.querySelector('[data-chart-state="ready"] [role="img"]')!.getAttribute('aria-label')
        );
        expect(label!.length).toBeGreaterThan(4);

        // By the table it controls: its name changes once it is pressed.
        const controls = await page.getByRole('button', { name: show }).first().getAttribute('aria-controls');
        const toggle = page.locator(`button[aria-controls="${controls}"]`);
        await toggle.focus();
        await page.keyboard.press('Enter');
        expect(await toggle.getAttribute('aria-expanded')).toBe('true');
        const table = page.locator(`#${controls} table`);
        await table.waitFor();
        expect(await table.locator('caption').count()).toBe(1);
        expect(await table.locator('tbody tr').count()).toBeGreaterThan(0);
        expect(errors).toEqual([]);
        await context.close();
      });

      it('shows on a phone that the page menu scrolls, and keeps the current tab in view', async () => {
        const first = await open('/', lang, { width: 390 });
        const nav = first.page.locator('nav.menu');
        await expect.poll(() => nav.getAttribute('data-scroll-more')).toBe('end');
        expect(await nav.locator('.scroll.on').isVisible()).toBe(true);
        expect(await first.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(391);
        expect(first.errors).toEqual([]);
        await first.context.close();

        const last = await open('/press', lang, { width: 390 });
        const menu = last.page.locator('nav.menu');
        // Measured once the current tab has been scrolled into view.
        await expect.poll(() => menu.getAttribute('data-scroll-more')).toMatch(/^(start|both)$/);
        const tab = (await menu.locator('[aria-current="page"]').boundingBox())!;
        expect(tab.x).toBeGreaterThanOrEqual(0);
        expect(tab.x + tab.width).toBeLessThanOrEqual(390);
        expect(last.errors).toEqual([]);
        await last.context.close();
      });

      it('warns in the header that the data is late (the test warehouse ends in 2025)', async () => {
        const { context, page, errors } = await open('/', lang);
        const warning = page.locator('[data-testid="freshness-late"]');
        await expect(warning.textContent()).resolves.toContain(late);
        expect(errors).toEqual([]);
        await context.close();
      });
    });
  }
});
