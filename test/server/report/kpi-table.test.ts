// The monthly report's KPI table judges a target by the dashboard's rule (format/target.ts):
// 86.6% against ≥ 90% and 30.6% against ≤ 30% read 接近目标 in the PDF as on the tiles, each
// status as a word beside the value in app.css's status colour, not by colour alone.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { targetStatus } from '../../../src/lib/format/target';
import { drawKpiTable, type KpiRow } from '../../../src/lib/server/report/kpi-table';
import { renderMonthlyReport } from '../../../src/lib/server/report/monthly-report';
import { cssTokens } from '../../../src/lib/server/report/report-pdf';

const ROWS: KpiRow[] = [
  {
    name: '县域内住院人次占比',
    value: 0.866,
    target: { value: 0.9, op: '>=' },
    previousMonth: 0.86,
    sameMonthLastYear: null,
    format: 'percent'
  },
  { name: '药占比', value: 0.306, target: { value: 0.3, op: '<=' }, previousMonth: 0.31, sameMonthLastYear: null, format: 'percent' },
  {
    name: '120急救反应时间（中位数）',
    value: 20.6,
    target: { value: 15, op: '<=' },
    previousMonth: 19,
    sameMonthLastYear: null,
    format: 'minutes'
  },
  {
    name: '基层医疗卫生机构诊疗量占比',
    value: 0.652,
    target: { value: 0.65, op: '>=' },
    previousMonth: 0.64,
    sameMonthLastYear: null,
    format: 'percent'
  },
  { name: '医保结算笔数', value: 1200, target: null, previousMonth: 1100, sameMonthLastYear: null, format: 'count', unit: '笔' }
];

/** What drawKpiTable writes, each text with the colour it is filled in. */
function drawn(rows: readonly KpiRow[]): { text: string; colour: string }[] {
  const out: { text: string; colour: string }[] = [];
  let colour = '';
  const doc = {
    page: { width: 595, height: 842, margins: { left: 48, right: 48, top: 48, bottom: 48 } },
    x: 48,
    y: 100,
    font: () => doc,
    fontSize: () => doc,
    rect: () => doc,
    fill: () => doc,
    addPage: () => doc,
    fillColor: (c: string) => ((colour = c), doc),
    text: (text: string) => (out.push({ text, colour }), doc)
  };
  drawKpiTable(doc as unknown as PDFKit.PDFDocument, rows, { regular: 'r', bold: 'b' });
  return out;
}

describe('the KPI table status', () => {
  const tokens = cssTokens(readFileSync('src/app.css', 'utf8'));
  const cells = drawn(ROWS);
  const rowOf = (name: string) => {
    const at = cells.findIndex((c) => c.text === name);
    return cells.slice(at, at + 6);
  };

  it('writes the status as a word, and value and word in its app.css colour', () => {
    const expected = [
      ['县域内住院人次占比', '接近目标', '--warn'],
      ['药占比', '接近目标', '--warn'],
      ['120急救反应时间（中位数）', '未达标', '--bad'],
      ['基层医疗卫生机构诊疗量占比', '达标', '--good']
    ];
    for (const [name, word, token] of expected) {
      const [, value, , , , status] = rowOf(name);
      expect(status).toEqual({ text: word, colour: tokens[token] });
      expect(value.colour).toBe(tokens[token]);
    }
  });

  it('has no status, and no status colour, without a target', () => {
    const [, value, target, , , status] = rowOf('医保结算笔数');
    expect([target.text, status.text]).toEqual(['—', '']);
    expect(value.colour).toBe(cells[0].colour);
  });

  it("judges every row as the dashboard's tiles do", () => {
    const words = { good: '达标', warn: '接近目标', bad: '未达标' };
    for (const row of ROWS.filter((r) => r.target)) {
      expect(rowOf(row.name)[5].text).toBe(words[targetStatus(row.value as number, row.target, row.format)!]);
    }
  });
});

describe('the PDF, read back', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hci-kpi-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([
    ['zh', ['接近目标', '接近目标', '未达标', '达标'], '状态：达到目标为达标'],
    ['en', ['Near target', 'Near target', 'Off target', 'On target'], 'Status: on target when the target is met']
  ] as const)('has the status beside each row with a target and the rule under the table (%s)', async (lang, words, rule) => {
    const pdf = await renderMonthlyReport({ org: { code: '652301', name: '昌吉市' }, month: '2025-11', kpis: ROWS, charts: [], lang });
    const file = join(dir, `${lang}.pdf`);
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text).toMatch(new RegExp(`县域内住院人次占比\\s+86\\.6%\\s+≥ 90%\\s+86%\\s+—\\s+${words[0]}`));
    expect(text).toMatch(new RegExp(`药占比\\s+30\\.6%\\s+≤ 30%\\s+31%\\s+—\\s+${words[1]}`));
    expect(text).toMatch(
      new RegExp(`120急救反应时间（中位数）\\s+20\\.6\\s?(分钟|min)\\s+≤ 15\\s?(分钟|min)\\s+19\\s?(分钟|min)\\s+—\\s+${words[2]}`)
    );
    expect(text).toMatch(new RegExp(`基层医疗卫生机构诊疗量占比\\s+65\\.2%\\s+≥ 65%\\s+64%\\s+—\\s+${words[3]}`));
    // No target, no status: the row ends with its last figure.
    expect(
      text
        .split('\n')
        .find((line) => line.includes('医保结算笔数'))
        ?.trim()
        .endsWith('—')
    ).toBe(true);
    expect(text.replace(/\s+/g, ' ')).toContain(rule);
  });
});
