// Exports label what they hold: periods by grain, file names that tell two downloads apart,
// names beside codes in every format, notes in words, read back with the real parsers.
import { tableFromIPC } from 'apache-arrow';
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode } from '../access/decode';
import { ADMIN, ANALYST, apiFixture, type ApiFixture } from './helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const Q = '/api/query?indicator=face_scan_share&from=2025-01-01&to=2025-12-31';
const csvRows = async (url: string) => parseCsv(await (await api.get(url, { caller: ADMIN })).text(), { bom: true }) as string[][];

describe('period labels by grain', () => {
  it('writes 2025, 2025Q1, 2025-01 and the whole range for grain=all', async () => {
    expect((await csvRows(`${Q}&grain=year&format=csv`))[1][0]).toBe('2025');
    expect((await csvRows(`${Q}&grain=quarter&format=csv`))[1][0]).toBe('2025Q1');
    expect((await csvRows(`${Q}&grain=month&format=csv`))[1][0]).toBe('2025-01');
    expect((await csvRows(`${Q}&grain=all&format=csv`))[1][0]).toBe('2025-01-01~2025-12-31');
  });
});

describe('file names', () => {
  it('name indicator, breakdown, grain and period, so two charts differ', async () => {
    const name = async (url: string) => (await api.get(url, { caller: ADMIN })).headers.get('content-disposition');
    expect(await name(`${Q}&grain=all&by=county&format=csv`)).toBe('attachment; filename="face_scan_share_county_all_2025.csv"');
    expect(await name(`${Q}&grain=month&by=visit_type&format=xlsx`)).toBe(
      'attachment; filename="face_scan_share_visit_type_month_2025.xlsx"'
    );
    expect(await name(`${Q}&grain=all&format=parquet`)).toBe('attachment; filename="face_scan_share_total_all_2025.parquet"');
  });
});

describe('names beside codes, notes in words', () => {
  const q = `${Q}&grain=month&by=county,visit_type&compare=yoy`;

  it('gives Arrow and Parquet downloads Chinese labels beside codes and periods, suppression kept', async () => {
    for (const format of ['arrow', 'parquet'] as const) {
      const rows = await decode(await api.get(`${q}&format=${format}&download=1`, { caller: ANALYST }), format);
      expect(rows.length, format).toBeGreaterThan(0);
      const first = rows[0];
      expect(first, format).toMatchObject({ county: '652301', county_name: '昌吉市', visit_type: 'outpatient', visit_type_name: '门诊' });
      expect(first.period_label, format).toBe(String(first.period).slice(0, 7));
      expect(Object.keys(first), format).toContain('suppressed');
    }
    const table = tableFromIPC(new Uint8Array(await (await api.get(`${q}&format=arrow&download=1`, { caller: ADMIN })).arrayBuffer()));
    expect(table.schema.fields.map((f) => f.name).slice(0, 6)).toEqual([
      'period',
      'period_label',
      'county',
      'county_name',
      'visit_type',
      'visit_type_name'
    ]);
  });

  it('describes the query in words in the XLSX notes, with no parameter text', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(await (await api.get(`${q}&format=xlsx`, { caller: ADMIN })).arrayBuffer());
    const notes = book.getWorksheet('说明')!;
    const lines: string[] = [];
    notes.eachRow((row) => lines.push(`${row.getCell(1).value}: ${row.getCell(2).value}`));
    const text = lines.join('\n');
    expect(text).not.toMatch(/=|null|&/);
    expect(text).toContain('统计期间: 2025年1月1日 至 2025年12月31日');
    expect(text).toContain('时间粒度: 月');
    expect(text).toContain('分组: 县市、就诊类型');
    expect(text).toContain('对比: 同比（去年同期）');
    expect(text).toContain('地区或机构: 昌吉回族自治州');
  });
});
