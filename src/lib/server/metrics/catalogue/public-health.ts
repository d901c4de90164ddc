// Basic public health (mart_public_health, 基本公共卫生): coverage rates over register snapshots
// (stocks: the latest month of a period) and yearly management rates (people, once a year).
import type { IndicatorEntry } from '../schema';
import { BY_ORG, PERCENT, SOURCES, stocks, sum, t, UNITS } from './common';

/** The org breakdowns of the centres' figures, all but the institution's type. */
const CENTRE_DIMS = BY_ORG.filter((d) => d !== 'institution_type');
/** What the coverage and management rates share: shares over the centres' org units, higher is better. */
const RATE: Pick<IndicatorEntry, 'unit' | 'format' | 'breakdowns' | 'higherIsBetter'> = {
  ...PERCENT,
  breakdowns: CENTRE_DIMS,
  higherIsBetter: true
};

export const PUBLIC_HEALTH: IndicatorEntry[] = [
  {
    id: 'health_record_coverage',
    family: 'public_health',
    name: t('居民电子健康档案建档率', 'E-health record coverage'),
    definition: t(
      '期末建立电子健康档案的常住居民数占常住人口的比例',
      'Residents with an e-health record over resident population, at the end of the period'
    ),
    numerator: t('建档人数', 'Residents with a record'),
    denominator: t('常住人口', 'Resident population'),
    ...RATE,
    target: { value: 0.9, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_register', 'health_records', 'residents')
  },
  {
    id: 'family_doctor_contract_rate',
    family: 'public_health',
    name: t('家庭医生签约覆盖率', 'Family-doctor contract coverage'),
    definition: t(
      '期末签约家庭医生的居民数占常住人口的比例',
      'Residents with a family-doctor contract over resident population, at the end of the period'
    ),
    numerator: t('签约人数', 'Contracted residents'),
    denominator: t('常住人口', 'Resident population'),
    ...RATE,
    target: { value: 0.35, op: '>=' },
    source: SOURCES.familyDoctor,
    countsPersons: true,
    compute: stocks('public_health_register', 'contracted', 'residents')
  },
  {
    id: 'key_group_contract_rate',
    family: 'public_health',
    name: t('重点人群家庭医生签约率', 'Key-group family-doctor contract coverage'),
    definition: t(
      '老年人、慢病患者、孕产妇、儿童、残疾人、脱贫人口等重点人群的签约率',
      'Contract coverage of key groups (elderly, chronic patients, mothers, children, disabled, formerly poor)'
    ),
    numerator: t('重点人群签约人数', 'Contracted key-group residents'),
    denominator: t('重点人群人数', 'Key-group residents'),
    ...RATE,
    target: { value: 0.75, op: '>=' },
    source: SOURCES.familyDoctor,
    countsPersons: true,
    compute: stocks('public_health_register', 'contracted_key_group', 'key_group_residents')
  },
  {
    id: 'elderly_health_management_rate',
    family: 'public_health',
    name: t('65岁及以上老年人健康管理率', 'Health management rate, 65 and over'),
    definition: t(
      '年内接受健康管理（体检）的65岁及以上老年人数占辖区65岁及以上常住人口的比例',
      'People 65+ who had the annual health check in the year over residents 65+'
    ),
    numerator: t('年内接受健康管理人数', 'Checked in the year'),
    denominator: t('65岁及以上常住人口', 'Residents 65+'),
    ...RATE,
    target: { value: 0.7, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_management', 'elderly_checked', 'residents_65_plus')
  },
  {
    id: 'child_health_management_rate',
    family: 'public_health',
    name: t('0-6岁儿童健康管理率', 'Child health management rate, 0-6'),
    definition: t('年内接受健康检查的0-6岁儿童数占辖区0-6岁儿童数的比例', 'Children 0-6 checked in the year over children 0-6'),
    numerator: t('年内接受检查儿童数', 'Children checked'),
    denominator: t('0-6岁儿童数', 'Children 0-6'),
    ...RATE,
    target: { value: 0.9, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_management', 'children_checked', 'children_0_6')
  },
  {
    id: 'htn_standard_management_rate',
    family: 'public_health',
    name: t('高血压患者规范管理率', 'Hypertension standard management rate'),
    definition: t(
      '年内按规范（每年至少4次面对面随访）管理的高血压患者数占年内已管理患者数的比例',
      'Hypertension patients followed up to the standard (4+ visits in the year) over patients managed in the year'
    ),
    numerator: t('规范管理人数', 'Managed to the standard'),
    denominator: t('已管理人数', 'Managed patients'),
    ...RATE,
    target: { value: 0.65, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_management', 'htn_standard', 'htn_followed')
  },
  {
    id: 'htn_control_rate',
    family: 'public_health',
    name: t('管理人群血压控制率', 'Blood-pressure control rate'),
    definition: t(
      '年内最近一次随访血压达标的患者数占已管理高血压患者数的比例',
      'Patients whose last follow-up of the year was on target over managed hypertension patients'
    ),
    numerator: t('血压达标人数', 'On target'),
    denominator: t('已管理人数', 'Managed patients'),
    ...RATE,
    target: { value: 0.65, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_management', 'htn_controlled', 'htn_followed')
  },
  {
    id: 'dm_standard_management_rate',
    family: 'public_health',
    name: t('2型糖尿病患者规范管理率', 'Type 2 diabetes standard management rate'),
    definition: t(
      '年内按规范（每年至少4次面对面随访）管理的2型糖尿病患者数占年内已管理患者数的比例',
      'Diabetes patients followed up to the standard (4+ visits in the year) over patients managed in the year'
    ),
    numerator: t('规范管理人数', 'Managed to the standard'),
    denominator: t('已管理人数', 'Managed patients'),
    ...RATE,
    target: { value: 0.65, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_management', 'dm_standard', 'dm_followed')
  },
  {
    id: 'dm_control_rate',
    family: 'public_health',
    name: t('管理人群血糖控制率', 'Blood-glucose control rate'),
    definition: t(
      '年内最近一次随访空腹血糖达标的患者数占已管理糖尿病患者数的比例',
      'Patients whose last fasting glucose of the year was on target over managed diabetes patients'
    ),
    numerator: t('血糖达标人数', 'On target'),
    denominator: t('已管理人数', 'Managed patients'),
    ...RATE,
    target: { value: 0.6, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_management', 'dm_controlled', 'dm_followed')
  },
  {
    id: 'smi_standard_management_rate',
    family: 'public_health',
    name: t('严重精神障碍患者规范管理率', 'Severe mental illness standard management rate'),
    definition: t(
      '年内按规范管理的严重精神障碍患者数占登记在册患者数的比例',
      'Patients with severe mental illness managed to the standard in the year over registered patients'
    ),
    numerator: t('规范管理人数', 'Managed to the standard'),
    denominator: t('在册患者数', 'Registered patients'),
    ...RATE,
    target: { value: 0.8, op: '>=' },
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: stocks('public_health_management', 'smi_standard', 'smi_registered')
  },
  {
    id: 'public_health_services',
    family: 'public_health',
    name: t('基本公共卫生服务人次', 'Basic public health services'),
    definition: t(
      '建档、签约、慢病随访、老年人和儿童体检、孕产妇访视、预防接种等服务人次',
      'Records created, contracts signed, chronic follow-ups, elderly and child checks, maternal visits and vaccinations'
    ),
    numerator: t('服务人次', 'Services'),
    denominator: null,
    unit: UNITS.times,
    format: 'count',
    breakdowns: [...CENTRE_DIMS, 'service_type'],
    target: null,
    higherIsBetter: true,
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: sum('public_health_services', 'services')
  },
  {
    id: 'htn_followup_control_share',
    family: 'public_health',
    name: t('高血压随访血压达标比例', 'Hypertension follow-ups on target'),
    definition: t(
      '高血压随访中血压达标的随访次数占随访次数的比例（按随访计，非按人）',
      'Hypertension follow-ups with blood pressure on target over follow-ups (per visit, not per person)'
    ),
    numerator: t('达标随访次数', 'Follow-ups on target'),
    denominator: t('随访次数', 'Follow-ups'),
    ...RATE,
    target: null,
    source: SOURCES.publicHealth,
    countsPersons: true,
    compute: {
      table: 'public_health_services',
      numerator: { column: 'controlled', where: { service_type: ['htn_followup'] } },
      denominator: { column: 'services', where: { service_type: ['htn_followup'] } }
    }
  }
];
