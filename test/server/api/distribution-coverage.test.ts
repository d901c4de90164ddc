// Two indicator shapes beyond sums and ratios, over the fixture warehouse
// (test/server/metrics/fixture.ts): a duration median broken down into its histogram (events per
// bucket), and the face-scan coverage of the designated institutions (institutions counted, not
// summed).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DURATION_BUCKETS } from '../../../src/lib/server/metrics/tables';
import { A } from '../metrics/fixture';
import { ANALYST, apiFixture, COUNTY, OFFICIAL, rows, type ApiFixture } from './helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const Y2025 = 'from=2025-01-01&to=2025-12-31&grain=all';

describe('duration histogram (by=duration_bucket)', () => {
  it("counts events per bucket, summing to the indicator's events", async () => {
    const [total] = await rows(api, `indicator=referral_time_to_admission&${Y2025}`);
    const buckets = await rows(api, `indicator=referral_time_to_admission&${Y2025}&by=duration_bucket`);
    // Routine 10:2, 30:3, 60:1 and urgent 20:2 (fixture rows).
    expect(buckets.map((r) => [r.duration_bucket, r.numerator])).toEqual([
      ['10', 2],
      ['20', 2],
      ['30', 3],
      ['60', 1]
    ]);
    expect(buckets.reduce((sum, r) => sum + r.numerator, 0)).toBe(total.numerator);
    expect(total.numerator).toBe(8);
  });

  it('orders buckets by their lower bound, not as text', async () => {
    const buckets = await rows(api, `indicator=remote_imaging_turnaround&${Y2025}&by=duration_bucket`);
    expect(buckets.map((r) => [r.duration_bucket, r.numerator])).toEqual([
      ['5', 2],
      ['45', 3],
      ['120', 1]
    ]);
    const monthly = await rows(api, 'indicator=ems_arrival_minutes&from=2025-01-01&to=2025-12-31&grain=month&by=county,duration_bucket');
    expect(monthly.map((r) => [r.county, r.duration_bucket, r.numerator])).toEqual([
      ['652301', '15', 4],
      ['652327', '30', 1]
    ]);
  });

  it('names every bucket in both languages, the last one open', async () => {
    const { dimensions } = await api.json('/api/indicators');
    const dim = dimensions.find((d: { id: string }) => d.id === 'duration_bucket');
    expect(dim.values.map((v: { code: string }) => Number(v.code))).toEqual(DURATION_BUCKETS);
    expect(dim.values.find((v: { code: string }) => v.code === '45')).toEqual({ code: '45', zh: '45分钟–1小时', en: '45 min–1 h' });
    expect(dim.values.at(-1)).toEqual({ code: '5760', zh: '≥4天', en: '≥4 d' });
  });
});

/**
 * The median rule the SQL follows (builder.ts medianCtes), as the dashboard once worked it out
 * from the buckets: interpolated linearly inside the bucket where the running count reaches half
 * the total; the open last bucket answers its lower bound. Null for no events.
 */
function referenceMedian(buckets: { from: number; to: number | null; count: number }[]): number | null {
  const sorted = [...buckets].sort((a, b) => a.from - b.from);
  const total = sorted.reduce((s, b) => s + b.count, 0);
  if (total === 0) return null;
  let seen = 0;
  for (const b of sorted) {
    if (seen + b.count >= total / 2)
      return b.to === null || b.count === 0 ? b.from : b.from + ((total / 2 - seen) / b.count) * (b.to - b.from);
    seen += b.count;
  }
  return sorted[sorted.length - 1].from;
}

describe("the histogram's median is the API's", () => {
  const b = (from: number, to: number | null, count: number) => ({ from, to, count });
  const upper = (from: number) => DURATION_BUCKETS[DURATION_BUCKETS.indexOf(from) + 1] ?? null;
  const MEDIANS = ['referral_time_to_admission', 'remote_imaging_turnaround', 'ems_arrival_minutes'];

  it('follows the interpolation rule', () => {
    expect(referenceMedian([b(0, 10, 2), b(10, 20, 2)])).toBe(10);
    expect(referenceMedian([b(10, 20, 4), b(0, 10, 0)])).toBe(15);
    expect(referenceMedian([b(60, null, 3)])).toBe(60);
    expect(referenceMedian([])).toBeNull();
  });

  it("is the indicator's value without the breakdown, computed in SQL from every bucket", async () => {
    for (const id of MEDIANS) {
      for (const org of ['652300', '652301', '652327']) {
        const [total] = await rows(api, `indicator=${id}&${Y2025}&org=${org}`);
        const buckets = await rows(api, `indicator=${id}&${Y2025}&org=${org}&by=duration_bucket`);
        const expected = referenceMedian(buckets.map((r) => b(Number(r.duration_bucket), upper(Number(r.duration_bucket)), r.numerator)));
        if (expected === null) expect(total, `${id} ${org}`).toBeUndefined();
        else expect(total.value, `${id} ${org}`).toBeCloseTo(expected, 9);
      }
    }
    // Routine 10:2, 30:3, 60:1 and urgent 20:2: half of 8 is reached at the end of the 20-30 bucket.
    expect((await rows(api, `indicator=referral_time_to_admission&${Y2025}`))[0].value).toBe(30);
  });

  it('is computed from unsuppressed buckets and hidden only with a small total', async () => {
    for (const id of MEDIANS) {
      for (const org of ['652300', '652301', '652327']) {
        const [all] = await rows(api, `indicator=${id}&${Y2025}&org=${org}`, OFFICIAL);
        const [shown] = await rows(api, `indicator=${id}&${Y2025}&org=${org}`, ANALYST);
        if (all === undefined) continue;
        const small = all.numerator > 0 && all.numerator < 5;
        // A median is no count: hidden, it is null and noted too_few (样本不足), never "<5" minutes.
        expect([shown.value, shown.value_note], `${id} ${org}`).toEqual(small ? [null, 'too_few'] : [all.value, null]);
      }
    }
    // The 120 arrivals of 652327: one event, so its count and median are hidden from an analyst.
    expect(await rows(api, `indicator=ems_arrival_minutes&${Y2025}&org=652327`, ANALYST)).toMatchObject([
      { numerator: '<5', value: null, value_note: 'too_few' }
    ]);
  });
});

describe('face-scan coverage of the designated institutions', () => {
  // The prefecture has 327 designated institutions: 73 in 652301, 35 in 652327, 10 in township
  // 652327100. Face scans: A (652301) on 2024-01-15 and 2025-01-10, C (652327100) on 2025-02-05.
  const Q = 'indicator=face_scan_coverage&from=2025-01-01&to=2025-02-28';

  it('counts institutions with a face-scan settlement over all designated institutions', async () => {
    expect(await rows(api, `${Q}&grain=all`)).toEqual([{ period: '2025-01-01', numerator: 2, denominator: 327, value: 2 / 327 }]);
    expect(await rows(api, `${Q}&grain=month`)).toEqual([
      { period: '2025-01-01', numerator: 1, denominator: 327, value: 1 / 327 },
      { period: '2025-02-01', numerator: 1, denominator: 327, value: 1 / 327 }
    ]);
  });

  it('keeps units without a face scan (or without any row) in the denominator, per breakdown', async () => {
    const byCounty = await rows(api, `${Q}&grain=all&by=county`);
    expect(byCounty).toHaveLength(7);
    expect(byCounty.filter((r) => r.numerator > 0).map((r) => [r.county, r.numerator, r.denominator])).toEqual([
      ['652301', 1, 73],
      ['652327', 1, 35]
    ]);
    expect(byCounty.reduce((sum, r) => sum + r.denominator, 0)).toBe(327);
    expect(await rows(api, `${Q}&grain=all&org=652327100`)).toEqual([{ period: '2025-01-01', numerator: 1, denominator: 10, value: 0.1 }]);
    const byInstitution = await rows(api, `${Q}&grain=all&org=652301&by=institution`);
    expect(byInstitution).toHaveLength(73);
    expect(byInstitution.filter((r) => r.value === 1).map((r) => r.institution)).toEqual([A]);
  });

  it("compares with the same period a year earlier and stays in the caller's scope", async () => {
    const [jan] = await rows(api, 'indicator=face_scan_coverage&from=2025-01-01&to=2025-01-31&grain=month&compare=yoy');
    expect(jan).toMatchObject({ numerator: 1, compare_numerator: 1, compare_denominator: 327 });
    expect(await rows(api, `${Q}&grain=all`, COUNTY)).toEqual([{ period: '2025-01-01', numerator: 1, denominator: 35, value: 1 / 35 }]);
    expect((await api.get(`/api/query?${Q}&org=652301`, { caller: COUNTY })).status).toBe(403);
  });
});
