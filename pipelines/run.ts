// One pipeline run: landing days -> staging -> pseudonymised core -> marts -> checks -> publish.
// Everything is written into a build copy of the warehouse; only a build whose checks all pass
// replaces the warehouse, so the previous one keeps serving until then and after any failure.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { FEEDS } from '../datasets/contract/feeds';
import type { FeedSpec } from '../datasets/contract/field';
import { runChecks, type CheckResult, type Thresholds } from './checks';
import { affectedDatesSql, createFactSql, loadFactSql } from './core';
import { lineNumberSql, readFeed, stageFeed, stageFilesTable, stageTable, type ReadFeed, type StagedFile } from './ingest';
import { scanLanding, type SkippedPath } from './landing';
import { acquireLock } from './lock';
import { buildMonthlyRollups, loadReferenceCodes, loadReferenceTables, modelPaths, referenceFingerprint, type ModelPaths } from './models';
import { exportMarts } from './parquet';
import { addPersonKeys, loadPseudonymKey } from './pseudonymize';
import { publishBuild, removeBuild, removeStaleBuilds, startBuild } from './publish';
import { ident, literal } from './sql';
import { Database, localDaySql } from './warehouse';

/** Landing days loaded together: bounds the memory of staging on a full rebuild. */
const BATCH_DAYS = Number(process.env.HCI_BATCH_DAYS ?? 31);
/** Cross-day duplicates are looked for among events this many days around the batch. */
const DUPLICATE_WINDOW_DAYS = 7;
/** Longest landing line accepted: far above a real record (a few KB), far below memory trouble. */
export const DEFAULT_MAX_LINE_BYTES = 1 << 20;

export interface PipelineOptions {
  landing: string;
  warehouse: string;
  dataDir: string;
  /** Landing days to (re)load; default: every landing day not yet loaded. */
  dates?: string[];
  referenceDir?: string;
  /** Create the demo key file when neither HCI_PSEUDONYM_KEY nor the file exists. */
  createKey?: boolean;
  parquet?: boolean;
  /** Longest line accepted (bytes); default HCI_MAX_LINE_BYTES or 1 MiB. */
  maxLineBytes?: number;
  /** When data set aside fails the run instead of publishing with warnings; default from the environment. */
  thresholds?: Thresholds;
  onEvent?: (event: PipelineEvent) => void;
}

export type PipelineEvent =
  | { kind: 'plan'; dates: string[]; batches: number }
  | { kind: 'step'; step: string; done: boolean; ms?: number }
  | { kind: 'feed'; feed: string; batch: number; batches: number; lines: number }
  | { kind: 'info'; message: string };

export interface RunResult {
  runId: string;
  status: 'published' | 'published_with_warnings' | 'failed' | 'up_to_date';
  dates: string[];
  dataVersion: string | null;
  /** Event days whose mart rows were rebuilt. */
  affectedDays: number;
  checks: CheckResult[];
  /** What the landing zone held that was not read, and why. */
  skipped: SkippedPath[];
  steps: { step: string; ms: number }[];
  failedStep?: string;
  error?: string;
  durationMs: number;
}

export class PipelineError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
    readonly result?: RunResult
  ) {
    super(`step "${step}" failed: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'PipelineError';
  }
}

export async function loadedDates(warehouse: string): Promise<string[]> {
  if (!existsSync(warehouse)) return [];
  const db = await Database.open(warehouse, { readOnly: true });
  try {
    const rows = await db.rows<{ d: string }>('SELECT CAST(source_date AS VARCHAR) AS d FROM meta.loaded_dates ORDER BY 1').catch(() => []);
    return rows.map((r) => r.d);
  } finally {
    db.close();
  }
}

export const failedRunsFile = (dataDir: string) => join(dataDir, 'failed-runs.jsonl');

export async function runPipeline(options: PipelineOptions): Promise<RunResult> {
  mkdirSync(dirname(options.warehouse), { recursive: true });
  let release: () => void;
  try {
    release = acquireLock(`${options.warehouse}.lock`);
  } catch (error) {
    throw new PipelineError('lock', error);
  }
  try {
    return await runLocked(options);
  } finally {
    release();
  }
}

async function runLocked(options: PipelineOptions): Promise<RunResult> {
  const emit = options.onEvent ?? (() => {});
  const started = new Date();
  const runId = `${started
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z')}-${randomBytes(2).toString('hex')}`;
  const steps: { step: string; startedAt: Date; ms: number; detail?: string }[] = [];
  const result: RunResult = {
    runId,
    status: 'up_to_date',
    dates: [],
    dataVersion: null,
    affectedDays: 0,
    checks: [],
    skipped: [],
    steps: [],
    durationMs: 0
  };
  const maxLineBytes = options.maxLineBytes ?? Number(process.env.HCI_MAX_LINE_BYTES ?? DEFAULT_MAX_LINE_BYTES);
  const thresholds = options.thresholds ?? thresholdsFromEnv();
  let currentStep = 'plan';
  const step = async <T>(name: string, work: () => Promise<T>, detail?: () => string): Promise<T> => {
    currentStep = name;
    const t0 = performance.now();
    const at = new Date();
    emit({ kind: 'step', step: name, done: false });
    const value = await work();
    const ms = Math.round(performance.now() - t0);
    steps.push({ step: name, startedAt: at, ms, detail: detail?.() });
    emit({ kind: 'step', step: name, done: true, ms });
    return value;
  };

  for (const stale of removeStaleBuilds(options.warehouse)) emit({ kind: 'info', message: `removed ${stale}, left by a run that died` });
  let zone: ReturnType<typeof scanLanding>;
  let models: ModelPaths;
  try {
    models = modelPaths();
    zone = scanLanding(options.landing);
  } catch (error) {
    throw new PipelineError('plan', error);
  }
  result.skipped = zone.skipped;
  const available = zone.dates;
  let dates: string[];
  if (options.dates) {
    const missing = options.dates.filter((d) => !available.includes(d));
    if (missing.length > 0) throw new PipelineError('plan', new Error(`no landing data in ${options.landing} for ${missing.join(', ')}`));
    dates = [...options.dates].sort();
  } else {
    const loaded = new Set(await loadedDates(options.warehouse));
    dates = available.filter((d) => !loaded.has(d));
  }
  result.dates = dates;
  if (dates.length === 0) {
    emit({ kind: 'info', message: available.length === 0 ? `no landing data in ${options.landing}` : 'warehouse is up to date' });
    return result;
  }
  const batches: string[][] = [];
  for (let i = 0; i < dates.length; i += BATCH_DAYS) batches.push(dates.slice(i, i + BATCH_DAYS));
  emit({ kind: 'plan', dates, batches: batches.length });

  const key = loadPseudonymKey(join(options.dataDir, 'pseudonym.key'), { create: options.createKey ?? true });
  if (key.created)
    emit({ kind: 'info', message: `generated a pseudonymisation key in ${key.source} (mode 0600); set HCI_PSEUDONYM_KEY in production` });

  const build = startBuild(options.warehouse);
  const workDir = `${build}.ingest`;
  let db: Database | null = null;
  try {
    db = await Database.open(build);
    const wh = db;
    await step('schema', async () => {
      for (const file of models.schemas) await wh.runFile(file);
      const known = await wh.value<string | undefined>("SELECT value FROM meta.settings WHERE key = 'pseudonym_key_fingerprint'");
      if (known && known !== key.fingerprint) {
        throw new Error(
          `the pseudonymisation key (${key.source}) is not the one this warehouse was built with: person keys would not link; restore the key or rebuild from an empty warehouse`
        );
      }
      for (const feed of FEEDS) await wh.run(createFactSql(feed));
    });
    await step('reference', async () => {
      const seen = await wh.value<string | undefined>("SELECT value FROM meta.settings WHERE key = 'reference_fingerprint'");
      await loadReferenceTables(wh, options.referenceDir, { validate: seen !== referenceFingerprint(options.referenceDir) });
      await loadReferenceCodes(wh);
      for (const file of models.dimensions) await wh.runFile(file);
    });
    await wh.run('CREATE TEMP TABLE run_dates (d DATE); CREATE TEMP TABLE affected_dates (d DATE)');
    await wh.run(`INSERT INTO run_dates SELECT CAST(unnest(${listOfDates(dates)}) AS DATE)`);

    const read = (b: number, i: number) => {
      const p = readFeed(FEEDS[i], zone.files(FEEDS[i].name, batches[b]), { workDir, maxLineBytes });
      p.catch(() => undefined); // awaited in its step; a failure before then must not go unhandled
      return p;
    };
    let next: Promise<ReadFeed> | null = null;
    for (const [b, batch] of batches.entries()) {
      await wh.run(`CREATE OR REPLACE TEMP TABLE batch_dates AS SELECT CAST(unnest(${listOfDates(batch)}) AS DATE) AS d`);
      for (const [i, feed] of FEEDS.entries()) {
        await step(`ingest ${feed.name}`, async () => {
          const files = await (next ?? read(b, i));
          // The next feed (or the next batch's first) is read while DuckDB works on this one.
          next = i + 1 < FEEDS.length ? read(b, i + 1) : b + 1 < batches.length ? read(b + 1, 0) : null;
          const near = `source_date NOT IN (SELECT d FROM batch_dates) AND partition_date BETWEEN DATE ${literal(batch[0])} - ${DUPLICATE_WINDOW_DAYS} AND DATE ${literal(batch[batch.length - 1])} + ${DUPLICATE_WINDOW_DAYS}`;
          await wh.run(
            `CREATE OR REPLACE TEMP TABLE loaded_ids AS SELECT ${ident(feed.idField)} AS id FROM core.${ident(`fact_${feed.name}`)} WHERE ${near}`
          );
          const staged = await stageFeed(wh, feed, files, 'loaded_ids');
          const lines = await recordAccounting(wh, runId, feed, staged);
          emit({ kind: 'feed', feed: feed.name, batch: b + 1, batches: batches.length, lines });
        });
      }
      await step('pseudonymize', async () => {
        const sources = FEEDS.flatMap((feed) =>
          Object.entries(feed.fields)
            .filter(([, s]) => s.pii === 'id_number')
            .map(([name]) => ({ table: stageTable(feed), column: ident(`v_${name}`) }))
        );
        await addPersonKeys(wh, key, sources);
      });
      const range = { from: batch[0], to: batch[batch.length - 1] };
      for (const feed of FEEDS) {
        await step(`core ${feed.name}`, async () => {
          await wh.run(affectedDatesSql(feed, range));
          for (const sql of loadFactSql(feed, range)) await wh.run(sql);
          await wh.run(affectedDatesSql(feed, range));
          await wh.run(`DROP TABLE ${stageTable(feed)}; DROP TABLE ${stageFilesTable(feed)}`);
        });
      }
    }
    await wh.run('DROP TABLE IF EXISTS person_keys');

    await step('marts', async () => {
      await wh.run('CREATE OR REPLACE TEMP TABLE affected AS SELECT DISTINCT d FROM affected_dates WHERE d IS NOT NULL');
      await wh.run('DELETE FROM affected_dates; INSERT INTO affected_dates SELECT d FROM affected ORDER BY d');
      result.affectedDays = Number(await wh.value('SELECT count(*) FROM affected_dates'));
      await wh.run(
        "CREATE TEMP TABLE affected_months AS SELECT DISTINCT CAST(date_trunc('month', d) AS DATE) AS month FROM affected_dates"
      );
      for (const file of models.marts) await wh.runFile(file);
      await buildMonthlyRollups(wh);
    });

    await step('records', async () => {
      await wh.run(`INSERT OR REPLACE INTO meta.loaded_dates SELECT d, ${literal(runId)} FROM run_dates`);
      await wh.run(
        `INSERT OR REPLACE INTO meta.settings (key, value) VALUES ('pseudonym_key_fingerprint', ${literal(key.fingerprint)}), ('reference_fingerprint', ${literal(referenceFingerprint(options.referenceDir))})`
      );
      await importFailedRuns(wh, options.dataDir);
      for (const p of zone.skipped)
        await wh.run('INSERT INTO meta.skipped_paths (run_id, path, reason, warning) VALUES (?, ?, ?, ?)', [
          runId,
          p.path,
          p.reason,
          p.warning
        ]);
    });

    result.checks = await step('checks', async () => {
      const checks = await runChecks(wh, runId, thresholds);
      for (const c of checks) {
        await wh.run('INSERT INTO meta.checks (run_id, check_name, passed, failing_rows, detail, severity) VALUES (?, ?, ?, ?, ?, ?)', [
          runId,
          c.name,
          c.passed,
          c.failingRows,
          c.detail,
          c.severity
        ]);
      }
      const failed = checks.filter((c) => !c.passed && c.severity === 'error');
      if (failed.length > 0) {
        result.checks = checks;
        throw new Error(
          `${failed.length} check(s) failed: ${failed.map((c) => `${c.name} (${c.failingRows} rows: ${c.detail})`).join('; ')}`
        );
      }
      return checks;
    });

    if (options.parquet !== false) await step('parquet', () => exportMarts(wh, join(options.dataDir, 'marts')));

    await step('publish', async () => {
      result.status = result.checks.some((c) => !c.passed) ? 'published_with_warnings' : 'published';
      result.dataVersion = runId;
      result.durationMs = Date.now() - started.getTime();
      await writeRunRecord(wh, runId, started, result, options.landing, steps);
      await wh.run('CHECKPOINT');
      wh.close();
      db = null;
      publishBuild(build, options.warehouse);
      rmSync(failedRunsFile(options.dataDir), { force: true });
      rmSync(workDir, { recursive: true, force: true });
    });
    result.steps = steps.map(({ step: s, ms }) => ({ step: s, ms }));
    return result;
  } catch (error) {
    if (db) (db as Database).close();
    removeBuild(build);
    rmSync(workDir, { recursive: true, force: true });
    result.status = 'failed';
    result.failedStep = currentStep;
    result.error = error instanceof Error ? error.message : String(error);
    result.durationMs = Date.now() - started.getTime();
    result.steps = steps.map(({ step: s, ms }) => ({ step: s, ms }));
    mkdirSync(options.dataDir, { recursive: true });
    appendFileSync(
      failedRunsFile(options.dataDir),
      `${JSON.stringify({ ...result, startedAt: started.toISOString(), landing: options.landing })}\n`
    );
    throw new PipelineError(currentStep, error, result);
  }
}

const listOfDates = (dates: string[]) => `[${dates.map(literal).join(', ')}]`;

/** Thresholds from HCI_FAIL_QUARANTINED_SHARE (default 0.05) and HCI_FAIL_ON (e.g. "truncated,unreadable,skipped"). */
export function thresholdsFromEnv(env: NodeJS.ProcessEnv = process.env): Thresholds {
  const share = Number(env.HCI_FAIL_QUARANTINED_SHARE ?? 0.05);
  if (!(share >= 0 && share <= 1))
    throw new PipelineError(
      'plan',
      new Error(`HCI_FAIL_QUARANTINED_SHARE must be a share between 0 and 1, got "${env.HCI_FAIL_QUARANTINED_SHARE}"`)
    );
  const failOn = (env.HCI_FAIL_ON ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const known = ['truncated', 'unreadable', 'skipped'] as const;
  const bad = failOn.filter((f) => !(known as readonly string[]).includes(f));
  if (bad.length > 0) throw new PipelineError('plan', new Error(`HCI_FAIL_ON: unknown "${bad.join(', ')}" (known: ${known.join(', ')})`));
  return { quarantinedShare: share, failOn: failOn as Thresholds['failOn'] };
}

/**
 * Per landing file and per landing day of one feed: what was read (the streaming count), loaded,
 * quarantined, dropped as duplicate or counted blank, and the fields the contract does not know.
 */
async function recordAccounting(db: Database, runId: string, spec: FeedSpec, staged: StagedFile[]): Promise<number> {
  const feed = spec.name;
  const table = stageTable(spec);
  await db.run(`DELETE FROM meta.quarantine WHERE feed = ? AND source_date IN (SELECT d FROM batch_dates)`, [feed]);
  await db.run(`
    INSERT INTO meta.quarantine (run_id, feed, source_date, file, line_no, reason_code, field, masked_line)
    SELECT ${literal(runId)}, ${literal(feed)}, s.folder_date, n.file, s.rowid - f.before AS line_no, split_part(problem, ':', 1), nullif(split_part(problem, ':', 2), ''), masked_line
    FROM ${table} s JOIN ${lineNumberSql(table)} f USING (file_no) JOIN ${stageFilesTable(spec)} n USING (file_no)
    WHERE problem IS NOT NULL AND problem <> 'blank' ORDER BY s.folder_date, n.file, line_no`);
  for (const u of staged.filter((f) => f.outcome === 'unreadable')) {
    await db.run(
      `INSERT INTO meta.quarantine (run_id, feed, source_date, file, reason_code, masked_line) VALUES (?, ?, CAST(? AS DATE), ?, 'unreadable_file', ?)`,
      [runId, feed, u.folderDate, u.path, u.detail]
    );
  }
  const parsed = new Map(
    (await db.rows<{ file_no: number; n: string }>(`SELECT file_no, count(*) AS n FROM ${table} GROUP BY file_no`)).map((r) => [
      r.file_no,
      Number(r.n)
    ])
  );
  if (staged.length > 0) {
    const values = staged.map(
      (f) =>
        `(${[literal(f.folderDate), literal(f.path), f.bytes, literal(f.compression), literal(f.encoding), f.lines, f.fileNo === null ? 0 : (parsed.get(f.fileNo) ?? 0), literal(f.outcome), f.detail === null ? 'NULL' : literal(f.detail)].join(', ')})`
    );
    await db.run(`INSERT INTO meta.run_files (run_id, feed, source_date, file, bytes, compression, encoding, lines, lines_parsed, outcome, detail)
      SELECT ${literal(runId)}, ${literal(feed)}, CAST(d AS DATE), file, bytes, compression, encoding, lines, parsed, outcome, detail
      FROM (VALUES ${values.join(', ')}) v(d, file, bytes, compression, encoding, lines, parsed, outcome, detail)`);
  }
  const unknown = new Map<string, { sampled: number; fields: Map<string, number> }>();
  for (const f of staged) {
    const day = unknown.get(f.folderDate) ?? { sampled: 0, fields: new Map() };
    day.sampled += f.sampled;
    for (const [field, n] of Object.entries(f.unknownFields)) day.fields.set(field, (day.fields.get(field) ?? 0) + n);
    unknown.set(f.folderDate, day);
  }
  for (const [day, { sampled, fields }] of unknown) {
    for (const [field, n] of fields)
      await db.run(
        'INSERT INTO meta.unknown_fields (run_id, feed, source_date, field, records_sampled, records_with_field) VALUES (?, ?, CAST(? AS DATE), ?, ?, ?)',
        [runId, feed, day, field, sampled, n]
      );
  }
  const perDay = new Map<string, { files: number; unreadable: number; truncated: number; lines: number }>();
  for (const f of staged) {
    const entry = perDay.get(f.folderDate) ?? { files: 0, unreadable: 0, truncated: 0, lines: 0 };
    entry.files++;
    entry.lines += f.lines;
    if (f.outcome === 'unreadable') entry.unreadable++;
    if (f.outcome === 'truncated') entry.truncated++;
    perDay.set(f.folderDate, entry);
  }
  const counts = await db.rows<{ d: string; loaded: string; quarantined: string; duplicates: string; blank: string; late: string }>(`
    SELECT CAST(folder_date AS VARCHAR) AS d,
           count(*) FILTER (WHERE problem IS NULL AND NOT duplicate) AS loaded,
           count(*) FILTER (WHERE problem IS NOT NULL AND problem <> 'blank') AS quarantined,
           count(*) FILTER (WHERE duplicate) AS duplicates,
           count(*) FILTER (WHERE problem = 'blank') AS blank,
           count(*) FILTER (WHERE problem IS NULL AND NOT duplicate AND ${localDaySql(`v_${spec.partitionField}`, spec.fields[spec.partitionField].type)} < folder_date) AS late
    FROM ${table} GROUP BY folder_date`);
  const byDay = new Map(counts.map((c) => [c.d, c]));
  const rows = [...perDay.entries()].sort().map(([date, f]) => {
    const c = byDay.get(date);
    return [
      literal(date),
      f.files,
      f.unreadable,
      f.lines,
      ...[c?.loaded, c?.quarantined, c?.duplicates, c?.late, c?.blank].map((n) => Number(n ?? 0)),
      f.truncated
    ];
  });
  // One statement for the whole batch: a row per feed and landing day.
  if (rows.length > 0) {
    await db.run(`INSERT INTO meta.run_feeds (run_id, feed, source_date, files, files_unreadable, lines_read, loaded, quarantined, duplicates, late_arrivals, blank_lines, files_truncated)
      SELECT ${literal(runId)}, ${literal(feed)}, CAST(d AS DATE), files, unreadable, lines, loaded, quarantined, duplicates, late, blank, truncated
      FROM (VALUES ${rows.map((r) => `(${r.join(', ')})`).join(', ')}) v(d, files, unreadable, lines, loaded, quarantined, duplicates, late, blank, truncated)`);
  }
  return rows.reduce((sum, r) => sum + (r[3] as number), 0);
}

async function writeRunRecord(
  db: Database,
  runId: string,
  started: Date,
  result: RunResult,
  landing: string,
  steps: { step: string; startedAt: Date; ms: number; detail?: string }[]
): Promise<void> {
  await db.run(
    `INSERT INTO meta.runs (run_id, started_at, finished_at, status, dates_loaded, data_version, landing, duration_ms)
     VALUES (?, CAST(? AS TIMESTAMPTZ), CAST(? AS TIMESTAMPTZ), ?, CAST(? AS DATE[]), ?, ?, ?)`,
    [
      runId,
      started.toISOString(),
      new Date().toISOString(),
      result.status,
      `[${result.dates.join(', ')}]`,
      runId,
      landing,
      result.durationMs
    ]
  );
  for (const s of steps) {
    await db.run('INSERT INTO meta.run_steps (run_id, step, started_at, duration_ms, detail) VALUES (?, ?, CAST(? AS TIMESTAMPTZ), ?, ?)', [
      runId,
      s.step,
      s.startedAt.toISOString(),
      s.ms,
      s.detail ?? null
    ]);
  }
}

/** Failed runs left a line beside the warehouse: they join the history when a run publishes. */
async function importFailedRuns(db: Database, dataDir: string): Promise<void> {
  const file = failedRunsFile(dataDir);
  if (!existsSync(file)) return;
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const r = JSON.parse(line) as RunResult & { startedAt: string; landing: string };
    await db.run(
      `INSERT OR IGNORE INTO meta.runs (run_id, started_at, status, dates_loaded, landing, failed_step, error, duration_ms)
       VALUES (?, CAST(? AS TIMESTAMPTZ), 'failed', CAST(? AS DATE[]), ?, ?, ?, ?)`,
      [r.runId, r.startedAt, `[${r.dates.join(', ')}]`, r.landing, r.failedStep ?? null, r.error ?? null, r.durationMs]
    );
  }
}
