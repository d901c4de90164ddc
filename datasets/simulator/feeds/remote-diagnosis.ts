// Remote ECG (心电一张网) and remote imaging: primary care uploads, the community's lead hospital
// reads. ECG reports come back in minutes; a STEMI-type critical finding alerts the hospital.
import type { Rng } from '../random';
import { at, clinicSeconds, dayRng, idMaker, patientOf, personFields, type DayContext, type FeedRecord } from './common';

const MODALITIES = ['DR', 'CT', 'US'];
const MODALITY_WEIGHTS = [0.55, 0.2, 0.25];

export function generateRemoteDiagnosis(ctx: DayContext): FeedRecord[] {
  const { plan, date } = ctx;
  const rng = dayRng(ctx, 'remote_diagnosis');
  const nextId = idMaker('YC', date);
  const records: FeedRecord[] = [];
  const ecg = plan.count('remote_ecg', date);
  const imaging = plan.count('remote_imaging', date);
  for (let n = 0; n < ecg; n++) records.push(request(ctx, rng, nextId(), 'ecg'));
  for (let n = 0; n < imaging; n++) records.push(request(ctx, rng, nextId(), 'imaging'));
  return records;
}

function request(ctx: DayContext, rng: Rng, id: string, kind: 'ecg' | 'imaging'): FeedRecord {
  const { world, date } = ctx;
  const county = world.countyByPopulation.pick(rng);
  const requester = rng.pick(world.primaryByCounty.get(county)!);
  const reader = (requester.mcCode && world.mcLeadByMc.get(requester.mcCode)) || world.countyHospital.get(county)!;
  const person = patientOf(world, rng, requester);
  // ECGs arrive around the clock (chest pain does not keep hours); imaging in clinic hours.
  const turnaround = kind === 'ecg' ? 120 + Math.floor(rng.logNormal(540, 0.7)) : 900 + Math.floor(rng.logNormal(4200, 0.8));
  let uploaded = kind === 'ecg' && rng.chance(0.22) ? rng.int(0, 86_399) : clinicSeconds(rng);
  uploaded = Math.min(uploaded, 86_399 - turnaround); // reported the same day: that is the partition
  const critical = kind === 'ecg' ? rng.chance(0.025) : rng.chance(0.006);
  return {
    request_id: id,
    kind,
    modality: kind === 'imaging' ? rng.choose(MODALITIES, MODALITY_WEIGHTS) : null,
    requesting_institution: requester.institutionCode,
    reading_institution: reader.institutionCode,
    uploaded_at: at(date, Math.max(0, uploaded)),
    reported_at: at(date, Math.max(0, uploaded) + (critical ? Math.min(turnaround, 420) : turnaround)),
    critical_finding: critical,
    ...personFields(person)
  };
}
