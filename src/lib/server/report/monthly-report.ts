// The monthly report as a PDF: title, KPI table and the key charts for one org unit and
// month. Inputs are plain data (KPI rows already scoped and suppressed for the caller,
// ECharts options already built), so any query path can feed it; the charts are rendered
// on the server as SVG and drawn as vectors, and the Chinese text is embedded (fonts.ts).
import type { EChartsOption } from 'echarts';
import type { Lang } from '../../contract/contract';
import { formatPeriod } from '../../format/date';
import { NEAR } from '../../format/target';
import { translate, type MessageKey } from '../../i18n';
import PDFDocument from 'pdfkit';
import SVGtoPDF from 'svg-to-pdfkit';
import { renderChartSvg } from './chart-svg';
import { reportFonts } from './fonts';
import { drawKpiTable, type KpiRow } from './kpi-table';

export type { KpiRow };

export interface ReportChart {
  title: string;
  option: EChartsOption;
}

export interface MonthlyReportInput {
  org: { code: string; name: string };
  /** YYYY-MM */
  month: string;
  kpis: readonly KpiRow[];
  charts: readonly ReportChart[];
  dataVersion?: string;
  generatedAt?: Date;
  /** The platform's region in the title. */
  regionName?: string;
  /** The report's language (default zh); names in `org`, `kpis` and `charts` come in it already. */
  lang?: Lang;
}

const FONT = 'report-regular';
const BOLD = 'report-bold';
const CHART_HEIGHT = 230;
const MUTED = '#57606a';
const PT_PER_PX = 0.75;
// ECharts' default grid leaves room for a title and legend the report prints itself.
const REPORT_GRID = { top: 24, bottom: 32, left: 64, right: 24 };

/** "昌吉州健康云月度报告 2025年11月 · 昌吉市", or "Changji Health Cloud monthly report, Nov 2025 · Changji City" */
export function reportTitle(input: Pick<MonthlyReportInput, 'org' | 'month' | 'regionName' | 'lang'>): string {
  const match = /^(\d{4})-(\d{2})$/.exec(input.month);
  if (!match) throw new Error(`month must be YYYY-MM, got ${input.month}`);
  const lang = input.lang ?? 'zh';
  const region = input.regionName ?? translate(lang, 'report.region');
  return translate(lang, 'report.documentTitle', { region, month: formatPeriod(`${input.month}-01`, 'month', lang), org: input.org.name });
}

function shanghaiTime(d: Date, lang: Lang): string {
  return d.toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });
}

export function renderMonthlyReport(input: MonthlyReportInput): Promise<Buffer> {
  const title = reportTitle(input);
  const lang = input.lang ?? 'zh';
  const t = (key: MessageKey, vars?: Record<string, string | number>) => translate(lang, key, vars);
  const fonts = reportFonts();
  const doc = new PDFDocument({
    size: 'A4',
    margin: 48,
    bufferPages: true,
    info: { Title: title, Author: `${translate('zh', 'app.name')} ${translate('en', 'app.name')}` }
  });
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont(FONT, fonts.regular);
  doc.registerFont(BOLD, fonts.bold);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  doc.font(BOLD).fontSize(17).fillColor('#1f2328').text(title, { width });
  const meta = [
    t('report.code', { code: input.org.code }),
    input.dataVersion && t('report.version', { version: input.dataVersion }),
    t('report.generated', { time: shanghaiTime(input.generatedAt ?? new Date(), lang) })
  ];
  doc.moveDown(0.3).font(FONT).fontSize(9).fillColor(MUTED).text(meta.filter(Boolean).join(' · '), { width });
  doc.moveDown(1).font(BOLD).fontSize(12).fillColor('#1f2328').text(t('report.kpis'), { width }).moveDown(0.4);
  drawKpiTable(doc, input.kpis, { regular: FONT, bold: BOLD }, lang);
  const rule = t('kpi.status.rule', { near: NEAR });
  doc.font(FONT).fontSize(8).fillColor(MUTED).text(rule, left, doc.y, { width });
  doc.text(t('report.note'), left, doc.y, { width });

  for (const chart of input.charts) {
    const needed = 24 + CHART_HEIGHT;
    if (doc.y + needed > doc.page.height - doc.page.margins.bottom) doc.addPage();
    else doc.moveDown(1.2);
    doc.font(BOLD).fontSize(11).fillColor('#1f2328').text(chart.title, left, doc.y, { width });
    // Laid out in CSS pixels (3/4 of a point), so ECharts' 12 px labels print at 9 pt
    // like the table; svg-to-pdfkit converts back to the width and height in points.
    const svg = renderChartSvg({ grid: REPORT_GRID, ...chart.option }, width / PT_PER_PX, CHART_HEIGHT / PT_PER_PX);
    // @types/svg-to-pdfkit declares the document parameter as the class, not an instance.
    SVGtoPDF(doc as unknown as typeof PDFDocument, svg, left, doc.y + 4, {
      width,
      height: CHART_HEIGHT,
      fontCallback: (_family, bold) => (bold ? BOLD : FONT)
    });
    doc.y += CHART_HEIGHT + 8;
  }

  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing inside the bottom margin would otherwise make pdfkit start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor(MUTED)
      .text(t('report.page', { page: i + 1, pages: count }), left, doc.page.height - 32, { width, align: 'center', lineBreak: false });
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
