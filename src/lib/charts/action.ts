// The chart as a Svelte action: actions never run during SSR, so ECharts only ever exists in
// the browser. One instance per element; options replace (notMerge) rather than merge, so a
// chart never keeps a stale series; everything is disposed with the element.
import type { Action } from 'svelte/action';
import type { Locale } from '#lib/i18n/locale.js';
// Imported statically on purpose: the page then preloads ECharts with its other modules, ahead
// of its API requests (QueryPreload.svelte), which would otherwise hold the browser's six
// connections while a lazily imported chart library waited behind them.
import { init, prepare } from './echarts';
import { buildTheme, resolveTokens, tokenNames, type Tokens } from './theme';
import type { ChartOption, ChartSelection } from './types';

export interface ChartParams {
  option: ChartOption;
  locale: Locale;
  /** A click on a bar, slice or county that carries a code. */
  onselect?: (selection: ChartSelection) => void;
  /** Reports a failure to draw (the map file not loading), for the component to show. */
  onerror?: (message: string) => void;
}

type Instance = ReturnType<typeof init>;

function readTokens(node: HTMLElement): Tokens {
  const style = getComputedStyle(node);
  return Object.fromEntries(tokenNames().map((name) => [name, style.getPropertyValue(name).trim()]));
}

function selectionOf(event: { data?: unknown; name?: string }): ChartSelection | null {
  const data = event.data as { code?: unknown; name?: unknown } | undefined;
  if (!data || typeof data.code !== 'string') return null;
  return { code: data.code, name: typeof data.name === 'string' ? data.name : (event.name ?? data.code) };
}

export const chart: Action<HTMLElement, ChartParams> = (node, initial) => {
  let params = initial;
  let instance: Instance | null = null;
  let tokens = readTokens(node);
  const print = window.matchMedia('print');
  // Canvas on screen; SVG when printing, so paper and PDF get sharp vector charts.
  let renderer: 'canvas' | 'svg' = print.matches ? 'svg' : 'canvas';
  let frame = 0;
  let generation = 0;

  function create() {
    instance = init(node, buildTheme(tokens), { renderer, locale: params.locale === 'zh' ? 'ZH' : 'EN' });
    instance.on('finished', () => node.setAttribute('data-chart-ready', 'true'));
    instance.on('click', (event) => {
      const selection = selectionOf(event);
      if (selection) params.onselect?.(selection);
    });
  }

  async function render() {
    const mine = ++generation;
    node.setAttribute('data-chart-ready', 'false');
    try {
      await prepare(params.option);
    } catch (err) {
      params.onerror?.(err instanceof Error ? err.message : String(err));
      return;
    }
    // A newer option (or destroy) arrived while the map loaded: that one wins.
    if (mine !== generation) return;
    const first = !instance;
    if (!instance) create();
    if (!instance || instance.isDisposed()) return;
    // Drawn at once (some series types animate their entry for a second), then short
    // transitions on updates: a dashboard is read, not watched. Print gets no animation.
    const animation = !first && renderer === 'canvas';
    instance.setOption({ animationDurationUpdate: 250, ...resolveTokens(params.option, tokens), animation }, { notMerge: true });
    // The browser lays a page out for paper only after beforeprint, too late to redraw at the
    // paper's width: a viewBox lets the print stylesheet scale the vector chart to its card.
    if (renderer === 'svg') node.querySelector('svg')?.setAttribute('viewBox', `0 0 ${instance.getWidth()} ${instance.getHeight()}`);
  }

  function recreate(next: 'canvas' | 'svg') {
    renderer = next;
    instance?.dispose();
    instance = null;
    void render();
  }

  // ECharts' resize() redraws the whole chart even at the same size, and the observer's first
  // report is the size the chart was just drawn at: unchecked, every chart would be drawn twice
  // on load. (isDisposed() is undefined, not false, until the chart is disposed.)
  const observer = new ResizeObserver(() => {
    cancelAnimationFrame(frame);
    frame = requestAnimationFrame(() => {
      // A print chart (SVG) is scaled by the stylesheet, not redrawn.
      if (!instance || instance.isDisposed() || renderer === 'svg') return;
      if (node.clientWidth === instance.getWidth() && node.clientHeight === instance.getHeight()) return;
      instance.resize();
    });
  });
  const toPrint = () => recreate('svg');
  const toScreen = () => recreate('canvas');

  void render();
  observer.observe(node);
  window.addEventListener('beforeprint', toPrint);
  window.addEventListener('afterprint', toScreen);

  return {
    update(next) {
      const relocalised = next.locale !== params.locale;
      params = next;
      if (relocalised) {
        tokens = readTokens(node);
        recreate(renderer);
      } else void render();
    },
    destroy() {
      generation++;
      cancelAnimationFrame(frame);
      observer.disconnect();
      window.removeEventListener('beforeprint', toPrint);
      window.removeEventListener('afterprint', toScreen);
      instance?.dispose();
      instance = null;
    }
  };
};
