// The platform's published figures (../shared/domain.md, "Calibration targets") as data: the
// simulator plans its volumes from them and checks its output against them.
import { LAUNCH_DATE } from './calendar';

export type FigureKind = 'count' | 'sum' | 'distinct' | 'max_day' | 'ratio';

export interface Figure {
  id: string;
  label: string;
  feed: string;
  from: string;
  to: string;
  /** At the prefecture scale; other scales multiply counts and sums by their factor. */
  target: number;
  kind: FigureKind;
  /** Which records count (default: every valid record of the feed, by its event date). */
  where?: (r: Record<string, unknown>) => boolean;
  /** Field summed (sum) or counted distinct (distinct). */
  field?: string;
  /** ratio: numerator and denominator figure ids. */
  ratioOf?: [string, string];
  /** max_day: the target is a floor, not a point. */
  atLeast?: boolean;
}

const Y2025: Pick<Figure, 'from' | 'to'> = { from: '2025-01-01', to: '2025-12-31' };
const SINCE_LAUNCH: Pick<Figure, 'from' | 'to'> = { from: LAUNCH_DATE, to: '2025-12-31' };

export const FIGURES: readonly Figure[] = [
  {
    id: 'appointments_to_may',
    label: 'appointments booked (launch..2025-05-20)',
    feed: 'appointments',
    from: LAUNCH_DATE,
    to: '2025-05-20',
    target: 40_708,
    kind: 'count'
  },
  {
    id: 'appointments',
    label: 'appointments booked (launch..2025-12-31)',
    feed: 'appointments',
    ...SINCE_LAUNCH,
    target: 69_000,
    kind: 'count'
  },
  {
    id: 'platform_payments',
    label: 'fee settlements paid through the platform',
    feed: 'settlements',
    ...SINCE_LAUNCH,
    target: 162_000,
    kind: 'count',
    where: (r) => r.paid_via_platform === true
  },
  { id: 'report_queries', label: 'report queries', feed: 'report_queries', ...SINCE_LAUNCH, target: 3_910_000, kind: 'count' },
  {
    id: 'face_scan',
    label: 'face-scan insurance settlements (2025-04..12)',
    feed: 'settlements',
    from: '2025-04-01',
    to: '2025-12-31',
    target: 1_180_000,
    kind: 'count',
    where: (r) => r.channel === 'face'
  },
  { id: 'referrals_applied', label: 'referral applications (2025)', feed: 'referrals', ...Y2025, target: 9_175, kind: 'count' },
  {
    id: 'referrals_succeeded',
    label: 'referrals succeeded (2025)',
    feed: 'referrals',
    ...Y2025,
    target: 8_793,
    kind: 'count',
    where: (r) => r.status === 'admitted'
  },
  {
    id: 'referral_success_rate',
    label: 'referral success rate (2025)',
    feed: 'referrals',
    ...Y2025,
    target: 8_793 / 9_175,
    kind: 'ratio',
    ratioOf: ['referrals_succeeded', 'referrals_applied']
  },
  { id: 'recognised_items', label: 'results recognised (2025)', feed: 'result_recognition', ...Y2025, target: 46_900, kind: 'count' },
  {
    id: 'recognised_patients',
    label: 'patients (visits) with a recognised result (2025)',
    feed: 'result_recognition',
    ...Y2025,
    target: 41_300,
    kind: 'distinct',
    field: 'visit_id'
  },
  {
    id: 'recognition_savings',
    label: 'yuan saved by recognition (2025)',
    feed: 'result_recognition',
    ...Y2025,
    target: 4_781_000,
    kind: 'sum',
    field: 'price_yuan'
  },
  {
    id: 'internet_consultations',
    label: 'internet-hospital consultations (2025)',
    feed: 'internet_consultations',
    ...Y2025,
    target: 45_000,
    kind: 'count'
  },
  {
    id: 'registered_users',
    label: 'registered platform users at 2025-12-31',
    feed: 'registrations',
    ...SINCE_LAUNCH,
    target: 1_300_000,
    kind: 'count',
    where: (r) => r.record_type === 'user'
  },
  {
    id: 'card_refunds',
    label: 'dormant card balances refunded (yuan)',
    feed: 'assets',
    ...SINCE_LAUNCH,
    target: 150_000_000,
    kind: 'sum',
    field: 'refund_amount',
    where: (r) => r.record_type === 'card_refund'
  },
  {
    id: 'ems_busiest_day',
    label: '120 calls on the busiest day',
    feed: 'emergency_calls',
    ...SINCE_LAUNCH,
    target: 400,
    kind: 'max_day',
    atLeast: true
  }
];

export const TOLERANCE = 0.03;

export function figure(id: string): Figure {
  const f = FIGURES.find((x) => x.id === id);
  if (!f) throw new Error(`unknown figure ${id}`);
  return f;
}
