// Asset operations (mart_assets, 资产运营): equipment, beds, finances, card-balance refunds.
import type { IndicatorEntry } from '../schema';
import { BY_ORG, PERCENT, ratio, SOURCES, stocks, sum, t, UNITS } from './common';

export const ASSETS: IndicatorEntry[] = [
  {
    id: 'equipment_daily_exams',
    family: 'assets',
    name: t('大型设备单机日均检查人次', 'Exams per large unit per day in use'),
    definition: t(
      'CT、磁共振、DR、彩超、DSA 检查人次除以设备开机使用的台日数',
      'Exams on CT, MRI, DR, ultrasound and DSA over unit-days in use'
    ),
    numerator: t('检查人次', 'Exams'),
    denominator: t('开机台日数', 'Unit-days in use'),
    unit: UNITS.examsPerDay,
    format: 'ratio',
    breakdowns: [...BY_ORG, 'equipment_kind'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.equipment,
    countsPersons: true,
    compute: ratio('equipment', 'exams', 'days_in_use')
  },
  {
    id: 'equipment_uptime_rate',
    family: 'assets',
    name: t('大型设备开机率', 'Large equipment uptime'),
    definition: t('工作日中设备开机使用的台日数占工作日台日数的比例', 'Working unit-days the equipment was in use over working unit-days'),
    numerator: t('工作日开机台日数', 'Working unit-days in use'),
    denominator: t('工作日台日数', 'Working unit-days'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'equipment_kind'],
    target: { value: 0.9, op: '>=' },
    higherIsBetter: true,
    source: SOURCES.equipment,
    countsPersons: false,
    compute: {
      table: 'equipment_days',
      numerator: { column: 'days_in_use', where: { working_days: [1] } },
      denominator: { column: 'working_days' }
    }
  },
  {
    id: 'bed_occupancy_rate',
    family: 'assets',
    name: t('病床使用率', 'Bed occupancy rate'),
    definition: t('实际占用总床日数占实际开放总床日数的比例', 'Occupied bed-days over open bed-days'),
    numerator: t('实际占用床日数', 'Occupied bed-days'),
    denominator: t('实际开放床日数', 'Open bed-days'),
    ...PERCENT,
    breakdowns: BY_ORG,
    target: { value: 0.85, op: '>=', note: t('合理区间 85%-93%', 'reasonable range 85-93%') },
    higherIsBetter: true,
    source: SOURCES.performance,
    countsPersons: false,
    compute: ratio('beds', 'beds_occupied', 'beds_open'),
    appliesTo: {
      institutionTypes: [
        'general_hospital',
        'tcm_hospital',
        'maternal_child_hospital',
        'private_hospital',
        'community_health_centre',
        'township_health_centre'
      ],
      why: t(
        '只有设病床的机构（医院、卫生院、社区卫生服务中心）有病床使用率',
        'only institutions with wards (hospitals, health centres) have a bed occupancy'
      )
    }
  },
  {
    id: 'average_length_of_stay',
    family: 'assets',
    name: t('平均住院日', 'Average length of stay'),
    definition: t('出院患者占用总床日数除以出院人次', 'Bed-days of discharged patients over discharges'),
    numerator: t('出院者占用总床日数', 'Bed-days of discharged patients'),
    denominator: t('出院人次', 'Discharges'),
    unit: UNITS.days,
    format: 'days',
    breakdowns: BY_ORG,
    target: { value: 9, op: '<=', note: t('三级医院 8-9 天', 'tertiary hospitals 8-9 days') },
    higherIsBetter: false,
    source: SOURCES.performance,
    countsPersons: true,
    compute: ratio('inpatient', 'bed_days', 'discharges')
  },
  {
    id: 'revenue_per_100_fixed_assets',
    family: 'assets',
    name: t('百元固定资产医疗收入', 'Medical revenue per 100 yuan of fixed assets'),
    definition: t(
      '期内医疗收入除以期末固定资产原值再乘以100',
      'Medical revenue of the period over fixed assets at cost at its end, times 100'
    ),
    numerator: t('医疗收入', 'Medical revenue'),
    denominator: t('期末固定资产原值', 'Fixed assets at cost, period end'),
    unit: UNITS.perHundred,
    format: 'per100',
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: true,
    source: SOURCES.operations,
    countsPersons: false,
    compute: { table: 'finance', numerator: { column: 'medical_revenue' }, denominator: { column: 'fixed_assets', stock: true } }
  },
  {
    id: 'asset_liability_ratio',
    family: 'assets',
    name: t('资产负债率', 'Asset-liability ratio'),
    definition: t('期末负债总额占资产总额的比例', 'Liabilities over total assets at the end of the period'),
    numerator: t('负债总额', 'Liabilities'),
    denominator: t('资产总额', 'Total assets'),
    ...PERCENT,
    breakdowns: BY_ORG,
    target: { value: 0.5, op: '<=' },
    higherIsBetter: false,
    source: SOURCES.operations,
    countsPersons: false,
    compute: stocks('finance', 'liabilities', 'total_assets')
  },
  {
    id: 'staff_cost_share',
    family: 'assets',
    name: t('人员支出占业务支出比重', 'Staff cost share of operating cost'),
    definition: t('人员经费支出占业务活动费用的比例', 'Staff cost over operating cost'),
    numerator: t('人员支出', 'Staff cost'),
    denominator: t('业务支出', 'Operating cost'),
    ...PERCENT,
    breakdowns: BY_ORG,
    target: { value: 0.4, op: '>=' },
    higherIsBetter: true,
    source: SOURCES.performance,
    countsPersons: false,
    compute: ratio('finance', 'staff_cost', 'operating_cost')
  },
  {
    id: 'card_refund_amount',
    family: 'assets',
    name: t('诊卡余额退费金额', 'Dormant card balances refunded'),
    definition: t('长期未使用的就诊卡余额主动退还患者的金额', 'Balances of long-unused patient cards refunded to their holders'),
    numerator: t('退费金额', 'Amount refunded'),
    denominator: null,
    unit: UNITS.yuan,
    format: 'yuan',
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: false,
    compute: sum('card_refunds', 'refund_amount')
  },
  {
    id: 'card_refunds',
    family: 'assets',
    name: t('诊卡余额退费笔数', 'Dormant card refunds'),
    definition: t('长期未使用的就诊卡余额退费笔数', 'Refunds of long-unused patient card balances'),
    numerator: t('退费笔数', 'Refunds'),
    denominator: null,
    unit: UNITS.refunds,
    format: 'count',
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: true,
    source: SOURCES.platform,
    countsPersons: true,
    compute: sum('card_refunds', 'refunds')
  }
];
