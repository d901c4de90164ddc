// Basic public health services of the day, and on the 1st of each month every centre's register
// snapshot for the month before (the denominators of coverage and management rates).
import { addDays, dateToIndex } from '../calendar';
import { upperBound } from '../population';
import type { Rng } from '../random';
import { at, clinicSeconds, dayRng, idMaker, personFields, type DayContext, type FeedRecord } from './common';
import { publicHealthSchedule, SERVICE, SERVICE_NAMES, VACCINES_BY_AGE, type Register } from './public-health-registers';

export interface GenerationRange {
  from: string;
  to: string;
}

export function generatePublicHealth(ctx: DayContext & { range: GenerationRange }): FeedRecord[] {
  const { world, date, day, range } = ctx;
  const schedule = publicHealthSchedule(world, range.from, range.to);
  const rng = dayRng(ctx, 'public_health');
  const nextId = idMaker('GW', date);
  const records: FeedRecord[] = [];
  const events = schedule.eventsOn(day.index);
  for (let n = 0; n < events.length; n += 3) {
    const [index, service, detail] = [events[n], events[n + 1], events[n + 2]];
    const person = world.population.person(index);
    const type = SERVICE_NAMES[service];
    const record: FeedRecord = {
      service_id: nextId(),
      service_type: type,
      served_at: at(date, clinicSeconds(rng)),
      institution_code: schedule.centreOf(index).institutionCode,
      ...personFields(person, { phone: true, address: true }),
      residence_county: person.countyCode
    };
    Object.assign(record, measurements(rng, service, detail, person.age));
    records.push(record);
  }
  if (date.endsWith('-01')) {
    const monthEnd = dateToIndex(addDays(date, -1));
    for (const reg of schedule.registers) records.push(snapshot(nextId(), date, monthEnd, reg));
  }
  return records;
}

function measurements(rng: Rng, service: number, detail: number, age: number): FeedRecord {
  switch (service) {
    case SERVICE.contract_signed:
      return { key_group: detail === 1 };
    case SERVICE.htn_followup: {
      const controlled = rng.chance(0.68);
      return controlled
        ? { systolic: rng.int(112, 139), diastolic: rng.int(68, 89), controlled }
        : { systolic: rng.int(140, 178), diastolic: rng.int(86, 108), controlled };
    }
    case SERVICE.dm_followup: {
      const controlled = rng.chance(0.62);
      return { glucose_mmol: Math.round((controlled ? 4.6 + rng.next() * 2.4 : 7.1 + rng.next() * 6) * 10) / 10, controlled };
    }
    case SERVICE.vaccination: {
      const list = VACCINES_BY_AGE[Math.min(Math.max(age, 0), VACCINES_BY_AGE.length - 1)];
      return { vaccine: list[detail % list.length] };
    }
    default:
      return {};
  }
}

function snapshot(id: string, date: string, monthEnd: number, reg: Register): FeedRecord {
  const created = upperBound(reg.created, monthEnd);
  return {
    service_id: id,
    service_type: 'register_snapshot',
    served_at: at(date, 9 * 3600),
    institution_code: reg.centre.institutionCode,
    period: addDays(date, -1).slice(0, 7),
    residents: reg.residents,
    residents_65_plus: reg.residents65,
    children_0_6: reg.children06,
    health_records: reg.coveredAtLaunch + created,
    htn_registered: reg.htn,
    dm_registered: reg.dm,
    smi_registered: reg.smi,
    contracted: reg.contracted,
    contracted_key_group: reg.contractedKey,
    key_group_residents: reg.keyGroup
  };
}
