// Size metrics (beds, outpatient visits, discharges), 医保定点 designation and face-scan
// go-live dates. Visits are the simulator's size weights, calibrated to ~8.0M a year.
import type { CalendarDay, Institution } from '../schemas';
import { addDays, isWorkday } from './calendar';
import { HOSPITALS, institutionCode } from './hospitals';
import type { Draft } from './institutions';
import type { Rng } from './rng';

export const TARGET_DESIGNATED = 327;
export const TARGET_OUTPATIENT_VISITS = 8_000_000;
export const LAUNCH_DATE = '2024-12-06';
const PILOT_COUNTY = '652327'; // 吉木萨尔县, the 2021 pilot
/** Private clinics among the designated (the rest of the quota goes to village clinics). */
const DESIGNATED_PRIVATE_CLINICS = 30;

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));
const round100 = (v: number): number => Math.round(v / 100) * 100;

function sizeMetrics(d: Draft, rng: Rng): void {
  const i = d.inst;
  const n = d.townshipSize;
  switch (i.type) {
    case 'general_hospital':
    case 'tcm_hospital':
    case 'maternal_child_hospital': {
      const hd = HOSPITALS.find((x) => institutionCode(x.countyCode, x.serial) === i.institutionCode);
      if (!hd) throw new Error(`no hospital definition for ${i.institutionCode}`);
      i.beds = hd.beds;
      i.annualOutpatientVisits = hd.visits;
      i.annualDischarges = Math.round(hd.beds * hd.turnover * rng.range(0.96, 1.04));
      return;
    }
    case 'township_health_centre':
      // Bigger townships (more villages) run bigger centres.
      i.beds = clamp(Math.round(16 + n * 1.9 + rng.range(-6, 8)), 20, 80);
      i.annualOutpatientVisits = clamp(round100(13_500 + n * 1_800 + rng.range(-3_000, 5_000)), 20_000, 60_000);
      i.annualDischarges = Math.round(i.beds * rng.range(14, 22));
      return;
    case 'community_health_centre':
      i.annualOutpatientVisits = round100(rng.range(34_000, 55_000));
      return;
    case 'community_health_station':
      i.annualOutpatientVisits = round100(rng.range(6_000, 12_000));
      return;
    case 'village_clinic':
      // Skewed: most clinics are small, a few serve large villages.
      i.annualOutpatientVisits = round100(1_550 + rng.next() ** 1.6 * 4_000);
      return;
    case 'private_hospital':
      i.beds = 10 * Math.round(rng.range(50, 150) / 10);
      i.annualOutpatientVisits = round100(i.beds * rng.range(170, 280));
      i.annualDischarges = Math.round(i.beds * rng.range(17, 25));
      return;
    case 'private_clinic':
      i.annualOutpatientVisits = round100(rng.range(2_000, 7_000));
      return;
  }
}

/** Scale the non-hospital visits so the prefecture total lands on the target. */
function calibrateVisits(drafts: Draft[]): number {
  const isHospital = (i: Institution) => i.isRecognition;
  const fixed = drafts.filter((d) => isHospital(d.inst)).reduce((s, d) => s + d.inst.annualOutpatientVisits, 0);
  const flexible = drafts.filter((d) => !isHospital(d.inst));
  const raw = flexible.reduce((s, d) => s + d.inst.annualOutpatientVisits, 0);
  const factor = (TARGET_OUTPATIENT_VISITS - fixed) / raw;
  for (const d of flexible) {
    const scaled = round100(d.inst.annualOutpatientVisits * factor);
    // Township centres keep their 20-60k band even after scaling.
    d.inst.annualOutpatientVisits = d.inst.type === 'township_health_centre' ? clamp(scaled, 20_000, 60_000) : scaled;
  }
  return factor;
}

function designate(drafts: Draft[]): void {
  const always = new Set(['general_hospital', 'tcm_hospital', 'maternal_child_hospital', 'township_health_centre',
    'community_health_centre', 'private_hospital', 'community_health_station']);
  for (const d of drafts) d.inst.isDesignated = always.has(d.inst.type);
  const byVisits = (type: string) =>
    drafts
      .filter((d) => d.inst.type === type)
      .sort((a, b) => b.inst.annualOutpatientVisits - a.inst.annualOutpatientVisits ||
        a.inst.institutionCode.localeCompare(b.inst.institutionCode));
  const remaining = TARGET_DESIGNATED - drafts.filter((d) => d.inst.isDesignated).length;
  const clinics = remaining - DESIGNATED_PRIVATE_CLINICS;
  if (clinics < 0) throw new Error('designation quota too small');
  // The busiest village and private clinics are the ones that signed 医保定点 agreements.
  for (const d of byVisits('private_clinic').slice(0, DESIGNATED_PRIVATE_CLINICS)) d.inst.isDesignated = true;
  for (const d of byVisits('village_clinic').slice(0, clinics)) d.inst.isDesignated = true;
  const n = drafts.filter((d) => d.inst.isDesignated).length;
  if (n !== TARGET_DESIGNATED) throw new Error(`designated ${n}, expected ${TARGET_DESIGNATED}`);
}

function randomWorkday(from: string, to: string, calendar: readonly CalendarDay[], rng: Rng): string {
  const days: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) if (isWorkday(d, calendar)) days.push(d);
  return rng.pick(days);
}

/** Hospitals and the pilot county first (launch wave), then centres, then everyone else. */
function faceScan(drafts: Draft[], calendar: readonly CalendarDay[], rng: Rng): void {
  for (const d of drafts) {
    const i = d.inst;
    if (!i.isDesignated) continue;
    if (d.prefectureLevel) i.faceScanGoLive = LAUNCH_DATE;
    else if (i.isRecognition || i.countyCode === PILOT_COUNTY) {
      i.faceScanGoLive = randomWorkday(LAUNCH_DATE, '2025-01-15', calendar, rng);
    } else if (i.type === 'township_health_centre' || i.type === 'community_health_centre') {
      i.faceScanGoLive = randomWorkday('2025-01-02', '2025-03-31', calendar, rng);
    } else i.faceScanGoLive = randomWorkday('2025-02-05', '2025-03-31', calendar, rng);
  }
}

export interface MetricsResult {
  institutions: Institution[];
  /** Factor applied to non-hospital visits to hit the target (kept close to 1 by design). */
  visitScale: number;
}

export function applyMetrics(drafts: Draft[], calendar: readonly CalendarDay[], rng: Rng): MetricsResult {
  for (const d of drafts) sizeMetrics(d, rng);
  const visitScale = calibrateVisits(drafts);
  designate(drafts);
  faceScan(drafts, calendar, rng);
  return { institutions: drafts.map((d) => d.inst), visitScale };
}
