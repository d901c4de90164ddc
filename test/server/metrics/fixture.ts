// A tiny warehouse whose answers are worked out by hand. The schemas are the pipeline's own: its
// model files and monthly rollups run over empty facts (so every mart table exists exactly as
// the pipeline makes it), then a few hand-written mart rows go in and the rollups run again.
// The expected figures in the tests are computed from the rows below, in the comments.
import { join } from 'node:path';
import { FEEDS } from '../../../datasets/contract/feeds';
import { createFactSql } from '../../../pipelines/core';
import { buildMonthlyRollups, loadReferenceTables, modelFiles } from '../../../pipelines/models';
import { Database } from '../../../pipelines/warehouse';

/** Institutions of the fixture (real reference codes). */
export const A = 'JG6523010001'; // prefecture hospital, county 652301, township 652301002, no medical community
export const B = 'JG6523010007'; // township health centre (primary care), 652301 / 652301101, MC65230101
export const C = 'JG6523270001'; // general hospital, lead of MC65232701, 652327 / 652327100
export const D = 'JG6523270003'; // township health centre (primary care), 652327 / 652327100, MC65232701

type Row = (string | number | boolean | null)[];

const sqlValue = (v: Row[number]) => (v === null ? 'NULL' : typeof v === 'string' ? `'${v}'` : String(v));

/** Rows of each mart table, under the names of the columns they fill (separated by spaces). */
export const MART_ROWS: Record<string, { columns: string; rows: Row[] }> = {
  'mart_services.settlements_daily': {
    columns:
      'day institution_code visit_type channel insurance_type settlements face_attempts face_passes platform_payments total_amount fund_amount self_amount drug_amount material_amount exam_amount service_amount',
    rows: [
      ['2024-01-15', A, 'outpatient', 'face', 'resident', 2, 2, 2, 0, 200, 100, 100, 50, 10, 40, 100],
      ['2025-01-10', A, 'outpatient', 'face', 'resident', 10, 11, 10, 2, 1000, 600, 400, 300, 100, 200, 400],
      ['2025-01-10', A, 'outpatient', 'cash', 'resident', 5, 0, 0, 0, 500, 0, 500, 200, 50, 100, 150],
      ['2025-01-20', B, 'outpatient', 'insurance_card', 'employee', 20, 2, 0, 1, 1200, 900, 300, 500, 100, 200, 400],
      ['2025-02-05', C, 'inpatient', 'face', 'employee', 4, 4, 4, 0, 40000, 28000, 12000, 12000, 4000, 8000, 16000],
      ['2025-02-05', D, 'outpatient', 'e_insurance_qr', 'resident', 6, 0, 0, 3, 300, 150, 150, 100, 20, 80, 100]
    ]
  },
  'mart_services.referrals_daily': {
    columns:
      'day from_institution to_institution direction urgent within_mc applications accepted succeeded rejected cancelled expired minutes_to_admission',
    rows: [
      ['2025-03-01', B, A, 'up', false, true, 5, 4, 4, 1, 0, 0, 2000],
      ['2025-03-02', A, B, 'down', false, true, 3, 3, 2, 0, 1, 0, 1000],
      ['2025-03-03', D, C, 'up', true, true, 2, 2, 2, 0, 0, 0, 100]
    ]
  },
  'mart_services.durations_daily': {
    columns: 'day measure org_code bucket_minutes events',
    rows: [
      ['2025-03-01', 'referral_admission', A, 30, 3],
      ['2025-03-01', 'referral_admission', A, 60, 1],
      ['2025-03-02', 'referral_admission', B, 10, 2],
      ['2025-03-03', 'referral_admission_urgent', C, 20, 2],
      // Buckets whose text order (120 < 45 < 5) is not their order.
      ['2025-04-01', 'imaging_report', C, 120, 1],
      ['2025-04-01', 'imaging_report', C, 5, 2],
      ['2025-04-02', 'imaging_report', C, 45, 3],
      ['2025-06-01', 'ems_arrival', '652301', 15, 4],
      ['2025-06-01', 'ems_arrival', '652327', 30, 1]
    ]
  },
  'mart_services.recognition_daily': {
    columns: 'day recognising_institution original_institution item_category mode xpcc items visits savings',
    rows: [
      ['2025-04-01', A, C, 'lab', 'digital', false, 10, 8, 220],
      ['2025-04-02', C, 'BT0601', 'imaging', 'paper', true, 3, 3, 450.5],
      ['2025-05-01', B, A, 'lab', 'digital', false, 2, 1, 44]
    ]
  },
  'mart_services.emergency_calls_daily': {
    columns: 'day county_code category outcome calls dispatched arrived dispatch_seconds arrival_seconds',
    rows: [
      ['2025-06-01', '652301', 'cardiac', 'transported', 10, 10, 9, 1200, 10800],
      ['2025-06-01', '652327', 'trauma', 'transported', 4, 4, 4, 600, 7200]
    ]
  },
  'mart_reform.reform_daily': {
    columns:
      'day institution_code outpatient_visits primary_outpatient_visits inpatient_discharges outpatient_cost inpatient_cost medical_cost drug_cost material_cost service_cost medical_cost_excl_drugs fund_paid primary_fund_paid insured_settlements face_settlements referral_applications referrals_succeeded down_referrals lead_down_referrals lead_discharges recognised_items recognition_savings prescriptions_reviewed prescriptions_intercepted',
    rows: [
      ['2025-01-10', A, 100, 0, 10, 20000, 100000, 120000, 36000, 12000, 30000, 84000, 80000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2025-01-10', B, 300, 300, 0, 15000, 0, 15000, 6000, 1000, 6000, 9000, 10000, 10000, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
      ['2025-01-10', C, 100, 0, 20, 10000, 200000, 210000, 50000, 30000, 70000, 160000, 150000, 0, 0, 0, 0, 0, 0, 4, 20, 0, 0, 0, 0]
    ]
  },
  'mart_reform.in_county_daily': {
    columns: 'day residence_county stays stays_in_county',
    rows: [
      ['2025-01-10', '652301', 10, 9],
      ['2025-01-10', '652327', 10, 8]
    ]
  },
  'mart_public_health.register_monthly': {
    columns:
      'month institution_code residents residents_65_plus children_0_6 health_records htn_registered dm_registered smi_registered contracted contracted_key_group key_group_residents',
    rows: [
      ['2025-01-01', B, 1000, 100, 80, 900, 120, 60, 12, 300, 70, 100],
      ['2025-02-01', B, 1000, 100, 80, 950, 120, 60, 12, 400, 75, 100],
      ['2025-01-01', D, 500, 50, 20, 400, 55, 20, 4, 100, 20, 40],
      ['2025-02-01', D, 500, 50, 20, 450, 55, 20, 4, 200, 30, 40]
    ]
  },
  'mart_public_health.management_yearly': {
    columns:
      'year institution_code htn_followed htn_standard htn_controlled htn_registered dm_followed dm_standard dm_controlled dm_registered smi_followed smi_standard smi_registered elderly_checked residents_65_plus children_checked children_0_6',
    rows: [
      [2024, B, 90, 50, 40, 110, 40, 20, 15, 50, 9, 6, 11, 60, 95, 60, 75],
      [2025, B, 100, 70, 60, 120, 50, 30, 25, 60, 10, 8, 12, 80, 100, 70, 80],
      [2025, D, 50, 40, 30, 55, 20, 10, 8, 20, 3, 2, 4, 30, 50, 10, 20]
    ]
  },
  'mart_public_health.services_daily': {
    columns: 'day institution_code service_type services controlled',
    rows: [
      ['2025-03-01', B, 'htn_followup', 10, 7],
      ['2025-03-01', B, 'vaccination', 20, 0],
      ['2025-03-02', D, 'htn_followup', 5, 2]
    ]
  },
  // 2025-01-06..08 are Mon-Wed, 11 a Saturday.
  'mart_assets.equipment_daily': {
    columns: 'day institution_code equipment_code kind exams days_in_use working_days',
    rows: [
      ['2025-01-06', A, 'EQCT0001', 'CT', 60, 1, 1],
      ['2025-01-07', A, 'EQCT0001', 'CT', 40, 1, 1],
      ['2025-01-08', A, 'EQCT0001', 'CT', 0, 0, 1],
      ['2025-01-11', A, 'EQCT0001', 'CT', 20, 1, 0]
    ]
  },
  'mart_assets.beds_daily': {
    columns: 'day institution_code beds_open beds_occupied',
    rows: [
      ['2025-01-06', A, 100, 90],
      ['2025-01-07', A, 100, 80],
      ['2025-01-06', C, 50, 50]
    ]
  },
  'mart_assets.inpatient_daily': {
    columns: 'day institution_code discharges bed_days',
    rows: [
      ['2025-01-06', A, 10, 80],
      ['2025-01-06', C, 5, 45]
    ]
  },
  'mart_assets.finance_monthly': {
    columns:
      'month institution_code medical_revenue drug_revenue material_revenue exam_revenue service_revenue staff_cost operating_cost fixed_assets total_assets liabilities',
    rows: [
      ['2025-01-01', A, 1000000, 300000, 100000, 200000, 400000, 300000, 800000, 5000000, 9000000, 3000000],
      ['2025-02-01', A, 1200000, 360000, 120000, 240000, 480000, 320000, 900000, 5100000, 9100000, 3500000]
    ]
  },
  'mart_assets.card_refunds_daily': {
    columns: 'day institution_code refunds refund_amount',
    rows: [
      ['2025-01-06', A, 3, 150.5],
      ['2025-01-07', B, 2, 49.5]
    ]
  }
};

export const FIXTURE_VERSION = 'fixture-v1';

/** Builds the fixture warehouse at dir/warehouse.duckdb and returns its path. */
export async function buildFixtureWarehouse(dir: string, dataVersion = FIXTURE_VERSION): Promise<string> {
  const path = join(dir, 'warehouse.duckdb');
  const db = await Database.open(path);
  try {
    const [schemas, dimensions, ...marts] = modelFiles();
    await db.runFile(schemas);
    await loadReferenceTables(db);
    await db.runFile(dimensions);
    for (const feed of FEEDS) await db.run(createFactSql(feed));
    await db.run('CREATE TEMP TABLE affected_dates (d DATE); CREATE TEMP TABLE affected_months (month DATE)');
    for (const file of marts) await db.runFile(file);
    await buildMonthlyRollups(db);
    for (const [table, { columns, rows }] of Object.entries(MART_ROWS)) {
      await db.run(
        `INSERT INTO ${table} (${columns.split(' ').join(', ')}) VALUES ${rows.map((r) => `(${r.map(sqlValue).join(', ')})`).join(', ')}`
      );
    }
    await db.run("INSERT INTO affected_months SELECT DISTINCT CAST(date_trunc('month', day) AS DATE) FROM mart_services.settlements_daily");
    await db.run(`INSERT INTO affected_months SELECT DISTINCT CAST(date_trunc('month', day) AS DATE) FROM (
      SELECT day FROM mart_services.referrals_daily UNION ALL SELECT day FROM mart_services.durations_daily
      UNION ALL SELECT day FROM mart_services.recognition_daily UNION ALL SELECT day FROM mart_services.emergency_calls_daily
      UNION ALL SELECT day FROM mart_reform.reform_daily UNION ALL SELECT day FROM mart_assets.equipment_daily)`);
    await buildMonthlyRollups(db);
    await writeRunRecords(db, dataVersion);
    await db.run('CHECKPOINT');
  } finally {
    db.close();
  }
  return path;
}

async function writeRunRecords(db: Database, dataVersion: string): Promise<void> {
  await db.run(`INSERT INTO meta.runs (run_id, started_at, finished_at, status, dates_loaded, data_version, landing, failed_step, error, duration_ms) VALUES
    ('run-0-failed', TIMESTAMPTZ '2026-01-01 02:00:00+08', NULL, 'failed', ['2025-12-30'::DATE], NULL, '/landing', 'checks', 'pii_scan failed', 1200),
    ('run-1', TIMESTAMPTZ '2026-01-02 02:00:00+08', TIMESTAMPTZ '2026-01-02 02:01:00+08', 'published',
     ['2024-01-01'::DATE, '2025-06-01'::DATE], '${dataVersion}', '/landing', NULL, NULL, 60000)`);
  await db.run(`INSERT INTO meta.loaded_dates (source_date, run_id) VALUES ('2024-01-01', 'run-1'), ('2025-06-01', 'run-1')`);
  await db.run(`INSERT INTO meta.run_steps (run_id, step, started_at, duration_ms, detail) VALUES
    ('run-1', 'ingest settlements', TIMESTAMPTZ '2026-01-02 02:00:01+08', 1500, NULL),
    ('run-1', 'marts', TIMESTAMPTZ '2026-01-02 02:00:30+08', 900, NULL)`);
  await db.run(`INSERT INTO meta.run_feeds (run_id, feed, source_date, files, files_unreadable, lines_read, loaded, quarantined, duplicates, late_arrivals, blank_lines, files_truncated) VALUES
    ('run-0-failed', 'settlements', '2025-12-30', 1, 0, 100, 90, 8, 2, 0, 0, 0),
    ('run-1', 'settlements', '2025-12-30', 1, 0, 110, 100, 8, 2, 1, 0, 0),
    ('run-1', 'settlements', '2025-12-31', 1, 0, 50, 49, 1, 0, 0, 0, 0),
    ('run-1', 'referrals', '2025-12-31', 1, 0, 20, 20, 0, 0, 0, 0, 0)`);
  await db.run(`INSERT INTO meta.checks (run_id, check_name, passed, failing_rows, detail, severity) VALUES
    ('run-0-failed', 'pii_scan', false, 3, 'phone numbers in a mart', 'error'),
    ('run-1', 'pii_scan', true, 0, NULL, 'error'),
    ('run-1', 'reconciliation', true, 0, NULL, 'error')`);
  await db.run(`INSERT INTO meta.quarantine (run_id, feed, source_date, file, line_no, reason_code, field, masked_line) VALUES
    ('run-1', 'settlements', '2025-12-30', 'f.ndjson.gz', 3, 'invalid_field', 'channel', '{}'),
    ('run-1', 'settlements', '2025-12-30', 'f.ndjson.gz', 9, 'invalid_field', 'amount', '{}'),
    ('run-1', 'settlements', '2025-12-31', 'f.ndjson.gz', 4, 'malformed_json', NULL, '{')`);
}
