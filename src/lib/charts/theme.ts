// Chart colours come from the CSS design tokens (app.css), so charts follow the page in
// print and any future dark theme. Builders write `var(--token)` strings; the chart action
// resolves them against the element's computed style before handing the option to ECharts
// (canvas cannot read CSS variables). Both steps are pure and tested without a DOM.

export const PALETTE_SIZE = 10;

/** Tokens the theme and the builders use, beyond the palette --chart-1..8. */
export const TOKENS = [
  '--text',
  '--muted',
  '--border',
  '--surface',
  '--target',
  '--good',
  '--warn',
  '--bad',
  '--map-low',
  '--map-high',
  '--font'
] as const;

export type Tokens = Record<string, string>;

/** Every token name the chart layer may read. */
export function tokenNames(): string[] {
  return [...Array.from({ length: PALETTE_SIZE }, (_, i) => `--chart-${i + 1}`), ...TOKENS];
}

/** An ECharts theme object from resolved token values. */
export function buildTheme(t: Tokens): Record<string, unknown> {
  const axis = {
    axisLine: { lineStyle: { color: t['--border'] } },
    axisTick: { lineStyle: { color: t['--border'] } },
    axisLabel: { color: t['--muted'] },
    splitLine: { lineStyle: { color: t['--border'], type: 'dashed' } }
  };
  return {
    color: Array.from({ length: PALETTE_SIZE }, (_, i) => t[`--chart-${i + 1}`]),
    backgroundColor: 'transparent',
    textStyle: { color: t['--text'], fontFamily: t['--font'] },
    legend: { textStyle: { color: t['--text'] } },
    tooltip: { backgroundColor: t['--surface'], borderColor: t['--border'], textStyle: { color: t['--text'] } },
    categoryAxis: axis,
    valueAxis: axis
  };
}

const VAR = /^var\((--[a-z0-9-]+)\)$/;

/**
 * A copy of an option with every `var(--token)` string replaced by its value. Data arrays
 * (dataset sources, arrays of numbers) pass through untouched: they can be long and never
 * hold colours.
 */
export function resolveTokens<T>(option: T, tokens: Tokens): T {
  const walk = (value: unknown, key?: string): unknown => {
    if (typeof value === 'string') {
      const m = VAR.exec(value);
      return m ? (tokens[m[1]] ?? value) : value;
    }
    if (key === 'source' || typeof value !== 'object' || value === null) return value;
    if (Array.isArray(value)) return typeof value[0] === 'number' ? value : value.map((v) => walk(v));
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = walk(v, k);
    return out;
  };
  return walk(option) as T;
}
