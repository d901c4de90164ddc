// Chromium through playwright-core (no browser download: Debian's /usr/bin/chromium), and the
// readiness signal every chart exposes.
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.HCI_CHROMIUM ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync'
    ]
  });
}

/**
 * Runs in the page: its clock (ms since navigation) once no chart is loading and every chart that
 * has data says it has drawn it (`data-chart-ready="true"`, set on ECharts' `finished` event),
 * else false. Self-contained, as its source is also sent to the page (recordFirstSettled).
 */
function settledNow(): number | false {
  const charts = [...document.querySelectorAll('[data-chart-state]')];
  const settled = charts.every((c) => {
    const state = c.getAttribute('data-chart-state');
    return state !== 'loading' && (state !== 'ready' || c.querySelector('[data-chart-ready="true"]') !== null);
  });
  return settled ? performance.now() : false;
}

/**
 * Resolves when every chart on the page has settled (settledNow). Never a fixed sleep. Returns the
 * page's clock when the page was first seen settled, so a timing does not include the round
 * trip back to the test.
 */
export async function chartsSettled(page: Page, timeout = 20_000): Promise<number> {
  const settledAt = await page.waitForFunction(settledNow, null, { timeout });
  return (await settledAt.jsonValue()) as number;
}

/**
 * For timing page loads: from before the page's first byte on, records the page's clock at the
 * first moment every chart has settled, watched by a MutationObserver on the attributes the
 * charts change. Polling (chartsSettled) would run the test in the page on every animation frame
 * while it loads, and make it draw frames it otherwise would not: on a 2-core machine that cost
 * the page load 40-50 ms. Read the time with firstSettledAt.
 */
export async function recordFirstSettled(page: Page): Promise<void> {
  await page.addInitScript({
    content: `(() => {
      const settledNow = ${settledNow.toString()};
      const observer = new MutationObserver(() => {
        const at = document.querySelector('[data-chart-state]') && settledNow();
        if (at) {
          window.__hciSettledAt = at;
          observer.disconnect();
        }
      });
      observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-chart-state', 'data-chart-ready'] });
    })();`
  });
}

/** The time recordFirstSettled saw; on a page without charts, once it has loaded. */
export async function firstSettledAt(page: Page, timeout = 20_000): Promise<number> {
  const settledAt = await page.waitForFunction(
    () =>
      (window as { __hciSettledAt?: number }).__hciSettledAt ??
      (document.readyState === 'complete' && !document.querySelector('[data-chart-state]') ? performance.now() : false),
    null,
    { timeout, polling: 100 }
  );
  return (await settledAt.jsonValue()) as number;
}

/** Counts of charts by state on the page. */
export async function chartStates(page: Page): Promise<Record<string, number>> {
  return page.$$eval('[data-chart-state]', (els) =>
    els.reduce<Record<string, number>>((acc, e) => {
      const s = e.getAttribute('data-chart-state') ?? '?';
      acc[s] = (acc[s] ?? 0) + 1;
      return acc;
    }, {})
  );
}

/** Console errors and uncaught exceptions of a page, collected from its start. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/**
 * Where to click to hit the first bar of the colour `rgb` in a canvas chart: scans the canvas
 * pixels top to bottom for a run of that colour. Returns page coordinates, or null.
 */
export async function barPoint(page: Page, selector: string, rgb: [number, number, number]): Promise<{ x: number; y: number } | null> {
  return page.$eval(
    `${selector} canvas`,
    (canvas, color) => {
      const c = canvas as HTMLCanvasElement;
      const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
      const near = (i: number) => Math.abs(data[i] - color[0]) + Math.abs(data[i + 1] - color[1]) + Math.abs(data[i + 2] - color[2]) < 24;
      for (let y = 0; y < c.height; y++) {
        let run = 0;
        for (let x = 0; x < c.width; x++) {
          run = near((y * c.width + x) * 4) ? run + 1 : 0;
          if (run === 12) {
            const box = c.getBoundingClientRect();
            const scale = box.width / c.width;
            return { x: box.left + (x - 6) * scale, y: box.top + (y + 3) * scale };
          }
        }
      }
      return null;
    },
    rgb
  );
}
