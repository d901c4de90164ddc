// Services (mart_services), care across institutions: two-way referral, result recognition,
// internet hospitals, prescription review, remote diagnosis and 120 emergency dispatch.
import type { IndicatorEntry } from '../schema';
import { BY_ORG, median, NOTES, PERCENT, ratio, SOURCES, sum, t, UNITS } from './common';

const REFERRAL_DIMS = [...BY_ORG, 'direction', 'urgent', 'within_mc'];
/** Medians of durations can also be broken down into their histogram (events per bucket). */
const DURATION_DIMS = [...BY_ORG, 'duration_bucket'];
/** What the 120 response medians share. */
const EMS_MEDIAN: Pick<IndicatorEntry, 'denominator' | 'unit' | 'format' | 'breakdowns' | 'higherIsBetter' | 'source'> = {
  denominator: null,
  unit: UNITS.minutes,
  format: 'minutes',
  breakdowns: ['county', 'duration_bucket'],
  higherIsBetter: false,
  source: SOURCES.emergency
};

export const CARE_SERVICES: IndicatorEntry[] = [
  {
    id: 'referral_applications',
    family: 'services',
    name: t('转诊申请数', 'Referral applications'),
    definition: t(
      '双向转诊申请数（上转和下转），按申请机构和申请日期统计',
      'Two-way referral applications (up and down), by applying institution and day'
    ),
    numerator: t('转诊申请数', 'Applications'),
    denominator: null,
    unit: UNITS.cases,
    format: 'count',
    breakdowns: REFERRAL_DIMS,
    target: null,
    higherIsBetter: null,
    source: SOURCES.medicalCommunity,
    countsPersons: true,
    compute: sum('referrals', 'applications')
  },
  {
    id: 'referral_success_rate',
    family: 'services',
    name: t('转诊成功率', 'Referral success rate'),
    definition: t(
      '在接收机构成功入院（就诊）的转诊数占转诊申请数的比例',
      'Referrals admitted at the receiving institution over referral applications'
    ),
    numerator: t('转诊成功数', 'Referrals admitted'),
    denominator: t('转诊申请数', 'Applications'),
    ...PERCENT,
    breakdowns: REFERRAL_DIMS,
    target: null,
    higherIsBetter: true,
    source: SOURCES.medicalCommunity,
    countsPersons: true,
    compute: ratio('referrals', 'succeeded', 'applications')
  },
  {
    id: 'referral_acceptance_rate',
    family: 'services',
    name: t('转诊接收率', 'Referral acceptance rate'),
    definition: t('接收机构受理的转诊数占转诊申请数的比例', 'Referrals accepted by the receiving institution over applications'),
    numerator: t('受理数', 'Accepted'),
    denominator: t('转诊申请数', 'Applications'),
    ...PERCENT,
    breakdowns: REFERRAL_DIMS,
    target: null,
    higherIsBetter: true,
    source: SOURCES.medicalCommunity,
    countsPersons: true,
    compute: ratio('referrals', 'accepted', 'applications')
  },
  {
    id: 'down_referral_share',
    family: 'services',
    name: t('下转患者占比', 'Downward referral share'),
    definition: t('下转（转往基层）申请数占全部转诊申请数的比例', 'Downward referrals (to primary care) over all referral applications'),
    numerator: t('下转申请数', 'Downward referrals'),
    denominator: t('转诊申请数', 'Applications'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'urgent', 'within_mc'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.medicalCommunity,
    countsPersons: true,
    compute: {
      table: 'referrals',
      numerator: { column: 'applications', where: { direction: ['down'] } },
      denominator: { column: 'applications' }
    }
  },
  {
    id: 'referral_time_to_admission',
    family: 'services',
    name: t('转诊入院时长（中位数）', 'Referral time to admission (median)'),
    definition: t(
      '从转诊申请到在接收机构入院的时长中位数，按接收机构统计；急诊转诊可单列',
      'Median minutes from application to admission at the receiving institution; urgent referrals can be split out'
    ),
    numerator: t('成功转诊数（计时样本）', 'Admitted referrals timed'),
    denominator: null,
    unit: UNITS.minutes,
    format: 'minutes',
    breakdowns: [...BY_ORG, 'urgent', 'duration_bucket'],
    target: null,
    higherIsBetter: false,
    source: SOURCES.medicalCommunity,
    countsPersons: true,
    compute: median('durations', ['referral_admission', 'referral_admission_urgent'])
  },
  {
    id: 'urgent_referral_time_to_admission',
    family: 'services',
    name: t('急危重症转诊入院时长（中位数）', 'Urgent referral time to admission (median)'),
    definition: t(
      '胸痛（STEMI）、卒中、创伤、危重孕产妇等急诊转诊从申请到入院的时长中位数',
      'Median minutes from application to admission for urgent referrals (STEMI, stroke, trauma, obstetric)'
    ),
    numerator: t('急诊成功转诊数（计时样本）', 'Urgent referrals timed'),
    denominator: null,
    unit: UNITS.minutes,
    format: 'minutes',
    breakdowns: DURATION_DIMS,
    target: { value: 90, op: '<=', note: t('STEMI 转运 30-90 分钟', 'STEMI transfer 30-90 minutes') },
    higherIsBetter: false,
    source: SOURCES.chestPain,
    countsPersons: true,
    compute: median('durations', ['referral_admission_urgent'])
  },
  {
    id: 'recognised_items',
    family: 'services',
    name: t('检查检验结果互认项数', 'Results recognised'),
    definition: t(
      '患者就诊时以既往有效期内的检查检验结果互认、免于重复检查的项数',
      'Exam and test results accepted from a prior visit instead of being repeated'
    ),
    numerator: t('互认项数', 'Items recognised'),
    denominator: null,
    unit: UNITS.items,
    format: 'count',
    breakdowns: [...BY_ORG, 'item_category', 'recognition_mode', 'xpcc'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.recognition,
    countsPersons: true,
    compute: sum('recognition', 'items')
  },
  {
    id: 'recognition_visits',
    family: 'services',
    name: t('互认患者人次', 'Patients with recognised results'),
    definition: t(
      '发生结果互认的就诊人次（同一次就诊互认多项只计一次）',
      'Visits in which at least one result was recognised (a visit counts once)'
    ),
    numerator: t('互认人次', 'Visits'),
    denominator: null,
    unit: UNITS.times,
    format: 'count',
    breakdowns: [...BY_ORG, 'item_category', 'recognition_mode', 'xpcc'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.recognition,
    countsPersons: true,
    compute: sum('recognition', 'visits')
  },
  {
    id: 'recognition_savings',
    family: 'services',
    name: t('互认节省费用', 'Savings from recognition'),
    definition: t(
      '互认项目按收费目录价格计算的、为患者节省的重复检查检验费用',
      'Catalogue price of every recognised item: what repeating it would have cost'
    ),
    numerator: t('节省费用', 'Savings'),
    denominator: null,
    unit: UNITS.yuan,
    format: 'yuan',
    breakdowns: [...BY_ORG, 'item_category', 'recognition_mode', 'xpcc'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.recognition,
    countsPersons: false,
    compute: sum('recognition', 'savings')
  },
  {
    id: 'online_consultations',
    family: 'services',
    name: t('互联网诊疗人次', 'Internet-hospital consultations'),
    definition: t('互联网医院视频和图文诊疗人次', 'Video and text consultations of the internet hospitals'),
    numerator: t('诊疗人次', 'Consultations'),
    denominator: null,
    unit: UNITS.consultations,
    format: 'count',
    breakdowns: [...BY_ORG, 'consult_mode', 'specialty'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.internetHospital,
    countsPersons: true,
    compute: sum('consultations', 'consultations')
  },
  {
    id: 'e_prescription_rate',
    family: 'services',
    name: t('电子处方开具率', 'E-prescription rate'),
    definition: t(
      '开具电子处方的互联网诊疗人次占互联网诊疗人次的比例',
      'Internet consultations with an e-prescription over all internet consultations'
    ),
    numerator: t('开具电子处方人次', 'With e-prescription'),
    denominator: t('互联网诊疗人次', 'Consultations'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'consult_mode', 'specialty'],
    target: null,
    higherIsBetter: null,
    source: SOURCES.internetHospital,
    countsPersons: true,
    compute: ratio('consultations', 'e_prescriptions', 'consultations')
  },
  {
    id: 'drug_deliveries',
    family: 'services',
    name: t('送药到家单数', 'Drug home deliveries'),
    definition: t('互联网医院电子处方经邮政EMS或顺丰配送到家的单数', 'E-prescriptions delivered home by China Post EMS or SF Express'),
    numerator: t('配送单数', 'Deliveries'),
    denominator: null,
    unit: UNITS.cases,
    format: 'count',
    breakdowns: [...BY_ORG, 'delivery_carrier', 'consult_mode'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.internetHospital,
    countsPersons: true,
    compute: sum('consultations', 'deliveries')
  },
  {
    id: 'delivery_median_hours',
    family: 'services',
    name: t('送药到家时长（中位数）', 'Drug delivery time (median)'),
    definition: t('从开具电子处方到药品送达的时长中位数', 'Median hours from e-prescription to delivery'),
    numerator: t('已送达单数（计时样本）', 'Deliveries timed'),
    denominator: null,
    unit: UNITS.hours,
    format: 'hours',
    breakdowns: DURATION_DIMS,
    target: null,
    higherIsBetter: false,
    source: SOURCES.internetHospital,
    countsPersons: true,
    compute: median('durations', ['drug_delivery'], 1 / 60)
  },
  {
    id: 'prescriptions_reviewed',
    family: 'services',
    name: t('处方审核数', 'Prescriptions reviewed'),
    definition: t('合理用药系统前置审核的处方数', 'Prescriptions checked by the rational-drug-use review before dispensing'),
    numerator: t('审核处方数', 'Prescriptions reviewed'),
    denominator: null,
    unit: UNITS.cases,
    format: 'count',
    breakdowns: [...BY_ORG, 'issue_type', 'review_action'],
    target: null,
    higherIsBetter: null,
    source: SOURCES.prescriptionReview,
    countsPersons: true,
    compute: sum('prescription_reviews', 'reviews')
  },
  {
    id: 'prescriptions_intercepted',
    family: 'services',
    name: t('问题处方拦截数', 'Problem prescriptions intercepted'),
    definition: t('审核发现问题并在调配前拦截的处方数', 'Prescriptions stopped before dispensing because of a problem found in review'),
    numerator: t('拦截处方数', 'Intercepted'),
    denominator: null,
    unit: UNITS.cases,
    format: 'count',
    breakdowns: [...BY_ORG, 'issue_type'],
    target: null,
    higherIsBetter: null,
    source: SOURCES.prescriptionReview,
    countsPersons: true,
    compute: sum('prescription_reviews', 'intercepted')
  },
  {
    id: 'prescription_interception_rate',
    family: 'services',
    name: t('处方拦截率', 'Prescription interception rate'),
    definition: t('拦截处方数占审核处方数的比例，可按问题类型分析', 'Prescriptions intercepted over prescriptions reviewed, by issue type'),
    numerator: t('拦截处方数', 'Intercepted'),
    denominator: t('审核处方数', 'Reviewed'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'issue_type'],
    target: null,
    higherIsBetter: null,
    source: SOURCES.prescriptionReview,
    countsPersons: true,
    compute: ratio('prescription_reviews', 'intercepted', 'reviews')
  },
  {
    id: 'prescription_issue_rate',
    family: 'services',
    name: t('问题处方发现率', 'Prescription issue rate'),
    definition: t(
      '审核发现问题（提醒或拦截）的处方数占审核处方数的比例',
      'Prescriptions with a problem found (warned or intercepted) over prescriptions reviewed'
    ),
    numerator: t('问题处方数', 'With a problem'),
    denominator: t('审核处方数', 'Reviewed'),
    ...PERCENT,
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: false,
    source: SOURCES.prescriptionReview,
    countsPersons: true,
    compute: ratio('prescription_reviews', 'flagged', 'reviews')
  },
  {
    id: 'remote_diagnosis_requests',
    family: 'services',
    name: t('远程诊断申请数', 'Remote diagnosis requests'),
    definition: t(
      '基层机构上传心电、影像申请远程诊断的例数，按申请机构统计',
      'ECGs and images uploaded for remote reading, by requesting institution'
    ),
    numerator: t('申请例数', 'Requests'),
    denominator: null,
    unit: UNITS.cases,
    format: 'count',
    breakdowns: [...BY_ORG, 'remote_kind'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: true,
    compute: sum('remote_diagnosis', 'requests')
  },
  {
    id: 'remote_critical_rate',
    family: 'services',
    name: t('远程诊断危急值检出率', 'Critical findings in remote diagnosis'),
    definition: t('远程诊断报告为危急值的例数占申请例数的比例', 'Remote reports with a critical finding over requests'),
    numerator: t('危急值例数', 'Critical findings'),
    denominator: t('申请例数', 'Requests'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'remote_kind'],
    target: null,
    higherIsBetter: null,
    source: SOURCES.chestPain,
    countsPersons: true,
    compute: ratio('remote_diagnosis', 'critical', 'requests')
  },
  {
    id: 'remote_ecg_turnaround',
    family: 'services',
    name: t('远程心电报告时长（中位数）', 'Remote ECG turnaround (median)'),
    definition: t('心电图从上传到出具诊断报告的时长中位数，按诊断中心统计', 'Median minutes from ECG upload to report, by reading centre'),
    numerator: t('心电报告数（计时样本）', 'ECG reports timed'),
    denominator: null,
    unit: UNITS.minutes,
    format: 'minutes',
    breakdowns: DURATION_DIMS,
    target: { value: 30, op: '<=', note: NOTES.typical },
    higherIsBetter: false,
    source: SOURCES.chestPain,
    countsPersons: true,
    compute: median('durations', ['ecg_report'])
  },
  {
    id: 'remote_imaging_turnaround',
    family: 'services',
    name: t('远程影像报告时长（中位数）', 'Remote imaging turnaround (median)'),
    definition: t('影像从上传到出具诊断报告的时长中位数，按诊断中心统计', 'Median minutes from image upload to report, by reading centre'),
    numerator: t('影像报告数（计时样本）', 'Imaging reports timed'),
    denominator: null,
    unit: UNITS.minutes,
    format: 'minutes',
    breakdowns: DURATION_DIMS,
    target: null,
    higherIsBetter: false,
    source: SOURCES.platform,
    countsPersons: true,
    compute: median('durations', ['imaging_report'])
  },
  {
    id: 'ems_calls',
    family: 'services',
    name: t('120急救呼叫数', '120 emergency calls'),
    definition: t('120急救调度受理的呼叫数，按现场所在县市统计', 'Calls taken by 120 dispatch, by the county of the scene'),
    numerator: t('呼叫数', 'Calls'),
    denominator: null,
    unit: UNITS.calls,
    format: 'count',
    breakdowns: ['county', 'ems_category', 'ems_outcome'],
    target: null,
    higherIsBetter: null,
    source: SOURCES.emergency,
    countsPersons: true,
    compute: sum('emergency_calls', 'calls')
  },
  {
    id: 'ems_dispatch_minutes',
    family: 'services',
    name: t('120调度时长（中位数）', '120 call to dispatch (median)'),
    definition: t('从接警到派车的时长中位数', 'Median minutes from call to ambulance dispatch'),
    numerator: t('已派车呼叫数（计时样本）', 'Dispatches timed'),
    ...EMS_MEDIAN,
    target: { value: 3, op: '<=', note: NOTES.typical },
    countsPersons: true,
    compute: median('ems_durations', ['ems_dispatch'])
  },
  {
    id: 'ems_arrival_minutes',
    family: 'services',
    name: t('120急救反应时间（中位数）', '120 response time (median)'),
    definition: t('从接警到救护车到达现场的时长中位数', 'Median minutes from call to the ambulance reaching the scene'),
    numerator: t('已到达呼叫数（计时样本）', 'Arrivals timed'),
    ...EMS_MEDIAN,
    target: { value: 15, op: '<=', note: NOTES.emsTypical },
    countsPersons: true,
    compute: median('ems_durations', ['ems_arrival'])
  },
  {
    id: 'ems_mean_arrival_minutes',
    family: 'services',
    name: t('120平均反应时间', '120 mean response time'),
    definition: t(
      '救护车到达现场的呼叫，从接警到到达的平均时长',
      'Mean minutes from call to arrival, over calls where the ambulance arrived'
    ),
    numerator: t('接警至到达总时长（分钟）', 'Call-to-arrival minutes'),
    denominator: t('到达现场呼叫数', 'Arrivals'),
    unit: UNITS.minutes,
    format: 'minutes',
    breakdowns: ['county', 'ems_category'],
    target: { value: 15, op: '<=', note: NOTES.emsTypical },
    higherIsBetter: false,
    source: SOURCES.emergency,
    countsPersons: true,
    compute: { table: 'emergency_calls', numerator: { column: 'arrival_seconds', scale: 1 / 60 }, denominator: { column: 'arrived' } }
  }
];
