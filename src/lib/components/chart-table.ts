// A chart's text alternative, read from the ECharts option it draws: the table behind
// "以表格显示 / Show as table" and the short summary that names the chart to a screen reader.
// Read from the option, so every chart gets one without its component handing rows over, and
// each cell says what the chart's own tooltip says on hover (<5 where suppression hid a figure,
// the comparison value where the tooltip gives it). Pure: tested without a DOM.
import type { ChartOption } from '#lib/charts/types.js';
import type { Locale } from '#lib/i18n/locale.js';

export interface ChartTable {
  /** Periods (a time series: the summary quotes the latest) or items (units, categories, stages). */
  kind: 'period' | 'item';
  /** The value columns: the series' names. */
  columns: string[];
  rows: { label: string; cells: string[] }[];
}

type Loose = Record<string, unknown>;
type Formatter = (params: unknown, ...rest: unknown[]) => unknown;

const list = <T>(v: T | T[] | undefined | null): T[] => (v == null ? [] : Array.isArray(v) ? v : [v]);
const isFn = (v: unknown): v is Formatter => typeof v === 'function';

/** A tooltip's HTML as its lines of text. */
export function htmlLines(html: string): string[] {
  return html
    .split(/<br\s*\/?>/i)
    .map((line) =>
      line
        .replace(/<[^>]*>/g, '')
        .replace(/&nbsp;/g, ' ')
        .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&amp;/g, '&')
        .replace(/\s+/g, ' ')
        .trim()
    )
    .filter(Boolean);
}

function plain(v: unknown, locale: Locale): string {
  if (typeof v === 'number' && Number.isFinite(v)) return v.toLocaleString(locale === 'zh' ? 'zh-CN' : 'en-US');
  return v === null || v === undefined || v === '-' || (typeof v === 'number' && Number.isNaN(v)) ? '—' : String(v);
}

/** Bars and lines over a category axis, their values in the option's dataset. */
function axisTable(option: Loose, series: Loose[], locale: Locale): ChartTable | null {
  const source = (option.dataset as Loose | undefined)?.source;
  if (!source) return null;
  // Columns ({ period: [...], s0: [...] }) or rows ([{ name, value }, ...]).
  const rowsOf = Array.isArray(source) ? (source as Loose[]) : null;
  const columnsOf = rowsOf ? null : (source as Record<string, unknown[]>);
  const length = rowsOf ? rowsOf.length : Math.max(0, ...Object.values(columnsOf!).map((c) => c.length));
  const cell = (dim: string, i: number) => (rowsOf ? rowsOf[i]?.[dim] : columnsOf![dim]?.[i]);
  const horizontal = list(option.yAxis as Loose | Loose[]).some((a) => a.type === 'category');
  const encodes = series.map((s) => (s.encode ?? {}) as Record<string, string>);
  const categoryDim = encodes[0]?.[horizontal ? 'y' : 'x'];
  if (!categoryDim) return null;
  const tooltip = (option.tooltip ?? {}) as Loose;
  const labels = Array.from({ length }, (_, i) => plain(cell(categoryDim, i), locale));
  const names = series.map((s, j) => String(s.name ?? j + 1));

  const valueText = (j: number, i: number): string => {
    const v = cell(encodes[j][horizontal ? 'x' : 'y'], i);
    if (isFn(tooltip.valueFormatter)) return String(tooltip.valueFormatter(v, i));
    if (isFn(tooltip.formatter)) {
      // The tooltip writes one line per series, "name value": this series' line, without its name.
      const params = series.map((_, k) => ({
        seriesIndex: k,
        dataIndex: i,
        seriesName: names[k],
        name: labels[i],
        axisValueLabel: labels[i],
        marker: '',
        value: rowsOf ? rowsOf[i] : cell(encodes[k][horizontal ? 'x' : 'y'], i),
        data: rowsOf ? rowsOf[i] : undefined
      }));
      const line = htmlLines(String(tooltip.formatter(params) ?? '')).find((l) => l.startsWith(`${names[j]} `));
      if (line) return line.slice(names[j].length).trim();
    }
    return plain(v, locale);
  };
  return {
    // Time series name their category column `period` (charts/time-series.ts).
    kind: categoryDim === 'period' ? 'period' : 'item',
    columns: names,
    rows: labels.map((label, i) => ({ label, cells: names.map((_, j) => valueText(j, i)) }))
  };
}

/** A ring, funnel or map: one series of named items, each told as its tooltip tells it. */
function itemTable(option: Loose, series: Loose, locale: Locale): ChartTable {
  const tooltip = (option.tooltip ?? {}) as Loose;
  const rows = list(series.data as Loose[]).map((d) => {
    const raw = { name: String(d.name ?? ''), value: d.value, data: d };
    const lines = isFn(tooltip.formatter) ? htmlLines(String(tooltip.formatter(raw) ?? '')) : [];
    return lines.length > 1 ? { label: lines[0], cells: [lines.slice(1).join(' ')] } : { label: raw.name, cells: [plain(d.value, locale)] };
  });
  return { kind: 'item', columns: [String(series.name ?? '')], rows };
}

/** The chart's data as a table; null for an option this cannot read. */
export function chartTable(option: ChartOption, locale: Locale): ChartTable | null {
  const o = option as Loose;
  const series = list(o.series as Loose | Loose[]);
  if (series.length === 0) return null;
  if (series.every((s) => s.type === 'bar' || s.type === 'line')) return axisTable(o, series, locale);
  return series[0].data ? itemTable(o, series[0], locale) : null;
}

/** What `summary` needs: the chart's table, with its title. */
export interface Summary {
  key: 'chart.summary.latest' | 'chart.summary.first' | 'chart.summary.empty';
  vars: Record<string, string | number>;
}

/**
 * The short text a screen reader reads for the chart: its title and, for a time series, the
 * latest period's value; otherwise how many items and the first one (the top of a ranking).
 */
export function chartSummary(title: string, table: ChartTable | null): Summary {
  const rows = table?.rows ?? [];
  if (!table || rows.length === 0) return { key: 'chart.summary.empty', vars: { title } };
  const row = table.kind === 'period' ? rows[rows.length - 1] : rows[0];
  const value = row.cells[0] ?? '—';
  return table.kind === 'period'
    ? { key: 'chart.summary.latest', vars: { title, period: row.label, value } }
    : { key: 'chart.summary.first', vars: { title, n: rows.length, name: row.label, value } };
}
