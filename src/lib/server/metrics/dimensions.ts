// Breakdown dimensions: their names and, for categories, every code the marts hold with its
// Chinese and English name. The codes are the contract's: the enums of the feed contract
// (datasets/contract/feeds.ts) and of the reference data (datasets/reference/schemas.ts); each
// category names exactly the codes of its enum, which the compiler and this module's load check.
import {
  BOOKING_CHANNELS,
  CARRIERS,
  CONSULTATION_MODES,
  DEPARTMENTS,
  EMS_CATEGORIES,
  EMS_OUTCOMES,
  INSURANCE_TYPES,
  PERSON_SERVICES,
  QUERY_CHANNELS,
  RECOGNITION_MODES,
  REFERRAL_DIRECTIONS,
  REGISTRATION_CHANNELS,
  REMOTE_KINDS,
  REPORT_TYPES,
  REVIEW_ACTIONS,
  REVIEW_ISSUES,
  SETTLEMENT_CHANNELS,
  SPECIALTIES,
  VISIT_TYPES
} from '../../../../datasets/contract/feeds';
import { EQUIPMENT_KINDS, EXAM_CATEGORIES, INSTITUTION_TYPES } from '../../../../datasets/reference/schemas';
import { NONE_CODE, type Dimension, type DimensionValue, type Text } from '../../contract/contract';
import { DURATION_BUCKETS } from './tables';

type Label = [zh: string, en: string];
type Labels = Record<string, Label>;

const values = (labels: Labels): DimensionValue[] => Object.entries(labels).map(([code, [zh, en]]) => ({ code, zh, en }));
const category = (id: string, name: Text, labels: Labels): Dimension => ({ id, name, kind: 'category', values: values(labels) });
const org = (id: string, name: Text): Dimension => ({ id, name, kind: 'org' });

/**
 * The names of a contract enum's codes, listed in the order the dashboard shows them. A missing
 * or unknown code is a type error, and an error when this module loads (where types are not
 * checked, as in the tests).
 */
function codes<C extends string>(contract: readonly C[], labels: Record<C, Label>): Labels {
  const missing = contract.filter((code) => !Object.hasOwn(labels, code));
  const unknown = Object.keys(labels).filter((code) => !(contract as readonly string[]).includes(code));
  if (missing.length > 0 || unknown.length > 0) {
    throw new Error(`dimension codes differ from the contract's [${contract.join(', ')}]: missing ${missing}, unknown ${unknown}`);
  }
  return labels;
}

const YES_NO = (yes: [string, string], no: [string, string]): Labels => ({ true: yes, false: no });
const NONE: Labels = { [NONE_CODE]: ['无', 'None'] };

/** A duration bound in the unit that keeps it short: minutes, then hours, then days. */
function durationUnit(minutes: number): [value: number, zh: string, en: string] {
  if (minutes < 60) return [minutes, '分钟', 'min'];
  if (minutes < 2880) return [minutes / 60, '小时', 'h'];
  return [minutes / 1440, '天', 'd'];
}

/** "30–45分钟" / "30–45 min", "45分钟–1小时", the open last bucket "≥4天" / "≥4 d". */
function durationSpan(from: number, to: number | undefined): [string, string] {
  const [a, az, ae] = durationUnit(from);
  if (to === undefined) return [`≥${a}${az}`, `≥${a} ${ae}`];
  const [b, bz, be] = durationUnit(to);
  return az === bz ? [`${a}–${b}${bz}`, `${a}–${b} ${be}`] : [`${a}${az}–${b}${bz}`, `${a} ${ae}–${b} ${be}`];
}

/** Duration buckets are coded by their lower bound in minutes; each ends where the next begins. */
const DURATION_LABELS: Labels = Object.fromEntries(
  DURATION_BUCKETS.map((from, i) => [String(from), durationSpan(from, DURATION_BUCKETS[i + 1])])
);

export const DIMENSIONS: Dimension[] = [
  org('county', { zh: '县市', en: 'County' }),
  org('township', { zh: '乡镇街道', en: 'Township' }),
  org('institution', { zh: '医疗卫生机构', en: 'Institution' }),
  org('medical_community', { zh: '医共体', en: 'Medical community' }),
  category(
    'institution_type',
    { zh: '机构类别', en: 'Institution type' },
    codes(INSTITUTION_TYPES, {
      general_hospital: ['综合医院', 'General hospital'],
      tcm_hospital: ['中医医院', 'TCM hospital'],
      maternal_child_hospital: ['妇幼保健院', 'Maternal and child hospital'],
      private_hospital: ['民营医院', 'Private hospital'],
      community_health_centre: ['社区卫生服务中心', 'Community health centre'],
      community_health_station: ['社区卫生服务站', 'Community health station'],
      township_health_centre: ['乡镇卫生院', 'Township health centre'],
      village_clinic: ['村卫生室', 'Village clinic'],
      private_clinic: ['诊所', 'Clinic']
    })
  ),
  category(
    'channel',
    { zh: '结算方式', en: 'Settlement channel' },
    codes(SETTLEMENT_CHANNELS, {
      face: ['刷脸', 'Face scan'],
      insurance_card: ['社保卡', 'Social-security card'],
      e_insurance_qr: ['医保电子凭证', 'E-insurance QR code'],
      cash: ['现金', 'Cash']
    })
  ),
  category(
    'visit_type',
    { zh: '就诊类型', en: 'Visit type' },
    codes(VISIT_TYPES, { outpatient: ['门诊', 'Outpatient'], inpatient: ['住院', 'Inpatient'] })
  ),
  category(
    'insurance_type',
    { zh: '险种', en: 'Insurance' },
    codes(INSURANCE_TYPES, {
      employee: ['职工医保', 'Employee insurance'],
      resident: ['城乡居民医保', 'Resident insurance']
    })
  ),
  category(
    'booking_channel',
    { zh: '预约渠道', en: 'Booking channel' },
    codes(BOOKING_CHANNELS, {
      wechat: ['微信公众号', 'WeChat'],
      app: ['APP', 'App'],
      mini_program: ['小程序', 'Mini program'],
      kiosk: ['自助机', 'Kiosk'],
      phone: ['电话', 'Phone']
    })
  ),
  category(
    'department',
    { zh: '科室', en: 'Department' },
    codes(DEPARTMENTS, {
      internal_medicine: ['内科', 'Internal medicine'],
      surgery: ['外科', 'Surgery'],
      pediatrics: ['儿科', 'Pediatrics'],
      obstetrics_gynecology: ['妇产科', 'Obstetrics and gynaecology'],
      tcm: ['中医科', 'TCM'],
      ophthalmology_ent: ['五官科', 'Eye and ENT'],
      dermatology: ['皮肤科', 'Dermatology'],
      general_practice: ['全科', 'General practice'],
      emergency: ['急诊科', 'Emergency'],
      other: ['其他', 'Other']
    })
  ),
  category(
    'report_type',
    { zh: '报告类型', en: 'Report type' },
    codes(REPORT_TYPES, {
      lab: ['检验', 'Laboratory'],
      imaging: ['影像', 'Imaging'],
      ultrasound: ['超声', 'Ultrasound'],
      ecg: ['心电', 'ECG'],
      pathology: ['病理', 'Pathology'],
      physical_exam: ['体检', 'Physical exam']
    })
  ),
  category(
    'query_channel',
    { zh: '查询渠道', en: 'Query channel' },
    codes(QUERY_CHANNELS, {
      wechat: ['微信公众号', 'WeChat'],
      app: ['APP', 'App'],
      mini_program: ['小程序', 'Mini program'],
      kiosk: ['自助机', 'Kiosk']
    })
  ),
  category(
    'direction',
    { zh: '转诊方向', en: 'Direction' },
    codes(REFERRAL_DIRECTIONS, { up: ['上转', 'Upward'], down: ['下转', 'Downward'] })
  ),
  category('urgent', { zh: '急危重症', en: 'Urgent' }, YES_NO(['急诊转诊', 'Urgent'], ['普通转诊', 'Routine'])),
  category('within_mc', { zh: '医共体内', en: 'Within medical community' }, YES_NO(['医共体内', 'Within'], ['医共体外', 'Outside'])),
  category(
    'item_category',
    { zh: '项目类别', en: 'Item category' },
    codes(EXAM_CATEGORIES, {
      lab: ['检验', 'Laboratory'],
      imaging: ['影像', 'Imaging'],
      ultrasound: ['超声', 'Ultrasound'],
      ecg: ['心电', 'ECG'],
      endoscopy: ['内镜', 'Endoscopy']
    })
  ),
  category(
    'recognition_mode',
    { zh: '互认方式', en: 'Recognition mode' },
    codes(RECOGNITION_MODES, { paper: ['纸质', 'Paper'], digital: ['电子', 'Digital'] })
  ),
  category('xpcc', { zh: '兵地互认', en: 'XPCC' }, YES_NO(['兵团医院', 'XPCC hospital'], ['地方医院', 'Local hospital'])),
  category(
    'consult_mode',
    { zh: '诊疗方式', en: 'Consultation mode' },
    codes(CONSULTATION_MODES, { video: ['视频', 'Video'], text: ['图文', 'Text'] })
  ),
  category(
    'specialty',
    { zh: '专科', en: 'Specialty' },
    codes(SPECIALTIES, {
      general_practice: ['全科', 'General practice'],
      internal_medicine: ['内科', 'Internal medicine'],
      pediatrics: ['儿科', 'Pediatrics'],
      obstetrics_gynecology: ['妇产科', 'Obstetrics and gynaecology'],
      dermatology: ['皮肤科', 'Dermatology'],
      tcm: ['中医科', 'TCM'],
      endocrinology: ['内分泌科', 'Endocrinology'],
      cardiology: ['心内科', 'Cardiology'],
      psychology: ['心理科', 'Psychology'],
      chronic_disease_followup: ['慢病复诊', 'Chronic-disease follow-up']
    })
  ),
  category(
    'delivery_carrier',
    { zh: '配送单位', en: 'Delivery carrier' },
    { ...codes(CARRIERS, { EMS: ['中国邮政EMS', 'China Post EMS'], SF: ['顺丰速运', 'SF Express'] }), ...NONE }
  ),
  category(
    'issue_type',
    { zh: '问题类型', en: 'Issue type' },
    codes(REVIEW_ISSUES, {
      none: ['无问题', 'No issue'],
      dosage: ['用法用量', 'Dosage'],
      interaction: ['相互作用', 'Interaction'],
      contraindication: ['禁忌症', 'Contraindication'],
      duplication: ['重复用药', 'Duplication'],
      indication: ['适应症', 'Indication'],
      route: ['给药途径', 'Route'],
      other: ['其他', 'Other']
    })
  ),
  category(
    'review_action',
    { zh: '审方结果', en: 'Review action' },
    codes(REVIEW_ACTIONS, {
      passed: ['通过', 'Passed'],
      warned: ['提醒', 'Warned'],
      intercepted: ['拦截', 'Intercepted']
    })
  ),
  category(
    'remote_kind',
    { zh: '远程诊断类型', en: 'Remote diagnosis kind' },
    codes(REMOTE_KINDS, { ecg: ['远程心电', 'Remote ECG'], imaging: ['远程影像', 'Remote imaging'] })
  ),
  category(
    'ems_category',
    { zh: '呼救类别', en: 'Call category' },
    codes(EMS_CATEGORIES, {
      cardiac: ['心脏急症', 'Cardiac'],
      stroke: ['卒中', 'Stroke'],
      trauma: ['创伤', 'Trauma'],
      respiratory: ['呼吸系统', 'Respiratory'],
      obstetric: ['产科', 'Obstetric'],
      poisoning: ['中毒', 'Poisoning'],
      other_illness: ['其他疾病', 'Other illness']
    })
  ),
  category(
    'ems_outcome',
    { zh: '出车结果', en: 'Call outcome' },
    codes(EMS_OUTCOMES, {
      transported: ['送院', 'Transported'],
      treated_on_scene: ['现场处置', 'Treated on scene'],
      refused: ['拒绝送院', 'Refused'],
      cancelled: ['取消', 'Cancelled'],
      no_patient: ['空车', 'No patient']
    })
  ),
  category(
    'registration_channel',
    { zh: '注册渠道', en: 'Registration channel' },
    codes(REGISTRATION_CHANNELS, {
      wechat: ['微信公众号', 'WeChat'],
      app: ['APP', 'App'],
      alipay: ['支付宝', 'Alipay'],
      hospital_kiosk: ['医院自助机', 'Hospital kiosk']
    })
  ),
  category(
    'service_type',
    { zh: '服务项目', en: 'Service' },
    codes(PERSON_SERVICES, {
      record_created: ['建立健康档案', 'Health record created'],
      contract_signed: ['家庭医生签约', 'Family-doctor contract'],
      htn_followup: ['高血压随访', 'Hypertension follow-up'],
      dm_followup: ['糖尿病随访', 'Diabetes follow-up'],
      elderly_check: ['老年人健康体检', 'Elderly health check'],
      child_check: ['儿童健康检查', 'Child health check'],
      maternal_visit: ['孕产妇访视', 'Maternal visit'],
      vaccination: ['预防接种', 'Vaccination'],
      smi_followup: ['严重精神障碍随访', 'Severe mental illness follow-up']
    })
  ),
  category(
    'equipment_kind',
    { zh: '设备类型', en: 'Equipment' },
    codes(EQUIPMENT_KINDS, {
      CT: ['CT', 'CT'],
      MRI: ['磁共振', 'MRI'],
      DR: ['DR', 'DR'],
      US: ['彩超', 'Ultrasound'],
      DSA: ['DSA', 'DSA']
    })
  ),
  category('duration_bucket', { zh: '时长分组', en: 'Duration' }, DURATION_LABELS)
];

const byId = new Map(DIMENSIONS.map((d) => [d.id, d]));
const valuesById = new Map(DIMENSIONS.map((d) => [d.id, new Map((d.values ?? []).map((v) => [v.code, v]))]));

export function dimension(id: string): Dimension | undefined {
  return byId.get(id);
}

/** The name of a category value in a language; undefined for org dimensions and unknown codes. */
export function valueName(dimensionId: string, code: string, lang: 'zh' | 'en'): string | undefined {
  return valuesById.get(dimensionId)?.get(code)?.[lang];
}
