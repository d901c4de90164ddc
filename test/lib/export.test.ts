// Export links: the chart's own query with a file format and download=1, for roles that may export.
import { describe, expect, it } from 'vitest';
import { canExport, ROLES } from '../../src/lib/contract/contract';
import { EXPORT_FORMATS, exportLinks, exportUrl } from '../../src/lib/data/export';
import { queryParams, type QuerySpec } from '../../src/lib/data/query';

const spec: QuerySpec = {
  indicator: 'settlement_count',
  from: '2025-01-01',
  to: '2025-06-30',
  grain: 'month',
  org: '652301',
  by: ['township'],
  compare: 'yoy',
  top: 10
};

describe('export URLs', () => {
  it('keeps every parameter of the chart query and adds the format and download=1', () => {
    const url = exportUrl(spec, 'xlsx', 'en');
    expect(url.startsWith('/api/query?')).toBe(true);
    const p = new URLSearchParams(url.slice('/api/query?'.length));
    const chart = queryParams(spec, 'json');
    for (const key of ['indicator', 'from', 'to', 'grain', 'org', 'by', 'compare', 'top']) expect(p.get(key)).toBe(chart.get(key));
    expect(p.get('format')).toBe('xlsx');
    expect(p.get('download')).toBe('1');
    expect(p.get('lang')).toBe('en');
    expect(p.get('by')).toBe('township');
  });

  it('leaves out what the chart leaves out (no breakdown, no comparison, no lang)', () => {
    const p = new URLSearchParams(
      exportUrl({ indicator: 'x', from: '2025-01-01', to: '2025-01-31', grain: 'all', org: '652300' }, 'csv').split('?')[1]
    );
    expect([...p.keys()].sort()).toEqual(['download', 'format', 'from', 'grain', 'indicator', 'org', 'to']);
  });

  it('offers CSV, XLSX, Parquet and Arrow for each query, skipping queries not sent', () => {
    expect(EXPORT_FORMATS).toEqual(['csv', 'xlsx', 'parquet', 'arrow']);
    const groups = exportLinks([spec, null, { ...spec, indicator: 'face_scan_settlements' }], 'zh');
    expect(groups.map((g) => g.indicator)).toEqual(['settlement_count', 'face_scan_settlements']);
    expect(groups[0].links.map((l) => l.format)).toEqual([...EXPORT_FORMATS]);
    expect(groups[0].links[3].href).toContain('format=arrow');
    expect(groups[0].links.every((l) => l.href.includes('download=1') && l.href.includes('lang=zh'))).toBe(true);
    expect(exportLinks([null, undefined])).toEqual([]);
  });
});

describe('who sees the export menu', () => {
  it('analysts and admins only, nobody signed out', () => {
    expect(ROLES.filter((role) => canExport({ role }))).toEqual(['analyst', 'admin']);
    expect(canExport(null)).toBe(false);
  });
});
