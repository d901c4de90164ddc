// Appointments booked through the platform (mostly at the public hospitals), exported on the
// day of the appointment with its outcome. Bookings are made 0-7 days ahead.
import { Rng } from '../random';
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

/** Share of bookings by days between booking and appointment. */
const LEAD_DAYS = [0.3, 0.24, 0.15, 0.1, 0.08, 0.06, 0.04, 0.03];
const DEPARTMENTS = [
  'internal_medicine',
  'surgery',
  'pediatrics',
  'obstetrics_gynecology',
  'tcm',
  'ophthalmology_ent',
  'dermatology',
  'general_practice'
];
const DEPARTMENT_WEIGHTS = [0.27, 0.13, 0.16, 0.14, 0.09, 0.09, 0.06, 0.06];
const CHANNELS = ['wechat', 'app', 'mini_program', 'kiosk', 'phone'];
const CHANNEL_WEIGHTS = [0.52, 0.16, 0.2, 0.08, 0.04];

export function generateAppointments(ctx: DayContext): FeedRecord[] {
  const { world, date } = ctx;
  const rng = dayRng(ctx, 'appointments');
  const nextId = idMaker('YY', date);
  const records: FeedRecord[] = [];
  LEAD_DAYS.forEach((share, lead) => {
    const count = ctx.plan.count('appointments', ctx.date, share, lead);
    const bookedOn = shift(ctx, -lead);
    for (let n = 0; n < count; n++) {
      const inst = world.hospitalOutpatient.pick(rng);
      const person = pickResident(world, rng, patientCounty(world, rng, inst), APP_AGE_WEIGHTS);
      records.push({
        appointment_id: nextId(),
        booked_at: at(bookedOn, lead === 0 ? Math.min(appSeconds(rng), 10 * 3600) : appSeconds(rng)),
        slot_date: date,
        institution_code: inst.institutionCode,
        department: rng.choose(DEPARTMENTS, DEPARTMENT_WEIGHTS),
        booking_channel: rng.choose(CHANNELS, CHANNEL_WEIGHTS),
        status: outcome(rng, lead),
        ...personFields(person, { phone: true }),
        residence_county: person.countyCode
      });
    }
  });
  return records;
}

/** Bookings made further ahead are cancelled or missed more often. */
function outcome(rng: Rng, lead: number): string {
  const r = rng.next();
  const cancel = 0.05 + lead * 0.012;
  const noShow = 0.04 + lead * 0.008;
  return r < cancel ? 'cancelled' : r < cancel + noShow ? 'no_show' : 'attended';
}
