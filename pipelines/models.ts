// Running the SQL models by the part each plays in a run (declared in MODELS below, checked
// against the folder), with the reference data they read loaded first, and the monthly rollups of
// the daily marts (the dashboard's hot paths).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultReferenceDir, loadReference, TABLES, type TableName } from '../datasets/reference/index';
import { ident, literal } from './sql';
import type { Database } from './warehouse';

export const MODELS_DIR = fileURLToPath(new URL('./models', import.meta.url));
export const MART_SCHEMAS = ['mart_services', 'mart_reform', 'mart_public_health', 'mart_assets'] as const;

/**
 * The SQL models by the part they play in a run, each part's files in the order they run. Every
 * .sql file in pipelines/models is declared here once: a new model is added by name to its part,
 * whatever its file name sorts as.
 */
export const MODELS = {
  /** The warehouse's schemas and the meta tables: first, before the fact tables are created. */
  schemas: ['00_schemas.sql'],
  /** Conformed dimensions from the reference data: after the run has loaded its reference tables. */
  dimensions: ['10_dimensions.sql'],
  /** The marts, for the run's affected days; mart_reform reads mart_services, so it comes after. */
  marts: ['20_mart_services.sql', '30_mart_reform.sql', '40_mart_public_health.sql', '50_mart_assets.sql']
} as const satisfies Record<string, readonly string[]>;

export type ModelPart = keyof typeof MODELS;
/** Each part's model files (absolute paths), in the order they run. */
export type ModelPaths = Record<ModelPart, string[]>;

/**
 * The declared models as paths in dir, after checking that the folder and the declaration agree:
 * every .sql file declared exactly once, every declared file present. Otherwise it throws,
 * naming each file and what is wrong with it.
 */
export function modelPaths(dir = MODELS_DIR, manifest: Record<ModelPart, readonly string[]> = MODELS): ModelPaths {
  const present = readdirSync(dir).filter((f) => f.endsWith('.sql'));
  const declared = Object.values(manifest).flat();
  const problems = [
    ...present
      .filter((f) => !declared.includes(f))
      .sort()
      .map((f) => `${f} is not declared`),
    ...declared.filter((f) => !present.includes(f)).map((f) => `${f} is declared but missing`),
    ...[...new Set(declared.filter((f, i) => declared.indexOf(f) !== i))].map((f) => `${f} is declared more than once`)
  ];
  if (problems.length > 0) {
    throw new Error(
      `the SQL models in ${dir} do not match their declaration (MODELS in pipelines/models.ts): ${problems.join('; ')}; declare each model file once, in the part of the run it belongs to`
    );
  }
  const paths = (files: readonly string[]) => files.map((f) => join(dir, f));
  return { schemas: paths(manifest.schemas), dimensions: paths(manifest.dimensions), marts: paths(manifest.marts) };
}

/** Every model file in the order a run takes them: the schemas, the dimensions, then the marts. */
export function modelFiles(dir = MODELS_DIR): string[] {
  const { schemas, dimensions, marts } = modelPaths(dir);
  return [...schemas, ...dimensions, ...marts];
}

/** A digest of the reference files, kept with a published build: files it has seen need no validation again. */
export function referenceFingerprint(dir = defaultReferenceDir): string {
  const hash = createHash('sha256');
  for (const { file } of Object.values(TABLES)) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex');
}

/**
 * The reference CSVs as TEMP ref_<table> tables. Unless a published build already used these
 * very files, they are validated by the shared zod loader first (an invalid file stops the run
 * naming file and row); codes are read as text.
 */
export async function loadReferenceTables(db: Database, dir = defaultReferenceDir, options: { validate?: boolean } = {}): Promise<void> {
  if (options.validate !== false) loadReference(dir);
  for (const name of Object.keys(TABLES) as TableName[]) {
    const { file, columns } = TABLES[name];
    const textColumns = columns.filter((c) => c === 'code' || c.endsWith('_code'));
    const types = textColumns.length > 0 ? `, types = {${textColumns.map((c) => `${literal(c)}: 'VARCHAR'`).join(', ')}}` : '';
    const table = `ref_${file.replace(/\.csv$/, '').replace(/_cn$/, '')}`;
    await db.run(
      `CREATE OR REPLACE TEMP TABLE ${ident(table)} AS SELECT * FROM read_csv(${literal(join(dir, file))}, header = true${types})`
    );
  }
}

/** The reference codes each contract reference kind resolves against (for validation). */
export async function loadReferenceCodes(db: Database): Promise<void> {
  await db.run(`
    CREATE OR REPLACE TEMP TABLE ref_codes AS
    SELECT 'institution' AS kind, institution_code AS code FROM ref_institutions
    UNION ALL SELECT 'designated_institution', institution_code FROM ref_institutions WHERE is_designated
    UNION ALL SELECT 'internet_hospital', institution_code FROM ref_institutions WHERE is_internet_hospital
    UNION ALL SELECT 'recognition_peer', institution_code FROM ref_institutions WHERE is_recognition
    UNION ALL SELECT 'recognition_peer', institution_code FROM ref_xpcc_hospitals
    UNION ALL SELECT 'county', code FROM ref_org_units WHERE level_name = 'county'
    UNION ALL SELECT 'township', code FROM ref_org_units WHERE level_name = 'township'
    UNION ALL SELECT 'medical_community', mc_code FROM ref_medical_communities
    UNION ALL SELECT 'exam_item', item_code FROM ref_exam_items
    UNION ALL SELECT 'equipment', equipment_code FROM ref_equipment`);
}

/** Daily mart tables and their monthly rollup tables. */
export async function dailyMartTables(db: Database): Promise<{ schema: string; table: string }[]> {
  return db.rows<{ schema: string; table: string }>(`
    SELECT table_schema AS schema, table_name AS "table" FROM information_schema.tables
    WHERE table_schema IN (${MART_SCHEMAS.map(literal).join(', ')}) AND table_type = 'BASE TABLE' AND table_name LIKE '%\\_daily' ESCAPE '\\'
    ORDER BY 1, 2`);
}

const MEASURE_TYPES = /^(BIGINT|INTEGER|HUGEINT|DECIMAL)/;

/** A monthly sum keeps its daily column's type (wider only for INTEGER): DuckDB's sum() would
 * make HUGEINT and DECIMAL(38,2), which the dashboard's queries read many times slower. */
const monthlyType = (type: string) => (type === 'INTEGER' ? 'BIGINT' : type);

/**
 * <name>_monthly for every <name>_daily: the same dimensions by month, measures summed. Only
 * the months of the affected days are rebuilt, unless the table's shape changed: then all.
 */
export async function buildMonthlyRollups(db: Database): Promise<void> {
  for (const { schema, table } of await dailyMartTables(db)) {
    const columnsOf = (name: string) =>
      db.rows<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position`,
        [schema, name]
      );
    const columns = await columnsOf(table);
    // Histogram buckets are numbers but identify a row: a dimension, not a measure.
    const isMeasure = (c: { name: string; type: string }) => MEASURE_TYPES.test(c.type) && c.name !== 'bucket_minutes';
    const dims = columns.filter((c) => c.name !== 'day' && !isMeasure(c));
    const measures = columns.filter(isMeasure);
    const monthlyName = table.replace(/_daily$/, '_monthly');
    const daily = `${ident(schema)}.${ident(table)}`;
    const monthly = `${ident(schema)}.${ident(monthlyName)}`;
    const expected = [{ name: 'month', type: 'DATE' }, ...dims, ...measures.map((m) => ({ name: m.name, type: monthlyType(m.type) }))];
    const existing = await columnsOf(monthlyName);
    const rebuildAll = JSON.stringify(existing) !== JSON.stringify(expected);
    const months = rebuildAll ? 'TRUE' : `date_trunc('month', day) IN (SELECT month FROM affected_months)`;
    const select = `SELECT CAST(date_trunc('month', day) AS DATE) AS month${dims.map((d) => `, ${ident(d.name)}`).join('')}${measures
      .map((m) => `, CAST(sum(${ident(m.name)}) AS ${monthlyType(m.type)}) AS ${ident(m.name)}`)
      .join('')}
      FROM ${daily} WHERE ${months} GROUP BY ALL ORDER BY ALL`;
    if (rebuildAll) {
      await db.run(`CREATE OR REPLACE TABLE ${monthly} AS ${select}`);
    } else {
      await db.run(`DELETE FROM ${monthly} WHERE month IN (SELECT month FROM affected_months)`);
      await db.run(`INSERT INTO ${monthly} BY NAME ${select}`);
    }
  }
}
