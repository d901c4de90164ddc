// Reform monitoring (mart_reform, 医改监测): what the health commission reports upward.
import type { IndicatorEntry } from '../schema';
import { BY_ORG, PERCENT, ratio, SOURCES, sum, t, UNITS } from './common';

export const REFORM: IndicatorEntry[] = [
  {
    id: 'primary_care_visit_share',
    family: 'reform',
    name: t('基层医疗卫生机构诊疗量占比', 'Primary-care share of outpatient visits'),
    definition: t(
      '基层医疗卫生机构（乡镇卫生院、社区卫生服务中心（站）、村卫生室、诊所）门诊人次占门诊总人次的比例',
      'Outpatient visits at primary-care institutions (township and community centres and stations, village clinics, clinics) over all outpatient visits'
    ),
    numerator: t('基层门诊人次', 'Primary-care visits'),
    denominator: t('门诊总人次', 'All outpatient visits'),
    ...PERCENT,
    breakdowns: ['county', 'township', 'medical_community'],
    target: { value: 0.65, op: '>=' },
    higherIsBetter: true,
    source: SOURCES.reform,
    countsPersons: true,
    compute: ratio('reform', 'primary_outpatient_visits', 'outpatient_visits'),
    appliesTo: {
      levels: ['prefecture', 'county', 'township'],
      why: t(
        '它衡量一个地区的门诊有多少在基层机构完成，单个机构没有这一比例（医院为0%，卫生院为100%）',
        "it measures how much of an area's outpatient care takes place in primary care, which a single institution cannot have (a hospital reads 0%, a health centre 100%)"
      )
    }
  },
  {
    id: 'in_county_inpatient_rate',
    family: 'reform',
    name: t('县域内住院人次占比', 'In-county inpatient rate'),
    definition: t(
      '县域居民在本县域内住院的人次占其全部住院人次的比例（按居住地统计）',
      "Inpatient stays of a county's residents inside their own county over all their stays (by residence)"
    ),
    numerator: t('县域内住院人次', 'Stays inside the county'),
    denominator: t('居民住院总人次', 'All stays of residents'),
    ...PERCENT,
    breakdowns: ['county'],
    target: { value: 0.9, op: '>=' },
    higherIsBetter: true,
    source: SOURCES.medicalCommunity,
    countsPersons: true,
    compute: ratio('in_county', 'stays_in_county', 'stays')
  },
  {
    id: 'lead_hospital_down_referral_share',
    family: 'reform',
    name: t('牵头医院下转患者数量占比', 'Lead-hospital downward referrals per discharge'),
    definition: t(
      '医共体牵头医院下转患者数占其出院人次的比例',
      "Downward referrals of the medical communities' lead hospitals over their discharges"
    ),
    numerator: t('牵头医院下转人次', 'Downward referrals'),
    denominator: t('牵头医院出院人次', 'Discharges'),
    ...PERCENT,
    breakdowns: ['county', 'medical_community', 'institution'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.medicalCommunity,
    countsPersons: true,
    compute: ratio('reform', 'lead_down_referrals', 'lead_discharges')
  },
  {
    id: 'outpatient_cost_per_visit',
    family: 'reform',
    name: t('门诊次均费用', 'Outpatient cost per visit'),
    definition: t(
      '门诊医疗费用总额除以门诊人次；以同比增幅监测',
      'Outpatient medical cost over outpatient visits; monitored by its growth on last year'
    ),
    numerator: t('门诊费用', 'Outpatient cost'),
    denominator: t('门诊人次', 'Outpatient visits'),
    unit: UNITS.yuan,
    format: 'yuan',
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: false,
    source: SOURCES.reform,
    countsPersons: true,
    compute: ratio('reform', 'outpatient_cost', 'outpatient_visits')
  },
  {
    id: 'inpatient_cost_per_stay',
    family: 'reform',
    name: t('住院次均费用', 'Inpatient cost per stay'),
    definition: t(
      '住院医疗费用总额除以出院人次；以同比增幅监测',
      'Inpatient medical cost over discharges; monitored by its growth on last year'
    ),
    numerator: t('住院费用', 'Inpatient cost'),
    denominator: t('出院人次', 'Discharges'),
    unit: UNITS.yuan,
    format: 'yuan',
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: false,
    source: SOURCES.reform,
    countsPersons: true,
    compute: ratio('reform', 'inpatient_cost', 'inpatient_discharges')
  },
  {
    id: 'drug_cost_share',
    family: 'reform',
    name: t('药占比', 'Drug share of medical cost'),
    definition: t('药品费用占医疗费用的比例', 'Drug cost over medical cost'),
    numerator: t('药品费用', 'Drug cost'),
    denominator: t('医疗费用', 'Medical cost'),
    ...PERCENT,
    breakdowns: BY_ORG,
    target: { value: 0.3, op: '<=' },
    higherIsBetter: false,
    source: SOURCES.performance,
    countsPersons: false,
    compute: ratio('reform', 'drug_cost', 'medical_cost')
  },
  {
    id: 'materials_per_100_yuan',
    family: 'reform',
    name: t('百元医疗收入消耗卫生材料', 'Materials per 100 yuan of medical revenue'),
    definition: t('卫生材料费用除以医疗收入（不含药品收入）再乘以100', 'Materials cost over medical revenue excluding drugs, times 100'),
    numerator: t('卫生材料费用', 'Materials cost'),
    denominator: t('医疗收入（不含药品）', 'Medical revenue excluding drugs'),
    unit: UNITS.perHundred,
    format: 'per100',
    breakdowns: BY_ORG,
    target: { value: 0.2, op: '<=', note: t('即每百元不超过20元', '20 yuan per 100 at most') },
    higherIsBetter: false,
    source: SOURCES.performance,
    countsPersons: false,
    compute: ratio('reform', 'material_cost', 'medical_cost_excl_drugs')
  },
  {
    id: 'service_revenue_share',
    family: 'reform',
    name: t('医疗服务收入占比', 'Service share of medical revenue'),
    definition: t(
      '医疗服务收入（不含药品、耗材、检查检验收入）占医疗收入的比例',
      'Service revenue (excluding drugs, materials, exams and tests) over medical revenue'
    ),
    numerator: t('医疗服务收入', 'Service revenue'),
    denominator: t('医疗收入', 'Medical revenue'),
    ...PERCENT,
    breakdowns: BY_ORG,
    target: { value: 0.35, op: '>=' },
    higherIsBetter: true,
    source: SOURCES.performance,
    countsPersons: false,
    compute: ratio('reform', 'service_cost', 'medical_cost')
  },
  {
    id: 'insurance_reimbursement_ratio',
    family: 'reform',
    name: t('医保实际报销比', 'Actual insurance reimbursement ratio'),
    definition: t(
      '医保基金支付金额占参保人员医疗费用总额的比例（不含现金结算）',
      'Fund-paid amount over the total cost of insured visits (cash bills excluded)'
    ),
    numerator: t('基金支付金额', 'Fund paid'),
    denominator: t('医疗费用总额', 'Total cost'),
    ...PERCENT,
    breakdowns: [...BY_ORG, 'visit_type', 'insurance_type'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.reform,
    countsPersons: false,
    compute: {
      table: 'settlements',
      numerator: { column: 'fund_amount', whereNot: { channel: ['cash'] } },
      denominator: { column: 'total_amount', whereNot: { channel: ['cash'] } }
    }
  },
  {
    id: 'primary_fund_share',
    family: 'reform',
    name: t('县域医保基金基层支出占比', 'Primary-care share of insurance fund spending'),
    definition: t(
      '支付给基层医疗卫生机构的医保基金占医保基金支出的比例',
      'Insurance fund paid to primary-care institutions over all fund spending'
    ),
    numerator: t('基层基金支出', 'Fund paid to primary care'),
    denominator: t('基金支出', 'Fund paid'),
    ...PERCENT,
    breakdowns: ['county', 'medical_community'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.medicalCommunity,
    countsPersons: false,
    compute: ratio('reform', 'primary_fund_paid', 'fund_paid'),
    appliesTo: {
      levels: ['prefecture', 'county'],
      why: t(
        '它衡量县域医保基金有多少支付给基层机构，只在县市和全州层面有意义',
        "it measures how much of a county's insurance fund goes to primary care, which has a meaning for a county or the prefecture only"
      )
    }
  },
  {
    id: 'outpatient_visits',
    family: 'reform',
    name: t('门诊人次', 'Outpatient visits'),
    definition: t('医保结算的门诊人次', 'Outpatient visits settled through insurance or cash'),
    numerator: t('门诊人次', 'Outpatient visits'),
    denominator: null,
    unit: UNITS.times,
    format: 'count',
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: null,
    source: SOURCES.reform,
    countsPersons: true,
    compute: sum('reform', 'outpatient_visits')
  },
  {
    id: 'inpatient_discharges',
    family: 'reform',
    name: t('出院人次', 'Discharges'),
    definition: t('结算的住院人次（按出院结算日统计）', 'Inpatient stays settled, by settlement day'),
    numerator: t('出院人次', 'Discharges'),
    denominator: null,
    unit: UNITS.times,
    format: 'count',
    breakdowns: BY_ORG,
    target: null,
    higherIsBetter: null,
    source: SOURCES.reform,
    countsPersons: true,
    compute: sum('reform', 'inpatient_discharges')
  }
];
