// Shorthand shared by the catalogue files: texts, the standards indicators cite, breakdown sets.
import { ORG_DIMENSIONS, type Text } from '../../../contract/contract';
import type { IndicatorEntry } from '../schema';

export const t = (zh: string, en: string): Text => ({ zh, en });

export const UNITS = {
  times: t('人次', 'visits'),
  // 人次 counts events of a person: in English, the events the indicator counts.
  settlements: t('人次', 'settlements'),
  appointments: t('人次', 'appointments'),
  consultations: t('人次', 'consultations'),
  items: t('项', 'items'),
  cases: t('例', 'cases'),
  calls: t('次', 'calls'),
  queries: t('次', 'queries'),
  payments: t('笔', 'payments'),
  refunds: t('笔', 'refunds'),
  people: t('人', 'people'),
  yuan: t('元', 'yuan'),
  percent: t('%', '%'),
  perHundred: t('元/百元', 'yuan per 100 yuan'),
  minutes: t('分钟', 'minutes'),
  hours: t('小时', 'hours'),
  days: t('天', 'days'),
  examsPerDay: t('人次/台日', 'exams per unit-day')
};

export const SOURCES = {
  platform: t('昌吉健康云平台运营统计', 'Changji Health Cloud platform operating statistics'),
  insurance: t('国家医疗保障局医保结算统计口径', 'National Healthcare Security Administration settlement statistics'),
  performance: t('国家三级公立医院绩效考核指标（2024版）', 'National tertiary public hospital performance assessment (2024)'),
  reform: t('深化医药卫生体制改革监测指标', 'Health-system reform monitoring indicators'),
  medicalCommunity: t('紧密型县域医疗卫生共同体建设监测指标体系（2022）', 'County medical community monitoring indicators (2022)'),
  recognition: t(
    '医疗机构检查检验结果互认管理办法（国卫医发〔2022〕6号）',
    'Mutual recognition of examination and test results (NHC 2022 No. 6)'
  ),
  prescriptionReview: t('医疗机构处方审核规范（国卫办医发〔2018〕14号）', 'Prescription review standard (NHC 2018 No. 14)'),
  internetHospital: t('互联网诊疗管理办法（试行）（2018）', 'Internet diagnosis and treatment rules (trial, 2018)'),
  chestPain: t('中国胸痛中心认证标准', 'China Chest Pain Centre accreditation standard'),
  emergency: t('院前医疗急救管理办法（2014）', 'Pre-hospital emergency care rules (2014)'),
  publicHealth: t('国家基本公共卫生服务规范（第三版）', 'National basic public health service standard (3rd edition, 2017)'),
  familyDoctor: t('关于推进家庭医生签约服务高质量发展的指导意见（2022）', 'Family-doctor contract services guidance (2022)'),
  operations: t(
    '关于加强公立医院运营管理的指导意见（国卫财务发〔2020〕27号）',
    'Public hospital operations management guidance (NHC 2020 No. 27)'
  ),
  equipment: t('大型医用设备配置与使用管理办法（试行）（2018）', 'Large medical equipment configuration and use rules (trial, 2018)')
};

/** Notes on targets that are common practice rather than a national figure. */
export const NOTES = {
  typical: t('行业常用水平', 'typical practice'),
  emsTypical: t('城市常用水平，农牧区可更长', 'typical urban practice; rural areas longer')
};

/** Org breakdowns of tables whose rows belong to an institution. */
export const BY_ORG: string[] = [...ORG_DIMENSIONS];

type Compute = IndicatorEntry['compute'];

/** The unit and display format of a share. */
export const PERCENT = { unit: UNITS.percent, format: 'percent' } as const;

/** A count or sum of one column. */
export const sum = (table: string, column: string): Compute => ({ table, numerator: { column } });

/** sum(numerator column) / sum(denominator column). */
export const ratio = (table: string, numerator: string, denominator: string): Compute => ({
  table,
  numerator: { column: numerator },
  denominator: { column: denominator }
});

/** A ratio of two stocks, both read at the end of each period. */
export const stocks = (table: string, numerator: string, denominator: string): Compute => ({
  table,
  numerator: { column: numerator, stock: true },
  denominator: { column: denominator, stock: true }
});

/** The median of the histogram of one or more duration measures. */
export const median = (table: string, measures: string[], scale = 1): Compute => ({
  table,
  numerator: { column: 'events', where: { measure: measures } },
  median: { scale }
});
