// Golden answers per indicator family on the fixture warehouse (test/server/metrics/fixture.ts):
// every expected figure below is worked out by hand from the fixture's rows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DURATION_BUCKETS } from '../../../src/lib/server/metrics/tables';
import { Database } from '../../../pipelines/warehouse';
import { apiFixture, rows, type ApiFixture } from '../api/helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

const one = async (query: string) => {
  const r = await rows(api, query);
  expect(r).toHaveLength(1);
  return r[0];
};
const Y2025 = 'from=2025-01-01&to=2025-12-31';

describe('services', () => {
  it('counts settlements and splits them by channel', async () => {
    expect(await one(`indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all`)).toEqual({
      period: '2025-01-01',
      numerator: 45,
      denominator: null,
      value: 45
    });
    const byChannel = await rows(api, 'indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all&by=channel');
    expect(byChannel.map((r) => [r.channel, r.value])).toEqual([
      ['cash', 5],
      ['e_insurance_qr', 6],
      ['face', 14],
      ['insurance_card', 20]
    ]);
  });

  it('divides summed numerators by summed denominators, cash excluded from the face-scan share', async () => {
    // Jan: face 10 / (10 + 20) in 652301; Feb: face 4 / (4 + 6) in 652327.
    const r = await rows(api, 'indicator=face_scan_share&from=2025-01-01&to=2025-02-28&grain=month&by=county');
    expect(r).toEqual([
      { period: '2025-01-01', county: '652301', numerator: 10, denominator: 30, value: 10 / 30 },
      { period: '2025-02-01', county: '652327', numerator: 4, denominator: 10, value: 0.4 }
    ]);
    expect((await one('indicator=face_scan_share&from=2025-01-01&to=2025-02-28&grain=all')).value).toBe(14 / 40);
    expect((await one('indicator=face_verify_pass_rate&from=2025-01-01&to=2025-02-28&grain=all')).value).toBe(14 / 17);
  });

  it('compares with the same month a year earlier', async () => {
    expect(await one('indicator=face_scan_share&from=2025-01-01&to=2025-01-31&grain=month&compare=yoy')).toEqual({
      period: '2025-01-01',
      numerator: 10,
      denominator: 30,
      value: 10 / 30,
      compare_numerator: 2,
      compare_denominator: 2,
      compare_value: 1
    });
  });

  it('answers part-month ranges from the daily rows and whole months from the rollup alike', async () => {
    expect((await one('indicator=settlement_count&from=2025-01-01&to=2025-01-15&grain=all')).value).toBe(15);
    expect((await one('indicator=settlement_count&from=2025-01-01&to=2025-01-31&grain=all')).value).toBe(35);
    expect((await one('indicator=settlement_count&from=2025-01-11&to=2025-01-31&grain=month')).value).toBe(20);
    // Whole months from the rollup, the days around them from the daily rows: 2 + 35 + 10.
    expect((await one('indicator=settlement_count&from=2024-01-10&to=2025-02-10&grain=all')).value).toBe(47);
    const months = await rows(api, 'indicator=settlement_count&from=2025-01-15&to=2025-02-28&grain=month&by=county');
    expect(months.map((r) => [r.period, r.county, r.value])).toEqual([
      ['2025-01-01', '652301', 20],
      ['2025-02-01', '652327', 10]
    ]);
  });

  it('computes referral success, direction share and applications by county', async () => {
    expect(await one(`indicator=referral_success_rate&${Y2025}&grain=year`)).toEqual({
      period: '2025-01-01',
      numerator: 8,
      denominator: 10,
      value: 0.8
    });
    const byDirection = await rows(api, `indicator=referral_success_rate&${Y2025}&grain=all&by=direction`);
    expect(byDirection.map((r) => [r.direction, r.value])).toEqual([
      ['down', 2 / 3],
      ['up', 6 / 7]
    ]);
    expect((await one(`indicator=down_referral_share&${Y2025}&grain=all`)).value).toBe(0.3);
    const byCounty = await rows(api, `indicator=referral_applications&${Y2025}&grain=all&by=county`);
    expect(byCounty.map((r) => [r.county, r.value])).toEqual([
      ['652301', 8],
      ['652327', 2]
    ]);
  });

  it('interpolates medians inside histogram buckets', async () => {
    // Buckets 10:2, 20:2, 30:3, 60:1 -> the 4th of 8 events ends bucket 20-30: 30 minutes.
    expect(await one(`indicator=referral_time_to_admission&${Y2025}&grain=all`)).toEqual({
      period: '2025-01-01',
      numerator: 8,
      denominator: null,
      value: 30
    });
    // Routine 10:2, 30:3, 60:1 -> 30 + 15 x 1/3 = 35; urgent 20:2 -> 20 + 10 x 1/2 = 25.
    const byUrgent = await rows(api, `indicator=referral_time_to_admission&${Y2025}&grain=all&by=urgent`);
    expect(byUrgent.map((r) => [r.urgent, r.numerator, r.value])).toEqual([
      ['false', 6, 35],
      ['true', 2, 25]
    ]);
    expect((await one(`indicator=urgent_referral_time_to_admission&${Y2025}&grain=all`)).value).toBe(25);
    // 120 arrivals 15:4, 30:1 -> 15 + 5 x 2.5/4.
    expect((await one(`indicator=ems_arrival_minutes&${Y2025}&grain=all`)).value).toBe(18.125);
  });

  it('sums recognition items, visits and savings', async () => {
    expect((await one(`indicator=recognised_items&${Y2025}&grain=all`)).value).toBe(15);
    expect((await one(`indicator=recognition_visits&${Y2025}&grain=all`)).value).toBe(12);
    expect((await one(`indicator=recognition_savings&${Y2025}&grain=all`)).value).toBe(714.5);
    const byXpcc = await rows(api, `indicator=recognised_items&${Y2025}&grain=all&by=xpcc`);
    expect(byXpcc.map((r) => [r.xpcc, r.value])).toEqual([
      ['false', 12],
      ['true', 3]
    ]);
  });

  it('turns 120 seconds into minutes and reads county-level marts by county', async () => {
    // (10800 + 7200) s / 60 over 13 arrivals; 652327: 7200 / 60 / 4.
    expect((await one(`indicator=ems_mean_arrival_minutes&${Y2025}&grain=all`)).value).toBeCloseTo(300 / 13, 12);
    expect((await one(`indicator=ems_mean_arrival_minutes&${Y2025}&grain=all&org=652327`)).value).toBe(30);
    expect((await one(`indicator=ems_calls&${Y2025}&grain=all`)).value).toBe(14);
  });

  it('keeps the top N and gathers the rest as other', async () => {
    const r = await rows(api, 'indicator=settlement_count&from=2025-01-01&to=2025-02-28&grain=all&by=channel&top=2');
    expect(r.map((x) => [x.channel, x.value])).toEqual([
      ['face', 14],
      ['insurance_card', 20],
      ['__other__', 11]
    ]);
  });
});

describe('reform', () => {
  it('computes shares, costs per visit and the in-county rate', async () => {
    const q = 'from=2025-01-01&to=2025-01-31&grain=all';
    expect((await one(`indicator=primary_care_visit_share&${q}`)).value).toBe(0.6);
    const byCounty = await rows(api, `indicator=primary_care_visit_share&${q}&by=county`);
    expect(byCounty.map((r) => [r.county, r.value])).toEqual([
      ['652301', 0.75],
      ['652327', 0]
    ]);
    expect((await one(`indicator=drug_cost_share&${q}`)).value).toBe(92000 / 345000);
    expect((await one(`indicator=outpatient_cost_per_visit&${q}`)).value).toBe(90);
    expect((await one(`indicator=lead_hospital_down_referral_share&${q}`)).value).toBe(0.2);
    expect((await one(`indicator=materials_per_100_yuan&${q}`)).value).toBe(43000 / 253000);
    expect((await one(`indicator=in_county_inpatient_rate&${q}`)).value).toBe(0.85);
    expect((await rows(api, `indicator=in_county_inpatient_rate&${q}&by=county`)).map((r) => r.value)).toEqual([0.9, 0.8]);
    expect((await one('indicator=insurance_reimbursement_ratio&from=2025-01-01&to=2025-02-28&grain=all')).value).toBe(29650 / 42500);
  });
});

describe('public health', () => {
  it('reads register stocks at the latest month of a period, never summed over months', async () => {
    expect((await one('indicator=health_record_coverage&from=2025-01-01&to=2025-02-28&grain=all')).value).toBe(1400 / 1500);
    const monthly = await rows(api, 'indicator=health_record_coverage&from=2025-01-01&to=2025-02-28&grain=month');
    expect(monthly.map((r) => [r.period, r.numerator, r.denominator])).toEqual([
      ['2025-01-01', 1300, 1500],
      ['2025-02-01', 1400, 1500]
    ]);
    expect((await one('indicator=health_record_coverage&from=2025-01-15&to=2025-02-10&grain=all')).value).toBe(1400 / 1500);
    expect((await one('indicator=family_doctor_contract_rate&from=2025-01-01&to=2025-02-28&grain=all')).value).toBe(0.4);
  });

  it("reads the latest snapshot before a range whose own month's register has not arrived", async () => {
    // No March snapshot in the fixture (a register lands after its month): 本月 = March reads February's.
    expect((await one('indicator=health_record_coverage&from=2025-03-01&to=2025-03-31&grain=all')).value).toBe(1400 / 1500);
    expect((await one('indicator=health_record_coverage&from=2025-03-10&to=2025-03-20&grain=all')).value).toBe(1400 / 1500);
    // Against the month before (环比), February read against January: the comparison looks back too.
    const vsPrevious = await one('indicator=health_record_coverage&from=2025-03-01&to=2025-03-31&grain=all&compare=previous');
    expect(vsPrevious.compare_value).toBe(1400 / 1500);
    // A series keeps each month's own snapshot: March has none, so no row.
    expect(await rows(api, 'indicator=health_record_coverage&from=2025-03-01&to=2025-03-31&grain=month')).toEqual([]);
    // Two months back is not "latest": April reads nothing.
    expect(await rows(api, 'indicator=health_record_coverage&from=2025-04-01&to=2025-04-30&grain=all')).toEqual([]);
  });

  it('computes yearly management rates per year', async () => {
    expect((await one(`indicator=htn_standard_management_rate&${Y2025}&grain=year`)).value).toBe(110 / 150);
    const years = await rows(api, 'indicator=htn_standard_management_rate&from=2024-01-01&to=2025-12-31&grain=year');
    expect(years.map((r) => [r.period, r.value])).toEqual([
      ['2024-01-01', 50 / 90],
      ['2025-01-01', 110 / 150]
    ]);
    expect((await one('indicator=htn_standard_management_rate&from=2024-01-01&to=2025-12-31&grain=all')).value).toBe(110 / 150);
    expect((await one(`indicator=elderly_health_management_rate&${Y2025}&grain=all`)).value).toBe(110 / 150);
  });

  it('counts services and follow-ups on target', async () => {
    expect((await one(`indicator=public_health_services&${Y2025}&grain=all`)).value).toBe(35);
    expect((await one(`indicator=htn_followup_control_share&${Y2025}&grain=all`)).value).toBe(9 / 15);
  });
});

describe('assets', () => {
  it('computes equipment use, beds and stays', async () => {
    const q = 'from=2025-01-01&to=2025-01-31&grain=all';
    expect((await one(`indicator=equipment_daily_exams&${q}`)).value).toBe(40);
    // The Saturday in use is not a working day: 2 of 3 working days.
    expect((await one(`indicator=equipment_uptime_rate&${q}`)).value).toBe(2 / 3);
    expect((await one(`indicator=bed_occupancy_rate&${q}`)).value).toBe(0.88);
    expect((await one(`indicator=average_length_of_stay&${q}`)).value).toBe(125 / 15);
    expect((await one(`indicator=card_refund_amount&${q}`)).value).toBe(200);
  });

  it('sums flows over months but reads balance-sheet stocks at the period end', async () => {
    const q = 'from=2025-01-01&to=2025-02-28&grain=all';
    expect((await one(`indicator=revenue_per_100_fixed_assets&${q}`)).value).toBe(2200000 / 5100000);
    expect((await one(`indicator=asset_liability_ratio&${q}`)).value).toBe(3500000 / 9100000);
    expect((await one(`indicator=staff_cost_share&${q}`)).value).toBe(620000 / 1700000);
  });
});

it("uses the bucket bounds of the pipeline's duration_bucket macro", async () => {
  const db = await Database.open(`${api.dir}/warehouse.duckdb`, { readOnly: true });
  try {
    const found = await db.rows<{ b: number }>('SELECT DISTINCT core.duration_bucket(m / 4.0) AS b FROM range(0, 40000) t(m) ORDER BY 1');
    expect(found.map((r) => Number(r.b))).toEqual(DURATION_BUCKETS);
  } finally {
    db.close();
  }
});
