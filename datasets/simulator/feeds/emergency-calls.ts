// 120 emergency calls: answered, ambulance dispatched, on scene. Rural scenes take longer to
// reach; winter and the Spring Festival bring the busiest days (400+ calls at peak).
import type { Rng } from '../random';
import { at, dayRng, idMaker, pickResident, type DayContext, type FeedRecord } from './common';

const CATEGORIES = ['cardiac', 'stroke', 'trauma', 'respiratory', 'obstetric', 'poisoning', 'other_illness'];
const CATEGORY_WEIGHTS = [0.14, 0.1, 0.24, 0.13, 0.05, 0.04, 0.3];
const OUTCOMES = ['transported', 'treated_on_scene', 'refused', 'cancelled', 'no_patient'];
const OUTCOME_WEIGHTS = [0.72, 0.08, 0.07, 0.08, 0.05];
/** Minutes from dispatch to arrival: county seats are close, villages far (and further in winter). */
const URBAN_COUNTIES = new Set(['652301', '652302']);

export function generateEmergencyCalls(ctx: DayContext): FeedRecord[] {
  const { plan, date } = ctx;
  const rng = dayRng(ctx, 'emergency_calls');
  const nextId = idMaker('JJ', date);
  const count = plan.count('emergency_calls', date);
  const records: FeedRecord[] = new Array(count);
  for (let n = 0; n < count; n++) records[n] = call(ctx, rng, nextId());
  return records;
}

function call(ctx: DayContext, rng: Rng, id: string): FeedRecord {
  const { world, date, day } = ctx;
  const county = world.countyByPopulation.pick(rng);
  const person = pickResident(world, rng, county);
  const category = rng.choose(CATEGORIES, CATEGORY_WEIGHTS);
  const outcome = rng.choose(OUTCOMES, OUTCOME_WEIGHTS);
  // Calls through the day, fewer before dawn.
  const callAt = rng.chance(0.12) ? rng.int(0, 6 * 3600) : rng.int(6 * 3600, 86_399);
  const dispatched = outcome === 'cancelled' && rng.chance(0.5) ? null : callAt + 40 + Math.floor(rng.logNormal(95, 0.5));
  const rural = !URBAN_COUNTIES.has(county) || rng.chance(0.3);
  const winter = day.month <= 2 || day.month === 12 ? 1.15 : 1;
  const drive = Math.floor(rng.logNormal((rural ? 21 : 11) * 60 * winter, 0.4));
  const arrived = dispatched === null || outcome === 'cancelled' ? null : dispatched + drive;
  return {
    call_id: id,
    call_at: at(date, callAt),
    dispatched_at: dispatched === null ? null : at(date, dispatched),
    arrived_at: arrived === null ? null : at(date, arrived),
    county_code: county,
    township_code: person.townshipCode,
    category,
    priority: category === 'cardiac' || category === 'stroke' || category === 'obstetric' ? 1 : rng.chance(0.4) ? 2 : 3,
    outcome,
    destination_institution: outcome === 'transported' ? world.countyHospital.get(county)!.institutionCode : null,
    caller_phone: person.phone ?? null,
    scene_address: person.address
  };
}
