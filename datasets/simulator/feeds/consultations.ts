// Internet-hospital consultations (15 hospitals, video via WeChat or text); 13 of them send the
// prescribed drugs home by EMS or SF Express. A record closes when the drugs arrive.
import { SPECIALTIES } from '../../contract/feeds';
import type { Rng } from '../random';
import {
  APP_AGE_WEIGHTS,
  appSeconds,
  at,
  dayRng,
  idMaker,
  patientCounty,
  personFields,
  pickResident,
  shift,
  type DayContext,
  type FeedRecord
} from './common';

const PRESCRIPTION_SHARE = 0.38;
const DELIVERY_SHARE = 0.72;
/** Delivered consultations by days from start to delivery (0..3). */
const DELIVERY_LAG = [0.06, 0.52, 0.31, 0.11];
const SPECIALTY_WEIGHTS = [0.2, 0.16, 0.14, 0.1, 0.08, 0.07, 0.07, 0.06, 0.03, 0.09];
const COMPLAINTS = [
  '复诊开药',
  '咳嗽三天',
  '血压控制不佳',
  '血糖复查咨询',
  '皮疹瘙痒',
  '孩子发热',
  '失眠',
  '胃部不适',
  '检查报告解读',
  '腰痛'
];

export function generateConsultations(ctx: DayContext): FeedRecord[] {
  const { world, date } = ctx;
  const rng = dayRng(ctx, 'internet_consultations');
  const nextId = idMaker('HL', date);
  const delivering = world.internetHospitals.filter((h) => h.deliversDrugs).length / world.internetHospitals.length;
  const deliveredShare = PRESCRIPTION_SHARE * DELIVERY_SHARE * delivering;
  const records: FeedRecord[] = [];
  for (let lag = 0; lag < DELIVERY_LAG.length; lag++) {
    const share = deliveredShare * DELIVERY_LAG[lag] + (lag === 0 ? 1 - deliveredShare : 0);
    const count = ctx.plan.count('internet_consultations', ctx.date, share, lag);
    for (let n = 0; n < count; n++) {
      const delivered = lag > 0 || rng.chance((deliveredShare * DELIVERY_LAG[0]) / share);
      records.push(consultation(ctx, rng, nextId(), shift(ctx, -lag), lag, delivered, deliveredShare));
    }
  }
  return records;
}

function consultation(
  ctx: DayContext,
  rng: Rng,
  id: string,
  startedOn: string,
  lag: number,
  delivered: boolean,
  deliveredShare: number
): FeedRecord {
  const { world, date } = ctx;
  const hospitals = delivered ? world.internetHospitals.filter((h) => h.deliversDrugs) : world.internetHospitals;
  const inst = rng.pick(hospitals);
  const person = pickResident(world, rng, patientCounty(world, rng, inst), APP_AGE_WEIGHTS);
  const video = rng.chance(0.45);
  // A same-day delivery needs a morning start; keep every step inside its day.
  const start = delivered && lag === 0 ? 7 * 3600 + rng.int(0, 3 * 3600) : Math.min(appSeconds(rng), 22 * 3600);
  const end = start + (video ? rng.int(240, 1200) : rng.int(600, 3000));
  const prescribed = delivered || rng.chance((PRESCRIPTION_SHARE - deliveredShare) / (1 - deliveredShare));
  const shipped = end + rng.int(1800, 4 * 3600);
  const arrival = lag === 0 ? Math.min(86_000, shipped + rng.int(3 * 3600, 8 * 3600)) : rng.int(9 * 3600, 20 * 3600);
  return {
    consultation_id: id,
    institution_code: inst.institutionCode,
    mode: video ? 'video' : 'text',
    specialty: rng.choose(SPECIALTIES, SPECIALTY_WEIGHTS),
    started_at: at(startedOn, start),
    ended_at: at(startedOn, end),
    e_prescription: prescribed,
    prescribed_at: prescribed ? at(startedOn, end - 60) : null,
    delivery_carrier: delivered ? inst.deliveryCarrier : null,
    shipped_at: delivered ? at(startedOn, shipped) : null,
    delivered_at: delivered ? at(date, arrival) : null,
    closed_at: delivered ? at(date, arrival) : at(startedOn, end),
    chief_complaint: rng.pick(COMPLAINTS),
    ...personFields(person, { phone: true, address: true }),
    residence_county: person.countyCode
  };
}
