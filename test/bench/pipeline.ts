// Pipeline benchmarks: (a) full build from an empty warehouse, (b) DuckDB's bare load of the same
// files, (c) one nightly day end to end including publish.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '../../datasets/simulator/generate';
import { DEFAULT_DIRTY_RATE, DEFAULT_SEED } from '../../datasets/simulator/defaults';
import { addDays } from '../../datasets/simulator/calendar';
import { scaleByName, type ScaleName } from '../../datasets/simulator/scales';
import { runInTree } from './trees';

export interface Measured {
  seconds: number;
  cpuSeconds: number;
  peakRssMb: number;
  detail: { steps?: { step: string; ms: number }[]; affectedDays?: number } | null;
}

/** Runs the task in its own process, from the source tree `cwd` (this one, or a baseline checkout) on that tree's Node. */
function measure(task: string, landing: string, target: string, dataDir: string, cwd = process.cwd()): Measured {
  const { stdout } = runInTree(cwd, 'test/bench/child.ts', [task, landing, target, dataDir], {
    HCI_PSEUDONYM_KEY: process.env.HCI_PSEUDONYM_KEY ?? 'bench-pseudonym-key-0123456789abcdef0123456789'
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!);
}

export async function benchPipeline(scale: ScaleName, landing: string, dir: string) {
  const warehouse = join(dir, 'warehouse.duckdb');
  for (const f of ['warehouse.duckdb', 'bare.duckdb', 'failed-runs.jsonl', 'marts']) rmSync(join(dir, f), { recursive: true, force: true });
  const full = measure('pipeline', landing, warehouse, dir);
  const bare = measure('bare', landing, join(dir, 'bare.duckdb'), dir);
  // The next night: one more landing day, generated as the platform would export it.
  const next = addDays(scaleByName(scale).to, 1);
  await generate({ scale, from: next, to: next, seed: DEFAULT_SEED, out: landing, dirtyRate: DEFAULT_DIRTY_RATE });
  const nightly = measure('pipeline', landing, warehouse, dir);
  rmSync(join(dir, 'bare.duckdb'), { force: true });
  return { full, bare, nightly, ratio: full.seconds / bare.seconds, nextDay: next };
}

/**
 * This tree against a baseline checkout (e.g. `git worktree add ../base <ref>`, with node_modules
 * linked), side by side in one run on one landing zone: full builds alternated, then the same next
 * nightly day on each. The machine's speed varies from hour to hour; the ratios are what compare.
 */
export async function benchPipelineAgainst(scale: ScaleName, landing: string, dir: string, baseline: string, rounds = 1) {
  const trees = [
    { name: 'this', cwd: process.cwd() },
    { name: 'baseline', cwd: baseline }
  ];
  const full: Record<string, Measured[]> = { this: [], baseline: [] };
  const nightly: Record<string, Measured[]> = { this: [], baseline: [] };
  const target = (name: string) => join(dir, name);
  for (let r = 0; r < rounds; r++) {
    for (const t of r % 2 === 0 ? trees : [...trees].reverse()) {
      rmSync(target(t.name), { recursive: true, force: true });
      full[t.name].push(measure('pipeline', landing, join(target(t.name), 'warehouse.duckdb'), target(t.name), t.cwd));
    }
  }
  const next = addDays(scaleByName(scale).to, 1);
  await generate({ scale, from: next, to: next, seed: DEFAULT_SEED, out: landing, dirtyRate: DEFAULT_DIRTY_RATE });
  for (const t of trees)
    nightly[t.name].push(measure('pipeline', landing, join(target(t.name), 'warehouse.duckdb'), target(t.name), t.cwd));
  return { full, nightly, nextDay: next };
}
