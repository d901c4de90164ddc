// Downloads stream: a result many DuckDB chunks (2,048 rows) long, and longer than one Parquet
// part (PART_ROWS), goes out in every format with every row and the exact totals, read back by a
// real parser; suppressed (analyst) the same cells are hidden as in the whole result the
// dashboard's JSON answer suppresses at once; an abandoned download is audited as incomplete.
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FORMATS, SUPPRESSED, type Format } from '../../../src/lib/contract/contract';
import { indicatorEntry } from '../../../src/lib/server/metrics';
import { PART_ROWS } from '../../../src/lib/server/formats/parquet';
import { xlsxChunks } from '../../../src/lib/server/formats/xlsx';
import { Database } from '../../../pipelines/warehouse';
import { codeColumn, decode, numeratorColumn, type Record_ } from '../access/decode';
import { ADMIN, ANALYST, apiFixture, type ApiFixture } from './helpers';

const INSTITUTIONS = 50;
const CHANNELS = ['face', 'insurance_card', 'e_insurance_qr', 'cash'];
/** One row per day of 2023 x institution x channel. */
const ROWS = 365 * INSTITUTIONS * CHANNELS.length;
const QUERY = '/api/query?indicator=settlement_count&from=2023-01-01&to=2023-12-31&grain=day&by=institution,channel&lang=en';
const NUMERATOR = indicatorEntry('settlement_count')!.numerator.en;

let api: ApiFixture;
let total: number;

beforeAll(async () => {
  api = await apiFixture();
  // 2023 is empty in the fixture: fill it with settlements of 0-11 a cell, many of them 1-4.
  const db = await Database.open(api.warehouse.path);
  try {
    await db.run(`INSERT INTO mart_services.settlements_daily
      SELECT d.day, i.institution_code, 'outpatient', c.channel, 'resident',
             (d.n * 7 + i.n * 3 + c.n) % 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
      FROM (SELECT CAST(DATE '2023-01-01' + INTERVAL (range) DAY AS DATE) AS day, range AS n FROM range(365)) d,
           (SELECT institution_code, row_number() OVER (ORDER BY institution_code) AS n FROM core.dim_institution WHERE county_code IS NOT NULL
            ORDER BY institution_code LIMIT ${INSTITUTIONS}) i,
           (SELECT unnest(${JSON.stringify(CHANNELS).replaceAll('"', "'")}) AS channel, unnest(range(4)) AS n) c`);
    total = Number((await db.rows('SELECT sum(settlements) AS s FROM mart_services.settlements_daily WHERE year(day) = 2023'))[0].s);
  } finally {
    db.close();
  }
}, 60_000);
afterAll(() => api.close());

/** The numerator of each row as the format carries it: a number, or SUPPRESSED where hidden. */
function numerators(rows: Record_[], format: Format): (number | string)[] {
  return rows.map((r) => {
    const v = r[numeratorColumn(format, NUMERATOR)];
    if (v === null || v === SUPPRESSED) return SUPPRESSED;
    return Number(v);
  });
}

const shownSum = (values: (number | string)[]) => values.reduce<number>((s, v) => s + (typeof v === 'number' ? v : 0), 0);

describe('a download longer than many chunks', () => {
  it('has every row and the exact total in every format, for a role that sees every cell', async () => {
    for (const format of FORMATS) {
      const res = await api.get(`${QUERY}&format=${format}&download=1`, { caller: ADMIN });
      expect(res.status, format).toBe(200);
      const rows = await decode(res, format);
      expect(rows, format).toHaveLength(ROWS);
      expect(shownSum(numerators(rows, format)), format).toBe(total);
      // Ordered to the last row: the last day's last institution's last channel (codes sort: cash … insurance_card).
      expect(rows.at(-1)![codeColumn(format, 'channel')], format).toBe('insurance_card');
    }
  }, 120_000);

  it('hides the same cells as suppressing the whole result at once, for an analyst', async () => {
    // The dashboard's answer is suppressed whole in memory: the reference.
    const whole = (await api.json(`${QUERY}&limit=${ROWS}`, ANALYST)).rows as Record_[];
    expect(whole).toHaveLength(ROWS);
    const expected = numerators(whole, 'json');
    const hidden = expected.filter((v) => v === SUPPRESSED).length;
    expect(hidden).toBeGreaterThan(ROWS / 4);
    expect(ROWS).toBeGreaterThan(PART_ROWS);
    for (const format of FORMATS) {
      const res = await api.get(`${QUERY}&format=${format}&download=1`, { caller: ANALYST });
      const rows = await decode(res, format);
      expect(rows, format).toHaveLength(ROWS);
      const got = numerators(rows, format);
      expect(got.filter((v) => v === SUPPRESSED).length, format).toBe(hidden);
      expect(shownSum(got), format).toBe(shownSum(expected));
      expect(got, format).toEqual(expected);
      if (format === 'arrow' || format === 'parquet') expect(rows.filter((r) => r.suppressed).length, format).toBe(hidden);
    }
  }, 180_000);

  it('gzips CSV as it streams when the client accepts it', async () => {
    const res = await api.get(`${QUERY}&format=csv`, { caller: ANALYST, headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    const text = gunzipSync(new Uint8Array(await res.arrayBuffer())).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    // The header and a line per row.
    expect(text.trimEnd().split('\n')).toHaveLength(ROWS + 1);
  });

  it('has no row cap, and gives the first `limit` rows when asked', async () => {
    expect((await api.get(`${QUERY}&limit=1000001`, { caller: ANALYST })).status).toBe(400);
    const res = await api.get(`${QUERY}&format=json&download=1&limit=10`, { caller: ANALYST });
    expect((await res.json()).rows).toHaveLength(10);
  });
});

describe('the audit of a streamed download', () => {
  const lastExport = () =>
    api.db.prepare("SELECT rows, detail FROM audit_log WHERE action = 'export' ORDER BY id DESC LIMIT 1").get() as {
      rows: number;
      detail: string;
    };

  it('records the rows once the download has been read to the end', async () => {
    const res = await api.get(`${QUERY}&format=arrow&download=1`, { caller: ANALYST });
    await res.arrayBuffer();
    const row = lastExport();
    expect(row.rows).toBe(ROWS);
    expect(JSON.parse(row.detail)).not.toHaveProperty('incomplete');
  });

  it('records an abandoned download as incomplete, with the rows read until then', async () => {
    const before = lastExport();
    const res = await api.get(`${QUERY}&format=csv`, { caller: ANALYST });
    const reader = res.body!.getReader();
    await reader.read();
    await reader.cancel();
    await expect.poll(() => lastExport().detail, { timeout: 5000 }).not.toBe(before.detail);
    const row = lastExport();
    expect(JSON.parse(row.detail)).toMatchObject({ format: 'csv', incomplete: true });
    expect(row.rows).toBeGreaterThan(0);
    expect(row.rows).toBeLessThan(ROWS);
  });
});

describe("XLSX past a sheet's rows", () => {
  it('continues on further sheets under the same header, and counts every row in the about sheet', async () => {
    const entry = indicatorEntry('settlement_count')!;
    const columns = [
      { key: 'period', header: 'Period' },
      { key: 'numerator', header: 'Settlements' }
    ];
    const tables = (async function* () {
      for (let b = 0; b < 5; b++) yield Array.from({ length: 100 }, (_, i) => ['2023-01-01', b * 100 + i]);
    })();
    const chunks: Uint8Array[] = [];
    for await (const chunk of xlsxChunks(entry, columns, tables, [['Grain', 'Day']], 'v1', 'en', 200)) chunks.push(chunk);
    const book = new ExcelJS.Workbook();
    const bytes = Buffer.concat(chunks);
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    expect(book.worksheets.map((w) => [w.name, w.rowCount])).toEqual([
      ['Data', 201],
      ['Data 2', 201],
      ['Data 3', 101],
      ['About', 9]
    ]);
    expect(book.getWorksheet('Data 3')!.getRow(1).getCell(2).value).toBe('Settlements');
    expect(book.getWorksheet('Data 3')!.getRow(101).getCell(2).value).toBe(499);
    expect(book.getWorksheet('About')!.getRow(9).getCell(2).value).toBe(500);
  });
});
