// Asset operations: large equipment use and open/occupied beds every day, each institution's
// finances on the 1st for the month before, and refunds of dormant patient-card balances
// (1.5亿元 since the launch).
import type { Equipment, Institution } from '../../reference/index';
import { addDays, clinicFactor } from '../calendar';
import { MEAN_CARD_REFUND } from '../plan';
import { hashUnit, stringHash, type Rng } from '../random';
import { dayRng, idMaker, money, patientOf, type DayContext, type FeedRecord } from './common';

/** Mean examinations per working day on one unit. */
const EXAMS_PER_DAY: Record<string, number> = { CT: 62, MRI: 24, DR: 78, US: 55, DSA: 6 };
/** Mean occupancy by type: county hospitals run full, township centres well below. */
const OCCUPANCY: Record<string, number> = {
  general_hospital: 0.9,
  tcm_hospital: 0.84,
  maternal_child_hospital: 0.72,
  township_health_centre: 0.58,
  community_health_centre: 0.5,
  private_hospital: 0.66
};
const FINANCE_TYPES = new Set([
  'general_hospital',
  'tcm_hospital',
  'maternal_child_hospital',
  'township_health_centre',
  'community_health_centre',
  'private_hospital'
]);

export function generateAssets(ctx: DayContext): FeedRecord[] {
  const { world, plan, date } = ctx;
  const rng = dayRng(ctx, 'assets');
  const nextId = idMaker('ZC', date);
  const records: FeedRecord[] = [];
  for (const unit of world.reference.equipment) {
    if (unit.installedOn <= date) records.push(equipmentDay(ctx, rng, nextId(), unit));
  }
  for (const inst of world.institutions) {
    if (inst.beds > 0) records.push(bedsDay(ctx, rng, nextId(), inst));
  }
  if (date.endsWith('-01')) {
    for (const inst of world.institutions) {
      if (FINANCE_TYPES.has(inst.type)) records.push(financeMonth(ctx, rng, nextId(), inst));
    }
  }
  const refunds = plan.count('card_refunds', date);
  for (let n = 0; n < refunds; n++) records.push(cardRefund(ctx, rng, nextId()));
  return records;
}

function equipmentDay(ctx: DayContext, rng: Rng, id: string, unit: Equipment): FeedRecord {
  // A unit is down for maintenance a few days a year (stable per unit and week).
  const week = Math.floor(ctx.day.index / 7);
  const down = hashUnit(week, stringHash(unit.equipmentCode)) < 0.02;
  const inUse =
    !down && (ctx.day.kind === 'workday' ? rng.chance(0.985) : rng.chance(unit.kind === 'CT' || unit.kind === 'DR' ? 0.9 : 0.55));
  const busy = ctx.world.prefectureHospitals.some((h) => h.institutionCode === unit.institutionCode) ? 1.35 : 1;
  return {
    record_id: id,
    record_type: 'equipment_day',
    record_date: ctx.date,
    institution_code: unit.institutionCode,
    equipment_code: unit.equipmentCode,
    exams: inUse ? Math.max(1, Math.round(rng.logNormal(EXAMS_PER_DAY[unit.kind] * busy * clinicFactor(ctx.day), 0.25))) : 0,
    in_use: inUse
  };
}

function bedsDay(ctx: DayContext, rng: Rng, id: string, inst: Institution): FeedRecord {
  const season = 1 + 0.06 * Math.cos((2 * Math.PI * (ctx.day.dayOfYear - 15)) / 365);
  const festival = ctx.day.springFestivalOffset >= -2 && ctx.day.springFestivalOffset <= 5 ? 0.8 : 1;
  const occupancy = (OCCUPANCY[inst.type] ?? 0.6) * season * festival * (1 + 0.03 * rng.normal());
  return {
    record_id: id,
    record_type: 'beds_day',
    record_date: ctx.date,
    institution_code: inst.institutionCode,
    beds_open: inst.beds,
    // Extra beds in corridors let a full hospital go slightly over 100%.
    beds_occupied: Math.min(Math.round(inst.beds * 1.05), Math.max(0, Math.round(inst.beds * occupancy)))
  };
}

function financeMonth(ctx: DayContext, rng: Rng, id: string, inst: Institution): FeedRecord {
  const primary = inst.isPrimaryCare;
  const outpatient = (inst.annualOutpatientVisits / 12) * (primary ? 95 : 240);
  const inpatient = (inst.annualDischarges / 12) * (primary ? 2600 : 8200);
  const revenue = (outpatient + inpatient) * (1 + 0.05 * rng.normal());
  const drug = revenue * (primary ? 0.46 : 0.29) * (1 + 0.04 * rng.normal());
  const material = revenue * (primary ? 0.04 : 0.13);
  const exam = revenue * (primary ? 0.12 : 0.22);
  const equipmentValue = ctx.world.reference.equipment
    .filter((e) => e.institutionCode === inst.institutionCode)
    .reduce((s, e) => s + e.purchaseValueYuan, 0);
  const fixed = inst.beds * 420_000 + equipmentValue + 2_000_000;
  const total = fixed * 1.55;
  const operating = revenue * (0.93 + 0.06 * rng.next());
  return {
    record_id: id,
    record_type: 'finance_month',
    record_date: ctx.date,
    institution_code: inst.institutionCode,
    period: addDays(ctx.date, -1).slice(0, 7),
    medical_revenue: money(revenue),
    drug_revenue: money(drug),
    material_revenue: money(material),
    exam_revenue: money(exam),
    service_revenue: money(revenue - drug - material - exam),
    staff_cost: money(operating * (primary ? 0.46 : 0.39)),
    operating_cost: money(operating),
    fixed_assets: money(fixed),
    total_assets: money(total),
    liabilities: money(total * (0.32 + 0.2 * hashUnit(inst.beds, inst.annualOutpatientVisits)))
  };
}

function cardRefund(ctx: DayContext, rng: Rng, id: string): FeedRecord {
  const inst = ctx.world.hospitalOutpatient.pick(rng);
  const person = patientOf(ctx.world, rng, inst);
  return {
    record_id: id,
    record_type: 'card_refund',
    record_date: ctx.date,
    institution_code: inst.institutionCode,
    refund_amount: money(Math.min(20_000, Math.max(1, rng.logNormal(MEAN_CARD_REFUND, 1.2)))),
    dormant_days: 365 + Math.floor(rng.exponential(700)),
    id_number: person.idNumber,
    person_name: person.name
  };
}
