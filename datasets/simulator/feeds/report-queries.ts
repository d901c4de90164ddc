// Residents opening their examination and test reports on the platform (3.91M since launch).
import {
  APP_AGE_WEIGHTS,
  appSeconds,
  at,
  dayRng,
  idMaker,
  patientCounty,
  pickResidentIndex,
  type DayContext,
  type FeedRecord
} from './common';

const TYPES = ['lab', 'imaging', 'ultrasound', 'ecg', 'pathology', 'physical_exam'];
const TYPE_WEIGHTS = [0.55, 0.17, 0.14, 0.06, 0.02, 0.06];
const CHANNELS = ['wechat', 'app', 'mini_program', 'kiosk'];
const CHANNEL_WEIGHTS = [0.56, 0.15, 0.22, 0.07];

export function generateReportQueries(ctx: DayContext): FeedRecord[] {
  const { world, plan, date } = ctx;
  const rng = dayRng(ctx, 'report_queries');
  const nextId = idMaker('BG', date);
  const count = plan.count('report_queries', date);
  const records: FeedRecord[] = new Array(count);
  for (let n = 0; n < count; n++) {
    // Reports come mostly from the hospitals that run labs and imaging.
    const inst = rng.chance(0.85) ? world.hospitalOutpatient.pick(rng) : world.outpatientAnywhere.pick(rng);
    const person = pickResidentIndex(world, rng, patientCounty(world, rng, inst), APP_AGE_WEIGHTS);
    records[n] = {
      query_id: nextId(),
      queried_at: at(date, appSeconds(rng)),
      institution_code: inst.institutionCode,
      report_type: rng.choose(TYPES, TYPE_WEIGHTS),
      query_channel: rng.choose(CHANNELS, CHANNEL_WEIGHTS),
      id_number: world.population.identity(person).idNumber
    };
  }
  return records;
}
