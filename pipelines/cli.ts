// npm run pipeline -- [--landing DIR] [--warehouse FILE] [--date D | --from D --to D] [--status] [--schedule CRON]
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import { Cron } from 'croner';
import { pino } from 'pino';
import { dateRange } from '../datasets/contract/calendar';
import { FEEDS } from '../datasets/contract/feeds';
import { failedRunsFile, PipelineError, runPipeline, type PipelineEvent, type RunResult } from './run';
import { TIME_ZONE, Database } from './warehouse';

const HELP = `Load landing days into the DuckDB warehouse, check them and publish atomically.

  npm run pipeline -- [options]

  --landing DIR      landing zone (default: $HCI_LANDING_DIR or ./data/landing)
  --warehouse FILE   warehouse file (default: $HCI_DATA_DIR/warehouse.duckdb, ./data/warehouse.duckdb)
  --date D           (re)load one landing day
  --from D --to D    (re)load a range of landing days
                     (no dates: every landing day not yet loaded)
  --status           print the last runs and exit
  --schedule CRON    keep running; start a run on the cron (e.g. "0 2 * * *"), one at a time
  --tz ZONE          time zone of the schedule (default ${TIME_ZONE})
  --no-parquet       skip the Parquet copy of the marts
  --help             this text

Exit codes: 0 published or up to date, 1 a step or check failed (the message names it), 2 bad options.`;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function options() {
  const { values } = parseArgs({
    options: {
      landing: { type: 'string' },
      warehouse: { type: 'string' },
      date: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
      status: { type: 'boolean', default: false },
      schedule: { type: 'string' },
      tz: { type: 'string', default: TIME_ZONE },
      'no-parquet': { type: 'boolean', default: false },
      help: { type: 'boolean', default: false }
    },
    strict: true
  });
  const dataDir = resolve(process.env.HCI_DATA_DIR ?? './data');
  const landing = resolve(values.landing ?? process.env.HCI_LANDING_DIR ?? './data/landing');
  const warehouse = resolve(values.warehouse ?? resolve(dataDir, 'warehouse.duckdb'));
  for (const [name, value] of [
    ['--date', values.date],
    ['--from', values.from],
    ['--to', values.to]
  ] as const) {
    if (value !== undefined && (!DATE.test(value) || Number.isNaN(Date.parse(value))))
      throw new UsageError(`${name} must be a date YYYY-MM-DD, got "${value}"`);
  }
  if (values.date && (values.from || values.to)) throw new UsageError('give --date or --from/--to, not both');
  if ((values.from === undefined) !== (values.to === undefined)) throw new UsageError('--from and --to go together');
  if (values.from && values.to && values.from > values.to) throw new UsageError(`--from ${values.from} is after --to ${values.to}`);
  // Date.parse takes a day past its month's end (2025-02-30) as the days after: the range still stops at --to as written.
  const range = (from: string, to: string) => dateRange(from, to).filter((d) => d <= to);
  const dates = values.date ? [values.date] : values.from && values.to ? range(values.from, values.to) : undefined;
  return { ...values, dataDir, landing, warehouse, dates };
}

class UsageError extends Error {}

const log = pino({ name: 'pipeline' });
const interactive = process.stdout.isTTY === true;

/** Progress bars per feed and for the steps on a terminal; JSON log lines otherwise. */
function reporter(): { onEvent: (e: PipelineEvent) => void; stop: () => void } {
  if (!interactive) {
    return {
      onEvent: (e) => {
        if (e.kind === 'step' && e.done) log.info({ step: e.step, ms: e.ms }, 'step done');
        else if (e.kind === 'feed') log.info({ feed: e.feed, batch: e.batch, of: e.batches, lines: e.lines }, 'feed loaded');
        else if (e.kind === 'plan') log.info({ dates: e.dates.length, first: e.dates[0], last: e.dates.at(-1) }, 'run planned');
        else if (e.kind === 'info') log.info(e.message);
      },
      stop: () => {}
    };
  }
  const multi = new MultiBar(
    { format: '{name} {bar} {value}/{total} {note}', hideCursor: true, clearOnComplete: false },
    Presets.shades_grey
  );
  const bars = new Map<string, SingleBar>();
  let stepsBar: SingleBar | null = null;
  const width = Math.max(...FEEDS.map((f) => f.name.length), 'steps'.length);
  return {
    onEvent: (e) => {
      if (e.kind === 'plan') {
        console.log(`Loading ${e.dates.length} landing day(s) ${e.dates[0]}..${e.dates.at(-1)} in ${e.batches} batch(es)`);
        for (const feed of FEEDS) bars.set(feed.name, multi.create(e.batches, 0, { name: feed.name.padEnd(width), note: '' }));
        stepsBar = multi.create(5, 0, { name: 'steps'.padEnd(width), note: '' });
      } else if (e.kind === 'feed') {
        bars.get(e.feed)?.update(e.batch, { note: `${e.lines.toLocaleString('en-US')} lines` });
      } else if (e.kind === 'step' && ['marts', 'records', 'checks', 'parquet', 'publish'].includes(e.step)) {
        stepsBar?.update(['marts', 'records', 'checks', 'parquet', 'publish'].indexOf(e.step) + (e.done ? 1 : 0), {
          note: e.done ? `${e.step} ${e.ms} ms` : `${e.step}…`
        });
      } else if (e.kind === 'info') multi.log(`${e.message}\n`);
    },
    stop: () => multi.stop()
  };
}

function summary(r: RunResult): string {
  if (r.status === 'up_to_date') return 'Nothing to load: the warehouse is up to date with the landing zone.';
  const failed = r.checks.filter((c) => !c.passed && c.severity === 'error').length;
  const warned = r.checks.filter((c) => !c.passed && c.severity === 'warning').length;
  return [
    `Run ${r.runId}: ${r.status} ${r.dates.length} landing day(s) in ${(r.durationMs / 1000).toFixed(1)} s; data version ${r.dataVersion ?? '-'}`,
    `Checks: ${r.checks.length - failed - warned} passed, ${warned} warning(s), ${failed} failed of ${r.checks.length}`,
    ...r.checks.map(
      (c) =>
        `  ${c.passed ? 'ok  ' : c.severity === 'warning' ? 'WARN' : 'FAIL'} ${c.name}${c.passed ? '' : `: ${c.failingRows}, ${c.detail}`}`
    )
  ].join('\n');
}

const LAST_PUBLISHED =
  "(SELECT run_id FROM meta.runs WHERE status IN ('published', 'published_with_warnings') ORDER BY started_at DESC LIMIT 1)";

/** The last published run's warnings, the paths it skipped, and the days to export again. */
async function printSetAside(db: Database): Promise<void> {
  const warnings = await db.rows<{ check: string; detail: string }>(`
    SELECT check_name AS "check", detail FROM meta.checks WHERE run_id = ${LAST_PUBLISHED} AND NOT passed AND severity = 'warning' ORDER BY check_name`);
  console.log(warnings.length === 0 ? 'Warnings: none.' : 'Warnings of the last published run:');
  for (const w of warnings) console.log(`  WARN ${w.check}: ${w.detail}`);
  const skipped = await db.rows<{ path: string; reason: string; warning: boolean }>(`
    SELECT path, reason, warning FROM meta.skipped_paths WHERE run_id = ${LAST_PUBLISHED} ORDER BY warning DESC, path`);
  console.log(skipped.length === 0 ? 'Skipped landing paths: none.' : 'Skipped landing paths:');
  for (const p of skipped) console.log(`  ${p.warning ? 'WARN' : '    '} ${p.path}: ${p.reason}`);
  const again = await db.rows<{ feed: string; day: string; file: string; detail: string }>(`
    SELECT feed, CAST(source_date AS VARCHAR) AS day, file, detail FROM meta.reexport_needed ORDER BY source_date, feed`);
  if (again.length > 0) {
    console.log('Landing days to export again (then `npm run pipeline -- --date D`):');
    for (const r of again) console.log(`  ${r.day} ${r.feed}: ${r.file.split('/').at(-1)}: ${r.detail}`);
  }
}

async function status(warehouse: string, dataDir: string): Promise<void> {
  if (!existsSync(warehouse)) console.log(`No warehouse at ${warehouse} yet: run \`npm run pipeline\`.`);
  else {
    const db = await Database.open(warehouse, { readOnly: true });
    try {
      const runs = await db.rows(`
        SELECT r.run_id, r.status, strftime(r.started_at, '%Y-%m-%d %H:%M:%S') AS started, round(r.duration_ms / 1000, 1) AS seconds,
               len(r.dates_loaded) AS days, coalesce(c.passed || '/' || c.total, '-') AS checks_passed, coalesce(c.warnings, 0) AS warnings,
               coalesce(r.failed_step, '') AS failed_step
        FROM meta.runs r LEFT JOIN (SELECT run_id, count(*) FILTER (WHERE passed) AS passed, count(*) FILTER (WHERE NOT passed AND severity = 'warning') AS warnings,
                                           count(*) AS total FROM meta.checks GROUP BY 1) c USING (run_id)
        ORDER BY r.started_at DESC LIMIT 10`);
      console.log(`Warehouse ${warehouse}: last runs`);
      console.table(runs);
      const feeds = await db.rows(`
        SELECT feed, count(*) AS days, sum(lines_read) AS lines_read, sum(loaded) AS loaded, sum(quarantined) AS quarantined,
               sum(duplicates) AS duplicates, sum(blank_lines) AS blank, sum(late_arrivals) AS late,
               sum(files_truncated) AS truncated_files, sum(files_unreadable) AS unreadable_files
        FROM meta.run_feeds WHERE run_id = ${LAST_PUBLISHED}
        GROUP BY feed ORDER BY feed`);
      console.log('Last published run, per feed:');
      console.table(feeds);
      await printSetAside(db);
    } finally {
      db.close();
    }
  }
  const failed = failedRunsFile(dataDir);
  if (existsSync(failed)) {
    console.log('Failed runs since the last publish:');
    for (const line of readFileSync(failed, 'utf8').split('\n').filter(Boolean)) {
      const r = JSON.parse(line) as RunResult;
      console.log(`  ${r.runId} failed at step "${r.failedStep}": ${r.error}`);
    }
  }
}

async function once(o: ReturnType<typeof options>): Promise<number> {
  const { onEvent, stop } = reporter();
  try {
    const result = await runPipeline({
      landing: o.landing,
      warehouse: o.warehouse,
      dataDir: o.dataDir,
      dates: o.dates,
      parquet: !o['no-parquet'],
      onEvent
    });
    stop();
    if (interactive) console.log(summary(result));
    else
      log.info(
        { runId: result.runId, status: result.status, days: result.dates.length, ms: result.durationMs, checks: result.checks.length },
        'run finished'
      );
    return 0;
  } catch (error) {
    stop();
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof PipelineError && error.result && interactive) console.error(summary(error.result));
    if (interactive) console.error(`pipeline: ${message}`);
    else log.error({ step: error instanceof PipelineError ? error.step : undefined }, message);
    return 1;
  }
}

async function main(): Promise<number> {
  let o: ReturnType<typeof options>;
  try {
    o = options();
  } catch (error) {
    console.error(`pipeline: ${error instanceof Error ? error.message : String(error)}\n\n${HELP}`);
    return 2;
  }
  if (o.help) {
    console.log(HELP);
    return 0;
  }
  if (o.status) {
    await status(o.warehouse, o.dataDir);
    return 0;
  }
  if (o.schedule) {
    // protect: a run still going when the next tick comes is not started twice.
    const job = new Cron(o.schedule, { timezone: o.tz, protect: true }, async () => {
      await once({ ...o, dates: undefined });
    });
    log.info({ cron: o.schedule, tz: o.tz, next: job.nextRun()?.toISOString() }, 'pipeline scheduled');
    return new Promise<number>(() => {});
  }
  return once(o);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`pipeline: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(error instanceof UsageError ? 2 : 1);
  }
);
