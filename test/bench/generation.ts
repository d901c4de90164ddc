// Generation throughput: records/s, MB/s of gzip written, peak memory (all threads).
import { rmSync } from 'node:fs';
import { generate } from '../../datasets/simulator/generate';
import { DEFAULT_DIRTY_RATE, DEFAULT_SEED } from '../../datasets/simulator/defaults';
import type { ScaleName } from '../../datasets/simulator/scales';

export interface GenerationFigures {
  scale: string;
  days: number;
  records: number;
  seconds: number;
  recordsPerSecond: number;
  megabytes: number;
  megabytesPerSecond: number;
  peakRssMb: number;
  calibrationOk: boolean;
}

export async function benchGeneration(scale: ScaleName, out: string): Promise<GenerationFigures> {
  rmSync(out, { recursive: true, force: true });
  const result = await generate({ scale, seed: DEFAULT_SEED, out, dirtyRate: DEFAULT_DIRTY_RATE });
  const megabytes = result.bytes / 1e6;
  return {
    scale,
    days: result.days,
    records: result.rows,
    seconds: result.seconds,
    recordsPerSecond: result.rows / result.seconds,
    megabytes,
    megabytesPerSecond: megabytes / result.seconds,
    // maxRSS covers the worker threads too: they share the process.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    calibrationOk: result.calibration.every((r) => r.ok !== false)
  };
}
