// Suppression wording by kind: a count of fewer than 5 persons reads "<5"; a rate, median or mean
// resting on one is null with value_note "too_few" in every format (样本不足 / too few to show in
// the human ones and in the monthly report), never "<5", which beside a median reads "under 5 minutes".
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportResponse } from '../../../src/lib/contract/contract';
import { decode } from '../access/decode';
import { A, D } from '../metrics/fixture';
import { ANALYST, apiFixture, COUNTY, OFFICIAL, type ApiFixture } from './helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

// A's referrals timed in March: 3 in the 30-60 bucket and 1 in the 60-90 one, 4 events in all.
const MEDIAN = `indicator=referral_time_to_admission&from=2025-03-01&to=2025-03-31&grain=all&org=${A}`;

describe('a median of fewer than 5 persons', () => {
  it('is null with a reason in JSON, its count <5; an official sees both', async () => {
    expect((await api.json(`/api/query?${MEDIAN}`, ANALYST)).rows).toEqual([
      { period: '2025-03-01', numerator: '<5', denominator: null, value: null, value_note: 'too_few' }
    ]);
    const [shown] = (await api.json(`/api/query?${MEDIAN}`, OFFICIAL)).rows;
    expect(shown).toMatchObject({ numerator: 4 });
    expect(typeof shown.value).toBe('number');
    expect(shown).not.toHaveProperty('value_note');
  });

  it('is null with the reason in Arrow and Parquet, and reads 样本不足 in CSV', async () => {
    for (const format of ['arrow', 'parquet'] as const) {
      const res = await api.get(`/api/query?${MEDIAN}&format=${format}&download=1`, { caller: ANALYST });
      expect(res.status, format).toBe(200);
      expect((await decode(res, format))[0], format).toMatchObject({ value: null, value_note: 'too_few', suppressed: true });
    }
    const csv = await decode(await api.get(`/api/query?${MEDIAN}&format=csv`, { caller: ANALYST }), 'csv');
    expect(csv[0]).toMatchObject({ '转诊入院时长（中位数）': '', 说明: '样本不足' });
    const en = await decode(await api.get(`/api/query?${MEDIAN}&format=csv&lang=en`, { caller: ANALYST }), 'csv');
    expect(en[0]).toMatchObject({ Note: 'too few to show' });
  });

  it('notes a hidden comparison value too', async () => {
    const [row] =
      (await api.json(`/api/query?${MEDIAN.replace('2025-03-01&to=2025-03-31', '2025-04-01&to=2025-04-30')}&compare=previous`, ANALYST))
        .rows ?? [];
    // April has no referral timings at A: nothing to compare; March's four are the previous period.
    expect(row).toBeUndefined();
    const march = (
      await api.json(
        `/api/query?indicator=referral_time_to_admission&from=2025-03-01&to=2025-04-30&grain=month&org=${A}&compare=previous`,
        ANALYST
      )
    ).rows;
    expect(march[0]).toMatchObject({
      period: '2025-03-01',
      value: null,
      value_note: 'too_few',
      compare_value: null,
      compare_value_note: null
    });
  });
});

describe('a count of fewer than 5 persons', () => {
  it('still reads <5, with no note', async () => {
    const rows = (await api.json(`/api/query?indicator=referral_applications&from=2025-03-01&to=2025-03-31&grain=all&org=${D}`, ANALYST))
      .rows;
    expect(rows).toEqual([{ period: '2025-03-01', numerator: '<5', denominator: null, value: '<5' }]);
  });
});

describe('the monthly report', () => {
  it('reads a 120 response median of one call as too few to show, not <5', async () => {
    const report: ReportResponse = await api.json('/api/report?format=json&month=2025-06', COUNTY);
    expect(report.kpis.find((k) => k.indicator === 'ems_arrival_minutes')).toMatchObject({ value: 'too_few' });
  });
});
