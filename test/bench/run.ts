// npm run bench [-- --scale prefecture] [-- --only pages|api] [-- --baseline DIR [--landing DIR] [--rounds N]]:
// the benchmarks the issues set goals for, printed as figures.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaleByName, type ScaleName } from '../../datasets/simulator/scales';
import { benchApi } from './api';
import { benchGeneration } from './generation';
import { benchPages, pageRows } from './pages';
import { benchAgainst, PARTS, type Part } from './against';
import { benchPipeline } from './pipeline';

const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'prefecture' },
    only: { type: 'string' },
    baseline: { type: 'string' },
    landing: { type: 'string' },
    rounds: { type: 'string', default: '1' }
  }
});
const scale = scaleByName(values.scale!).name as ScaleName;
const dataDir = resolve(process.env.HCI_DATA_DIR ?? './data');

// `--baseline DIR`: this tree against another checkout, side by side in one run, each on its own
// Node (./against.ts); over `--landing DIR` when given, else over landing zones each tree generates;
// `--only api,pages` (any of generation, pipeline, app-db, api, pages) runs those parts alone.
if (values.baseline) {
  const parts = (values.only?.split(',') ?? PARTS) as Part[];
  const unknown = parts.filter((p) => !PARTS.includes(p));
  if (unknown.length) throw new Error(`--only ${unknown.join(',')}: with --baseline, choose among ${PARTS.join(', ')}`);
  const rows = await benchAgainst(
    scale,
    resolve(dataDir, 'bench'),
    resolve(values.baseline),
    Number(values.rounds),
    values.landing && resolve(values.landing),
    parts
  );
  rows.unshift(['', 'this', 'baseline', 'ratio this/baseline']);
  const widths = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length)));
  console.log(`\nThis tree against ${resolve(values.baseline)}\n`);
  for (const r of rows) console.log(`${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padEnd(widths[2])}  ${r[3]}`);
  process.exit(0);
}

// `--only pages`: the dashboard's page timings alone, over the default warehouse (no generation).
if (values.only === 'pages') {
  for (const row of pageRows(await benchPages(dataDir))) console.log(row.join('  '));
  process.exit(0);
}

// `--only api`: the metrics API alone, over the default warehouse (no generation).
if (values.only === 'api') {
  for (const row of await benchApi(resolve(dataDir, 'warehouse.duckdb'))) console.log(row.join('  '));
  process.exit(0);
}

const landing = resolve(dataDir, 'bench', 'landing');
const g = await benchGeneration(scale, landing);
const p = await benchPipeline(scale, landing, resolve(dataDir, 'bench'));
const steps = (p.full.detail?.steps ?? []).reduce<Record<string, number>>((acc, s) => {
  const key = s.step.split(' ')[0];
  acc[key] = (acc[key] ?? 0) + s.ms;
  return acc;
}, {});
const rows: [string, string, string][] = [
  ['generation: records', g.records.toLocaleString('en-US'), `${g.days} days, scale ${g.scale}`],
  ['generation: wall time', `${g.seconds.toFixed(1)} s`, scale === 'prefecture' ? 'goal < 180 s' : ''],
  ['generation: throughput', `${Math.round(g.recordsPerSecond).toLocaleString('en-US')} records/s`, ''],
  ['generation: gzip written', `${g.megabytes.toFixed(0)} MB, ${g.megabytesPerSecond.toFixed(1)} MB/s`, ''],
  ['generation: peak memory', `${g.peakRssMb.toFixed(0)} MB RSS`, 'all threads'],
  ['generation: calibration', g.calibrationOk ? 'all figures within tolerance' : 'OUT OF TOLERANCE', ''],
  [
    'pipeline (a): full build from empty',
    `${p.full.seconds.toFixed(1)} s (CPU ${p.full.cpuSeconds.toFixed(0)} s)`,
    Object.entries(steps)
      .map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}s`)
      .join(', ')
  ],
  [
    'pipeline (b): bare DuckDB read_json load',
    `${p.bare.seconds.toFixed(1)} s (CPU ${p.bare.cpuSeconds.toFixed(0)} s)`,
    'same files, typed columns, nothing else'
  ],
  ['pipeline a/b', p.ratio.toFixed(2), `goal <= 2.0 (CPU time ratio ${(p.full.cpuSeconds / p.bare.cpuSeconds).toFixed(2)})`],
  [
    'pipeline (c): one nightly day',
    `${p.nightly.seconds.toFixed(1)} s`,
    `${p.nextDay}, ${p.nightly.detail?.affectedDays} event days rebuilt, incl. publish; goal <= 10 s`
  ],
  [
    'pipeline: peak memory',
    `${p.full.peakRssMb.toFixed(0)} MB full, ${p.nightly.peakRssMb.toFixed(0)} MB nightly`,
    `bare load ${p.bare.peakRssMb.toFixed(0)} MB`
  ]
];
rows.push(...(await benchApi(resolve(dataDir, 'bench', 'warehouse.duckdb'))));
rows.push(...pageRows(await benchPages(dataDir)));
const width = Math.max(...rows.map((r) => r[0].length));
console.log('\nHealth Cloud Insight benchmarks\n');
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(34)}  ${note}`);
