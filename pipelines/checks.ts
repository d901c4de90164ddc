// Checks that must pass before a build is published: accounting, referential integrity, value
// ranges, marts against core, and a scan of every text column for personal data; and the checks
// of what the run set aside (set-aside.ts), which are warnings unless a threshold makes them fail.
import { FEEDS } from '../datasets/contract/feeds';
import { factTable } from './core';
import { setAsideChecks, type Thresholds } from './set-aside';
import { MART_SCHEMAS } from './models';
import { ANY_PERSONAL_DATA_RE2, findPersonalData } from './personal-data';
import { ident, literal } from './sql';
import type { Database } from './warehouse';

export type { Thresholds };

/** error: a failure blocks publish; warning: the run publishes, with warnings. */
export type Severity = 'error' | 'warning';

export interface CheckResult {
  name: string;
  passed: boolean;
  failingRows: number;
  detail: string;
  severity: Severity;
}

/** Rows a query returns are failures; the first few are shown. */
export async function expectNoRows(db: Database, name: string, sql: string, severity: Severity = 'error'): Promise<CheckResult> {
  const rows = await db.rows(`${sql} LIMIT 6`);
  const count = rows.length === 6 ? Number(await db.value(`SELECT count(*) FROM (${sql})`)) : rows.length;
  return {
    name,
    passed: rows.length === 0,
    failingRows: count,
    detail: rows.length === 0 ? 'ok' : `e.g. ${JSON.stringify(rows.slice(0, 5), (_, v) => (typeof v === 'bigint' ? Number(v) : v))}`,
    severity
  };
}

export async function runChecks(db: Database, runId: string, thresholds: Thresholds): Promise<CheckResult[]> {
  const results: CheckResult[] = [];
  // lines_read is the streaming count of each file's lines, made apart from DuckDB's parse: a file
  // the parse read short, or a file set aside whole, shows here.
  results.push(
    await expectNoRows(
      db,
      "reconciliation: each file's lines counted = lines parsed",
      `
    SELECT feed, file, lines, lines_parsed FROM meta.run_files WHERE run_id = ${literal(runId)} AND outcome <> 'unreadable' AND lines <> lines_parsed`
    )
  );
  results.push(
    await expectNoRows(
      db,
      'reconciliation: lines read = loaded + quarantined + duplicates + blank',
      `
    SELECT feed, source_date, lines_read, loaded, quarantined, duplicates, blank_lines FROM meta.run_feeds
    WHERE run_id = ${literal(runId)} AND lines_read <> loaded + quarantined + duplicates + blank_lines`
    )
  );
  results.push(await expectNoRows(db, 'reconciliation: core holds what was loaded', coreVersusLoaded(runId)));
  results.push(await expectNoRows(db, 'referential integrity: codes resolve to dimensions', referentialSql()));
  results.push(
    await expectNoRows(
      db,
      'ranges: amounts add up and are not negative',
      `
    SELECT settlement_id, total_amount, fund_amount, self_amount FROM core.fact_settlements
    WHERE source_date IN (SELECT d FROM run_dates)
      AND (total_amount < 0 OR fund_amount < 0 OR self_amount < 0 OR abs(fund_amount + self_amount - total_amount) > 0.02
           OR abs(drug_amount + material_amount + exam_amount + service_amount - total_amount) > 0.02)`
    )
  );
  results.push(
    await expectNoRows(
      db,
      'ranges: events precede their closure, timelines run forward',
      `
    SELECT 'referral' AS kind, referral_id AS id FROM core.fact_referrals WHERE source_date IN (SELECT d FROM run_dates) AND (admitted_at < applied_at OR closed_at < applied_at)
    UNION ALL SELECT 'consultation', consultation_id FROM core.fact_internet_consultations WHERE source_date IN (SELECT d FROM run_dates) AND (ended_at < started_at OR delivered_at < started_at)
    UNION ALL SELECT 'remote', request_id FROM core.fact_remote_diagnosis WHERE source_date IN (SELECT d FROM run_dates) AND reported_at < uploaded_at
    UNION ALL SELECT '120', call_id FROM core.fact_emergency_calls WHERE source_date IN (SELECT d FROM run_dates) AND (dispatched_at < call_at OR arrived_at < dispatched_at)
    UNION ALL SELECT 'stay', settlement_id FROM core.fact_settlements WHERE source_date IN (SELECT d FROM run_dates) AND discharged_on < admitted_on`
    )
  );
  results.push(
    await expectNoRows(
      db,
      'ranges: beds occupied within 110% of beds open',
      `
    SELECT day, institution_code, beds_open, beds_occupied FROM mart_assets.beds_daily
    WHERE day IN (SELECT d FROM affected_dates) AND beds_occupied > beds_open * 1.1`
    )
  );
  results.push(await expectNoRows(db, 'marts: totals equal core totals', martsVersusCore()));
  results.push(await piiScan(db));
  results.push(...(await setAsideChecks(db, runId, thresholds)));
  return results;
}

function coreVersusLoaded(runId: string): string {
  const core = FEEDS.map(
    (f) =>
      `SELECT ${literal(f.name)} AS feed, source_date, count(*) AS n FROM ${factTable(f)} WHERE source_date IN (SELECT d FROM run_dates) GROUP BY ALL`
  ).join(' UNION ALL ');
  return `SELECT r.feed, r.source_date, r.loaded, coalesce(c.n, 0) AS in_core
    FROM (SELECT feed, source_date, sum(loaded) AS loaded FROM meta.run_feeds WHERE run_id = ${literal(runId)} GROUP BY ALL) r
    LEFT JOIN (${core}) c USING (feed, source_date) WHERE r.loaded <> coalesce(c.n, 0)`;
}

function referentialSql(): string {
  const parts: string[] = [];
  for (const feed of FEEDS) {
    for (const [name, spec] of Object.entries(feed.fields)) {
      if (!spec.ref || spec.pii) continue;
      const dim =
        spec.ref === 'county' || spec.ref === 'township'
          ? `SELECT code FROM core.dim_org_unit`
          : spec.ref === 'medical_community'
            ? `SELECT mc_code FROM core.dim_medical_community`
            : spec.ref === 'exam_item'
              ? `SELECT item_code FROM core.dim_item`
              : spec.ref === 'equipment'
                ? `SELECT equipment_code FROM core.dim_equipment`
                : `SELECT institution_code FROM core.dim_institution`;
      // Distinct codes first: a few hundred values to look up instead of every row.
      parts.push(`SELECT ${literal(`${feed.name}.${name}`)} AS field, code FROM (SELECT DISTINCT ${ident(name)} AS code FROM ${factTable(feed)}
        WHERE source_date IN (SELECT d FROM run_dates) AND ${ident(name)} IS NOT NULL) WHERE code NOT IN (${dim})`);
    }
    parts.push(`SELECT ${literal(`${feed.name}.event_date`)}, CAST(d AS VARCHAR) FROM (SELECT DISTINCT event_date AS d FROM ${factTable(feed)}
      WHERE source_date IN (SELECT d FROM run_dates)) WHERE d NOT IN (SELECT day FROM core.dim_date)`);
  }
  return parts.join('\nUNION ALL\n');
}

/** Whole-table totals: a mart that lost or doubled rows shows here. */
function martsVersusCore(): string {
  const pairs: [string, string, string][] = [
    ['settlements', 'SELECT sum(settlements) FROM mart_services.settlements_daily', 'SELECT count(*) FROM core.fact_settlements'],
    [
      'settlement yuan',
      'SELECT sum(total_amount) FROM mart_services.settlements_daily',
      'SELECT sum(total_amount) FROM core.fact_settlements'
    ],
    ['appointments', 'SELECT sum(booked) FROM mart_services.appointments_daily', 'SELECT count(*) FROM core.fact_appointments'],
    ['report queries', 'SELECT sum(queries) FROM mart_services.report_queries_daily', 'SELECT count(*) FROM core.fact_report_queries'],
    ['referrals', 'SELECT sum(applications) FROM mart_services.referrals_daily', 'SELECT count(*) FROM core.fact_referrals'],
    ['recognised items', 'SELECT sum(items) FROM mart_services.recognition_daily', 'SELECT count(*) FROM core.fact_result_recognition'],
    [
      'recognition visits',
      'SELECT sum(visits) FROM mart_services.recognition_daily',
      'SELECT count(DISTINCT visit_id) FROM core.fact_result_recognition'
    ],
    [
      'recognition yuan',
      'SELECT sum(savings) FROM mart_services.recognition_daily',
      'SELECT sum(price_yuan) FROM core.fact_result_recognition'
    ],
    [
      'consultations',
      'SELECT sum(consultations) FROM mart_services.consultations_daily',
      'SELECT count(*) FROM core.fact_internet_consultations'
    ],
    [
      'prescription reviews',
      'SELECT sum(reviews) FROM mart_services.prescription_reviews_daily',
      'SELECT count(*) FROM core.fact_prescription_reviews'
    ],
    [
      'remote diagnosis',
      'SELECT sum(requests) FROM mart_services.remote_diagnosis_daily',
      'SELECT count(*) FROM core.fact_remote_diagnosis'
    ],
    ['120 calls', 'SELECT sum(calls) FROM mart_services.emergency_calls_daily', 'SELECT count(*) FROM core.fact_emergency_calls'],
    ['registrations', 'SELECT sum(registrations) FROM mart_services.registrations_daily', 'SELECT count(*) FROM core.fact_registrations'],
    [
      'public-health services',
      'SELECT sum(services) FROM mart_public_health.services_daily',
      "SELECT count(*) FROM core.fact_public_health WHERE service_type <> 'register_snapshot'"
    ],
    [
      'card refunds yuan',
      'SELECT sum(refund_amount) FROM mart_assets.card_refunds_daily',
      "SELECT sum(refund_amount) FROM core.fact_assets WHERE record_type = 'card_refund'"
    ],
    [
      'settlements (monthly)',
      'SELECT sum(settlements) FROM mart_services.settlements_monthly',
      'SELECT count(*) FROM core.fact_settlements'
    ],
    [
      'reform visits',
      'SELECT sum(outpatient_visits) + sum(inpatient_discharges) FROM mart_reform.reform_daily',
      'SELECT count(*) FROM core.fact_settlements'
    ]
  ];
  return pairs
    .map(
      ([name, mart, core]) =>
        `SELECT ${literal(name)} AS measure, m.v AS mart, c.v AS core FROM (SELECT coalesce((${mart}), 0) AS v) m, (SELECT coalesce((${core}), 0) AS v) c WHERE m.v <> c.v`
    )
    .join('\nUNION ALL\n');
}

/** Public reference names (institutions, places, items): their names and addresses are not personal data. */
const PUBLIC_NAME_COLUMNS = new Set(['name_zh', 'name_en', 'holiday_zh', 'holiday_en']);
const PUBLIC_KINDS = ['a personal name', 'address'];

/**
 * How one table is scanned. Rows: a fact's rows of this run, a mart's rows of the rebuilt days or
 * months (earlier ones were scanned when they were built), a dimension whole. Coded columns, whose
 * distinct values are few, are judged value by value in one scan of the table instead of running
 * the patterns on every row: every mart column (marts are grouped by codes), and the columns of
 * a fact the ingest checked against a code list (an enum or a reference table) plus its age band.
 */
function scanPlan(schema: string, table: string, timeColumn: string | undefined): { scope: string; coded: (column: string) => boolean } {
  if (schema !== 'core') {
    const scope =
      timeColumn === 'day'
        ? 'WHERE day IN (SELECT d FROM affected_dates)'
        : timeColumn === 'month'
          ? 'WHERE month IN (SELECT month FROM affected_months)'
          : '';
    return { scope, coded: () => true };
  }
  const feed = FEEDS.find((f) => factTable(f) === `${schema}.${table}`);
  if (!feed) return { scope: '', coded: () => false };
  const coded = new Set(
    Object.entries(feed.fields)
      .filter(([, spec]) => (spec.values || spec.ref) && !spec.pii)
      .map(([name]) => name)
  );
  coded.add('age_band');
  return { scope: 'WHERE source_date IN (SELECT d FROM run_dates)', coded: (column) => coded.has(column) };
}

/** What personal data a value holds, if any (see personal-data.ts: the same detector that masks free text). */
function personalData(value: string, column: string): string | null {
  return findPersonalData(value, { ignore: PUBLIC_NAME_COLUMNS.has(column) ? PUBLIC_KINDS : [] });
}

/**
 * Every text column of core and the marts, in the rows this run wrote (see scanPlan): ID numbers,
 * mobile and landline numbers, addresses and personal names, found by the general detector.
 */
export async function piiScan(db: Database): Promise<CheckResult> {
  const columns = await db.rows<{ schema: string; table: string; column: string; time: string | null }>(`
    SELECT c.table_schema AS schema, c.table_name AS "table", c.column_name AS "column",
           (SELECT min(column_name) FROM information_schema.columns t WHERE t.table_schema = c.table_schema AND t.table_name = c.table_name AND column_name IN ('day', 'month')) AS time
    FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema IN ('core', ${MART_SCHEMAS.map(literal).join(', ')}) AND t.table_type = 'BASE TABLE' AND c.data_type = 'VARCHAR'
    ORDER BY 1, 2, 3`);
  const findings: string[] = [];
  let failing = 0;
  const judge = (schema: string, table: string, column: string, values: string[]) => {
    for (const v of values) {
      const kind = personalData(v, column);
      if (!kind) continue;
      failing++;
      if (findings.length < 5) findings.push(`${schema}.${table}.${column}: ${kind}`);
    }
  };
  const tables = new Map<string, typeof columns>();
  for (const c of columns) tables.set(`${c.schema}.${c.table}`, [...(tables.get(`${c.schema}.${c.table}`) ?? []), c]);
  for (const cols of tables.values()) {
    const { schema, table } = cols[0];
    const from = `${ident(schema)}.${ident(table)}`;
    const { scope, coded } = scanPlan(schema, table, cols[0].time ?? undefined);
    const few = cols.filter((c) => coded(c.column));
    if (few.length > 0) {
      // One scan for all coded columns of the table; their distinct values are judged here.
      const row = (
        await db.rows<Record<string, string[] | null>>(
          `SELECT ${few.map((c) => `list(DISTINCT ${ident(c.column)}) FILTER (WHERE ${ident(c.column)} IS NOT NULL) AS ${ident(c.column)}`).join(', ')} FROM ${from} ${scope}`
        )
      )[0];
      for (const c of few) judge(schema, table, c.column, row[c.column] ?? []);
    }
    for (const { column } of cols.filter((c) => !coded(c.column))) {
      const col = ident(column);
      // The detector's patterns run on the rows in SQL (cheaper than hashing every distinct value
      // first); only the values they match are made distinct and judged, with the check digit.
      const values = await db.rows<{ v: string }>(`SELECT DISTINCT ${col} AS v FROM ${from}
        ${scope ? `${scope} AND` : 'WHERE'} regexp_matches(${col}, ${literal(ANY_PERSONAL_DATA_RE2)}) LIMIT 100000`);
      judge(
        schema,
        table,
        column,
        values.map((r) => r.v)
      );
    }
  }
  return {
    name: 'PII scan: no ID numbers, phone numbers, addresses or personal names in core and marts',
    severity: 'error',
    passed: failing === 0,
    failingRows: failing,
    detail: failing === 0 ? `${columns.length} text columns scanned` : findings.join('; ')
  };
}
