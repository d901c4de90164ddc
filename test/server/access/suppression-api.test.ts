// Small-cell suppression through the API, in every format: counts of 1-4 persons and their
// complements read "<5" (JSON, CSV, XLSX) or null with `suppressed` true (Arrow, Parquet) for
// county users, managers and analysts; officials and admins see every figure. Fixture settlements
// over Jan-Feb 2025 by institution: A 15, B 20, C 4, D 6 (test/server/metrics/fixture.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, ANALYST, apiFixture, COUNTY, OFFICIAL, type ApiFixture } from '../api/helpers';
import { A, B, C, D } from '../metrics/fixture';
import { decode } from './decode';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const RANGE = 'from=2025-01-01&to=2025-02-28&grain=all';
const SETTLEMENTS = `/api/query?indicator=settlement_count&${RANGE}&by=institution`;

describe('suppression in every format', () => {
  it('hides the small cell and its complement from an analyst, and from no official or admin', async () => {
    const analyst = (await api.json(SETTLEMENTS, ANALYST)).rows;
    expect(analyst.map((r: Record<string, unknown>) => [r.institution, r.numerator, r.value])).toEqual([
      [A, 15, 15],
      [B, 20, 20],
      // C's 4 is small; D, the smallest other cell, is hidden with it, or 45 - 15 - 20 - 6 would give C away.
      [C, '<5', '<5'],
      [D, '<5', '<5']
    ]);
    for (const caller of [OFFICIAL, ADMIN]) {
      expect(
        (await api.json(SETTLEMENTS, caller)).rows.map((r: Record<string, unknown>) => r.numerator),
        caller.role
      ).toEqual([15, 20, 4, 6]);
    }
  });

  it('writes "<5" into CSV (read with its BOM) and XLSX, null and suppressed=true into Arrow and Parquet', async () => {
    const expected = { [A]: 15, [B]: 20, [C]: null, [D]: null };
    for (const format of ['csv', 'xlsx'] as const) {
      const rows = await decode(await api.get(`${SETTLEMENTS}&format=${format}&lang=en`, { caller: ANALYST }), format);
      expect(
        rows.map((r) => [r['Institution code'], r.Settlements, r['Insurance settlements']]),
        format
      ).toEqual([
        [A, format === 'csv' ? '15' : 15, format === 'csv' ? '15' : 15],
        [B, format === 'csv' ? '20' : 20, format === 'csv' ? '20' : 20],
        [C, '<5', '<5'],
        [D, '<5', '<5']
      ]);
    }
    for (const format of ['arrow', 'parquet'] as const) {
      const url = `${SETTLEMENTS}&format=${format}${format === 'arrow' ? '&download=1' : ''}`;
      const rows = await decode(await api.get(url, { caller: ANALYST }), format);
      expect(Object.fromEntries(rows.map((r) => [r.institution, r.numerator])), format).toEqual(expected);
      expect(
        rows.map((r) => r.suppressed),
        format
      ).toEqual([false, false, true, true]);
      // The dashboard's own Arrow (not a download) is suppressed the same way.
      if (format === 'arrow')
        expect((await decode(await api.get(`${SETTLEMENTS}&format=arrow`, { caller: COUNTY }), 'arrow')).map((r) => r.suppressed)).toEqual([
          true,
          true
        ]);
      // Where nothing is hidden from the caller, there is no column for it.
      expect(Object.keys((await decode(await api.get(url, { caller: ADMIN }), format))[0]), format).not.toContain('suppressed');
    }
  });

  it('answers each caller from its own cached variant', async () => {
    const url = `/api/query?indicator=card_refunds&from=2025-01-01&to=2025-01-31&grain=all&by=institution`;
    const shown = (await api.json(url, OFFICIAL)).rows.map((r: { numerator: unknown }) => r.numerator);
    const hidden = (await api.json(url, ANALYST)).rows.map((r: { numerator: unknown }) => r.numerator);
    expect(shown).toEqual([3, 2]);
    expect(hidden).toEqual(['<5', '<5']);
    expect((await api.json(url, OFFICIAL)).rows.map((r: { numerator: unknown }) => r.numerator)).toEqual([3, 2]);
  });
});

describe('what is hidden', () => {
  it('hides numerator, denominator and the rate they make, each with its own complement', async () => {
    // Face-scan settlements over insurance settlements (cash excluded): A 10/10, B 0/20, C 4/4, D 0/6.
    const rows = (await api.json(`/api/query?indicator=face_scan_share&${RANGE}&by=institution`, ANALYST)).rows;
    // The counts read <5; a share they would reveal is null, noted too_few (样本不足), never "<5".
    expect(rows.map((r: Record<string, unknown>) => [r.institution, r.numerator, r.denominator, r.value, r.value_note])).toEqual([
      // Numerators: C's 4 is small; its complement is the smallest non-zero other one, A's 10
      // (hiding a zero would tell less: the rest are zeros).
      [A, '<5', 10, null, 'too_few'],
      [B, 0, 20, 0, null],
      [C, '<5', '<5', null, 'too_few'],
      // Denominators: C's 4 is small; D's 6 is the complement.
      [D, 0, '<5', null, 'too_few']
    ]);
  });

  it("hides a county user's small cell inside the county, where the county total is shown", async () => {
    expect((await api.json(`/api/query?indicator=settlement_count&${RANGE}`, COUNTY)).rows[0].numerator).toBe(10);
    const rows = (await api.json(SETTLEMENTS, COUNTY)).rows;
    expect(rows.map((r: Record<string, unknown>) => [r.institution, r.numerator])).toEqual([
      [C, '<5'],
      [D, '<5']
    ]);
  });

  it('leaves money alone: yuan figures count no persons', async () => {
    const url = `/api/query?indicator=card_refund_amount&from=2025-01-01&to=2025-01-31&grain=all&by=institution`;
    expect((await api.json(url, ANALYST)).rows.map((r: { numerator: unknown }) => r.numerator)).toEqual([150.5, 49.5]);
  });

  it('hides small comparison figures too', async () => {
    // A's settlements of January 2024 (2) are the year-earlier figure of January 2025.
    const rows = (
      await api.json(`/api/query?indicator=settlement_count&from=2025-01-01&to=2025-01-31&grain=month&org=${A}&compare=yoy`, ANALYST)
    ).rows;
    expect(rows).toEqual([
      {
        period: '2025-01-01',
        numerator: 15,
        denominator: null,
        value: 15,
        compare_numerator: '<5',
        compare_denominator: null,
        compare_value: '<5'
      }
    ]);
  });
});
