// The 16 secondary-and-above public hospitals (all in the result-recognition programme) and
// the 8 county medical communities (医共体) they lead. Size figures are calibrated, not
// published: see PROVENANCE.md.
import type { CountyCode, Grade, InstitutionType } from '../schemas';

export interface HospitalDef {
  serial: number;
  countyCode: CountyCode;
  nameZh: string;
  nameEn: string;
  type: Extract<InstitutionType, 'general_hospital' | 'tcm_hospital' | 'maternal_child_hospital'>;
  grade: Grade;
  /** Prefecture-level hospitals sit above the county medical communities. */
  prefectureLevel: boolean;
  beds: number;
  visits: number;
  /** Discharges per bed per year (bed turnover). */
  turnover: number;
  internet: boolean;
  /** Drug-delivery carrier of the internet hospital; null = no delivery. */
  carrier: 'EMS' | 'SF' | null;
}

/** Seat township/subdistrict of each county government: hospitals are placed there. */
export const SEAT_TOWNSHIP: Record<CountyCode, string> = {
  '652301': '652301002', // 延安北路街道
  '652302': '652302001', // 博峰街道
  '652323': '652323100', // 呼图壁镇
  '652324': '652324100', // 玛纳斯镇
  '652325': '652325100', // 奇台镇
  '652327': '652327100', // 吉木萨尔镇
  '652328': '652328100' // 木垒镇
};

const TCM = 'Hospital of Traditional Chinese Medicine';
const h = (
  countyCode: CountyCode,
  serial: number,
  nameZh: string,
  nameEn: string,
  type: HospitalDef['type'],
  grade: Grade,
  beds: number,
  visits: number,
  carrier: HospitalDef['carrier'],
  internet = true
): HospitalDef => ({
  serial,
  countyCode,
  nameZh,
  nameEn,
  type,
  grade,
  prefectureLevel: nameZh.startsWith('昌吉回族自治州'),
  beds,
  visits,
  turnover: type === 'maternal_child_hospital' ? 48 : type === 'tcm_hospital' ? 31 : 39,
  internet,
  carrier
});

export const HOSPITALS: readonly HospitalDef[] = [
  h('652301', 1, '昌吉回族自治州人民医院', "Changji Hui Autonomous Prefecture People's Hospital", 'general_hospital', 'tertiary_a', 1500, 1_000_000, 'SF'),
  h('652301', 2, '昌吉回族自治州中医医院', `Changji Hui Autonomous Prefecture ${TCM}`, 'tcm_hospital', 'tertiary_a', 800, 420_000, 'SF'),
  h('652301', 3, '昌吉回族自治州妇幼保健院', 'Changji Hui Autonomous Prefecture Maternal and Child Health Hospital', 'maternal_child_hospital', 'tertiary_b', 200, 230_000, null),
  h('652301', 4, '昌吉市人民医院', "Changji City People's Hospital", 'general_hospital', 'secondary_a', 500, 310_000, 'SF'),
  h('652301', 5, '昌吉市中医医院', `Changji City ${TCM}`, 'tcm_hospital', 'secondary_a', 260, 160_000, 'EMS'),
  h('652302', 1, '阜康市人民医院', "Fukang City People's Hospital", 'general_hospital', 'secondary_a', 420, 200_000, 'SF'),
  h('652302', 2, '阜康市中医医院', `Fukang City ${TCM}`, 'tcm_hospital', 'secondary_a', 180, 90_000, 'EMS'),
  h('652323', 1, '呼图壁县人民医院', "Hutubi County People's Hospital", 'general_hospital', 'secondary_a', 360, 200_000, 'EMS'),
  h('652323', 2, '呼图壁县中医医院', `Hutubi County ${TCM}`, 'tcm_hospital', 'secondary_b', 150, 70_000, null, false),
  h('652324', 1, '玛纳斯县人民医院', "Manas County People's Hospital", 'general_hospital', 'secondary_a', 400, 210_000, 'EMS'),
  h('652324', 2, '玛纳斯县中医医院', `Manas County ${TCM}`, 'tcm_hospital', 'secondary_a', 170, 80_000, 'EMS'),
  h('652325', 1, '奇台县人民医院', "Qitai County People's Hospital", 'general_hospital', 'secondary_a', 520, 240_000, 'EMS'),
  h('652325', 2, '奇台县中医医院', `Qitai County ${TCM}`, 'tcm_hospital', 'secondary_a', 200, 95_000, 'EMS'),
  h('652327', 1, '吉木萨尔县人民医院', "Jimsar County People's Hospital", 'general_hospital', 'secondary_a', 330, 150_000, 'EMS'),
  h('652327', 2, '吉木萨尔县中医医院', `Jimsar County ${TCM}`, 'tcm_hospital', 'secondary_b', 150, 60_000, null),
  h('652328', 1, '木垒哈萨克自治县人民医院', "Mori Kazakh Autonomous County People's Hospital", 'general_hospital', 'secondary_a', 300, 115_000, 'EMS')
];

export interface McDef {
  mcCode: string;
  countyCode: CountyCode;
  /** Serial (within the county) of the lead hospital in HOSPITALS. */
  leadSerial: number;
  /** Townships served, when a county has two communities (昌吉市); otherwise all. */
  townships: readonly string[] | null;
}

/**
 * 昌吉市 runs two communities. The TCM-led one takes three central subdistricts and the
 * southern mountain/pastoral townships; the People's-Hospital-led one the rest.
 */
const CHANGJI_TCM_TOWNSHIPS = [
  '652301004', // 建国路街道
  '652301005', // 中山路街道
  '652301006', // 绿洲路街道
  '652301100', // 硫磺沟镇
  '652301102', // 榆树沟镇
  '652301202', // 阿什里哈萨克民族乡
  '652301203' // 庙尔沟乡
];

export const MEDICAL_COMMUNITIES: readonly McDef[] = [
  { mcCode: 'MC65230101', countyCode: '652301', leadSerial: 4, townships: null },
  { mcCode: 'MC65230102', countyCode: '652301', leadSerial: 5, townships: CHANGJI_TCM_TOWNSHIPS },
  { mcCode: 'MC65230201', countyCode: '652302', leadSerial: 1, townships: null },
  { mcCode: 'MC65232301', countyCode: '652323', leadSerial: 1, townships: null },
  { mcCode: 'MC65232401', countyCode: '652324', leadSerial: 1, townships: null },
  { mcCode: 'MC65232501', countyCode: '652325', leadSerial: 1, townships: null },
  { mcCode: 'MC65232701', countyCode: '652327', leadSerial: 1, townships: null },
  { mcCode: 'MC65232801', countyCode: '652328', leadSerial: 1, townships: null }
];

export function institutionCode(countyCode: string, serial: number): string {
  return `JG${countyCode}${String(serial).padStart(4, '0')}`;
}

/** Medical community of a public institution by location (null never for county units). */
export function mcForTownship(countyCode: string, townshipCode: string): string {
  const inCounty = MEDICAL_COMMUNITIES.filter((m) => m.countyCode === countyCode);
  const specific = inCounty.find((m) => m.townships?.includes(townshipCode));
  const general = inCounty.find((m) => m.townships === null);
  const mc = specific ?? general;
  if (!mc) throw new Error(`no medical community for ${countyCode}/${townshipCode}`);
  return mc.mcCode;
}
