// Page bench: for each dashboard page on the default filters (the prefecture, this year), the
// time from navigation to every chart drawn (data-chart-ready), and the JavaScript the page
// loaded, gzip-compressed; first visits (a fresh browser profile each) and a returning visitor's
// (HTTP and code caches warm). Runs the built app over the given data dir in Chromium.
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { ensureBuild, startApp } from '../browser/app-server';
import { CHROMIUM, firstSettledAt, launch, recordFirstSettled } from '../browser/browser';
import { addAccount, signIn } from '../helpers/session';

const PAGES = ['/', '/settlement', '/referral', '/recognition', '/reform', '/public-health', '/assets', '/indicators', '/runs', '/press'];
const CLIENT = resolve(import.meta.dirname, '../../build/client');
/** Visits per page; the median is reported (the first visit of each context is cold). */
const VISITS = 3;

export interface PageTiming {
  path: string;
  /** Median ms from navigation start to all charts ready (or page load where there are none). */
  readyMs: number;
  /** The same for a returning visitor: the browser's cache (HTTP and compiled code) already warm. */
  warmReadyMs: number;
  charts: number;
  /** gzip bytes of every JS file the page loaded, lazy chunks included. */
  jsGzipBytes: number;
}

/** Size of the adapter's precompressed .gz beside each built file: the bytes a gzip client gets. */
function gzipSize(url: string): number {
  const path = join(CLIENT, new URL(url).pathname);
  return existsSync(`${path}.gz`) ? statSync(`${path}.gz`).size : existsSync(path) ? statSync(path).size : 0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export async function benchPages(dataDir: string): Promise<PageTiming[] | string> {
  if (!existsSync(CHROMIUM)) return `skipped: no browser at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(join(dataDir, 'warehouse.duckdb'))) return `skipped: no warehouse in ${dataDir} (npm run demo builds it)`;
  ensureBuild();
  const app = await startApp(dataDir);
  const browser = await launch();
  try {
    // Pages need a session: an official (sees every cell, like the commission) with a fresh password.
    const password = randomBytes(18).toString('base64url');
    await addAccount(dataDir, 'bench', 'official', '652300', password);
    const session = await signIn(app.url, 'bench', password);
    const results: PageTiming[] = [];
    // A fresh signed-in profile: no HTTP cache, no in-page query cache, like a first visit.
    const openPage = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([session.playwright]);
      const page = await context.newPage();
      await recordFirstSettled(page);
      return { context, page };
    };
    const visit = async (page: Page, path: string) => {
      await page.goto(app.url + path, { waitUntil: 'load' });
      return firstSettledAt(page, 60_000);
    };
    for (const path of PAGES) {
      const times: number[] = [];
      let scripts = new Set<string>();
      let charts = 0;
      for (let i = 0; i < VISITS; i++) {
        const { context, page } = await openPage();
        times.push(await visit(page, path));
        charts = await page.locator('[data-chart-ready="true"]').count();
        const urls = await page.evaluate(() =>
          performance
            .getEntriesByType('resource')
            .map((e) => e.name)
            .filter((n) => n.endsWith('.js'))
        );
        scripts = new Set([
          ...urls,
          ...(await page.evaluate(() => [...document.querySelectorAll('script[src]')].map((s) => (s as HTMLScriptElement).src)))
        ]);
        await context.close();
      }
      // A returning visitor: one context, a first visit fills its caches, the next ones are timed.
      const { context, page } = await openPage();
      await visit(page, path);
      const warm: number[] = [];
      for (let i = 0; i < VISITS; i++) warm.push(await visit(page, path));
      await context.close();
      results.push({
        path,
        readyMs: median(times),
        warmReadyMs: median(warm),
        charts,
        jsGzipBytes: [...scripts].reduce((sum, u) => sum + gzipSize(u), 0)
      });
    }
    return results;
  } finally {
    await browser.close();
    await app.stop();
  }
}

/** Rows for run.ts's table: name, figure, note. */
export function pageRows(result: PageTiming[] | string): [string, string, string][] {
  if (typeof result === 'string') return [['pages', result, '']];
  return result.map((r) => [
    `page ${r.path}`,
    `${Math.round(r.readyMs)} ms, ${(r.jsGzipBytes / 1024).toFixed(0)} KB JS`,
    `${r.charts} charts; returning visitor ${Math.round(r.warmReadyMs)} ms; goals < 1000 ms, < 400 KB gzip`
  ]);
}
