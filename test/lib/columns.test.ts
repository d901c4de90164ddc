import { tableFromArrays, tableFromIPC, tableToIPC, vectorFromArray, Dictionary, Int32, Utf8, DateDay, Table, Float64 } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { fromArrow, fromRows, periodsOf, seriesBy, single, valuesBy } from '../../src/lib/data/columns';
import { queryParams, wantsArrow } from '../../src/lib/data/query';

const rows = [
  { period: '2025-02-01', county: '652301', numerator: 4, denominator: 5, value: 0.8 },
  { period: '2025-01-01', county: '652301', numerator: 3, denominator: 4, value: 0.75 },
  { period: '2025-01-01', county: '652302', numerator: 1, denominator: 2, value: 0.5 }
];

describe('query answers as columns', () => {
  it('turns JSON rows into columns', () => {
    const c = fromRows(rows);
    expect(c.length).toBe(3);
    expect(c.columns.county).toEqual(['652301', '652301', '652302']);
  });

  it('aligns one series per code on sorted periods, gaps as null', () => {
    const { periods, series } = seriesBy(fromRows(rows), 'county');
    expect(periods).toEqual(['2025-01-01', '2025-02-01']);
    expect(series.get('652301')).toEqual([0.75, 0.8]);
    expect(series.get('652302')).toEqual([0.5, null]);
    expect(seriesBy(fromRows(rows), 'county', 'numerator').series.get('652302')).toEqual([1, null]);
  });

  it('reads one value per code and the single KPI figure', () => {
    const c = fromRows([{ period: '2025-01-01', county: '652301', numerator: 3, denominator: 4, value: 0.75, compare_value: 0.7 }]);
    expect(valuesBy(c, 'county')).toEqual([
      { code: '652301', value: 0.75, numerator: 3, denominator: 4, compare: 0.7, suppressed: false, tooFew: false }
    ]);
    expect(single(c)).toMatchObject({ value: 0.75, compare: 0.7 });
    expect(single(fromRows([]))).toBeNull();
    expect(periodsOf(fromRows([]))).toEqual([]);
  });

  it('reads a small-cell figure the API hid as null, flagging its row', () => {
    const c = fromRows([
      { period: '2025-01-01', county: '652301', numerator: '<5', denominator: 40, value: '<5' },
      { period: '2025-01-01', county: '652302', numerator: 12, denominator: 40, value: 0.3 }
    ]);
    expect(valuesBy(c, 'county').map((v) => [v.value, v.suppressed])).toEqual([
      [null, true],
      [0.3, false]
    ]);
    expect(single(c)).toMatchObject({ value: null, numerator: null, suppressed: true });
  });

  it('decodes an Arrow IPC stream to the same columns (dates, dictionaries, nulls)', () => {
    const days = [Date.UTC(2025, 0, 1), Date.UTC(2025, 0, 1), Date.UTC(2025, 1, 1)];
    const table = new Table({
      period: vectorFromArray(days, new DateDay()),
      county: vectorFromArray(['652301', '652302', '652301'], new Dictionary(new Utf8(), new Int32())),
      value: vectorFromArray([0.75, null, 0.8], new Float64())
    });
    const decoded = fromArrow(tableFromIPC(tableToIPC(table, 'stream')));
    expect(decoded.columns).toEqual({
      period: ['2025-01-01', '2025-01-01', '2025-02-01'],
      county: ['652301', '652302', '652301'],
      value: [0.75, null, 0.8]
    });
    expect(fromArrow(tableFromArrays({ n: Float64Array.from([1, 2]) })).length).toBe(2);
  });
});

describe('query parameters', () => {
  const spec = { indicator: 'face_scan_share', from: '2025-01-01', to: '2025-12-31', grain: 'month' as const, org: '652300' };

  it('names only what is set', () => {
    expect(queryParams(spec, 'json').toString()).toBe(
      'indicator=face_scan_share&from=2025-01-01&to=2025-12-31&grain=month&org=652300&format=json'
    );
    expect(queryParams({ ...spec, by: ['county', 'channel'], compare: 'yoy', top: 10 }, 'arrow').toString()).toContain(
      'by=county%2Cchannel&compare=yoy&top=10&format=arrow'
    );
  });

  it('sends long series as Arrow', () => {
    expect(wantsArrow(spec)).toBe(false);
    expect(wantsArrow({ ...spec, grain: 'day' })).toBe(true);
    expect(wantsArrow({ ...spec, by: ['institution'] })).toBe(true);
    expect(wantsArrow({ ...spec, grain: 'all', by: ['institution'] })).toBe(false);
  });
});
