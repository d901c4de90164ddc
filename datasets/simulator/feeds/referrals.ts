// Two-way referrals inside the county medical communities (医共体), exported when closed.
// 95.8% succeed (the published 8,793 of 9,175 in 2025); urgent ones (STEMI, stroke: often
// flagged by the remote ECG network) are admitted within the hour.
import type { Institution } from '../../reference/index';
import type { Rng } from '../random';
import type { World } from '../world';
import { at, clinicSeconds, dayRng, idMaker, patientOf, personFields, shift, type DayContext, type FeedRecord } from './common';

export const REFERRAL_SUCCESS_RATE = 8_793 / 9_175;
const URGENT_SHARE = 0.045;
/** Non-urgent referrals by days from application to closure. */
const CLOSE_LAG = [0.42, 0.36, 0.13, 0.06, 0.03];
const UP_REASONS = ['beyond_capacity', 'diagnosis_uncertain', 'critical_care', 'surgery_needed'];
const UP_REASON_WEIGHTS = [0.4, 0.25, 0.12, 0.23];
const DOWN_REASONS = ['rehabilitation', 'chronic_stable', 'post_surgery_recovery', 'palliative'];
const DOWN_REASON_WEIGHTS = [0.4, 0.33, 0.22, 0.05];
const DIAGNOSES_UP = [
  '胸痛待查',
  '急性心肌梗死?',
  '脑梗死',
  '社区获得性肺炎',
  '慢阻肺急性加重',
  '2型糖尿病伴并发症',
  '高血压3级',
  '腹痛待查',
  '骨折',
  '妊娠期高血压'
];
const DIAGNOSES_DOWN = [
  '脑梗死恢复期',
  '冠心病PCI术后',
  '髋关节置换术后',
  '高血压病稳定期',
  '2型糖尿病稳定期',
  '慢性心力衰竭稳定期',
  '肿瘤晚期姑息治疗'
];
const URGENT_KINDS = ['stemi', 'stroke', 'trauma', 'obstetric'];
const URGENT_WEIGHTS = [0.5, 0.3, 0.15, 0.05];

export function generateReferrals(ctx: DayContext): FeedRecord[] {
  const { date } = ctx;
  const rng = dayRng(ctx, 'referrals');
  const statusDraw = dayRng(ctx, 'referrals', 1);
  const nextId = idMaker('ZZ', date);
  const records: FeedRecord[] = [];
  for (let lag = 0; lag < CLOSE_LAG.length; lag++) {
    const share = (1 - URGENT_SHARE) * CLOSE_LAG[lag] + (lag === 0 ? URGENT_SHARE : 0);
    const count = ctx.plan.count('referrals', ctx.date, share, lag);
    const appliedOn = shift(ctx, -lag);
    for (let n = 0; n < count; n++) {
      const urgent = lag === 0 && rng.chance(URGENT_SHARE / share);
      records.push(referral(ctx, rng, statusDraw.quasi(), nextId(), appliedOn, lag, urgent));
    }
  }
  return records;
}

function referral(ctx: DayContext, rng: Rng, statusU: number, id: string, appliedOn: string, lag: number, urgent: boolean): FeedRecord {
  const { world, date, day } = ctx;
  const downShare = 0.28 + (0.08 * Math.max(0, day.sinceLaunch)) / 390;
  const direction = !urgent && rng.chance(downShare) ? 'down' : 'up';
  const { from, to } = route(world, rng, direction, urgent);
  const person = patientOf(world, rng, direction === 'up' ? from : to, true);
  const status =
    statusU < REFERRAL_SUCCESS_RATE
      ? 'admitted'
      : statusU < REFERRAL_SUCCESS_RATE + 0.021
        ? 'rejected'
        : statusU < REFERRAL_SUCCESS_RATE + 0.035
          ? 'cancelled'
          : 'expired';
  // Times: application in clinic hours; same-day closure keeps every step before midnight.
  const applied = urgent ? Math.floor(rng.next() * 80_000) : clinicSeconds(rng);
  const room = 86_399 - applied;
  const acceptAfter = urgent ? 180 + rng.int(0, 420) : Math.floor(rng.exponential(2.5 * 3600));
  const admitAfter = urgent ? 1500 + rng.int(0, 2700) : acceptAfter + Math.floor(rng.exponential(5 * 3600));
  const accepted = lag === 0 ? applied + Math.min(acceptAfter, Math.floor(room * 0.4)) : null;
  const closedSeconds = lag === 0 ? applied + Math.min(admitAfter, room) : clinicSeconds(rng);
  const acceptedAt =
    status === 'rejected' || status === 'expired'
      ? null
      : accepted !== null
        ? at(date, accepted)
        : at(appliedOn, Math.min(86_399, applied + acceptAfter));
  const closedAt = at(date, closedSeconds);
  return {
    referral_id: id,
    direction,
    from_institution: from.institutionCode,
    to_institution: to.institutionCode,
    mc_code: from.mcCode && from.mcCode === to.mcCode ? from.mcCode : null,
    urgent,
    urgent_kind: urgent ? rng.choose(URGENT_KINDS, URGENT_WEIGHTS) : null,
    reason: urgent
      ? 'critical_care'
      : direction === 'up'
        ? rng.choose(UP_REASONS, UP_REASON_WEIGHTS)
        : rng.choose(DOWN_REASONS, DOWN_REASON_WEIGHTS),
    status,
    applied_at: at(appliedOn, applied),
    accepted_at: acceptedAt,
    admitted_at: status === 'admitted' ? closedAt : null,
    closed_at: closedAt,
    diagnosis_text: rng.pick(direction === 'up' ? DIAGNOSES_UP : DIAGNOSES_DOWN),
    ...personFields(person, { phone: true }),
    residence_county: person.countyCode
  };
}

/** Up: primary care to its community's lead hospital (or, less often, a prefecture hospital). Down: the reverse. */
function route(world: World, rng: Rng, direction: 'up' | 'down', urgent: boolean): { from: Institution; to: Institution } {
  const county = world.countyByPopulation.pick(rng);
  const candidates = world.primaryByCounty.get(county)!;
  // Most referrals involve township and community centres; village clinics refer some too.
  const centres = candidates.filter((i) => i.type !== 'village_clinic');
  const low = centres.length > 0 && rng.chance(0.85) ? rng.pick(centres) : rng.pick(candidates);
  const lead = (low.mcCode && world.mcLeadByMc.get(low.mcCode)) || world.countyHospital.get(county)!;
  const toPrefecture = urgent ? rng.chance(0.35) : rng.chance(0.18);
  const high = toPrefecture ? rng.pick(world.prefectureHospitals) : lead;
  return direction === 'up' ? { from: low, to: high } : { from: high, to: low };
}
