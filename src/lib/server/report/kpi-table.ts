// The KPI table of the monthly report: one row per indicator with this month's value, the
// target, last month, the same month a year ago, each formatted as the dashboard formats it,
// and the status by the dashboard's rule (format/target.ts), as a word in the status's colour.
import { TOO_FEW, type Lang, type Target, type ValueFormat } from '../../contract/contract';
import { formatValue } from '../../format/number';
import { formatTarget, statusLabel, targetStatus, type TargetStatus } from '../../format/target';
import { translate } from '../../i18n';

/** A number, "<5" (a hidden count) or TOO_FEW (a hidden rate, median or mean), or null for no data. */
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
const HEADERS = ['report.indicator', 'report.value', 'report.target', 'report.previous', 'report.lastYear', 'report.status'] as const;
const ROW_HEIGHT = 20;
/** app.css's --good, --warn and --bad: the dashboard's badges. */
const STATUS_COLOURS: Record<TargetStatus, string> = { good: '#2e7d4f', warn: '#b7791f', bad: '#c0392b' };
const TEXT = '#1f2328';

/** English yuan figures in the full-width sign: the embedded font (GB 2312) has ￥, not ¥. */
function printable(text: string): string {
  return text.replace('¥', '￥');
}

function figure(f: Figure, row: KpiRow, lang: Lang): string {
  // A rate, median or mean on too few persons reads 样本不足: "<5" beside minutes reads "under 5 minutes".
  if (f === TOO_FEW) return translate(lang, 'figure.tooFew');
  return typeof f === 'string' ? f : printable(formatValue(f, row.format, lang, { unit: row.unit }));
}

function rowStatus(row: KpiRow): TargetStatus | null {
  return typeof row.value === 'number' ? targetStatus(row.value, row.target, row.format) : null;
}

/** Draw the table at the document's cursor, starting new pages (with the header) as needed. */
export function drawKpiTable(doc: PDFKit.PDFDocument, rows: readonly KpiRow[], fonts: TableFonts, lang: Lang = 'zh'): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const nameWidth = width * 0.31;
  // Wide enough for the English "Near target" on one line.
  const statusWidth = width * 0.13;
  const numberWidth = (width - nameWidth - statusWidth) / 4;
  const xs = [left, ...[0, 1, 2, 3, 4].map((i) => left + nameWidth + i * numberWidth)];
  const widths = [nameWidth, numberWidth, numberWidth, numberWidth, numberWidth, statusWidth];
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
    const status = rowStatus(row);
    const texts = [
      row.name,
      figure(row.value, row, lang),
      printable(formatTarget(row.target, row.format, lang, row.unit)),
      figure(row.previousMonth, row, lang),
      figure(row.sameMonthLastYear, row, lang),
      status ? statusLabel(status, lang) : ''
    ];
    const colour = status ? STATUS_COLOURS[status] : TEXT;
    cells(y, texts, fonts.regular, [TEXT, colour, TEXT, TEXT, TEXT, colour]);
    y += ROW_HEIGHT;
  });
  doc.fillColor(TEXT);
  doc.x = left;
  doc.y = y + 6;
}
