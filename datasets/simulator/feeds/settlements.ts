// Insurance settlements: every insured outpatient visit and inpatient stay at the 327 designated
// institutions. Face-scan use follows each institution's go-live date and is calibrated so the
// April-December 2025 total meets the published 1.18M; online payment through the platform
// likewise meets 162,000.
import { DEPARTMENTS } from '../../contract/feeds';
import type { Institution } from '../../reference/index';
import { addDays, dateRange, dateToIndex, type Day } from '../calendar';
import { Rng } from '../random';
import { figure } from '../targets';
import type { World } from '../world';
import type { Plan } from '../plan';
import { at, clinicSeconds, dayRng, idMaker, money, patientOf, personFields, type DayContext, type FeedRecord } from './common';

/** Face verification (face + real name + real person) passes this often; failures fall back. */
export const FACE_PASS_RATE = 0.986;
const FACE_RAMP_DAYS = 30;
/** Share of settlements by face once an institution is fully live, before calibration. */
const FACE_PLATEAU: Record<string, number> = {
  general_hospital: 0.26,
  tcm_hospital: 0.26,
  maternal_child_hospital: 0.24,
  township_health_centre: 0.36,
  community_health_centre: 0.3,
  community_health_station: 0.3,
  village_clinic: 0.42,
  private_hospital: 0.2,
  private_clinic: 0.22
};
const APRIL_2025 = dateToIndex('2025-04-01');
/** Bills settled in cash, without insurance, when no face scan was attempted. */
const CASH_SHARE = 0.03;

const OUTPATIENT_MEAN: Record<string, number> = {
  general_hospital: 260,
  tcm_hospital: 210,
  maternal_child_hospital: 190,
  township_health_centre: 95,
  community_health_centre: 110,
  community_health_station: 70,
  village_clinic: 45,
  private_hospital: 160,
  private_clinic: 85
};
const INPATIENT_MEAN: Record<string, number> = {
  general_hospital: 8600,
  tcm_hospital: 6900,
  maternal_child_hospital: 5200,
  township_health_centre: 2600,
  community_health_centre: 2400,
  private_hospital: 5400
};
const LENGTH_OF_STAY: Record<string, number> = {
  general_hospital: 8.2,
  tcm_hospital: 9,
  maternal_child_hospital: 4.5,
  township_health_centre: 5.6,
  community_health_centre: 6,
  private_hospital: 7
};
const INPATIENT_DEPARTMENTS = ['internal_medicine', 'surgery', 'pediatrics', 'obstetrics_gynecology', 'tcm', 'other'];

class SettlementRates {
  private faceScale = 1;
  private platformScale = 1;
  private readonly goLive = new Map<string, number>();

  constructor(
    private readonly world: World,
    private readonly plan: Plan
  ) {
    for (const i of world.designated) if (i.faceScanGoLive) this.goLive.set(i.institutionCode, dateToIndex(i.faceScanGoLive));
    const face = figure('face_scan');
    this.faceScale = this.calibrate(face.from, face.to, face.target * FACE_PASS_RATE ** -1, (i, d, k) => this.faceAttempt(i, d, k));
    const platform = figure('platform_payments');
    this.platformScale = this.calibrate(platform.from, platform.to, platform.target, (i, d, k) => this.platformPay(i, d, k));
  }

  face(institution: Institution, day: Day): number {
    return this.faceAttempt(institution, day, this.faceScale);
  }

  platform(institution: Institution, day: Day): number {
    return this.platformPay(institution, day, this.platformScale);
  }

  private faceAttempt(institution: Institution, day: Day, k: number): number {
    const live = this.goLive.get(institution.institutionCode);
    if (live === undefined || day.index < live) return 0;
    const adoption = Math.min(1, (day.index - live + 1) / FACE_RAMP_DAYS);
    const growth = 0.8 + 0.2 * Math.min(1, Math.max(0, (day.index - APRIL_2025) / 275));
    return Math.min(0.9, k * FACE_PLATEAU[institution.type] * adoption * growth);
  }

  private platformPay(institution: Institution, day: Day, k: number): number {
    const uptake = 1 - 0.7 * Math.exp(-Math.max(0, day.sinceLaunch) / 60);
    return Math.min(0.8, k * (this.world.isHospital(institution) ? 1 : 0.15) * uptake);
  }

  /** Scale a share so the expected count over a window meets a target (a few fixed-point steps). */
  private calibrate(from: string, to: string, target: number, share: (i: Institution, d: Day, k: number) => number): number {
    const goal = target * this.world.scale.factor;
    const out = this.world.outpatientAtDesignated;
    const inp = this.world.inpatientAtDesignated;
    const days = dateRange(from, to).map((date) => ({
      day: this.world.calendar.day(date),
      outpatient: this.plan.expected('outpatient_settlements', date),
      inpatient: this.plan.expected('inpatient_settlements', date)
    }));
    const expected = (k: number) =>
      days.reduce((sum, { day, outpatient, inpatient }) => {
        let o = 0;
        out.items.forEach((i, n) => (o += out.share(n) * share(i, day, k)));
        let p = 0;
        inp.items.forEach((i, n) => (p += inp.share(n) * share(i, day, k)));
        return sum + outpatient * o + inpatient * p;
      }, 0);
    let k = 1;
    for (let step = 0; step < 8; step++) {
      const e = expected(k);
      if (e <= 0) throw new Error(`cannot calibrate settlements to ${goal} over ${from}..${to}: no eligible institutions`);
      k *= goal / e;
    }
    return k;
  }
}

const ratesCache = new WeakMap<Plan, SettlementRates>();
function ratesFor(world: World, plan: Plan): SettlementRates {
  let rates = ratesCache.get(plan);
  if (!rates) ratesCache.set(plan, (rates = new SettlementRates(world, plan)));
  return rates;
}

export function generateSettlements(ctx: DayContext): FeedRecord[] {
  const { world, plan, date } = ctx;
  const rates = ratesFor(world, plan);
  const rng = dayRng(ctx, 'settlements');
  const nextId = idMaker('ST', date);
  const records: FeedRecord[] = [];
  const outpatients = plan.count('outpatient_settlements', date);
  const inpatients = plan.count('inpatient_settlements', date);
  for (let n = 0; n < outpatients; n++) {
    records.push(settlement(ctx, rng, rates, nextId(), world.outpatientAtDesignated.pick(rng), false));
  }
  for (let n = 0; n < inpatients; n++) {
    records.push(settlement(ctx, rng, rates, nextId(), world.inpatientAtDesignated.pick(rng), true));
  }
  return records;
}

function settlement(ctx: DayContext, rng: Rng, rates: SettlementRates, id: string, inst: Institution, inpatient: boolean): FeedRecord {
  const { world, date, day } = ctx;
  const person = patientOf(world, rng, inst, inpatient);
  const inflation = 1 + 0.03 * (day.sinceLaunch / 365);
  const total = money(
    inpatient
      ? Math.max(300, rng.logNormal((INPATIENT_MEAN[inst.type] ?? 5000) * (inst.grade === 'tertiary_a' ? 1.6 : 1) * inflation, 0.8))
      : Math.max(5, rng.logNormal((OUTPATIENT_MEAN[inst.type] ?? 100) * (inst.grade === 'tertiary_a' ? 1.3 : 1) * inflation, 1.1))
  );
  // Face-scan attempt first; a failed verification falls back to the card or the QR code.
  let channel: string;
  let faceVerify: string | null = null;
  if (rng.chance(rates.face(inst, day))) {
    faceVerify = rng.chance(FACE_PASS_RATE) ? 'pass' : 'fail';
    channel = faceVerify === 'pass' ? 'face' : rng.chance(0.5) ? 'e_insurance_qr' : 'insurance_card';
  } else {
    const qrShare = 0.2 + (0.16 * Math.max(0, day.sinceLaunch)) / 390;
    const r = rng.next();
    channel = r < CASH_SHARE ? 'cash' : r < CASH_SHARE + qrShare ? 'e_insurance_qr' : 'insurance_card';
  }
  const employee = rng.chance(0.28);
  const fundShare =
    channel === 'cash'
      ? 0
      : inpatient
        ? (employee ? 0.8 : 0.68) + rng.normal() * 0.04
        : (inst.isPrimaryCare ? 0.55 : 0.42) + (employee ? 0.12 : 0) + rng.normal() * 0.05;
  const fund = money(total * Math.min(0.95, Math.max(0, fundShare)));
  const self = money(total - fund);
  const split = costSplit(rng, inpatient, inst.isPrimaryCare);
  const drug = money(total * split[0]);
  const material = money(total * split[1]);
  const exam = money(total * split[2]);
  const record: FeedRecord = {
    settlement_id: id,
    settled_at: at(date, clinicSeconds(rng)),
    institution_code: inst.institutionCode,
    visit_type: inpatient ? 'inpatient' : 'outpatient',
    channel,
    face_verify: faceVerify,
    insurance_type: employee ? 'employee' : 'resident',
    // Only non-cash bills can be paid online: scale so all bills together meet the target.
    paid_via_platform: channel !== 'cash' && rng.chance(rates.platform(inst, day) / (1 - CASH_SHARE * (1 - rates.face(inst, day)))),
    total_amount: total,
    fund_amount: fund,
    self_amount: self,
    drug_amount: drug,
    material_amount: material,
    exam_amount: exam,
    service_amount: money(total - drug - material - exam),
    admitted_on: null,
    discharged_on: null,
    department: rng.pick(inpatient ? INPATIENT_DEPARTMENTS : DEPARTMENTS),
    ...personFields(person, { phone: true }),
    residence_county: person.countyCode
  };
  if (inpatient) {
    const stay = Math.max(1, Math.round(rng.logNormal(LENGTH_OF_STAY[inst.type] ?? 6, 0.55)));
    record.admitted_on = addDays(date, -stay);
    record.discharged_on = date;
  }
  return record;
}

const INPATIENT_SPLIT = [0.27, 0.17, 0.22];
const PRIMARY_SPLIT = [0.58, 0.03, 0.1];
const HOSPITAL_SPLIT = [0.4, 0.05, 0.28];

/** Shares of drugs, materials, exams (services take the rest), by setting. */
function costSplit(rng: Rng, inpatient: boolean, primary: boolean): [number, number, number] {
  const base = inpatient ? INPATIENT_SPLIT : primary ? PRIMARY_SPLIT : HOSPITAL_SPLIT;
  const d = Math.max(0.01, base[0] * (1 + 0.25 * rng.normal()));
  const m = Math.max(0.01, base[1] * (1 + 0.25 * rng.normal()));
  const e = Math.max(0.01, base[2] * (1 + 0.25 * rng.normal()));
  const scale = Math.min(1, 0.97 / (d + m + e));
  return [d * scale, m * scale, e * scale];
}
