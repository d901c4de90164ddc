// What every feed generator shares: the day it is making, its random stream, record ids,
// the raw person fields a real export carries, and who goes where for care.
import type { Institution } from '../../reference/index';
import { addDays, timestamp, type Day } from '../calendar';
import type { Plan } from '../plan';
import { AGE_BANDS, type Person } from '../population';
import { Rng, stringHash, WeightedPicker } from '../random';
import type { World } from '../world';

export type FeedRecord = Record<string, unknown>;

export interface DayContext {
  world: World;
  plan: Plan;
  seed: number;
  date: string;
  day: Day;
}

export type FeedGenerator = (ctx: DayContext) => FeedRecord[];

/** The random stream of one feed on one day: independent of every other feed and day. */
export function dayRng(ctx: DayContext, feed: string, salt = 0): Rng {
  return new Rng(ctx.seed, stringHash(feed), ctx.day.index, salt);
}

/** Record ids: prefix, partition day, sequence: unique per feed, stable per seed. */
export function idMaker(prefix: string, date: string): () => string {
  const day = date.replaceAll('-', '');
  let n = 0;
  return () => `${prefix}${day}${String(++n).padStart(7, '0')}`;
}

export function shift(ctx: DayContext, days: number): string {
  return days === 0 ? ctx.date : addDays(ctx.date, days);
}

export function personFields(p: Person, options: { phone?: boolean; address?: boolean } = {}): FeedRecord {
  const r: FeedRecord = { id_number: p.idNumber, person_name: p.name, sex: p.sex, birth_date: p.birthDate };
  if (options.phone) r.phone = p.phone;
  if (options.address) r.address = p.address;
  return r;
}

/** Who uses care, by age band: children and the elderly far more than young adults. */
export const CLINICAL_AGE_WEIGHTS = [1.4, 0.6, 0.75, 1.25, 2.4];
export const APP_AGE_WEIGHTS = [0.5, 0.3, 1.6, 1.1, 0.45];

const agePickers = new WeakMap<World, Map<readonly number[], Map<string, WeightedPicker<number>>>>();

/** A resident of a county, age-weighted for the kind of service. */
export function pickResident(world: World, rng: Rng, countyCode: string, weights: readonly number[] = CLINICAL_AGE_WEIGHTS): Person {
  return world.population.person(pickResidentIndex(world, rng, countyCode, weights));
}

/** The index of such a resident (when only the ID number is needed, skip the rest). */
export function pickResidentIndex(world: World, rng: Rng, countyCode: string, weights: readonly number[] = CLINICAL_AGE_WEIGHTS): number {
  let byWeights = agePickers.get(world);
  if (!byWeights) agePickers.set(world, (byWeights = new Map()));
  let byCounty = byWeights.get(weights);
  if (!byCounty) byWeights.set(weights, (byCounty = new Map()));
  let picker = byCounty.get(countyCode);
  if (!picker) {
    const bandWeights = AGE_BANDS.map((b, i) => world.population.count(countyCode, b.from, b.to) * weights[i]);
    byCounty.set(
      countyCode,
      (picker = new WeightedPicker(
        AGE_BANDS.map((_, i) => i),
        bandWeights
      ))
    );
  }
  const band = AGE_BANDS[picker.pick(rng)];
  return world.population.pickIndex(rng, countyCode, band.from, band.to);
}

/**
 * The county a patient of this institution lives in. Most care happens in the home county;
 * the prefecture hospitals in Changji City draw patients from every county.
 */
export function patientCounty(world: World, rng: Rng, institution: Institution, inpatient = false): string {
  const prefectureLevel = world.prefectureHospitals.includes(institution);
  const stay = prefectureLevel ? 0.55 : institution.isPrimaryCare ? 0.97 : inpatient ? 0.9 : 0.93;
  return rng.chance(stay) ? institution.countyCode : world.countyByPopulation.pick(rng);
}

export function patientOf(world: World, rng: Rng, institution: Institution, inpatient = false): Person {
  return pickResident(world, rng, patientCounty(world, rng, institution, inpatient));
}

/** Seconds after midnight in clinic hours, with the morning peak of Chinese outpatient care. */
export function clinicSeconds(rng: Rng): number {
  const morning = rng.chance(0.62);
  const centre = morning ? 10.2 : 16.3;
  const hours = Math.min(21.5, Math.max(7.8, centre + rng.normal() * (morning ? 1.1 : 1.4)));
  return Math.floor(hours * 3600);
}

/** Seconds after midnight of app use: through the day, busiest in the evening. */
export function appSeconds(rng: Rng): number {
  const r = rng.next();
  const hours = r < 0.55 ? 8 + rng.next() * 10 : r < 0.92 ? 18 + rng.next() * 5 : rng.next() * 8;
  return Math.floor(hours * 3600);
}

export const at = (date: string, seconds: number) => timestamp(date, seconds);

export const money = (value: number) => Math.round(value * 100) / 100;
