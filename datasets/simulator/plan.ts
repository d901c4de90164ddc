// How many events of each kind happen on each day. A stream's daily volume is a shape (weekday,
// holidays, season, adoption trend) times a constant fixed either by a published target over its
// window (so the window's total lands on the target) or by an annual rate from health statistics.
import {
  appFactor,
  CALENDAR_RANGE,
  clinicFactor,
  dateRange,
  dateToIndex,
  emergencyFactor,
  indexToDate,
  LAUNCH_DATE,
  type Day
} from './calendar';
import { Rng, stringHash } from './random';
import { figure } from './targets';
import type { World } from './world';

export type StreamId =
  | 'appointments'
  | 'outpatient_settlements'
  | 'inpatient_settlements'
  | 'report_queries'
  | 'referrals'
  | 'recognition_visits'
  | 'internet_consultations'
  | 'prescription_reviews'
  | 'remote_ecg'
  | 'remote_imaging'
  | 'emergency_calls'
  | 'card_refunds';

/** Mean items recognised per patient visit: 46,900 items over 41,300 visits. */
export const ITEMS_PER_RECOGNITION_VISIT = 46_900 / 41_300;
/** Mean dormant balance refunded per card (yuan), typical of hospital patient cards. */
export const MEAN_CARD_REFUND = 285;

interface StreamSpec {
  shape: (day: Day) => number;
  /** Daily noise (coefficient of variation) so days differ as real ones do. */
  noise: number;
  /** Platform services exist only from the launch. */
  platform: boolean;
  calibrate: (sum: (from: string, to: string, shape: (day: Day) => number) => number) => number;
}

const since = (day: Day) => Math.max(0, day.sinceLaunch);
/** Normalise a shape so a calendar year's total equals `annual`. */
const annualRate = (annual: number, shape: (day: Day) => number) => (sum: (from: string, to: string, s: (day: Day) => number) => number) =>
  annual / sum('2025-01-01', '2025-12-31', shape);
/** Normalise a shape so the total over a published figure's window equals its target. */
const toFigure =
  (id: string, perEvent: number, shape: (day: Day) => number) => (sum: (from: string, to: string, s: (day: Day) => number) => number) => {
    const f = figure(id);
    return f.target / perEvent / sum(f.from, f.to, shape);
  };

export class Plan {
  private readonly specs: Record<StreamId, StreamSpec>;
  private readonly constants = new Map<StreamId, number>();
  private readonly cache = new Map<string, number>();

  constructor(
    private readonly world: World,
    private readonly seed: number
  ) {
    const w = world.reference.institutions;
    const designatedVisits = w.filter((i) => i.isDesignated).reduce((s, i) => s + i.annualOutpatientVisits, 0);
    const allVisits = w.reduce((s, i) => s + i.annualOutpatientVisits, 0);
    const designatedDischarges = w.filter((i) => i.isDesignated).reduce((s, i) => s + i.annualDischarges, 0);
    const referralShape = (d: Day) => clinicFactor(d) * (0.9 + (0.2 * since(d)) / 390);
    const recognitionShape = (d: Day) => clinicFactor(d) * (0.75 + (0.5 * since(d)) / 390);
    const consultationShape = (d: Day) => appFactor(d) * (0.7 + (0.6 * since(d)) / 390);
    const queryShape = (d: Day) => appFactor(d) * (1 - 0.55 * Math.exp(-since(d) / 100));
    const refundShape = (d: Day) => (d.kind === 'workday' ? 1 : 0.15) * (0.5 + 1.5 * Math.exp(-since(d) / 120));
    const spec = (shape: (d: Day) => number, calibrate: StreamSpec['calibrate'], noise = 0.05, platform = true): StreamSpec => ({
      shape,
      calibrate,
      noise,
      platform
    });
    this.specs = {
      appointments: spec(
        (d) => clinicFactor(d) * this.appointmentTrend(d),
        () => 1,
        0.06
      ),
      // About 78% of outpatient visits at designated institutions are settled through insurance,
      // 93% of discharges (the rest self-pay or public-health visits without a bill).
      outpatient_settlements: spec(clinicFactor, annualRate(designatedVisits * 0.78, clinicFactor), 0.03, false),
      inpatient_settlements: spec(clinicFactor, annualRate(designatedDischarges * 0.93, clinicFactor), 0.04, false),
      report_queries: spec(queryShape, toFigure('report_queries', 1, queryShape)),
      referrals: spec(referralShape, toFigure('referrals_applied', 1, referralShape), 0.08),
      recognition_visits: spec(recognitionShape, toFigure('recognised_items', ITEMS_PER_RECOGNITION_VISIT, recognitionShape)),
      internet_consultations: spec(consultationShape, toFigure('internet_consultations', 1, consultationShape)),
      // The review engine checks every prescription with drugs: about 45% of outpatient visits.
      prescription_reviews: spec(clinicFactor, annualRate(allVisits * 0.45, clinicFactor), 0.03, false),
      remote_ecg: spec(clinicFactor, annualRate(55_000, clinicFactor), 0.08),
      remote_imaging: spec(clinicFactor, annualRate(30_000, clinicFactor), 0.08),
      // About 60 calls per 1,000 residents a year in western prefectures: ~270 a day.
      emergency_calls: spec(emergencyFactor, annualRate(98_000, emergencyFactor), 0.06, false),
      card_refunds: spec(refundShape, toFigure('card_refunds', MEAN_CARD_REFUND, refundShape), 0.1)
    };
  }

  /** Expected events of a stream on a day (at the run's scale), noise included. */
  expected(stream: StreamId, date: string): number {
    const key = `${stream}|${date}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    const spec = this.specs[stream];
    const day = this.world.calendar.day(date);
    let value = 0;
    if (!spec.platform || date >= LAUNCH_DATE) {
      const noise = Math.max(0.7, 1 + spec.noise * new Rng(this.seed, stringHash(stream), day.index).normal());
      value = this.constant(stream) * spec.shape(day) * noise * this.world.scale.factor;
    }
    this.cache.set(key, value);
    return value;
  }

  /**
   * Events of a stream on a day, as the difference of the rounded-down running total of the
   * expectation: the total over any window is its expectation within one event, whatever the
   * scale or the split of days over workers. `share` of the events of `lag` days earlier.
   */
  count(stream: StreamId, date: string, share = 1, lag = 0): number {
    const running = this.running(stream);
    const i = dateToIndex(date) - lag - this.firstIndex;
    const at = (n: number) => (n < 0 ? 0 : running[Math.min(n, running.length - 1)]);
    return Math.floor(share * at(i)) - Math.floor(share * at(i - 1));
  }

  private readonly firstIndex = dateToIndex(CALENDAR_RANGE.from);
  private readonly runningTotals = new Map<StreamId, Float64Array>();

  private running(stream: StreamId): Float64Array {
    let totals = this.runningTotals.get(stream);
    if (!totals) {
      const days = dateToIndex(CALENDAR_RANGE.to) - this.firstIndex + 1;
      totals = new Float64Array(days);
      let sum = 0;
      for (let n = 0; n < days; n++) totals[n] = sum += this.expected(stream, indexToDate(this.firstIndex + n));
      this.runningTotals.set(stream, totals);
    }
    return totals;
  }

  /** Sum of a shape over a window (noise excluded: it averages out). */
  sum(from: string, to: string, shape: (day: Day) => number): number {
    return dateRange(from, to).reduce((s, date) => {
      const day = this.world.calendar.day(date);
      return s + (date >= LAUNCH_DATE ? shape(day) : 0);
    }, 0);
  }

  private constant(stream: StreamId): number {
    let k = this.constants.get(stream);
    if (k === undefined) {
      k = this.specs[stream].calibrate((from, to, shape) => this.sum(from, to, shape));
      this.constants.set(stream, k);
    }
    return k;
  }

  /**
   * Appointments: 40,708 by 2025-05-20 but only 69,000 by the year end, so booking fell after the
   * launch campaign. Fit a decaying trend a*exp(-t/120) + b to both published totals.
   */
  private appointmentTrend(day: Day): number {
    if (!this.trend) {
      const early = figure('appointments_to_may');
      const whole = figure('appointments');
      const decay = (d: Day) => clinicFactor(d) * Math.exp(-since(d) / 120);
      const e1 = this.sum(early.from, early.to, decay);
      const c1 = this.sum(early.from, early.to, clinicFactor);
      const e2 = this.sum(early.to, whole.to, decay) - decay(this.world.calendar.day(early.to));
      const c2 = this.sum(early.to, whole.to, clinicFactor) - clinicFactor(this.world.calendar.day(early.to));
      const t1 = early.target;
      const t2 = whole.target - early.target;
      const det = e1 * c2 - e2 * c1;
      this.trend = { a: (t1 * c2 - t2 * c1) / det, b: (e1 * t2 - e2 * t1) / det };
    }
    return this.trend.a * Math.exp(-since(day) / 120) + this.trend.b;
  }
  private trend?: { a: number; b: number };
}
