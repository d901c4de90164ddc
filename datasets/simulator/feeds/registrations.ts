// Residents registering on the platform: a launch campaign, then a steady trickle; 1.30M users
// by the end of 2025. Each resident registers at most once (so users are people, not events);
// some link relatives (children, elderly parents) to a family account (亲情账户).
import { appFactor, dateRange, dateToIndex, LAUNCH_DATE, type Day } from '../calendar';
import { hashUnit, WeightedPicker } from '../random';
import { figure } from '../targets';
import type { World } from '../world';
import { appSeconds, at, dayRng, idMaker, personFields, type DayContext, type FeedRecord } from './common';

/** Residents register from age 10; younger children are linked by their parents. */
const MIN_AGE = 10;
/** Share of eventual users who register after 2025 (the campaign's tail). */
const AFTER_2025 = 0.03;
const FAMILY_LINK_SHARE = 0.22;
const CHANNELS = ['wechat', 'app', 'alipay', 'hospital_kiosk'];
const CHANNEL_WEIGHTS = [0.62, 0.14, 0.12, 0.12];
const RELATIONS = ['child', 'parent', 'spouse', 'grandparent', 'other'];
const S = { registers: 41, day: 42 };

export const registrationShape = (d: Day) => {
  const t = Math.max(0, d.sinceLaunch);
  return appFactor(d) * (0.12 + 4 * Math.exp(-t / 30) + 0.8 * Math.exp(-t / 150));
};

const cache = new WeakMap<World, Map<number, number[]>>();

/** Residents registering on each day (by day index), from one scan of the population. */
function registrationDays(world: World): Map<number, number[]> {
  const cached = cache.get(world);
  if (cached) return cached;
  const target = figure('registered_users');
  const window = dateRange(LAUNCH_DATE, target.to);
  const picker = new WeightedPicker(
    window.map(dateToIndex),
    window.map((d) => registrationShape(world.calendar.day(d)))
  );
  const lateStart = dateToIndex(target.to) + 1;
  const { population } = world;
  let eligible = 0;
  for (let i = 0; i < population.size; i++) if (population.ageOf(i) >= MIN_AGE) eligible++;
  const share = (target.target * world.scale.factor) / (eligible * (1 - AFTER_2025));
  if (share > 1) throw new Error(`cannot reach ${target.target} users: only ${eligible} residents aged ${MIN_AGE}+`);
  const byDay = new Map<number, number[]>();
  for (let i = 0; i < population.size; i++) {
    if (population.ageOf(i) < MIN_AGE || hashUnit(i, S.registers) >= share) continue;
    const u = hashUnit(i, S.day);
    const day = u < 1 - AFTER_2025 ? picker.at(u / (1 - AFTER_2025)) : lateStart + Math.floor(((u - (1 - AFTER_2025)) / AFTER_2025) * 365);
    const list = byDay.get(day);
    if (list) list.push(i);
    else byDay.set(day, [i]);
  }
  cache.set(world, byDay);
  return byDay;
}

export function generateRegistrations(ctx: DayContext): FeedRecord[] {
  const { world, date, day } = ctx;
  const rng = dayRng(ctx, 'registrations');
  const nextId = idMaker('ZR', date);
  const records: FeedRecord[] = [];
  for (const index of registrationDays(world).get(day.index) ?? []) {
    const person = world.population.person(index);
    const seconds = appSeconds(rng);
    const channel = rng.choose(CHANNELS, CHANNEL_WEIGHTS);
    const base = { ...personFields(person, { phone: true }), residence_county: person.countyCode };
    records.push({ registration_id: nextId(), record_type: 'user', registered_at: at(date, seconds), channel, ...base });
    if (person.age >= 22 && rng.chance(FAMILY_LINK_SHARE)) {
      const relation = rng.choose(RELATIONS, [0.45, 0.3, 0.15, 0.05, 0.05]);
      const [fromAge, toAge] = relation === 'child' ? [0, 12] : relation === 'parent' || relation === 'grandparent' ? [60, 95] : [20, 70];
      const linked = world.population.person(world.population.pickIndex(rng, person.countyCode, fromAge, toAge));
      records.push({
        registration_id: nextId(),
        record_type: 'family_link',
        registered_at: at(date, Math.min(86_399, seconds + 120)),
        channel,
        ...base,
        linked_id_number: linked.idNumber,
        relation
      });
    }
  }
  return records;
}
