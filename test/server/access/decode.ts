// Every /api/query format read back the way a recipient would open it: JSON parsed, Arrow by
// apache-arrow, CSV by csv-parse (with its BOM), XLSX by exceljs, Parquet by DuckDB. Each gives
// the header (keys or column titles) and the rows as records keyed by it.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { Database } from '../../../pipelines/warehouse';
import type { Format } from '../../../src/lib/contract/contract';
import { dimension } from '../../../src/lib/server/metrics';
import { removeDir, tempDir } from '../../helpers/landing';

export type Record_ = Record<string, unknown>;

async function parquetRows(bytes: Uint8Array): Promise<Record_[]> {
  const dir = tempDir('decode');
  try {
    const file = join(dir, 'x.parquet');
    writeFileSync(file, bytes);
    const db = await Database.open(':memory:');
    try {
      return await db.rows(`SELECT * REPLACE (strftime(period, '%Y-%m-%d') AS period) FROM read_parquet('${file}')`);
    } finally {
      db.close();
    }
  } finally {
    removeDir(dir);
  }
}

/** The rows of a 200 answer in `format`. CSV and XLSX rows are keyed by their (English or Chinese) titles. */
export async function decode(res: Response, format: Format): Promise<Record_[]> {
  const bytes = new Uint8Array(await res.arrayBuffer());
  switch (format) {
    case 'json':
      return JSON.parse(Buffer.from(bytes).toString('utf8')).rows;
    case 'arrow':
      return tableFromIPC(bytes)
        .toArray()
        .map((r) => {
          const o = r.toJSON() as Record_;
          return { ...o, period: new Date(o.period as number).toISOString().slice(0, 10) };
        });
    case 'parquet':
      return parquetRows(bytes);
    case 'csv': {
      if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw new Error('CSV without a UTF-8 BOM');
      return parseCsv(Buffer.from(bytes).toString('utf8'), { bom: true, columns: true });
    }
    case 'xlsx': {
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
      const sheet = book.worksheets[0];
      const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
      const rows: Record_[] = [];
      sheet.eachRow((row, n) => {
        if (n === 1) return;
        const values = (row.values as unknown[]).slice(1);
        rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] ?? null])));
      });
      return rows;
    }
  }
}

/** The column holding a breakdown's codes: its id in JSON, Arrow and Parquet, "<Name> code" in English CSV and XLSX. */
export function codeColumn(format: Format, dim: string): string {
  return format === 'csv' || format === 'xlsx' ? `${dimension(dim)!.name.en} code` : dim;
}

/** The numerator column, under its English title in CSV and XLSX. */
export function numeratorColumn(format: Format, numeratorTitle: string): string {
  return format === 'csv' || format === 'xlsx' ? numeratorTitle : 'numerator';
}
