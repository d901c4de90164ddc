// The simulated residents. Nobody is stored: person number i has its county, age, birth date,
// sex, name, ID number, phone and address computed from i, so 1.63M people cost no memory and
// a person is identical in every feed and every worker.
import { makeIdNumber } from '../contract/id-number';
import type { Reference } from '../reference/index';
import { addDays } from './calendar';
import { hash32, hashUnit, WeightedPicker, type Rng } from './random';
import * as names from './person-names';

/** Ages are counted at this day: birth dates follow from it. */
const AGE_REFERENCE_DATE = '2025-07-01';
const MAX_AGE = 100;
const SALT = { sex: 11, ethnicity: 12, surname: 13, given: 14, father: 15, phone: 16, village: 17, house: 18, hasPhone: 19 };
const PHONE_PREFIXES = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '156',
  '157',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '186',
  '187',
  '189',
  '199'
];

export type Ethnicity = 'han' | 'hui' | 'kazakh' | 'uyghur' | 'other';

export interface Person {
  index: number;
  countyCode: string;
  age: number;
  idNumber: string;
  name: string;
  sex: 'M' | 'F';
  birthDate: string;
  phone: string | null;
  address: string;
  townshipCode: string;
  villageCode: string;
}

/** Age bands used to weight who uses which service. */
export const AGE_BANDS = [
  { id: '0-6', from: 0, to: 6 },
  { id: '7-17', from: 7, to: 17 },
  { id: '18-44', from: 18, to: 44 },
  { id: '45-64', from: 45, to: 64 },
  { id: '65+', from: 65, to: MAX_AGE }
] as const;
export type AgeBandId = (typeof AGE_BANDS)[number]['id'];

interface County {
  code: string;
  nameZh: string;
  start: number;
  size: number;
  /** ageStart[a] = first j (within the county) of age a; ageStart[MAX_AGE + 1] = size. */
  ageStart: Int32Array;
  ethnicity: WeightedPicker<Ethnicity>;
  villages: { code: string; nameZh: string; townshipCode: string; townshipNameZh: string }[];
}

export class Population {
  readonly counties: County[];
  readonly size: number;
  private readonly countyIndex = new Map<string, number>();

  constructor(
    reference: Reference,
    readonly scaleFactor: number
  ) {
    const orgByCode = new Map(reference.orgUnits.map((u) => [u.code, u]));
    let start = 0;
    this.counties = reference.population.map((p, c) => {
      const size = Math.max(50, Math.round(p.population * scaleFactor));
      const county: County = {
        code: p.countyCode,
        nameZh: orgByCode.get(p.countyCode)?.nameZh ?? p.countyCode,
        start,
        size,
        ageStart: ageStructure(size, p.pop06 / p.population, p.pop65Plus / p.population),
        ethnicity: new WeightedPicker<Ethnicity>(
          ['han', 'hui', 'kazakh', 'uyghur', 'other'],
          [p.shareHan, p.shareHui, p.shareKazakh, p.shareUyghur, p.shareOther]
        ),
        villages: reference.orgUnits
          .filter((u) => u.level === 5 && orgByCode.get(u.parentCode ?? '')?.parentCode === p.countyCode)
          .map((v) => {
            const township = orgByCode.get(v.parentCode!)!;
            return { code: v.code, nameZh: v.nameZh, townshipCode: township.code, townshipNameZh: township.nameZh };
          })
      };
      if (county.villages.length === 0) throw new Error(`county ${p.countyCode} has no villages in org_units`);
      this.countyIndex.set(p.countyCode, c);
      start += size;
      return county;
    });
    this.size = start;
  }

  county(code: string): County {
    const c = this.countyIndex.get(code);
    if (c === undefined) throw new Error(`unknown county ${code}`);
    return this.counties[c];
  }

  /** Number of residents of a county (or all) within an age range. */
  count(countyCode: string | null, fromAge: number, toAge: number): number {
    const list = countyCode ? [this.county(countyCode)] : this.counties;
    return list.reduce((n, c) => n + c.ageStart[Math.min(toAge, MAX_AGE) + 1] - c.ageStart[fromAge], 0);
  }

  /** The index of a uniformly chosen resident of a county within an age range. */
  pickIndex(rng: Rng, countyCode: string, fromAge: number, toAge: number): number {
    const c = this.county(countyCode);
    const lo = c.ageStart[fromAge];
    const hi = c.ageStart[Math.min(toAge, MAX_AGE) + 1];
    if (hi <= lo) return c.start + Math.floor(rng.next() * c.size);
    return c.start + lo + Math.floor(rng.next() * (hi - lo));
  }

  /** Index range [start, end) of a county's residents of an age range (for registers). */
  indexRange(countyCode: string, fromAge: number, toAge: number): [number, number] {
    const c = this.county(countyCode);
    return [c.start + c.ageStart[fromAge], c.start + c.ageStart[Math.min(toAge, MAX_AGE) + 1]];
  }

  /** The village a resident lives in (cheap: no name or ID number is made). */
  villageOf(index: number): County['villages'][number] {
    const county = this.countyOf(index);
    return county.villages[hash32(index, SALT.village) % county.villages.length];
  }

  isMale(index: number): boolean {
    return hashUnit(index, SALT.sex) < 0.51;
  }

  /** A resident's age in years at the age reference day (cheap). */
  ageOf(index: number): number {
    const county = this.countyOf(index);
    return upperBound(county.ageStart, index - county.start) - 1;
  }

  countyOf(index: number): County {
    for (const c of this.counties) if (index < c.start + c.size) return c;
    throw new Error(`person ${index} out of range`);
  }

  /** Birth date and ID number: all some feeds need of a person. */
  identity(index: number): { countyCode: string; age: number; birthDate: string; male: boolean; idNumber: string } {
    const county = this.countyOf(index);
    const j = index - county.start;
    const age = upperBound(county.ageStart, j) - 1;
    const k = j - county.ageStart[age];
    const ofAge = county.ageStart[age + 1] - county.ageStart[age];
    // Spread people of one age over 365 birthdays; `perDay` of them share a day and differ by sequence.
    const perDay = Math.ceil(ofAge / 365);
    const birthDate = birthDateOf(age, Math.floor(k / perDay));
    const male = this.isMale(index);
    const idNumber = makeIdNumber(county.code, birthDate, (k % perDay) * 2 + (male ? 1 : 0) + 100);
    return { countyCode: county.code, age, birthDate, male, idNumber };
  }

  person(index: number): Person {
    const { countyCode, age, birthDate, male, idNumber } = this.identity(index);
    const county = this.county(countyCode);
    const village = this.villageOf(index);
    const hasPhone = age >= 12 && hashUnit(index, SALT.hasPhone) < (age >= 75 ? 0.55 : 0.96);
    return {
      index,
      countyCode,
      age,
      idNumber,
      name: personName(index, county.ethnicity.at(hashUnit(index, SALT.ethnicity)), male),
      sex: male ? 'M' : 'F',
      birthDate,
      phone: hasPhone ? phoneNumber(index) : null,
      address: `新疆维吾尔自治区昌吉回族自治州${county.nameZh}${village.townshipNameZh}${village.nameZh}${(hash32(index, SALT.house) % 180) + 1}号`,
      townshipCode: village.townshipCode,
      villageCode: village.code
    };
  }
}

/** Cumulative first index per age, matching a county's shares of children 0-6 and people 65+. */
function ageStructure(size: number, share06: number, share65: number): Int32Array {
  const weights = new Float64Array(MAX_AGE + 1);
  const middle = 1 - share06 - share65;
  // Relative weight of each age between 7 and 64: a working-age bulge typical of Xinjiang's 2020 census.
  const middleShape = (a: number) => (a < 18 ? 0.95 : a < 35 ? 1.15 : a < 50 ? 1.1 : 0.9);
  let middleTotal = 0;
  for (let a = 7; a <= 64; a++) middleTotal += middleShape(a);
  let oldTotal = 0;
  for (let a = 65; a <= MAX_AGE; a++) oldTotal += Math.exp(-(a - 65) / 9);
  for (let a = 0; a <= MAX_AGE; a++) {
    if (a <= 6) weights[a] = share06 / 7;
    else if (a <= 64) weights[a] = (middle * middleShape(a)) / middleTotal;
    else weights[a] = (share65 * Math.exp(-(a - 65) / 9)) / oldTotal;
  }
  const starts = new Int32Array(MAX_AGE + 2);
  let cumulative = 0;
  for (let a = 0; a <= MAX_AGE; a++) {
    starts[a] = Math.round(cumulative * size);
    cumulative += weights[a];
  }
  starts[MAX_AGE + 1] = size;
  return starts;
}

/** The number of entries of an ascending list that are <= value. */
export function upperBound(sorted: ArrayLike<number>, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const birthDates = new Map<number, string>();
/** The birth date `daysBack` days before the age-th birthday at the reference day (memoised: few distinct). */
function birthDateOf(age: number, daysBack: number): string {
  const key = age * 1000 + daysBack;
  let date = birthDates.get(key);
  if (date === undefined) {
    const anniversary = `${Number(AGE_REFERENCE_DATE.slice(0, 4)) - age}${AGE_REFERENCE_DATE.slice(4)}`;
    birthDates.set(key, (date = addDays(anniversary, -daysBack)));
  }
  return date;
}

function weightedFromHash(list: readonly (readonly [string, number])[], u: number): string {
  const total = list.reduce((s, [, w]) => s + w, 0);
  let target = u * total;
  for (const [value, w] of list) {
    target -= w;
    if (target < 0) return value;
  }
  return list[list.length - 1][0];
}

function pickByHash(list: readonly string[], index: number, salt: number): string {
  return list[hash32(index, salt) % list.length];
}

function personName(index: number, ethnicity: Ethnicity, male: boolean): string {
  const u = hashUnit(index, SALT.given);
  switch (ethnicity) {
    case 'kazakh':
      return `${pickByHash(male ? names.KAZAKH_GIVEN_MALE : names.KAZAKH_GIVEN_FEMALE, index, SALT.given)}·${pickByHash(names.KAZAKH_GIVEN_MALE, index, SALT.father)}`;
    case 'uyghur':
      return `${pickByHash(male ? names.UYGHUR_GIVEN_MALE : names.UYGHUR_GIVEN_FEMALE, index, SALT.given)}·${pickByHash(names.UYGHUR_GIVEN_MALE, index, SALT.father)}`;
    default: {
      const surnames = ethnicity === 'hui' ? names.HUI_SURNAMES : names.HAN_SURNAMES;
      const given = male ? names.HAN_GIVEN_MALE : names.HAN_GIVEN_FEMALE;
      return weightedFromHash(surnames, hashUnit(index, SALT.surname)) + given[Math.floor(u * given.length)];
    }
  }
}

function phoneNumber(index: number): string {
  const h = hash32(index, SALT.phone);
  return PHONE_PREFIXES[h % PHONE_PREFIXES.length] + String(hash32(index, SALT.phone, 2) % 100_000_000).padStart(8, '0');
}
