// The platform's published headline figures (domain.md, from the 2025 Changji Daily reports):
// reference constants, each with how the warehouse computes it live through /api/query. The
// calibration window and the ±3% tolerance are those the simulator is held to.
import type { Text, ValueFormat } from '#lib/contract/contract.js';

export const LAUNCH = '2024-12-06';
export const TOLERANCE = 0.03;

export type Computation =
  /** A field of the indicator over the window (grain=all). */
  | { kind: 'total'; indicator: string; field: 'numerator' | 'denominator' | 'value' }
  /** The busiest day's figure (grain=day, the maximum). */
  | { kind: 'max_day'; indicator: string };

export interface PressFigure {
  key: string;
  label: Text;
  from: string;
  to: string;
  published: number;
  format: ValueFormat;
  unit?: Text;
  /** 'within': |computed/published - 1| <= TOLERANCE; 'at_least': computed >= published. */
  test: 'within' | 'at_least';
  compute: Computation;
}

const t = (zh: string, en: string): Text => ({ zh, en });
const times = t('人次', 'visits');

export const PRESS_FIGURES: PressFigure[] = [
  {
    key: 'appointments_may',
    label: t('预约挂号（首次报道）', 'Appointments (first report)'),
    from: LAUNCH,
    to: '2025-05-20',
    published: 40_708,
    format: 'count',
    unit: times,
    test: 'within',
    compute: { kind: 'total', indicator: 'appointment_count', field: 'numerator' }
  },
  {
    key: 'appointments',
    label: t('预约挂号', 'Appointments'),
    from: LAUNCH,
    to: '2025-12-31',
    published: 69_000,
    format: 'count',
    unit: times,
    test: 'within',
    compute: { kind: 'total', indicator: 'appointment_count', field: 'numerator' }
  },
  {
    key: 'payments',
    label: t('平台费用结算', 'Fees settled through the platform'),
    from: LAUNCH,
    to: '2025-12-31',
    published: 162_000,
    format: 'count',
    unit: t('笔', 'payments'),
    test: 'within',
    compute: { kind: 'total', indicator: 'platform_payments', field: 'numerator' }
  },
  {
    key: 'report_queries',
    label: t('报告查询', 'Report queries'),
    from: LAUNCH,
    to: '2025-12-31',
    published: 3_910_000,
    format: 'count',
    unit: t('次', 'queries'),
    test: 'within',
    compute: { kind: 'total', indicator: 'report_query_count', field: 'numerator' }
  },
  {
    key: 'face_scan',
    label: t('刷脸结算', 'Face-scan settlements'),
    from: '2025-04-01',
    to: '2025-12-31',
    published: 1_180_000,
    format: 'count',
    unit: times,
    test: 'within',
    compute: { kind: 'total', indicator: 'face_scan_settlements', field: 'numerator' }
  },
  {
    key: 'face_institutions',
    label: t('开通刷脸结算的定点机构', 'Designated institutions settling by face scan'),
    from: '2025-04-01',
    to: '2025-12-31',
    published: 327,
    format: 'count',
    unit: t('家', 'institutions'),
    test: 'within',
    compute: { kind: 'total', indicator: 'face_scan_coverage', field: 'numerator' }
  },
  {
    key: 'referrals',
    label: t('双向转诊申请', 'Referral applications'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 9_175,
    format: 'count',
    unit: t('例', 'cases'),
    test: 'within',
    compute: { kind: 'total', indicator: 'referral_success_rate', field: 'denominator' }
  },
  {
    key: 'referrals_succeeded',
    label: t('转诊成功', 'Referrals succeeded'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 8_793,
    format: 'count',
    unit: t('例', 'cases'),
    test: 'within',
    compute: { kind: 'total', indicator: 'referral_success_rate', field: 'numerator' }
  },
  {
    key: 'referral_rate',
    label: t('转诊成功率', 'Referral success rate'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 0.958,
    format: 'percent',
    test: 'within',
    compute: { kind: 'total', indicator: 'referral_success_rate', field: 'value' }
  },
  {
    key: 'recognised',
    label: t('检查检验结果互认', 'Results recognised'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 46_900,
    format: 'count',
    unit: t('项', 'items'),
    test: 'within',
    compute: { kind: 'total', indicator: 'recognised_items', field: 'numerator' }
  },
  {
    key: 'recognition_patients',
    label: t('互认患者', 'Patients with recognised results'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 41_300,
    format: 'count',
    unit: times,
    test: 'within',
    compute: { kind: 'total', indicator: 'recognition_visits', field: 'numerator' }
  },
  {
    key: 'recognition_savings',
    label: t('互认节省费用', 'Saved by recognition'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 4_781_000,
    format: 'yuan',
    test: 'within',
    compute: { kind: 'total', indicator: 'recognition_savings', field: 'numerator' }
  },
  {
    key: 'consultations',
    label: t('互联网医院诊疗', 'Internet-hospital consultations'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 45_000,
    format: 'count',
    unit: times,
    test: 'within',
    compute: { kind: 'total', indicator: 'online_consultations', field: 'numerator' }
  },
  {
    key: 'users',
    label: t('平台注册用户', 'Registered platform users'),
    from: LAUNCH,
    to: '2025-12-31',
    published: 1_300_000,
    format: 'count',
    unit: t('人', 'people'),
    test: 'within',
    compute: { kind: 'total', indicator: 'registered_users', field: 'numerator' }
  },
  {
    key: 'card_refunds',
    label: t('诊卡余额退费', 'Dormant card balances refunded'),
    from: LAUNCH,
    to: '2025-12-31',
    published: 150_000_000,
    format: 'yuan',
    test: 'within',
    compute: { kind: 'total', indicator: 'card_refund_amount', field: 'numerator' }
  },
  {
    key: 'ems_peak',
    label: t('120急救单日最高呼叫', '120 calls on the busiest day'),
    from: '2025-01-01',
    to: '2025-12-31',
    published: 400,
    format: 'count',
    unit: t('次', 'calls'),
    test: 'at_least',
    compute: { kind: 'max_day', indicator: 'ems_calls' }
  }
];

/** Whether a computed figure reproduces the published one. */
export function agrees(f: PressFigure, computed: number | null): boolean | null {
  if (computed === null) return null;
  if (f.test === 'at_least') return computed >= f.published;
  return Math.abs(computed / f.published - 1) <= TOLERANCE;
}
