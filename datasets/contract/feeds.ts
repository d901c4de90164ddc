// The data contract of the regional health cloud's feeds: one declaration per feed.
// The simulator writes records that satisfy it; the pipeline validates landing files with it.
import {
  bool,
  date,
  ID_NUMBER_PATTERN,
  int,
  num,
  oneOf,
  optional,
  personFields,
  requiredFor,
  str,
  ts,
  type FeedSpec,
  type FieldSpec
} from './field';

export const DEPARTMENTS = [
  'internal_medicine',
  'surgery',
  'pediatrics',
  'obstetrics_gynecology',
  'tcm',
  'ophthalmology_ent',
  'dermatology',
  'general_practice',
  'emergency',
  'other'
] as const;
export const BOOKING_CHANNELS = ['wechat', 'app', 'mini_program', 'kiosk', 'phone'] as const;
export const SETTLEMENT_CHANNELS = ['face', 'insurance_card', 'e_insurance_qr', 'cash'] as const;
export const VISIT_TYPES = ['outpatient', 'inpatient'] as const;
export const INSURANCE_TYPES = ['employee', 'resident'] as const;
export const REFERRAL_REASONS = [
  'beyond_capacity',
  'diagnosis_uncertain',
  'critical_care',
  'surgery_needed',
  'rehabilitation',
  'chronic_stable',
  'post_surgery_recovery',
  'palliative'
] as const;
export const REFERRAL_STATUSES = ['admitted', 'rejected', 'cancelled', 'expired'] as const;
export const REFERRAL_DIRECTIONS = ['up', 'down'] as const;
export const RECOGNITION_MODES = ['paper', 'digital'] as const;
export const URGENT_KINDS = ['stemi', 'stroke', 'trauma', 'obstetric'] as const;
export const REPORT_TYPES = ['lab', 'imaging', 'ultrasound', 'ecg', 'pathology', 'physical_exam'] as const;
export const QUERY_CHANNELS = ['wechat', 'app', 'mini_program', 'kiosk'] as const;
export const SPECIALTIES = [
  'general_practice',
  'internal_medicine',
  'pediatrics',
  'obstetrics_gynecology',
  'dermatology',
  'tcm',
  'endocrinology',
  'cardiology',
  'psychology',
  'chronic_disease_followup'
] as const;
export const CONSULTATION_MODES = ['video', 'text'] as const;
export const CARRIERS = ['EMS', 'SF'] as const;
export const REVIEW_ISSUES = ['none', 'dosage', 'interaction', 'contraindication', 'duplication', 'indication', 'route', 'other'] as const;
export const REVIEW_ACTIONS = ['passed', 'warned', 'intercepted'] as const;
export const REMOTE_KINDS = ['ecg', 'imaging'] as const;
export const EMS_CATEGORIES = ['cardiac', 'stroke', 'trauma', 'respiratory', 'obstetric', 'poisoning', 'other_illness'] as const;
export const EMS_OUTCOMES = ['transported', 'treated_on_scene', 'refused', 'cancelled', 'no_patient'] as const;
export const PUBLIC_HEALTH_SERVICES = [
  'record_created',
  'contract_signed',
  'htn_followup',
  'dm_followup',
  'elderly_check',
  'child_check',
  'maternal_visit',
  'vaccination',
  'smi_followup',
  'register_snapshot'
] as const;
export const VACCINES = ['HepB', 'BCG', 'IPV', 'bOPV', 'DTaP', 'MMR', 'JE', 'MPSV', 'HepA', 'DT'] as const;
export const ASSET_RECORD_TYPES = ['equipment_day', 'beds_day', 'finance_month', 'card_refund'] as const;
export const REGISTRATION_TYPES = ['user', 'family_link'] as const;
export const REGISTRATION_CHANNELS = ['wechat', 'app', 'alipay', 'hospital_kiosk'] as const;
export const RELATIONS = ['parent', 'child', 'spouse', 'grandparent', 'other'] as const;

const institution = (description = 'Institution code (reference: institutions)') => str(description, { ref: 'institution' });
const yuan = (description: string) => num(description, { min: 0, max: 5_000_000 });
const residenceCounty = () => str("Patient's county of residence (GB/T 2260)", { ref: 'county' });

export const appointments: FeedSpec = {
  name: 'appointments',
  titleZh: '预约挂号',
  description: 'Appointments booked through the platform, exported when the appointment slot has passed.',
  idField: 'appointment_id',
  eventField: 'booked_at',
  partitionField: 'slot_date',
  fields: {
    appointment_id: str('Appointment id'),
    booked_at: ts('When the appointment was booked'),
    slot_date: date('Day of the appointment'),
    institution_code: institution(),
    department: oneOf(DEPARTMENTS, 'Department booked'),
    booking_channel: oneOf(BOOKING_CHANNELS, 'Where it was booked'),
    status: oneOf(['attended', 'cancelled', 'no_show'], 'Outcome'),
    ...personFields({ phone: true }),
    residence_county: residenceCounty()
  }
};

export const SETTLEMENT_AMOUNT_FIELDS = [
  'total_amount',
  'fund_amount',
  'self_amount',
  'drug_amount',
  'material_amount',
  'exam_amount',
  'service_amount'
] as const;

export const settlements: FeedSpec = {
  name: 'settlements',
  titleZh: '医保结算',
  description:
    'Every insured outpatient visit and inpatient stay settled at a designated institution, by channel. ' +
    `Amounts in yuan: total = fund + self = drug + material + exam + service.`,
  idField: 'settlement_id',
  eventField: 'settled_at',
  partitionField: 'settled_at',
  fields: {
    settlement_id: str('Settlement id'),
    settled_at: ts('When the bill was settled'),
    institution_code: str('Designated institution (reference: institutions, is_designated)', {
      ref: 'designated_institution'
    }),
    visit_type: oneOf(VISIT_TYPES, 'Outpatient visit or inpatient stay'),
    channel: oneOf(
      SETTLEMENT_CHANNELS,
      'How the patient was identified for insurance: face scan, social-security card, e-insurance QR code, or cash without insurance'
    ),
    face_verify: optional(
      oneOf(
        ['pass', 'fail'],
        'Face verification result when a face scan was attempted (face + real name + real person); a failure falls back to another channel'
      )
    ),
    insurance_type: oneOf(INSURANCE_TYPES, 'Employee (职工) or urban-rural resident (城乡居民) insurance'),
    paid_via_platform: bool('The self-paid part was paid online through the health-cloud app'),
    total_amount: yuan('Total cost'),
    fund_amount: yuan('Paid by the insurance fund'),
    self_amount: yuan('Paid by the patient'),
    drug_amount: yuan('Drugs'),
    material_amount: yuan('Medical materials'),
    exam_amount: yuan('Examinations and tests'),
    service_amount: yuan('Medical services (consultation, nursing, procedures, beds)'),
    admitted_on: requiredFor(['inpatient'], date('Admission day (inpatient stays)')),
    discharged_on: requiredFor(['inpatient'], date('Discharge day (inpatient stays)')),
    department: oneOf(DEPARTMENTS, 'Department'),
    ...personFields({ phone: true }),
    residence_county: residenceCounty()
  },
  typeField: 'visit_type'
};

export const referrals: FeedSpec = {
  name: 'referrals',
  titleZh: '双向转诊',
  description: 'Two-way referrals between institutions, exported when the referral is closed (admitted, rejected, cancelled or expired).',
  idField: 'referral_id',
  eventField: 'applied_at',
  partitionField: 'closed_at',
  fields: {
    referral_id: str('Referral id'),
    direction: oneOf(REFERRAL_DIRECTIONS, 'Up (to a higher-level hospital) or down (to primary care)'),
    from_institution: institution('Referring institution'),
    to_institution: institution('Receiving institution'),
    mc_code: optional(
      str('Medical community both sides belong to; empty when the referral crosses communities', { ref: 'medical_community' })
    ),
    urgent: bool('Urgent referral (green channel)'),
    urgent_kind: optional(oneOf(URGENT_KINDS, 'Kind of emergency for urgent referrals')),
    reason: oneOf(REFERRAL_REASONS, 'Reason for referral'),
    status: oneOf(REFERRAL_STATUSES, 'Final status; admitted = succeeded'),
    applied_at: ts('Application submitted'),
    accepted_at: optional(ts('Accepted by the receiving institution')),
    admitted_at: optional(ts('Patient admitted at the receiving institution')),
    closed_at: ts('When the referral reached its final status'),
    diagnosis_text: optional(str('Free-text preliminary diagnosis', { pii: 'free_text' })),
    ...personFields({ phone: true }),
    residence_county: residenceCounty()
  }
};

export const resultRecognition: FeedSpec = {
  name: 'result_recognition',
  titleZh: '检查检验结果互认',
  description: 'Examination and test results recognised instead of repeated; one record per recognised item.',
  idField: 'recognition_id',
  eventField: 'recognised_at',
  partitionField: 'recognised_at',
  fields: {
    recognition_id: str('Recognition id'),
    recognised_at: ts('When the result was recognised'),
    visit_id: str('Patient visit at the recognising institution (one visit may recognise several items)'),
    item_code: str('Item (reference: exam_items)', { ref: 'exam_item' }),
    price_yuan: num('Catalogue price of the item, the cost saved', { min: 0, max: 5000 }),
    recognising_institution: institution('Institution that recognised the result'),
    original_institution: str('Institution that produced the result (platform institution or XPCC hospital)', { ref: 'recognition_peer' }),
    original_date: date('Day the original result was produced'),
    mode: oneOf(RECOGNITION_MODES, 'Recognised from a paper report or the digital record'),
    xpcc: bool('Recognition between the prefecture and an XPCC (兵团) hospital'),
    ...personFields()
  }
};

export const reportQueries: FeedSpec = {
  name: 'report_queries',
  titleZh: '报告查询',
  description: 'Residents looking up their examination and test reports on the platform.',
  idField: 'query_id',
  eventField: 'queried_at',
  partitionField: 'queried_at',
  fields: {
    query_id: str('Query id'),
    queried_at: ts('When the report was opened'),
    institution_code: institution('Institution that issued the report'),
    report_type: oneOf(REPORT_TYPES, 'Kind of report'),
    query_channel: oneOf(QUERY_CHANNELS, 'Where it was looked up'),
    id_number: personFields().id_number
  }
};

export const internetConsultations: FeedSpec = {
  name: 'internet_consultations',
  titleZh: '互联网诊疗',
  description:
    'Internet-hospital consultations (video or text), with e-prescriptions and home delivery of drugs; exported when closed (delivered, or consultation ended).',
  idField: 'consultation_id',
  eventField: 'started_at',
  partitionField: 'closed_at',
  fields: {
    consultation_id: str('Consultation id'),
    institution_code: str('Internet hospital', { ref: 'internet_hospital' }),
    mode: oneOf(CONSULTATION_MODES, 'Video or text consultation'),
    specialty: oneOf(SPECIALTIES, 'Specialty'),
    started_at: ts('Consultation start'),
    ended_at: ts('Consultation end'),
    e_prescription: bool('An e-prescription was issued'),
    prescribed_at: optional(ts('E-prescription issued')),
    delivery_carrier: optional(oneOf(CARRIERS, 'Carrier delivering the drugs (China Post EMS, SF Express)')),
    shipped_at: optional(ts('Drugs handed to the carrier')),
    delivered_at: optional(ts('Drugs delivered')),
    closed_at: ts('When the record was closed'),
    chief_complaint: optional(str('Free-text chief complaint', { pii: 'free_text' })),
    ...personFields({ phone: true, address: true }),
    residence_county: residenceCounty()
  }
};

export const prescriptionReviews: FeedSpec = {
  name: 'prescription_reviews',
  titleZh: '合理用药审方',
  description: 'Prescriptions checked by the rational-drug-use review engine before dispensing.',
  idField: 'review_id',
  eventField: 'reviewed_at',
  partitionField: 'reviewed_at',
  fields: {
    review_id: str('Review id'),
    reviewed_at: ts('When the prescription was reviewed'),
    institution_code: institution(),
    department: oneOf(DEPARTMENTS, 'Prescribing department'),
    drug_count: int('Drugs on the prescription', { min: 1, max: 30 }),
    issue_type: oneOf(REVIEW_ISSUES, 'Problem found (none if clean)'),
    action: oneOf(REVIEW_ACTIONS, 'Passed, warned the prescriber, or intercepted'),
    id_number: personFields().id_number,
    person_name: personFields().person_name
  }
};

export const remoteDiagnosis: FeedSpec = {
  name: 'remote_diagnosis',
  titleZh: '远程诊断',
  description: 'Remote ECG (心电一张网) and imaging reads requested by primary care from a hospital.',
  idField: 'request_id',
  eventField: 'uploaded_at',
  partitionField: 'reported_at',
  fields: {
    request_id: str('Request id'),
    kind: oneOf(REMOTE_KINDS, 'Remote ECG or remote imaging'),
    modality: optional(oneOf(['DR', 'CT', 'US'], 'Imaging modality')),
    requesting_institution: institution('Institution that uploaded the tracing or images'),
    reading_institution: institution('Hospital that read and reported'),
    uploaded_at: ts('Uploaded'),
    reported_at: ts('Report issued'),
    critical_finding: bool('Critical finding (e.g. STEMI) alerted to the hospital'),
    ...personFields()
  }
};

export const emergencyCalls: FeedSpec = {
  name: 'emergency_calls',
  titleZh: '120急救',
  description: '120 emergency calls: call, dispatch, arrival on scene.',
  idField: 'call_id',
  eventField: 'call_at',
  partitionField: 'call_at',
  fields: {
    call_id: str('Call id'),
    call_at: ts('Call answered'),
    dispatched_at: optional(ts('Ambulance dispatched')),
    arrived_at: optional(ts('Ambulance on scene')),
    county_code: str('County of the scene', { ref: 'county' }),
    township_code: optional(str('Township of the scene', { ref: 'township' })),
    category: oneOf(EMS_CATEGORIES, 'Dispatch category'),
    priority: int('Priority (1 = most urgent)', { min: 1, max: 3 }),
    outcome: oneOf(EMS_OUTCOMES, 'Outcome of the call'),
    destination_institution: optional(str('Hospital the patient was taken to', { ref: 'institution' })),
    caller_phone: optional(str('Caller mobile', { pii: 'phone' })),
    scene_address: optional(str('Address of the scene', { pii: 'address' }))
  }
};

/** The services delivered to a person: every service type but the register snapshot. */
export const PERSON_SERVICES = [
  'record_created',
  'contract_signed',
  'htn_followup',
  'dm_followup',
  'elderly_check',
  'child_check',
  'maternal_visit',
  'vaccination',
  'smi_followup'
] as const;
const PH = (types: readonly (typeof PUBLIC_HEALTH_SERVICES)[number][]) => types;
const forPersons = (spec: FieldSpec) => requiredFor(PERSON_SERVICES, spec);
const registerCount = (description: string) => requiredFor(PH(['register_snapshot']), int(description, { min: 0, max: 10_000_000 }));
export const publicHealth: FeedSpec = {
  name: 'public_health',
  titleZh: '基本公共卫生',
  description:
    'Basic public health services delivered to residents (health records, family-doctor contracts, chronic-disease ' +
    'follow-ups, checks of the elderly and children, maternal visits, vaccinations), and each primary-care ' +
    "centre's monthly register snapshot (reported on the 1st for the month before): the denominators.",
  idField: 'service_id',
  eventField: 'served_at',
  partitionField: 'served_at',
  typeField: 'service_type',
  fields: {
    service_id: str('Service id'),
    service_type: oneOf(PUBLIC_HEALTH_SERVICES, 'Kind of service, or register_snapshot'),
    served_at: ts('When the service was delivered (snapshot: when reported)'),
    institution_code: institution('Primary-care institution that delivered it'),
    key_group: requiredFor(
      PH(['contract_signed']),
      bool('Family-doctor contract for a key group (elderly, chronic, maternal, child, disabled, poor)')
    ),
    systolic: requiredFor(PH(['htn_followup']), int('Systolic blood pressure, mmHg', { min: 60, max: 260 })),
    diastolic: requiredFor(PH(['htn_followup']), int('Diastolic blood pressure, mmHg', { min: 30, max: 160 })),
    glucose_mmol: requiredFor(PH(['dm_followup']), num('Fasting glucose, mmol/L', { min: 1, max: 35 })),
    controlled: requiredFor(PH(['htn_followup', 'dm_followup']), bool('On target at this follow-up')),
    vaccine: requiredFor(PH(['vaccination']), oneOf(VACCINES, 'Vaccine given')),
    period: requiredFor(PH(['register_snapshot']), str('Month of the snapshot (YYYY-MM)', { pattern: /^\d{4}-(0[1-9]|1[0-2])$/ })),
    residents: registerCount('Residents in the catchment at month end'),
    residents_65_plus: registerCount('Residents aged 65 and over'),
    children_0_6: registerCount('Children aged 0-6'),
    health_records: registerCount('Residents with an electronic health record'),
    htn_registered: registerCount('Hypertension patients under management'),
    dm_registered: registerCount('Type 2 diabetes patients under management'),
    smi_registered: registerCount('Registered patients with severe mental disorders'),
    contracted: registerCount('Residents with a family-doctor contract'),
    contracted_key_group: registerCount('Key-group residents with a family-doctor contract'),
    key_group_residents: registerCount('Key-group residents (65+, chronic disease, SMI, children 0-6)'),
    id_number: forPersons(personFields().id_number),
    person_name: forPersons(personFields().person_name),
    sex: forPersons(personFields().sex),
    birth_date: forPersons(personFields().birth_date),
    phone: optional(personFields({ phone: true }).phone),
    address: optional(personFields({ address: true }).address),
    residence_county: forPersons(residenceCounty())
  }
};

const A = (types: readonly (typeof ASSET_RECORD_TYPES)[number][]) => types;
const money = (types: readonly (typeof ASSET_RECORD_TYPES)[number][], description: string) =>
  requiredFor(A(types), num(description, { min: 0, max: 1e10 }));
export const assets: FeedSpec = {
  name: 'assets',
  titleZh: '资产运营',
  description:
    'Asset operations: daily use of large equipment, daily beds, monthly finances (reported on the 1st for the month before), refunds of dormant patient-card balances.',
  idField: 'record_id',
  eventField: 'record_date',
  partitionField: 'record_date',
  typeField: 'record_type',
  fields: {
    record_id: str('Record id'),
    record_type: oneOf(ASSET_RECORD_TYPES, 'Kind of record'),
    record_date: date('Day the record describes (finance: day reported)'),
    institution_code: institution(),
    equipment_code: requiredFor(A(['equipment_day']), str('Equipment unit', { ref: 'equipment' })),
    exams: requiredFor(A(['equipment_day']), int('Examinations done on the unit that day', { min: 0, max: 600 })),
    in_use: requiredFor(A(['equipment_day']), bool('The unit was switched on and used that day')),
    beds_open: requiredFor(A(['beds_day']), int('Beds open', { min: 0, max: 5000 })),
    beds_occupied: requiredFor(A(['beds_day']), int('Beds occupied at midnight', { min: 0, max: 6000 })),
    period: requiredFor(A(['finance_month']), str('Month reported (YYYY-MM)', { pattern: /^\d{4}-(0[1-9]|1[0-2])$/ })),
    medical_revenue: money(['finance_month'], 'Medical revenue of the month'),
    drug_revenue: money(['finance_month'], 'Drug revenue of the month'),
    material_revenue: money(['finance_month'], 'Medical materials revenue of the month'),
    exam_revenue: money(['finance_month'], 'Examination and test revenue of the month'),
    service_revenue: money(['finance_month'], 'Medical service revenue of the month'),
    staff_cost: money(['finance_month'], 'Staff cost of the month'),
    operating_cost: money(['finance_month'], 'Operating cost of the month'),
    fixed_assets: requiredFor(A(['finance_month']), num('Fixed assets at cost, month end', { min: 0, max: 1e10 })),
    total_assets: requiredFor(A(['finance_month']), num('Total assets, month end', { min: 0, max: 1e10 })),
    liabilities: requiredFor(A(['finance_month']), num('Liabilities, month end', { min: 0, max: 1e10 })),
    refund_amount: requiredFor(A(['card_refund']), num('Dormant card balance refunded, yuan', { min: 0.01, max: 50_000 })),
    dormant_days: requiredFor(A(['card_refund']), int('Days the card had been unused', { min: 0, max: 10_000 })),
    id_number: requiredFor(A(['card_refund']), personFields().id_number),
    person_name: requiredFor(A(['card_refund']), personFields().person_name)
  }
};

export const registrations: FeedSpec = {
  name: 'registrations',
  titleZh: '平台注册',
  description: 'Residents registering on the platform, and family accounts (亲情账户) linking relatives.',
  idField: 'registration_id',
  eventField: 'registered_at',
  partitionField: 'registered_at',
  typeField: 'record_type',
  fields: {
    registration_id: str('Registration id'),
    record_type: oneOf(REGISTRATION_TYPES, 'New user, or a relative linked to a family account'),
    registered_at: ts('When registered'),
    channel: oneOf(REGISTRATION_CHANNELS, 'Where registered'),
    ...personFields({ phone: true }),
    residence_county: residenceCounty(),
    linked_id_number: requiredFor(
      ['family_link'],
      str('ID number of the relative linked', { pattern: ID_NUMBER_PATTERN, pii: 'id_number' })
    ),
    relation: requiredFor(['family_link'], oneOf(RELATIONS, 'Relation of the linked relative'))
  }
};

export const FEEDS: readonly FeedSpec[] = [
  appointments,
  settlements,
  referrals,
  resultRecognition,
  reportQueries,
  internetConsultations,
  prescriptionReviews,
  remoteDiagnosis,
  emergencyCalls,
  publicHealth,
  assets,
  registrations
];
export type FeedName = (typeof FEEDS)[number]['name'];

export function feedByName(name: string): FeedSpec {
  const feed = FEEDS.find((f) => f.name === name);
  if (!feed) throw new Error(`unknown feed "${name}"; feeds are: ${FEEDS.map((f) => f.name).join(', ')}`);
  return feed;
}

/** Fields that must be present for a record of the given type. */
export function isRequired(feed: FeedSpec, fieldName: string, recordType?: string): boolean {
  const required = feed.fields[fieldName].required;
  if (typeof required === 'boolean') return required;
  return recordType !== undefined && required.includes(recordType);
}
