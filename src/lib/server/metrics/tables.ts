// The mart tables indicators are computed from (pipelines/models/*.sql builds them), described as
// data the way Rill describes a metrics view's model: where time is, which column is the org
// unit, which columns are dimensions, which can be summed. The query builder only ever writes
// names that appear here, so this file is the allow-list of identifiers.
import { ORG_DIMENSIONS, type OrgDimension } from '../../contract/contract';

export type OrgLevel = 'institution' | 'county';
export type TimeGrain = 'day' | 'month' | 'year';

/** A breakdown column, or a column whose values are renamed to dimension codes. */
export interface DimColumn {
  column: string;
  map?: Record<string, string>;
  /** Codes are numbers (bucket bounds): rows are ordered by their value, not as text. */
  numeric?: boolean;
}

export interface MartTable {
  schema: 'mart_services' | 'mart_reform' | 'mart_public_health' | 'mart_assets';
  /** Physical tables by their time column: `day` (daily), `month` (monthly), `year` (yearly). */
  tables: Partial<Record<TimeGrain, string>>;
  /** The column naming the org unit each row belongs to, and what kind of code it holds. */
  org: { column: string; level: OrgLevel };
  /** Category dimensions (id -> column). Org dimensions come from the org column. */
  dims: Record<string, DimColumn>;
  /** Columns indicators may filter on besides the dimension columns. */
  filters?: string[];
  /** Columns that may be summed. */
  measures: string[];
  /** Histogram bucket column (lower bounds in minutes) and its boundaries, for medians. */
  buckets?: { column: string; bounds: number[] };
  /** Landing feeds the rows come from. */
  feeds: string[];
}

/**
 * Lower bounds (minutes) of core.duration_bucket() in pipelines/models/10_dimensions.sql. A median
 * is interpolated inside its bucket, so the next bound is needed; test/server/metrics checks this
 * list against the macro in a warehouse.
 */
export const DURATION_BUCKETS = [
  0, 1, 2, 3, 5, 10, 15, 20, 30, 45, 60, 90, 120, 180, 240, 360, 480, 720, 1080, 1440, 2160, 2880, 4320, 5760
];

/** Flags of core.dim_institution a coverage indicator may count institutions by. */
export const INSTITUTION_FLAGS = ['is_designated'] as const;

const daily = (name: string) => ({ day: `${name}_daily`, month: `${name}_monthly` });

const MART_TABLES = {
  settlements: {
    schema: 'mart_services',
    tables: daily('settlements'),
    org: { column: 'institution_code', level: 'institution' },
    dims: { channel: { column: 'channel' }, visit_type: { column: 'visit_type' }, insurance_type: { column: 'insurance_type' } },
    measures: [
      'settlements',
      'face_attempts',
      'face_passes',
      'platform_payments',
      'total_amount',
      'fund_amount',
      'self_amount',
      'drug_amount',
      'material_amount',
      'exam_amount',
      'service_amount'
    ],
    feeds: ['settlements']
  },
  appointments: {
    schema: 'mart_services',
    tables: daily('appointments'),
    org: { column: 'institution_code', level: 'institution' },
    dims: { booking_channel: { column: 'booking_channel' }, department: { column: 'department' } },
    measures: ['booked', 'attended', 'cancelled', 'no_show'],
    feeds: ['appointments']
  },
  report_queries: {
    schema: 'mart_services',
    tables: daily('report_queries'),
    org: { column: 'institution_code', level: 'institution' },
    dims: { report_type: { column: 'report_type' }, query_channel: { column: 'query_channel' } },
    measures: ['queries'],
    feeds: ['report_queries']
  },
  referrals: {
    schema: 'mart_services',
    tables: daily('referrals'),
    // A referral belongs to the institution that applied for it.
    org: { column: 'from_institution', level: 'institution' },
    dims: { direction: { column: 'direction' }, urgent: { column: 'urgent' }, within_mc: { column: 'within_mc' } },
    measures: ['applications', 'accepted', 'succeeded', 'rejected', 'cancelled', 'expired', 'minutes_to_admission'],
    feeds: ['referrals']
  },
  recognition: {
    schema: 'mart_services',
    tables: daily('recognition'),
    // Savings arise where the repeat test was avoided: the recognising institution.
    org: { column: 'recognising_institution', level: 'institution' },
    dims: { item_category: { column: 'item_category' }, recognition_mode: { column: 'mode' }, xpcc: { column: 'xpcc' } },
    measures: ['items', 'visits', 'savings'],
    feeds: ['result_recognition']
  },
  consultations: {
    schema: 'mart_services',
    tables: daily('consultations'),
    org: { column: 'institution_code', level: 'institution' },
    dims: { consult_mode: { column: 'mode' }, specialty: { column: 'specialty' }, delivery_carrier: { column: 'delivery_carrier' } },
    measures: ['consultations', 'e_prescriptions', 'deliveries'],
    feeds: ['internet_consultations']
  },
  prescription_reviews: {
    schema: 'mart_services',
    tables: daily('prescription_reviews'),
    org: { column: 'institution_code', level: 'institution' },
    dims: { issue_type: { column: 'issue_type' }, review_action: { column: 'action' } },
    measures: ['reviews', 'flagged', 'intercepted'],
    feeds: ['prescription_reviews']
  },
  remote_diagnosis: {
    schema: 'mart_services',
    tables: daily('remote_diagnosis'),
    // Requests count where the patient is: the requesting institution (often a village clinic).
    org: { column: 'requesting_institution', level: 'institution' },
    dims: { remote_kind: { column: 'kind' } },
    measures: ['requests', 'critical', 'report_minutes'],
    feeds: ['remote_diagnosis']
  },
  emergency_calls: {
    schema: 'mart_services',
    tables: daily('emergency_calls'),
    org: { column: 'county_code', level: 'county' },
    dims: { ems_category: { column: 'category' }, ems_outcome: { column: 'outcome' } },
    measures: ['calls', 'dispatched', 'arrived', 'dispatch_seconds', 'arrival_seconds'],
    feeds: ['emergency_calls']
  },
  registrations: {
    schema: 'mart_services',
    tables: daily('registrations'),
    org: { column: 'residence_county', level: 'county' },
    dims: { registration_channel: { column: 'channel' } },
    filters: ['record_type'],
    measures: ['registrations'],
    feeds: ['registrations']
  },
  // Durations owned by an institution (the receiving hospital, the reading centre, the internet hospital).
  durations: {
    schema: 'mart_services',
    tables: daily('durations'),
    org: { column: 'org_code', level: 'institution' },
    dims: {
      urgent: { column: 'measure', map: { referral_admission_urgent: 'true', referral_admission: 'false' } },
      duration_bucket: { column: 'bucket_minutes', numeric: true }
    },
    filters: ['measure'],
    measures: ['events'],
    buckets: { column: 'bucket_minutes', bounds: DURATION_BUCKETS },
    feeds: ['referrals', 'internet_consultations', 'remote_diagnosis']
  },
  // 120 durations belong to the county of the scene.
  ems_durations: {
    schema: 'mart_services',
    tables: daily('durations'),
    org: { column: 'org_code', level: 'county' },
    dims: { duration_bucket: { column: 'bucket_minutes', numeric: true } },
    filters: ['measure'],
    measures: ['events'],
    buckets: { column: 'bucket_minutes', bounds: DURATION_BUCKETS },
    feeds: ['emergency_calls']
  },
  reform: {
    schema: 'mart_reform',
    tables: daily('reform'),
    org: { column: 'institution_code', level: 'institution' },
    dims: {},
    measures: [
      'outpatient_visits',
      'primary_outpatient_visits',
      'inpatient_discharges',
      'outpatient_cost',
      'inpatient_cost',
      'medical_cost',
      'drug_cost',
      'material_cost',
      'service_cost',
      'medical_cost_excl_drugs',
      'fund_paid',
      'primary_fund_paid',
      'insured_settlements',
      'face_settlements',
      'referral_applications',
      'referrals_succeeded',
      'down_referrals',
      'lead_down_referrals',
      'lead_discharges',
      'recognised_items',
      'recognition_savings',
      'prescriptions_reviewed',
      'prescriptions_intercepted'
    ],
    feeds: ['settlements', 'referrals']
  },
  // The org unit is the patients' county of residence, not the hospital's.
  in_county: {
    schema: 'mart_reform',
    tables: daily('in_county'),
    org: { column: 'residence_county', level: 'county' },
    dims: {},
    measures: ['stays', 'stays_in_county'],
    feeds: ['settlements']
  },
  public_health_services: {
    schema: 'mart_public_health',
    tables: daily('services'),
    org: { column: 'institution_code', level: 'institution' },
    dims: { service_type: { column: 'service_type' } },
    measures: ['services', 'controlled'],
    feeds: ['public_health']
  },
  // Monthly register snapshots of the public-health centres: stocks, never summed over months.
  public_health_register: {
    schema: 'mart_public_health',
    tables: { month: 'register_monthly' },
    org: { column: 'institution_code', level: 'institution' },
    dims: {},
    measures: [
      'residents',
      'residents_65_plus',
      'children_0_6',
      'health_records',
      'htn_registered',
      'dm_registered',
      'smi_registered',
      'contracted',
      'contracted_key_group',
      'key_group_residents'
    ],
    feeds: ['public_health']
  },
  // People managed in a year (a person counts once a year): only whole years make sense.
  public_health_management: {
    schema: 'mart_public_health',
    tables: { year: 'management_yearly' },
    org: { column: 'institution_code', level: 'institution' },
    dims: {},
    measures: [
      'htn_followed',
      'htn_standard',
      'htn_controlled',
      'htn_registered',
      'dm_followed',
      'dm_standard',
      'dm_controlled',
      'dm_registered',
      'smi_followed',
      'smi_standard',
      'smi_registered',
      'elderly_checked',
      'residents_65_plus',
      'children_checked',
      'children_0_6'
    ],
    feeds: ['public_health']
  },
  equipment: {
    schema: 'mart_assets',
    tables: daily('equipment'),
    org: { column: 'institution_code', level: 'institution' },
    dims: { equipment_kind: { column: 'kind' } },
    measures: ['exams', 'days_in_use', 'working_days'],
    feeds: ['assets']
  },
  // One row per unit and day: only here is "in use on a working day" still known (the monthly
  // rollup sums the two flags apart).
  equipment_days: {
    schema: 'mart_assets',
    tables: { day: 'equipment_daily' },
    org: { column: 'institution_code', level: 'institution' },
    dims: { equipment_kind: { column: 'kind' } },
    filters: ['working_days'],
    measures: ['days_in_use', 'working_days'],
    feeds: ['assets']
  },
  beds: {
    schema: 'mart_assets',
    tables: daily('beds'),
    org: { column: 'institution_code', level: 'institution' },
    dims: {},
    measures: ['beds_open', 'beds_occupied'],
    feeds: ['assets']
  },
  inpatient: {
    schema: 'mart_assets',
    tables: daily('inpatient'),
    org: { column: 'institution_code', level: 'institution' },
    dims: {},
    measures: ['discharges', 'bed_days'],
    feeds: ['settlements']
  },
  finance: {
    schema: 'mart_assets',
    tables: { month: 'finance_monthly' },
    org: { column: 'institution_code', level: 'institution' },
    dims: {},
    measures: [
      'medical_revenue',
      'drug_revenue',
      'material_revenue',
      'exam_revenue',
      'service_revenue',
      'staff_cost',
      'operating_cost',
      'fixed_assets',
      'total_assets',
      'liabilities'
    ],
    feeds: ['assets']
  },
  card_refunds: {
    schema: 'mart_assets',
    tables: daily('card_refunds'),
    org: { column: 'institution_code', level: 'institution' },
    dims: {},
    measures: ['refunds', 'refund_amount'],
    feeds: ['assets']
  }
} satisfies Record<string, MartTable>;

export function martTable(id: string): MartTable | undefined {
  return (MART_TABLES as Record<string, MartTable>)[id];
}

/** Every mart table described here, by id. */
export function martTables(): [id: string, table: MartTable][] {
  return Object.entries(MART_TABLES);
}

/** Org dimensions a table supports: every one for an institution's rows, the county alone for a county's. */
export function orgDimensions(table: MartTable): OrgDimension[] {
  return table.org.level === 'county' ? ['county'] : [...ORG_DIMENSIONS];
}
