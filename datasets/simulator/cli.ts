// npm run generate -- --scale tiny|small|prefecture|province --from D --to D --seed N --out DIR [--dirty RATE]
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SingleBar, Presets } from 'cli-progress';
import { pino } from 'pino';
import { formatCalibration } from './calibration';
import { DEFAULT_DIRTY_RATE, DEFAULT_LANDING_DIR, DEFAULT_SEED } from './defaults';
import { generate } from './generate';
import { SCALES, scaleByName, type ScaleName } from './scales';

const HELP = `Generate the regional health cloud's landing files (one folder per feed per day).

  npm run generate -- [options]

  --scale NAME    ${Object.values(SCALES)
    .map((s) => `${s.name}: ${s.description}`)
    .join('\n                  ')}
                  (default: prefecture)
  --from DATE     first day (default: the scale's window)
  --to DATE       last day
  --seed N        random seed; the same seed writes the same bytes (default ${DEFAULT_SEED})
  --out DIR       landing zone (default: $HCI_LANDING_DIR or ./data/landing)
  --dirty RATE    share of records made dirty, 0 for clean data (default ${DEFAULT_DIRTY_RATE})
  --workers N     worker threads (default: one per core)
  --help          this text

Prints the calibration table (published figure, target, generated, deviation) and exits 1 if a
covered figure is outside its tolerance.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: 'prefecture' },
      from: { type: 'string' },
      to: { type: 'string' },
      seed: { type: 'string', default: String(DEFAULT_SEED) },
      out: { type: 'string', default: DEFAULT_LANDING_DIR },
      dirty: { type: 'string', default: String(DEFAULT_DIRTY_RATE) },
      workers: { type: 'string' },
      help: { type: 'boolean', default: false }
    },
    strict: true
  });
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const scale = scaleByName(values.scale!);
  const seed = Number(values.seed);
  const dirtyRate = Number(values.dirty);
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && !(Number.isInteger(workers) && workers >= 0))
    throw new Error(`--workers must be a whole number, got ${values.workers}`);
  const out = resolve(values.out!);
  const interactive = process.stdout.isTTY === true;
  const log = pino({ name: 'generate' });
  const bar = new SingleBar(
    { format: 'generating {bar} {percentage}% | day {value}/{total} | {rows} rows | {rate} rows/s | eta {eta_formatted}' },
    Presets.shades_classic
  );
  const started = Date.now();
  let lastLogged = 0;

  if (interactive) console.log(`Simulating ${scale.name} (${scale.description}) into ${out}`);
  else log.info({ scale: scale.name, out, seed, dirtyRate }, 'generation started');
  const result = await generate({
    scale: scale.name as ScaleName,
    from: values.from,
    to: values.to,
    seed,
    out,
    dirtyRate,
    workers,
    onDay: (done, total, rows) => {
      const rate = Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));
      if (interactive) {
        if (done === 1) bar.start(total, 0, { rows: 0, rate: 0 });
        bar.update(done, { rows: rows.toLocaleString('en-US'), rate: rate.toLocaleString('en-US') });
      } else if (done === total || done - lastLogged >= Math.max(1, Math.floor(total / 10))) {
        lastLogged = done;
        log.info({ days: done, of: total, rows, rowsPerSecond: rate }, 'progress');
      }
    }
  });
  if (interactive) bar.stop();
  const mb = result.bytes / 1e6;
  const summary = `${result.rows.toLocaleString('en-US')} records over ${result.days} days, ${mb.toFixed(1)} MB gzip, in ${result.seconds.toFixed(1)} s`;
  console.log(`\n${summary}\nmanifest: ${resolve(out, '_manifest.json')}\n`);
  console.log(formatCalibration(result.calibration));
  const out_of_tolerance = result.calibration.filter((r) => r.ok === false);
  if (out_of_tolerance.length > 0) {
    console.error(`\n${out_of_tolerance.length} figure(s) outside tolerance: ${out_of_tolerance.map((r) => r.id).join(', ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`generate: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
);
