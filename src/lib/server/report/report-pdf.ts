// The monthly report's figures (monthly-data.ts) as the PDF: KPI rows in the report's language,
// the charts of #lib/report/charts in the dashboard's colours (read from app.css, the one place
// they are defined), rendered by monthly-report.ts.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { EChartsOption } from 'echarts';
import type { Lang, ReportResponse } from '../../contract/contract';
import { resolveTokens, tokenNames, type Tokens } from '../../charts/theme';
import { reportCharts } from '../../charts/report';
import { renderMonthlyReport, type KpiRow } from './monthly-report';

/** The design tokens of app.css's first (screen) definition of each. */
export function cssTokens(css: string): Tokens {
  const tokens: Tokens = {};
  for (const [, name, value] of css.matchAll(/(--[a-z0-9-]+):\s*([^;]+);/g)) tokens[name] ??= value.trim();
  return tokens;
}

// Read from the project folder like the report's fonts (fonts.ts): a bundled server has moved
// this module away from the stylesheet, and the benches run this module outside Vite.
const TOKENS = cssTokens(readFileSync(resolve('src/app.css'), 'utf8'));
const PALETTE = tokenNames()
  .filter((t) => t.startsWith('--chart-'))
  .map((t) => TOKENS[t]);

export function reportPdf(report: ReportResponse, lang: Lang): Promise<Buffer> {
  const kpis: KpiRow[] = report.kpis.map((k) => ({
    name: k.name[lang],
    value: k.value,
    target: k.target,
    previousMonth: k.previousMonth,
    sameMonthLastYear: k.sameMonthLastYear,
    format: k.format,
    unit: k.unit[lang]
  }));
  const charts = reportCharts(report, lang).map(({ title, option }) => ({
    title,
    // ECharts on the server reads no CSS: the builders' var(--token) colours are resolved here.
    // The builders' type names only the registered components (echarts/core); the full build
    // renders it as it is.
    option: { color: PALETTE, ...resolveTokens(option, TOKENS) } as EChartsOption
  }));
  return renderMonthlyReport({
    org: { code: report.org.code, name: report.org.name[lang] },
    month: report.month,
    kpis,
    charts,
    dataVersion: report.dataVersion,
    lang
  });
}
