// Zod schemas of the shipped reference CSVs. Fields are camelCase of the CSV columns.
// Every field schema accepts either the raw CSV string or the already-typed value, so the
// same schema validates rows read from disk and objects built in memory (build scripts, tests).
import { z } from 'zod';

const emptyToNull = (v: unknown): unknown => (v === '' ? null : v);
const toNumber = (v: unknown): unknown => (typeof v === 'string' ? (v.trim() === '' ? v : Number(v)) : v);
const toBool = (v: unknown): unknown => (v === 'true' ? true : v === 'false' ? false : v);

const isRealDate = (s: string): boolean => {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD')
  .refine(isRealDate, 'not a calendar date');
const nullableDate = z.preprocess(emptyToNull, isoDate.nullable());
const text = z.string().min(1);
const nullableText = z.preprocess(emptyToNull, z.string().min(1).nullable());
const count = z.preprocess(toNumber, z.number().int().nonnegative());
const share = z.preprocess(toNumber, z.number().min(0).max(1));
const bool = z.preprocess(toBool, z.boolean());

/** County-level GB/T 2260 codes of the prefecture, in official order. */
export const COUNTY_CODES = ['652301', '652302', '652323', '652324', '652325', '652327', '652328'] as const;
const countyCode = z.enum(COUNTY_CODES);
const townshipCode = z.string().regex(/^\d{9}$/, 'expected 9-digit township code');
const villageCode = z.string().regex(/^\d{12}$/, 'expected 12-digit village code');

export const LEVEL_NAMES = ['region', 'prefecture', 'county', 'township', 'village'] as const;
export const OrgUnitSchema = z.object({
  code: z.string().regex(/^\d{6}(\d{3}(\d{3})?)?$/),
  parentCode: z.preprocess(emptyToNull, z.string().regex(/^\d+$/).nullable()),
  level: z.preprocess(toNumber, z.number().int().min(1).max(5)),
  levelName: z.enum(LEVEL_NAMES),
  nameZh: text,
  nameEn: nullableText
});

export const CountyPopulationSchema = z.object({
  countyCode,
  population: count,
  pop06: count,
  pop65Plus: count,
  birthsPerYear: count,
  shareHan: share,
  shareHui: share,
  shareKazakh: share,
  shareUyghur: share,
  shareOther: share
});

export const MedicalCommunitySchema = z.object({
  mcCode: z.string().regex(/^MC\d{8}$/),
  nameZh: text,
  nameEn: text,
  countyCode,
  leadInstitutionCode: z.string().regex(/^JG\d{10}$/)
});

export const INSTITUTION_TYPES = [
  'general_hospital',
  'tcm_hospital',
  'maternal_child_hospital',
  'township_health_centre',
  'community_health_centre',
  'community_health_station',
  'village_clinic',
  'private_hospital',
  'private_clinic'
] as const;
export const GRADES = ['tertiary_a', 'tertiary_b', 'secondary_a', 'secondary_b', 'primary', 'none'] as const;
export const CARRIERS = ['EMS', 'SF'] as const;

export const InstitutionSchema = z.object({
  institutionCode: z.string().regex(/^JG\d{10}$/),
  nameZh: text,
  nameEn: text,
  type: z.enum(INSTITUTION_TYPES),
  grade: z.enum(GRADES),
  isPublic: bool,
  isPrimaryCare: bool,
  isDesignated: bool,
  countyCode,
  townshipCode,
  villageCode: z.preprocess(emptyToNull, villageCode.nullable()),
  mcCode: z.preprocess(
    emptyToNull,
    z
      .string()
      .regex(/^MC\d{8}$/)
      .nullable()
  ),
  isMcLead: bool,
  isRecognition: bool,
  isInternetHospital: bool,
  deliversDrugs: bool,
  deliveryCarrier: z.preprocess(emptyToNull, z.enum(CARRIERS).nullable()),
  faceScanGoLive: nullableDate,
  beds: count,
  annualOutpatientVisits: count,
  annualDischarges: count
});

export const XpccHospitalSchema = z.object({
  institutionCode: z.string().regex(/^BT\d{4}$/),
  nameZh: text,
  nameEn: text,
  xpccDivision: z.preprocess(toNumber, z.number().int().positive())
});

export const EXAM_CATEGORIES = ['lab', 'imaging', 'ultrasound', 'ecg', 'endoscopy'] as const;
export const ExamItemSchema = z.object({
  itemCode: z.string().regex(/^(LAB|IMG|US|ECG|END)\d{3}$/),
  nameZh: text,
  nameEn: text,
  category: z.enum(EXAM_CATEGORIES),
  priceYuan: z.preprocess(toNumber, z.number().positive()),
  validityDays: z.preprocess(toNumber, z.number().int().positive()),
  recognisable: bool
});

export const EQUIPMENT_KINDS = ['CT', 'MRI', 'DR', 'DSA', 'US'] as const;
export const EquipmentSchema = z.object({
  equipmentCode: z.string().regex(/^EQ(CT|MRI|DR|DSA|US)\d{4}$/),
  institutionCode: z.string().regex(/^JG\d{10}$/),
  kind: z.enum(EQUIPMENT_KINDS),
  nameZh: text,
  installedOn: isoDate,
  purchaseValueYuan: z.preprocess(toNumber, z.number().int().positive())
});

export const CALENDAR_KINDS = ['holiday', 'makeup_workday', 'regional_holiday'] as const;
export const CalendarDaySchema = z.object({
  date: isoDate,
  kind: z.enum(CALENDAR_KINDS),
  nameZh: text,
  nameEn: text
});

export type OrgUnit = z.output<typeof OrgUnitSchema>;
export type CountyPopulation = z.output<typeof CountyPopulationSchema>;
export type MedicalCommunity = z.output<typeof MedicalCommunitySchema>;
export type Institution = z.output<typeof InstitutionSchema>;
export type XpccHospital = z.output<typeof XpccHospitalSchema>;
export type ExamItem = z.output<typeof ExamItemSchema>;
export type Equipment = z.output<typeof EquipmentSchema>;
export type CalendarDay = z.output<typeof CalendarDaySchema>;
export type InstitutionType = (typeof INSTITUTION_TYPES)[number];
export type Grade = (typeof GRADES)[number];
export type LevelName = (typeof LEVEL_NAMES)[number];
export type ExamCategory = (typeof EXAM_CATEGORIES)[number];
export type EquipmentKind = (typeof EQUIPMENT_KINDS)[number];
export type CalendarKind = (typeof CALENDAR_KINDS)[number];
export type CountyCode = (typeof COUNTY_CODES)[number];

/** File name, primary key and column order of each reference table (the CSV contract). */
export const TABLES = {
  orgUnits: {
    file: 'org_units.csv',
    key: 'code',
    schema: OrgUnitSchema,
    columns: ['code', 'parent_code', 'level', 'level_name', 'name_zh', 'name_en']
  },
  population: {
    file: 'population.csv',
    key: 'countyCode',
    schema: CountyPopulationSchema,
    columns: [
      'county_code',
      'population',
      'pop_0_6',
      'pop_65_plus',
      'births_per_year',
      'share_han',
      'share_hui',
      'share_kazakh',
      'share_uyghur',
      'share_other'
    ]
  },
  medicalCommunities: {
    file: 'medical_communities.csv',
    key: 'mcCode',
    schema: MedicalCommunitySchema,
    columns: ['mc_code', 'name_zh', 'name_en', 'county_code', 'lead_institution_code']
  },
  institutions: {
    file: 'institutions.csv',
    key: 'institutionCode',
    schema: InstitutionSchema,
    columns: [
      'institution_code',
      'name_zh',
      'name_en',
      'type',
      'grade',
      'is_public',
      'is_primary_care',
      'is_designated',
      'county_code',
      'township_code',
      'village_code',
      'mc_code',
      'is_mc_lead',
      'is_recognition',
      'is_internet_hospital',
      'delivers_drugs',
      'delivery_carrier',
      'face_scan_go_live',
      'beds',
      'annual_outpatient_visits',
      'annual_discharges'
    ]
  },
  xpccHospitals: {
    file: 'xpcc_hospitals.csv',
    key: 'institutionCode',
    schema: XpccHospitalSchema,
    columns: ['institution_code', 'name_zh', 'name_en', 'xpcc_division']
  },
  examItems: {
    file: 'exam_items.csv',
    key: 'itemCode',
    schema: ExamItemSchema,
    columns: ['item_code', 'name_zh', 'name_en', 'category', 'price_yuan', 'validity_days', 'recognisable']
  },
  equipment: {
    file: 'equipment.csv',
    key: 'equipmentCode',
    schema: EquipmentSchema,
    columns: ['equipment_code', 'institution_code', 'kind', 'name_zh', 'installed_on', 'purchase_value_yuan']
  },
  calendar: {
    file: 'calendar_cn.csv',
    key: 'date',
    schema: CalendarDaySchema,
    columns: ['date', 'kind', 'name_zh', 'name_en']
  }
} as const;

export type TableName = keyof typeof TABLES;

/** snake_case CSV column -> camelCase field (pop_0_6 -> pop06, pop_65_plus -> pop65Plus). */
export function columnToField(column: string): string {
  return column.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase());
}
