// npm run bench [-- --scale prefecture]: the benchmarks the issues set goals for, printed as figures.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { scaleByName, type ScaleName } from '../../datasets/simulator/scales';
import { benchGeneration } from './generation';

const { values } = parseArgs({ options: { scale: { type: 'string', default: 'prefecture' } } });
const scale = scaleByName(values.scale!).name as ScaleName;
const dataDir = resolve(process.env.HCI_DATA_DIR ?? './data');

const g = await benchGeneration(scale, resolve(dataDir, 'bench', 'landing'));
const rows: [string, string, string][] = [
  ['generation: records', g.records.toLocaleString('en-US'), `${g.days} days, scale ${g.scale}`],
  ['generation: wall time', `${g.seconds.toFixed(1)} s`, scale === 'prefecture' ? 'goal < 180 s' : ''],
  ['generation: throughput', `${Math.round(g.recordsPerSecond).toLocaleString('en-US')} records/s`, ''],
  ['generation: gzip written', `${g.megabytes.toFixed(0)} MB, ${g.megabytesPerSecond.toFixed(1)} MB/s`, ''],
  ['generation: peak memory', `${g.peakRssMb.toFixed(0)} MB RSS`, 'all threads'],
  ['generation: calibration', g.calibrationOk ? 'all figures within tolerance' : 'OUT OF TOLERANCE', '']
];
const width = Math.max(...rows.map((r) => r[0].length));
console.log('\nHealth Cloud Insight benchmarks\n');
for (const [name, value, note] of rows) console.log(`${name.padEnd(width)}  ${value.padEnd(34)}  ${note}`);
