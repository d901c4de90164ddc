// Who is on which basic-public-health register, and when each of them is served. Every resident
// is scanned once: registers (hypertension, diabetes, severe mental disorder, elderly, children,
// pregnancies, family-doctor contracts, health records) and the dates of their services follow
// from hashes of the resident's index and the year, so any day's services are the same whatever
// range is generated. Rates follow 国家基本公共卫生服务规范 practice in western China.
import type { Institution } from '../../reference/index';
import { dateToIndex, indexToDate, LAUNCH_DATE } from '../calendar';
import { hashUnit } from '../random';
import type { World } from '../world';

export const SERVICE = {
  record_created: 0,
  contract_signed: 1,
  htn_followup: 2,
  dm_followup: 3,
  elderly_check: 4,
  child_check: 5,
  maternal_visit: 6,
  vaccination: 7,
  smi_followup: 8
} as const;
export const SERVICE_NAMES = Object.keys(SERVICE) as (keyof typeof SERVICE)[];
export const VACCINES_BY_AGE: readonly (readonly string[])[] = [
  ['HepB', 'BCG', 'IPV', 'bOPV', 'DTaP', 'MPSV', 'MMR', 'JE'],
  ['DTaP', 'MMR', 'JE', 'HepA'],
  ['HepA', 'MPSV'],
  ['MPSV'],
  ['bOPV'],
  ['JE'],
  ['DT']
];

/** Share with an e-health record at the launch (the rest are created over the following years). */
const RECORD_COVERAGE_AT_LAUNCH = 0.9;
const RECORD_CATCH_UP_DAYS = 1100;
const S = { record: 31, recordDay: 32, htn: 33, dm: 34, smi: 35, contract: 36, preg: 37 };

/** Quantile cut-offs: follow-ups done in a year (4 = managed to the standard). */
const FOLLOWUPS = { htn: [0.7, 0.83, 0.92, 0.97], dm: [0.66, 0.8, 0.9, 0.96], smi: [0.82, 0.92, 0.97, 0.99] };

export interface Register {
  centre: Institution;
  residents: number;
  residents65: number;
  children06: number;
  keyGroup: number;
  htn: number;
  dm: number;
  smi: number;
  contracted: number;
  contractedKey: number;
  coveredAtLaunch: number;
  /** Sorted day indices on which a record was created for a resident not covered at launch. */
  created: number[];
}

export interface PublicHealthSchedule {
  /** Service events by day index: flat [person, service, detail, person, service, detail, ...]. */
  eventsOn(dayIndex: number): number[];
  registers: Register[];
  centreOf(person: number): Institution;
}

const cache = new WeakMap<World, Map<string, PublicHealthSchedule>>();

export function publicHealthSchedule(world: World, from: string, to: string): PublicHealthSchedule {
  let byRange = cache.get(world);
  if (!byRange) cache.set(world, (byRange = new Map()));
  const key = `${from}|${to}`;
  let schedule = byRange.get(key);
  if (!schedule) byRange.set(key, (schedule = build(world, dateToIndex(from), dateToIndex(to))));
  return schedule;
}

function build(world: World, first: number, last: number): PublicHealthSchedule {
  const { population } = world;
  const centres = centresByTownship(world);
  const registers = new Map<string, Register>();
  const centreOfPerson = new Int32Array(population.size);
  const centreList: Institution[] = [];
  const centreIndex = new Map<string, number>();
  const events = new Map<number, number[]>();
  const launch = dateToIndex(LAUNCH_DATE);
  const years: { year: number; start: number }[] = [];
  for (let y = Number(indexToDate(first).slice(0, 4)); y <= Number(indexToDate(last).slice(0, 4)); y++) {
    years.push({ year: y, start: dateToIndex(`${y}-01-01`) });
  }

  const add = (day: number, person: number, service: number, detail = 0) => {
    let d = day;
    // Public-health clinics work on workdays: a visit due on a weekend or holiday moves to one of
    // the next workdays (spread, so Mondays do not carry the whole weekend).
    for (let guard = 0; guard < 10 && !world.calendar.isWorkday(d); guard++) d += 1 + (person % 3);
    if (d < first || d > last) return;
    let list = events.get(d);
    if (!list) events.set(d, (list = []));
    list.push(person, service, detail);
  };

  for (let i = 0; i < population.size; i++) {
    const age = population.ageOf(i);
    const village = population.villageOf(i);
    const countyCode = population.countyOf(i).code;
    const centre = pickCentre(centres, village.townshipCode, countyCode, hashUnit(i, 30));
    let reg = registers.get(centre.institutionCode);
    if (!reg) {
      reg = emptyRegister(centre);
      registers.set(centre.institutionCode, reg);
      centreIndex.set(centre.institutionCode, centreList.push(centre) - 1);
    }
    centreOfPerson[i] = centreIndex.get(centre.institutionCode)!;
    const htn = age >= 35 && hashUnit(i, S.htn) < (age < 45 ? 0.04 : age < 55 ? 0.1 : age < 65 ? 0.18 : 0.28);
    const dm = age >= 35 && hashUnit(i, S.dm) < (age < 45 ? 0.015 : age < 65 ? 0.05 : 0.09);
    const smi = age >= 15 && hashUnit(i, S.smi) < 0.0045;
    const key = age >= 65 || age <= 6 || htn || dm || smi;
    const contracted = hashUnit(i, S.contract) < (key ? 0.78 : 0.25);
    reg.residents++;
    if (age >= 65) reg.residents65++;
    if (age <= 6) reg.children06++;
    if (key) reg.keyGroup++;
    if (htn) reg.htn++;
    if (dm) reg.dm++;
    if (smi) reg.smi++;
    if (contracted) reg.contracted++;
    if (contracted && key) reg.contractedKey++;
    if (hashUnit(i, S.record) < RECORD_COVERAGE_AT_LAUNCH) reg.coveredAtLaunch++;
    else {
      const day = launch + Math.floor(hashUnit(i, S.recordDay) * RECORD_CATCH_UP_DAYS);
      reg.created.push(day);
      add(day, i, SERVICE.record_created);
    }

    // No closures in this loop: it runs for every resident and year.
    for (const { year, start } of years) {
      const ageThen = age + (year - 2025);
      if (contracted) {
        const early = hashUnit(i, year, 1) < 0.85; // renewals cluster in the first four months
        add(
          start + (early ? Math.floor(hashUnit(i, year, 2) ** 1.6 * 120) : 120 + Math.floor(hashUnit(i, year, 2) * 240)),
          i,
          SERVICE.contract_signed,
          key ? 1 : 0
        );
      }
      if (htn) quarterly(add, start, i, SERVICE.htn_followup, FOLLOWUPS.htn, hashUnit(i, year, 3), hashUnit(i, year, 4));
      if (dm) quarterly(add, start, i, SERVICE.dm_followup, FOLLOWUPS.dm, hashUnit(i, year, 5), hashUnit(i, year, 6));
      if (smi) quarterly(add, start, i, SERVICE.smi_followup, FOLLOWUPS.smi, hashUnit(i, year, 7), hashUnit(i, year, 8));
      if (ageThen >= 65 && hashUnit(i, year, 9) < 0.72) add(start + 59 + Math.floor(hashUnit(i, year, 10) * 244), i, SERVICE.elderly_check);
      if (ageThen >= 0 && ageThen <= 6) {
        if (hashUnit(i, year, 11) < 0.93) {
          const checks = ageThen === 0 ? 4 : ageThen <= 2 ? 2 : 1;
          const gap = Math.floor(365 / checks);
          const offset = Math.floor(hashUnit(i, year, 12) * gap);
          for (let q = 0; q < checks; q++) add(start + offset + q * gap, i, SERVICE.child_check);
        }
        const vaccines = VACCINES_BY_AGE[ageThen];
        const due = ageThen <= 2 ? vaccines.length : hashUnit(i, year, 13) < 0.5 ? 1 : 0;
        for (let q = 0; q < due; q++) add(start + Math.floor(((q + hashUnit(i, year, 14)) * 365) / due), i, SERVICE.vaccination, q);
      }
      // Pregnancies: about 6.5% of women 20-39 a year, five visits from booking to postpartum.
      if (ageThen >= 20 && ageThen <= 39 && !population.isMale(i) && hashUnit(i, year, S.preg) < 0.065) {
        const delivery = start + Math.floor(hashUnit(i, year, 15) * 365);
        for (const offset of [-238, -168, -84, -28, 7]) add(delivery + offset, i, SERVICE.maternal_visit);
      }
    }
  }
  for (const reg of registers.values()) reg.created.sort((a, b) => a - b);
  return {
    eventsOn: (dayIndex) => events.get(dayIndex) ?? [],
    registers: [...registers.values()],
    centreOf: (person) => centreList[centreOfPerson[person]]
  };
}

/** Up to four follow-ups a quarter apart; `u` decides how many, `v` the first day. */
function quarterly(
  add: (day: number, person: number, service: number, detail?: number) => void,
  start: number,
  person: number,
  service: number,
  cuts: readonly number[],
  u: number,
  v: number
): void {
  const count = u < cuts[0] ? 4 : u < cuts[1] ? 3 : u < cuts[2] ? 2 : u < cuts[3] ? 1 : 0;
  const offset = Math.floor(v * 91);
  for (let q = 0; q < count; q++) add(start + offset + q * 91, person, service, q);
}

function emptyRegister(centre: Institution): Register {
  return {
    centre,
    residents: 0,
    residents65: 0,
    children06: 0,
    keyGroup: 0,
    htn: 0,
    dm: 0,
    smi: 0,
    contracted: 0,
    contractedKey: 0,
    coveredAtLaunch: 0,
    created: []
  };
}

/** Public-health services come from township health centres and community health centres. */
function centresByTownship(world: World): { byTownship: Map<string, Institution[]>; byCounty: Map<string, Institution[]> } {
  const byTownship = new Map<string, Institution[]>();
  const byCounty = new Map<string, Institution[]>();
  for (const i of world.institutions) {
    if (!i.isPublic || (i.type !== 'township_health_centre' && i.type !== 'community_health_centre')) continue;
    byTownship.set(i.townshipCode, [...(byTownship.get(i.townshipCode) ?? []), i]);
    byCounty.set(i.countyCode, [...(byCounty.get(i.countyCode) ?? []), i]);
  }
  return { byTownship, byCounty };
}

function pickCentre(centres: ReturnType<typeof centresByTownship>, township: string, county: string, u: number): Institution {
  const list = centres.byTownship.get(township) ?? centres.byCounty.get(county);
  if (!list || list.length === 0) throw new Error(`county ${county} has no township or community health centre`);
  return list[Math.floor(u * list.length)];
}
