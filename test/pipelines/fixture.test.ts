// A handful of hand-written records in, the exact mart rows out (computed by hand below).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../datasets/contract/id-number';
import { loadReference } from '../../datasets/reference/index';
import { removeDir, tempDir } from '../helpers/landing';
import { query, runOn } from '../helpers/pipeline';

// Reference institutions: the prefecture people's hospital (Changji City), a Changji City
// township health centre (primary care), and Jimsar County's people's hospital.
const PREFECTURE_HOSPITAL = 'JG6523010001';
let TOWNSHIP_CENTRE = '';
let JIMSAR_HOSPITAL = '';
const alice = makeIdNumber('652301', '1950-02-03', 101); // 75 in 2025
const bob = makeIdNumber('652327', '1990-06-07', 102);

const person = (id: string) => ({
  id_number: id,
  person_name: '王伟',
  sex: 'M',
  birth_date: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
  phone: '13899001234'
});
const settlement = (id: string, date: string, institution: string, patient: string, county: string, extra: Record<string, unknown>) => ({
  settlement_id: id,
  settled_at: `${date}T10:00:00+08:00`,
  institution_code: institution,
  visit_type: 'outpatient',
  channel: 'face',
  face_verify: 'pass',
  insurance_type: 'resident',
  paid_via_platform: false,
  total_amount: 100,
  fund_amount: 60,
  self_amount: 40,
  drug_amount: 50,
  material_amount: 5,
  exam_amount: 20,
  service_amount: 25,
  admitted_on: null,
  discharged_on: null,
  department: 'internal_medicine',
  ...person(patient),
  residence_county: county,
  ...extra
});

let dir: string;
const wh = () => join(dir, 'data', 'warehouse.duckdb');

function write(feed: string, date: string, records: unknown[], file = 'part-0000.ndjson.gz'): void {
  const folder = join(dir, 'landing', feed, `dt=${date}`);
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, file), gzipSync(records.map((r) => (typeof r === 'string' ? r : JSON.stringify(r))).join('\n') + '\n'));
}

beforeAll(async () => {
  dir = tempDir('fixture');
  const reference = loadReference();
  TOWNSHIP_CENTRE = reference.institutions.find(
    (i) => i.type === 'township_health_centre' && i.countyCode === '652301' && i.isDesignated
  )!.institutionCode;
  JIMSAR_HOSPITAL = reference.medicalCommunities.find((m) => m.countyCode === '652327')!.leadInstitutionCode;
  write('settlements', '2025-03-03', [
    settlement('S1', '2025-03-03', PREFECTURE_HOSPITAL, alice, '652301', {}),
    settlement('S2', '2025-03-03', PREFECTURE_HOSPITAL, bob, '652327', {
      channel: 'insurance_card',
      face_verify: 'fail',
      total_amount: 300,
      fund_amount: 200,
      self_amount: 100,
      drug_amount: 100,
      material_amount: 20,
      exam_amount: 80,
      service_amount: 100
    }),
    settlement('S3', '2025-03-03', TOWNSHIP_CENTRE, alice, '652301', {
      channel: 'cash',
      face_verify: null,
      fund_amount: 0,
      self_amount: 100
    }),
    // An inpatient stay of a Jimsar resident in the prefecture hospital: outside their county.
    settlement('S4', '2025-03-03', PREFECTURE_HOSPITAL, bob, '652327', {
      visit_type: 'inpatient',
      total_amount: 8000,
      fund_amount: 5600,
      self_amount: 2400,
      drug_amount: 2000,
      material_amount: 1000,
      exam_amount: 2000,
      service_amount: 3000,
      admitted_on: '2025-02-25',
      discharged_on: '2025-03-03'
    }),
    settlement('S1', '2025-03-03', PREFECTURE_HOSPITAL, alice, '652301', {}), // duplicate of S1
    '{"settlement_id":"S9","settled_at":' // malformed
  ]);
  write('settlements', '2025-03-04', [
    settlement('S5', '2025-03-04', JIMSAR_HOSPITAL, bob, '652327', {
      visit_type: 'inpatient',
      channel: 'e_insurance_qr',
      face_verify: null,
      total_amount: 5000,
      fund_amount: 3500,
      self_amount: 1500,
      drug_amount: 1500,
      material_amount: 500,
      exam_amount: 1000,
      service_amount: 2000,
      admitted_on: '2025-02-27',
      discharged_on: '2025-03-04'
    }),
    settlement('S6', '2025-03-03', TOWNSHIP_CENTRE, alice, '652301', {}), // late: belongs to 03-03
    settlement('S7', '2025-03-04', 'JG9999999999', alice, '652301', {}) // unknown institution
  ]);
  const referral = (id: string, status: string, direction: string, applied: string, closed: string, admitted: string | null) => ({
    referral_id: id,
    direction,
    from_institution: direction === 'up' ? TOWNSHIP_CENTRE : PREFECTURE_HOSPITAL,
    to_institution: direction === 'up' ? PREFECTURE_HOSPITAL : TOWNSHIP_CENTRE,
    mc_code: null,
    urgent: false,
    urgent_kind: null,
    reason: direction === 'up' ? 'beyond_capacity' : 'rehabilitation',
    status,
    applied_at: applied,
    accepted_at: admitted ? applied : null,
    admitted_at: admitted,
    closed_at: closed,
    diagnosis_text: `胸痛待查 身份证${alice}`,
    ...person(alice),
    residence_county: '652301'
  });
  write('referrals', '2025-03-04', [
    referral('R1', 'admitted', 'up', '2025-03-03T09:00:00+08:00', '2025-03-04T09:30:00+08:00', '2025-03-04T09:30:00+08:00'),
    referral('R2', 'rejected', 'up', '2025-03-04T08:00:00+08:00', '2025-03-04T11:00:00+08:00', null),
    referral('R3', 'admitted', 'down', '2025-03-04T08:00:00+08:00', '2025-03-04T10:00:00+08:00', '2025-03-04T10:00:00+08:00')
  ]);
  await runOn(join(dir, 'landing'), join(dir, 'data'));
});
afterAll(() => removeDir(dir));

describe('pipeline on a hand-made fixture', () => {
  it('accounts for every line of every landing day', async () => {
    const rows = await query(
      wh(),
      `SELECT feed, CAST(source_date AS VARCHAR) AS d, lines_read, loaded, quarantined, duplicates, late_arrivals FROM meta.run_feeds WHERE lines_read > 0 ORDER BY 1, 2`
    );
    expect(rows).toEqual([
      { feed: 'referrals', d: '2025-03-04', lines_read: '3', loaded: '3', quarantined: '0', duplicates: '0', late_arrivals: '0' },
      { feed: 'settlements', d: '2025-03-03', lines_read: '6', loaded: '4', quarantined: '1', duplicates: '1', late_arrivals: '0' },
      { feed: 'settlements', d: '2025-03-04', lines_read: '3', loaded: '2', quarantined: '1', duplicates: '0', late_arrivals: '1' }
    ]);
    const reasons = await query(wh(), `SELECT reason_code, field, line_no FROM meta.quarantine ORDER BY source_date`);
    expect(reasons).toEqual([
      { reason_code: 'malformed_json', field: null, line_no: '6' },
      { reason_code: 'unknown_code', field: 'institution_code', line_no: '3' }
    ]);
  });

  it('builds settlement rows by day, institution and channel (late S6 lands on 03-03)', async () => {
    const rows = await query(
      wh(),
      `
      SELECT CAST(day AS VARCHAR) AS day, institution_code, visit_type, channel, settlements, face_attempts, face_passes,
             CAST(total_amount AS VARCHAR) AS total, CAST(fund_amount AS VARCHAR) AS fund
      FROM mart_services.settlements_daily ORDER BY day, institution_code, visit_type, channel`
    );
    expect(rows).toEqual([
      {
        day: '2025-03-03',
        institution_code: PREFECTURE_HOSPITAL,
        visit_type: 'inpatient',
        channel: 'face',
        settlements: '1',
        face_attempts: '1',
        face_passes: '1',
        total: '8000.00',
        fund: '5600.00'
      },
      {
        day: '2025-03-03',
        institution_code: PREFECTURE_HOSPITAL,
        visit_type: 'outpatient',
        channel: 'face',
        settlements: '1',
        face_attempts: '1',
        face_passes: '1',
        total: '100.00',
        fund: '60.00'
      },
      {
        day: '2025-03-03',
        institution_code: PREFECTURE_HOSPITAL,
        visit_type: 'outpatient',
        channel: 'insurance_card',
        settlements: '1',
        face_attempts: '1',
        face_passes: '0',
        total: '300.00',
        fund: '200.00'
      },
      {
        day: '2025-03-03',
        institution_code: TOWNSHIP_CENTRE,
        visit_type: 'outpatient',
        channel: 'cash',
        settlements: '1',
        face_attempts: '0',
        face_passes: '0',
        total: '100.00',
        fund: '0.00'
      },
      {
        day: '2025-03-03',
        institution_code: TOWNSHIP_CENTRE,
        visit_type: 'outpatient',
        channel: 'face',
        settlements: '1',
        face_attempts: '1',
        face_passes: '1',
        total: '100.00',
        fund: '60.00'
      },
      {
        day: '2025-03-04',
        institution_code: JIMSAR_HOSPITAL,
        visit_type: 'inpatient',
        channel: 'e_insurance_qr',
        settlements: '1',
        face_attempts: '0',
        face_passes: '0',
        total: '5000.00',
        fund: '3500.00'
      }
    ]);
  });

  it('computes reform numerators and denominators', async () => {
    const reform = await query(
      wh(),
      `
      SELECT sum(outpatient_visits) AS outpatient, sum(primary_outpatient_visits) AS primary_visits, sum(inpatient_discharges) AS discharges,
             sum(insured_settlements) AS insured, sum(face_settlements) AS face, CAST(sum(drug_cost) AS VARCHAR) AS drug, CAST(sum(medical_cost) AS VARCHAR) AS medical
      FROM mart_reform.reform_daily`
    );
    // Outpatient S1, S2, S3, S6 (S3 and S6 at the township centre); inpatient S4, S5; cash S3 is not insured.
    expect(reform).toEqual([
      { outpatient: '4', primary_visits: '2', discharges: '2', insured: '5', face: '3', drug: '3750.00', medical: '13600.00' }
    ]);
    // Bob (Jimsar) stayed in Changji City on 03-03 and in Jimsar on 03-04: 1 of 2 inside his county.
    const inCounty = await query(
      wh(),
      `SELECT residence_county, sum(stays) AS stays, sum(stays_in_county) AS inside FROM mart_reform.in_county_daily GROUP BY 1`
    );
    expect(inCounty).toEqual([{ residence_county: '652327', stays: '2', inside: '1' }]);
    const stays = await query(wh(), `SELECT sum(discharges) AS discharges, sum(bed_days) AS bed_days FROM mart_assets.inpatient_daily`);
    expect(stays).toEqual([{ discharges: '2', bed_days: '11' }]); // 02-25..03-03 is 6 days, 02-27..03-04 is 5
  });

  it('counts referrals by application day with minutes to admission', async () => {
    const rows = await query(
      wh(),
      `
      SELECT CAST(day AS VARCHAR) AS day, direction, applications, succeeded, rejected, minutes_to_admission
      FROM mart_services.referrals_daily ORDER BY day, direction`
    );
    expect(rows).toEqual([
      { day: '2025-03-03', direction: 'up', applications: '1', succeeded: '1', rejected: '0', minutes_to_admission: '1470' },
      { day: '2025-03-04', direction: 'down', applications: '1', succeeded: '1', rejected: '0', minutes_to_admission: '120' },
      { day: '2025-03-04', direction: 'up', applications: '1', succeeded: '0', rejected: '1', minutes_to_admission: '0' }
    ]);
  });

  it('pseudonymises: one key per person across feeds, no identifiers, free text masked', async () => {
    const keys = await query<{ n: string }>(
      wh(),
      `
      SELECT count(DISTINCT person_key) AS n FROM (SELECT person_key FROM core.fact_settlements UNION ALL SELECT person_key FROM core.fact_referrals)`
    );
    expect(keys[0].n).toBe('2');
    const text = await query<{ diagnosis_text: string; birth_year: number; age_band: string }>(
      wh(),
      `SELECT diagnosis_text, birth_year, age_band FROM core.fact_referrals LIMIT 1`
    );
    expect(text[0]).toEqual({ diagnosis_text: '胸痛待查 身份证[已脱敏身份证号]', birth_year: 1950, age_band: '65+' });
  });
});
