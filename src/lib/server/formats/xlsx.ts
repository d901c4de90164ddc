// format=xlsx: the same table as the CSV on a first sheet (frozen bold header, number formats by
// indicator format; past Excel's 1,048,576 rows a sheet, on further sheets), and a last sheet
// saying what the figures are (definition, source, data version, query, rows); the sheet names
// and labels come from the i18n dictionaries ('export.*'); what the query asked for is in words
// (labels.ts queryNotes), never as its parameters. Written with exceljs's streaming
// WorkbookWriter: rows are committed batch by batch and the zipped bytes sent as they come, with
// inline strings (a shared-strings table would grow with the file).
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { Lang, ValueFormat } from '../../contract/contract';
import { translate, type MessageKey } from '../../i18n';
import type { IndicatorEntry } from '../metrics';
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

function numberFormat(key: string, entry: IndicatorEntry): string | undefined {
  const measure = key.replace(/^compare_/, '');
  if (measure === 'value') return VALUE_FORMAT[entry.format];
  if (measure === 'numerator' || measure === 'denominator') return entry.format === 'yuan' ? VALUE_FORMAT.yuan : '#,##0.##';
  return undefined;
}

/** Sheet XML allowed to wait for the compressor before rows stop being added. */
const MAX_PENDING = 4 * 1024 * 1024;

/** Stream state exceljs does not expose: how much of a sheet's XML the zip has not yet taken. */
interface EntrySource {
  _writableState: { length: number };
  _readableState: { length: number };
  once(event: 'data', listener: () => void): void;
}

function entrySource(sheet: ExcelJS.Worksheet): EntrySource {
  return (sheet as unknown as { stream: { pipes: EntrySource[] } }).stream.pipes[0];
}

function readAll(out: PassThrough, into: Buffer[]): void {
  for (let chunk: Buffer | null; (chunk = out.read()) !== null;) into.push(chunk);
}

/**
 * What the zip has written of the rows committed so far, once the sheet's XML waiting for the
 * compressor is below MAX_PENDING. exceljs hands a sheet's XML on without waiting for the
 * compressor: without this, a whole sheet would pile up in memory before the first byte left.
 */
async function drained(sheet: ExcelJS.Worksheet, out: PassThrough): Promise<Buffer[]> {
  const chunks: Buffer[] = [];
  const source = entrySource(sheet);
  while (source._writableState.length + source._readableState.length > MAX_PENDING) {
    // Reading the output makes room for the compressor, which then takes more XML.
    readAll(out, chunks);
    await new Promise<void>((resolve) => source.once('data', resolve));
  }
  readAll(out, chunks);
  return chunks;
}

/** Rows a worksheet holds below its header: Excel's limit is 1,048,576 rows. */
export const SHEET_ROWS = 1_048_575;

/** `sheetRows`: data rows per sheet; more continue on "数据 2", "数据 3" … under the same header. */
export async function* xlsxChunks(
  entry: IndicatorEntry,
  columns: Column[],
  tables: AsyncIterable<Cell[][]>,
  notes: readonly [label: string, value: string][],
  dataVersion: string,
  lang: Lang,
  sheetRows = SHEET_ROWS
): AsyncGenerator<Uint8Array> {
  const out = new PassThrough();
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const dataName = translate(lang, 'export.sheet.data');
  const dataSheet = (n: number) => {
    const sheet = book.addWorksheet(n === 1 ? dataName : `${dataName} ${n}`, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Column styles reach every cell added after them: the formats are set before the rows.
    sheet.columns = columns.map((c) => {
      const numFmt = c.namesOf ? undefined : numberFormat(c.key, entry);
      return {
        header: c.header,
        key: `${c.key}${c.namesOf ? '_name' : ''}`,
        width: Math.max(12, c.header.length * 2),
        style: numFmt ? { numFmt } : {}
      };
    });
    sheet.getRow(1).font = { bold: true };
    return sheet;
  };
  let sheets = 1;
  let data = dataSheet(sheets);
  let rows = 0;
  for await (const table of tables) {
    for (const row of table) {
      if (rows > 0 && rows % sheetRows === 0) {
        data.commit();
        data = dataSheet(++sheets);
      }
      data.addRow(row).commit();
      rows++;
    }
    const chunks = await drained(data, out);
    if (chunks.length > 0) yield Buffer.concat(chunks);
  }
  data.commit();

  const about = book.addWorksheet(translate(lang, 'export.sheet.about'));
  about.columns = [{ width: 14 }, { width: 80 }];
  const lines: [MessageKey, string | number][] = [
    ['export.about.indicator', entry.name[lang]],
    ['export.about.definition', entry.definition[lang]],
    ['export.about.numerator', entry.numerator[lang]],
    ['export.about.denominator', entry.denominator?.[lang] ?? '-'],
    ['export.about.unit', entry.unit[lang]],
    ['export.about.source', entry.source[lang]],
    ['export.about.dataVersion', dataVersion]
  ];
  for (const [key, value] of lines) about.addRow([translate(lang, key), value]).commit();
  for (const note of notes) about.addRow([...note]).commit();
  about.addRow([translate(lang, 'export.about.rows'), rows]).commit();
  about.commit();

  // A failure to finish the zip ends the loop below (with that error) instead of leaving it waiting.
  const done = book.commit().catch((error: Error) => out.destroy(error));
  for await (const chunk of out) yield chunk as Buffer;
  await done;
}
