// Services (mart_services), the platform's own business: insurance settlement, appointments,
// report look-ups and registrations: the figures officials quote.
import type { IndicatorEntry } from '../schema';
import { BY_ORG, NOTES, PERCENT, ratio, SOURCES, sum, t, UNITS } from './common';

const SETTLEMENT_DIMS = [...BY_ORG, 'channel', 'visit_type', 'insurance_type'];

export const PLATFORM_SERVICES: IndicatorEntry[] = [
  {
    id: 'settlement_count',
    family: 'services',
    name: t('医保结算人次', 'Insurance settlements'),
    definition: t(
      '定点医疗机构门诊和住院费用结算人次，含刷脸、社保卡、医保电子凭证和现金',
      'Outpatient visits and inpatient stays settled at designated institutions, by any channel (face scan, card, e-insurance QR code, cash)'
    ),
    numerator: t('结算人次', 'Settlements'),
    denominator: null,
    unit: UNITS.settlements,
    format: 'count',
    breakdowns: SETTLEMENT_DIMS,
    target: null,
    higherIsBetter: null,
    source: SOURCES.insurance,
    countsPersons: true,
    compute: sum('settlements', 'settlements')
  },
  {
    id: 'face_scan_settlements',
    family: 'services',
    name: t('刷脸结算人次', 'Face-scan settlements'),
    definition: t(
      '经人脸、实名、实人三重核验后以刷脸方式完成的医保结算人次',
      'Insurance settlements completed by face scan after the face, real-name and real-person check'
    ),
    numerator: t('刷脸结算人次', 'Face-scan settlements'),
    denominator: null,
    unit: UNITS.settlements,
    format: 'count',
    breakdowns: [...BY_ORG, 'visit_type', 'insurance_type'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.insurance,
    countsPersons: true,
    compute: { table: 'settlements', numerator: { column: 'settlements', where: { channel: ['face'] } } }
  },
  {
    id: 'face_scan_share',
    family: 'services',
    name: t('刷脸结算占比', 'Face-scan settlement share'),
    definition: t(
      '刷脸结算人次占医保结算人次（不含现金）的比例',
      'Face-scan settlements over all insurance settlements (cash bills excluded)'
    ),
    numerator: t('刷脸结算人次', 'Face-scan settlements'),
    denominator: t('医保结算人次（不含现金）', 'Insurance settlements (excluding cash)'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'visit_type', 'insurance_type'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.insurance,
    countsPersons: true,
    compute: {
      table: 'settlements',
      numerator: { column: 'settlements', where: { channel: ['face'] } },
      denominator: { column: 'settlements', whereNot: { channel: ['cash'] } }
    }
  },
  {
    id: 'face_scan_coverage',
    family: 'services',
    name: t('刷脸结算机构覆盖率', 'Face-scan coverage of designated institutions'),
    definition: t(
      '期内至少有一笔刷脸结算的医保定点机构数占医保定点机构数的比例',
      'Designated institutions with at least one face-scan settlement in the period over all designated institutions'
    ),
    numerator: t('有刷脸结算的定点机构数', 'Designated institutions settling by face scan'),
    denominator: t('医保定点机构数', 'Designated institutions'),
    ...PERCENT,
    breakdowns: BY_ORG,
    target: { value: 1, op: '>=', note: t('2025年4月起全部定点机构开通', 'every designated institution from April 2025') },
    higherIsBetter: true,
    source: SOURCES.insurance,
    // Institutions, not persons: nothing to hide.
    countsPersons: false,
    compute: { table: 'settlements', numerator: { column: 'settlements', where: { channel: ['face'] } }, coverage: { of: 'is_designated' } }
  },
  {
    id: 'face_verify_pass_rate',
    family: 'services',
    name: t('刷脸核验通过率', 'Face verification pass rate'),
    definition: t(
      '刷脸核验通过次数占刷脸核验次数的比例；未通过的改用其他方式结算',
      'Face verifications passed over attempts; a failed attempt falls back to another channel'
    ),
    numerator: t('核验通过次数', 'Verifications passed'),
    denominator: t('核验次数', 'Verification attempts'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'visit_type'],
    target: { value: 0.98, op: '>=', note: NOTES.typical },
    higherIsBetter: true,
    source: SOURCES.insurance,
    countsPersons: true,
    compute: ratio('settlements', 'face_passes', 'face_attempts')
  },
  {
    id: 'platform_payments',
    family: 'services',
    name: t('平台线上缴费笔数', 'Fees paid through the platform'),
    definition: t('患者通过健康云平台在线完成的费用结算笔数', 'Settlements the patient paid online through the health cloud'),
    numerator: t('线上缴费笔数', 'Online payments'),
    denominator: null,
    unit: UNITS.payments,
    format: 'count',
    breakdowns: [...BY_ORG, 'visit_type', 'channel'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: true,
    compute: sum('settlements', 'platform_payments')
  },
  {
    id: 'appointment_count',
    family: 'services',
    name: t('预约挂号人次', 'Appointments booked'),
    definition: t('通过健康云平台预约挂号的人次（按预约日期统计）', 'Appointments booked through the platform, by booking day'),
    numerator: t('预约人次', 'Appointments'),
    denominator: null,
    unit: UNITS.appointments,
    format: 'count',
    breakdowns: [...BY_ORG, 'booking_channel', 'department'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: true,
    compute: sum('appointments', 'booked')
  },
  {
    id: 'appointment_attendance_rate',
    family: 'services',
    name: t('预约就诊率', 'Appointment attendance rate'),
    definition: t('预约后按时就诊的人次占预约人次的比例', 'Appointments attended over appointments booked'),
    numerator: t('已就诊人次', 'Attended'),
    denominator: t('预约人次', 'Booked'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'booking_channel', 'department'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.performance,
    countsPersons: true,
    compute: ratio('appointments', 'attended', 'booked')
  },
  {
    id: 'report_query_count',
    family: 'services',
    name: t('报告查询次数', 'Report queries'),
    definition: t('居民通过平台查询检查检验报告的次数', 'Exam and test reports looked up by residents on the platform'),
    numerator: t('查询次数', 'Queries'),
    denominator: null,
    unit: UNITS.queries,
    format: 'count',
    breakdowns: [...BY_ORG, 'report_type', 'query_channel'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: true,
    compute: sum('report_queries', 'queries')
  },
  {
    id: 'registered_users',
    family: 'services',
    name: t('平台注册用户数', 'Registered platform users'),
    definition: t(
      '新注册的健康云平台用户数，按居住县市统计；自上线起累计即注册用户总数',
      'New platform users, by county of residence; summed from launch it is the user total'
    ),
    numerator: t('注册用户数', 'Users registered'),
    denominator: null,
    unit: UNITS.people,
    format: 'count',
    breakdowns: ['county', 'registration_channel'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: true,
    compute: { table: 'registrations', numerator: { column: 'registrations', where: { record_type: ['user'] } } }
  },
  {
    id: 'family_account_links',
    family: 'services',
    name: t('亲情账户绑定数', 'Family accounts linked'),
    definition: t('用户为亲属绑定亲情账户的次数', "Relatives linked to a user's family account"),
    numerator: t('绑定数', 'Links'),
    denominator: null,
    unit: UNITS.people,
    format: 'count',
    breakdowns: ['county', 'registration_channel'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: true,
    compute: { table: 'registrations', numerator: { column: 'registrations', where: { record_type: ['family_link'] } } }
  }
];
