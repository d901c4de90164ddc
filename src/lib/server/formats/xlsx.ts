// format=xlsx: the same table as the CSV on a first sheet, number formats by indicator format,
// and a second sheet saying what the figures are (definition, source, data version, query).
import ExcelJS from 'exceljs';
import type { Lang, NormalizedQuery, ValueFormat } from '../../api/contract';
import type { IndicatorEntry } from '../../metrics';
import type { Cell } from '../query/result';
import type { Column } from './labels';

const VALUE_FORMAT: Record<ValueFormat, string> = {
  count: '#,##0',
  yuan: '#,##0.00',
  percent: '0.00%',
  per100: '0.00%',
  minutes: '0.0',
  hours: '0.0',
  days: '0.00',
  ratio: '0.00'
};

const SHEETS = { zh: ['数据', '说明'], en: ['Data', 'About'] };
const ABOUT = {
  zh: ['指标', '定义', '分子', '分母', '单位', '依据', '数据版本', '查询'],
  en: ['Indicator', 'Definition', 'Numerator', 'Denominator', 'Unit', 'Source', 'Data version', 'Query']
};

function numberFormat(key: string, entry: IndicatorEntry): string | undefined {
  const measure = key.replace(/^compare_/, '');
  if (measure === 'value') return VALUE_FORMAT[entry.format];
  if (measure === 'numerator' || measure === 'denominator') return entry.format === 'yuan' ? VALUE_FORMAT.yuan : '#,##0.##';
  return undefined;
}

export async function encodeXlsx(
  entry: IndicatorEntry, columns: Column[], rows: Cell[][], query: NormalizedQuery, dataVersion: string, lang: Lang
): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  const data = book.addWorksheet(SHEETS[lang][0]);
  data.columns = columns.map((c) => ({ header: c.header, key: `${c.key}${c.namesOf ? '_name' : ''}`, width: Math.max(12, c.header.length * 2) }));
  data.addRows(rows);
  columns.forEach((c, i) => {
    const format = c.namesOf ? undefined : numberFormat(c.key, entry);
    if (format) data.getColumn(i + 1).numFmt = format;
  });
  data.getRow(1).font = { bold: true };
  data.views = [{ state: 'frozen', ySplit: 1 }];

  const about = book.addWorksheet(SHEETS[lang][1]);
  const labels = ABOUT[lang];
  const values = [entry.name[lang], entry.definition[lang], entry.numerator[lang], entry.denominator?.[lang] ?? '-', entry.unit[lang], entry.source[lang], dataVersion, new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)])).toString()];
  labels.forEach((label, i) => about.addRow([label, values[i]]));
  about.getColumn(1).width = 14;
  about.getColumn(2).width = 80;
  return new Uint8Array(await book.xlsx.writeBuffer());
}
