// The simulator's programmatic entry: generate a landing zone for a date range at a scale,
// across worker threads, then write the manifest and return the calibration table.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { FEEDS } from '../contract/feeds';
import { loadReference } from '../reference/index';
import { calibrationTable, emptyTally, mergeTally, type CalibrationRow } from './calibration';
import { CALENDAR_RANGE, dateRange } from './calendar';
import { makeDay, partitionDir, type DayJob, type DayResult } from './day';
import { emptyCounts, type FolderCounts } from './dirty';
import { Plan } from './plan';
import { scaleByName, type ScaleName } from './scales';
import { World } from './world';
import type { WorkerInit } from './worker';

export interface GenerateOptions {
  scale: ScaleName;
  /** Defaults to the scale's window. */
  from?: string;
  to?: string;
  seed: number;
  out: string;
  /** Share of records made dirty (0 = clean). */
  dirtyRate: number;
  /** Worker threads; 0 or 1 generates in this thread. Default: one per core. */
  workers?: number;
  referenceDir?: string;
  onDay?: (done: number, total: number, rows: number) => void;
}

export interface Manifest {
  generator: string;
  runs: { seed: number; scale: string; factor: number; from: string; to: string; dirtyRate: number }[];
  /** feed -> landing folder date -> what the folder holds. */
  feeds: Record<string, Record<string, FolderCounts>>;
}

export interface GenerateResult {
  manifest: Manifest;
  calibration: CalibrationRow[];
  days: number;
  rows: number;
  bytes: number;
  seconds: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
  const scale = scaleByName(options.scale);
  const from = options.from ?? scale.from;
  const to = options.to ?? scale.to;
  for (const [name, value] of [
    ['--from', from],
    ['--to', to]
  ] as const) {
    if (!DATE.test(value) || Number.isNaN(Date.parse(value))) throw new Error(`${name} must be a date YYYY-MM-DD, got "${value}"`);
    if (value < CALENDAR_RANGE.from || value > CALENDAR_RANGE.to) {
      throw new Error(`${name} ${value} is outside the calendar reference data (${CALENDAR_RANGE.from}..${CALENDAR_RANGE.to})`);
    }
  }
  if (from > to) throw new Error(`--from ${from} is after --to ${to}`);
  if (!(options.dirtyRate >= 0 && options.dirtyRate <= 0.5))
    throw new Error(`--dirty must be a rate between 0 and 0.5, got ${options.dirtyRate}`);
  if (!Number.isInteger(options.seed)) throw new Error(`--seed must be an integer, got ${options.seed}`);

  const started = performance.now();
  const dates = dateRange(from, to);
  // A re-run of a range replaces its folders whole: no stale part file survives.
  for (const feed of FEEDS) for (const date of dates) rmSync(partitionDir(options.out, feed.name, date), { recursive: true, force: true });
  mkdirSync(options.out, { recursive: true });

  const job: DayJob = { seed: options.seed, out: options.out, from, to, dirtyRate: options.dirtyRate };
  const workers = Math.min(options.workers ?? availableParallelism(), dates.length);
  const results = workers > 1 ? await inWorkers(job, options, dates, workers) : inProcess(job, options, dates);

  const manifest = mergeManifest(options.out, results, {
    seed: options.seed,
    scale: scale.name,
    factor: scale.factor,
    from,
    to,
    dirtyRate: options.dirtyRate
  });
  writeFileSync(join(options.out, '_manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  const tally = emptyTally();
  for (const r of results) mergeTally(tally, r.tally);
  return {
    manifest,
    calibration: calibrationTable(tally, scale.factor, from, to),
    days: dates.length,
    rows: results.reduce((s, r) => s + r.rows, 0),
    bytes: results.reduce((s, r) => s + r.bytes, 0),
    seconds: (performance.now() - started) / 1000
  };
}

function inProcess(job: DayJob, options: GenerateOptions, dates: string[]): DayResult[] {
  const world = new World(loadReference(options.referenceDir), scaleByName(options.scale));
  const plan = new Plan(world, job.seed);
  let rows = 0;
  return dates.map((date, n) => {
    const result = makeDay(world, plan, job, date);
    rows += result.rows;
    options.onDay?.(n + 1, dates.length, rows);
    return result;
  });
}

/** Days are handed out one at a time, so both cores stay busy whatever each day costs. */
function inWorkers(job: DayJob, options: GenerateOptions, dates: string[], count: number): Promise<DayResult[]> {
  const init: WorkerInit = { job, scale: options.scale, referenceDir: options.referenceDir };
  const results: DayResult[] = [];
  let next = 0;
  let rows = 0;
  return new Promise((resolve, reject) => {
    const pool: Worker[] = [];
    let failed = false;
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const w of pool) void w.terminate();
      reject(error);
    };
    let finished = 0;
    for (let n = 0; n < count; n++) {
      // A larger young generation: generation allocates millions of short-lived records.
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), {
        workerData: init,
        resourceLimits: { maxYoungGenerationSizeMb: 96 }
      });
      pool.push(worker);
      const feed = () => worker.postMessage(next < dates.length ? dates[next++] : null);
      worker.on('message', (message: { ready?: true; ok?: boolean; result?: DayResult; date?: string; error?: string }) => {
        if (message.ready) return feed();
        if (!message.ok) return fail(new Error(`generating ${message.date} failed: ${message.error}`));
        results.push(message.result!);
        rows += message.result!.rows;
        options.onDay?.(results.length, dates.length, rows);
        feed();
      });
      worker.on('error', fail);
      worker.on('exit', () => {
        if (++finished === count && !failed) {
          if (results.length === dates.length) resolve(results.sort((a, b) => a.date.localeCompare(b.date)));
          else fail(new Error(`workers stopped after ${results.length} of ${dates.length} days`));
        }
      });
    }
  });
}

function mergeManifest(out: string, results: DayResult[], run: Manifest['runs'][number]): Manifest {
  const path = join(out, '_manifest.json');
  const previous: Manifest | null = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null;
  const manifest: Manifest = { generator: 'health-cloud-insight simulator', runs: [], feeds: {} };
  // Folders outside this run's range keep what an earlier run recorded (nightly top-ups).
  if (previous?.feeds) {
    manifest.runs = previous.runs ?? [];
    for (const [feed, days] of Object.entries(previous.feeds)) {
      for (const [date, counts] of Object.entries(days)) {
        if (date < run.from || date > run.to) (manifest.feeds[feed] ??= {})[date] = counts;
      }
    }
  }
  // Re-running the same command leaves the same manifest.
  if (!manifest.runs.some((r) => JSON.stringify(r) === JSON.stringify(run))) manifest.runs.push(run);
  for (const r of results) {
    for (const { feed, date, counts } of r.counts) {
      const target = ((manifest.feeds[feed] ??= {})[date] ??= emptyCounts());
      for (const [k, v] of Object.entries(counts)) target[k as keyof FolderCounts] += v as number;
    }
  }
  for (const feed of Object.keys(manifest.feeds)) {
    manifest.feeds[feed] = Object.fromEntries(Object.entries(manifest.feeds[feed]).sort(([a], [b]) => a.localeCompare(b)));
  }
  return manifest;
}
