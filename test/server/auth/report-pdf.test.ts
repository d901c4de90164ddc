// The monthly report PDF, read back with poppler: the Chinese title and table must come out
// as text (fonts embedded with a Unicode map), and the page must rasterise.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderMonthlyReport, reportTitle, type MonthlyReportInput } from '../../../src/lib/server/report/monthly-report';

const months = ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月'];

const input: MonthlyReportInput = {
  org: { code: '652301', name: '昌吉市' },
  month: '2025-11',
  dataVersion: 'run-20251201',
  generatedAt: new Date('2025-12-01T00:30:00Z'),
  kpis: [
    {
      name: '基层医疗卫生机构诊疗量占比',
      value: 0.652,
      target: { value: 0.65, op: '>=' },
      previousMonth: 0.641,
      sameMonthLastYear: 0.598,
      format: 'percent'
    },
    {
      name: '县域内住院率',
      value: 0.872,
      target: { value: 0.9, op: '>=' },
      previousMonth: 0.869,
      sameMonthLastYear: null,
      format: 'percent'
    },
    { name: '门诊次均费用', value: 186.4, target: { value: 200, op: '<=' }, previousMonth: 181.2, sameMonthLastYear: 175, format: 'yuan' },
    { name: '高血压患者规范管理人数', value: '<5', target: null, previousMonth: 12, sameMonthLastYear: '<5', format: 'count', unit: '人' }
  ],
  charts: [
    {
      title: '刷脸结算占比（月度）',
      option: {
        xAxis: { type: 'category', data: months },
        yAxis: { type: 'value', axisLabel: { formatter: '{value}%' } },
        series: [{ type: 'line', name: '刷脸结算占比', data: [12, 18, 25, 31, 36, 40, 44, 47, 51, 54, 57] }]
      }
    },
    {
      title: '各县市门诊量',
      option: {
        xAxis: { type: 'category', data: ['昌吉市', '阜康市', '呼图壁县', '玛纳斯县', '奇台县', '吉木萨尔县', '木垒哈萨克自治县'] },
        yAxis: { type: 'value' },
        series: [{ type: 'bar', data: [120, 80, 60, 70, 65, 40, 25] }]
      }
    }
  ]
};

function pdftotext(file: string): string {
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

describe('monthly report PDF', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hci-report-'));
  const file = join(dir, 'report.pdf');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has the Chinese title, the KPI table and the chart labels as extractable text', async () => {
    const pdf = await renderMonthlyReport(input);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    writeFileSync(file, pdf);
    const text = pdftotext(file);
    expect(reportTitle(input)).toBe('昌吉州健康云月度报告 2025年11月 · 昌吉市');
    expect(text).toContain('昌吉州健康云月度报告 2025年11月 · 昌吉市');
    expect(text).toMatch(/基层医疗卫生机构诊疗量占比\s+65\.2%\s+≥ 65%\s+64\.1%\s+59\.8%/);
    expect(text).toMatch(/高血压患者规范管理人数\s+<5\s+—\s+12人\s+<5/);
    expect(text).toContain('186.4元');
    // Chart text comes from the SVG, drawn with the embedded font.
    expect(text).toContain('刷脸结算占比（月度）');
    expect(text).toContain('木垒哈萨克自治县');
    expect(text).toMatch(/第\s*1\s*页\s*\/\s*共\s*1\s*页/);
  });

  it('embeds its fonts and renders to an image with poppler', () => {
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/\byes\s+yes\s+yes\b/);
    execFileSync('pdftoppm', ['-png', '-r', '40', '-f', '1', '-l', '1', file, join(dir, 'page')]);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+昌吉州健康云月度报告/);
  });

  it('refuses a month that is not YYYY-MM', () => {
    expect(() => reportTitle({ ...input, month: '2025-1' })).toThrow(/YYYY-MM/);
  });
});
