// The KPI table of the monthly report: one row per indicator with this month's value (green
// when it meets the target, red when not), the target, last month and the same month a
// year ago, each formatted as the dashboard formats it.
import type { Lang, Target, ValueFormat } from '../../contract/contract';
import { formatValue } from '../../format/number';
import { translate } from '../../i18n';

/** A number, "<5" where small-cell suppression hid it, or null for no data. */
export type Figure = number | string | null;

export interface KpiRow {
  name: string;
  value: Figure;
  target: Pick<Target, 'value' | 'op'> | null;
  previousMonth: Figure;
  sameMonthLastYear: Figure;
  format: ValueFormat;
  /** Appended to counts and ratios, as in the catalogue (人次, 元 ...). */
  unit?: string;
}

export interface TableFonts {
  regular: string;
  bold: string;
}

/** The columns' headers: the same as the report page's table. */
const HEADERS = ['report.indicator', 'report.value', 'report.target', 'report.previous', 'report.lastYear'] as const;
const ROW_HEIGHT = 20;
const MET = '#1a7f37';
const MISSED = '#cf222e';
const TEXT = '#1f2328';

/** English yuan figures in the full-width sign: the embedded font (GB 2312) has ￥, not ¥. */
function printable(text: string): string {
  return text.replace('¥', '￥');
}

function figure(f: Figure, row: KpiRow, lang: Lang): string {
  return typeof f === 'string' ? f : printable(formatValue(f, row.format, lang, { unit: row.unit }));
}

function targetText(row: KpiRow, lang: Lang): string {
  if (!row.target) return '—';
  return `${row.target.op === '>=' ? '≥' : '≤'} ${printable(formatValue(row.target.value, row.format, lang, { unit: row.unit }))}`;
}

function valueColour(row: KpiRow): string {
  if (!row.target || typeof row.value !== 'number') return TEXT;
  const met = row.target.op === '>=' ? row.value >= row.target.value : row.value <= row.target.value;
  return met ? MET : MISSED;
}

/** Draw the table at the document's cursor, starting new pages (with the header) as needed. */
export function drawKpiTable(doc: PDFKit.PDFDocument, rows: readonly KpiRow[], fonts: TableFonts, lang: Lang = 'zh'): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const nameWidth = width * 0.36;
  const numberWidth = (width - nameWidth) / 4;
  const xs = [left, ...[0, 1, 2, 3].map((i) => left + nameWidth + i * numberWidth)];
  const widths = [nameWidth, numberWidth, numberWidth, numberWidth, numberWidth];
  const bottom = () => doc.page.height - doc.page.margins.bottom;

  const cells = (y: number, texts: string[], font: string, colours: string[]) => {
    doc.font(font).fontSize(9);
    texts.forEach((t, i) => {
      doc.fillColor(colours[i]).text(t, xs[i] + 4, y + 6, {
        width: widths[i] - 8,
        align: i === 0 ? 'left' : 'right',
        lineBreak: false,
        ellipsis: true
      });
    });
  };
  const header = (y: number) => {
    doc.rect(left, y, width, ROW_HEIGHT).fill('#eaeef2');
    cells(
      y,
      HEADERS.map((key) => translate(lang, key)),
      fonts.bold,
      HEADERS.map(() => TEXT)
    );
    return y + ROW_HEIGHT;
  };

  let y = header(doc.y);
  rows.forEach((row, n) => {
    if (y + ROW_HEIGHT > bottom()) {
      doc.addPage();
      y = header(doc.page.margins.top);
    }
    if (n % 2 === 1) doc.rect(left, y, width, ROW_HEIGHT).fill('#f6f8fa');
    const texts = [
      row.name,
      figure(row.value, row, lang),
      targetText(row, lang),
      figure(row.previousMonth, row, lang),
      figure(row.sameMonthLastYear, row, lang)
    ];
    cells(y, texts, fonts.regular, [TEXT, valueColour(row), TEXT, TEXT, TEXT]);
    y += ROW_HEIGHT;
  });
  doc.fillColor(TEXT);
  doc.x = left;
  doc.y = y + 6;
}
