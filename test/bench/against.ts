// `npm run bench -- --baseline DIR`: this tree against a baseline checkout in one run, each on its
// own Node: generation, the pipeline (full build and one nightly day), the metrics API and the
// pages. The machine's speed varies from hour to hour; the ratios are what compare.
import { readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { ScaleName } from '../../datasets/simulator/scales';
import { benchPipelineAgainst, type Measured } from './pipeline';
import { runInTree, treeNodeVersion, type Tree } from './trees';

type Row = [string, string, string, string];

/** Every file under `dir` with its size, so two generated landing zones can be compared. */
function listing(dir: string, root = dir): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const path = join(dir, f);
      return statSync(path).isDirectory() ? listing(path, root) : [`${relative(root, path)} ${statSync(path).size}`];
    });
}

/** The rows an `--only api|pages` run prints: name, value, note, separated by two or more spaces. */
function parseRows(stdout: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const line of stdout.split('\n')) {
    const [name, value] = line.split(/ {2,}/);
    if (name && value !== undefined) rows.set(name.trim(), value.trim());
  }
  return rows;
}

/** The ratio of the first number in each of two figures ("12.3 ms" / "10.0 ms"), when both have one. */
function ratio(a: string, b: string): string {
  const first = (s: string) => Number(/-?[\d,]*\.?\d+/.exec(s)?.[0]?.replaceAll(',', '') ?? NaN);
  const r = first(a) / first(b);
  return Number.isFinite(r) ? r.toFixed(3) : '';
}

const median = (ms: Measured[]) => [...ms].sort((a, b) => a.seconds - b.seconds)[Math.floor(ms.length / 2)];
const figure = (m: Measured) => `${m.seconds.toFixed(1)} s (CPU ${m.cpuSeconds.toFixed(0)} s, ${m.peakRssMb.toFixed(0)} MB)`;

export const PARTS = ['generation', 'pipeline', 'app-db', 'api', 'pages'] as const;
export type Part = (typeof PARTS)[number];

/**
 * `parts` chooses what runs; the API and the pages read the warehouse the pipeline part built
 * (`dir/ab/this`), so they can run again alone.
 */
export async function benchAgainst(
  scale: ScaleName,
  dir: string,
  baseline: string,
  rounds: number,
  landing?: string,
  parts: readonly Part[] = PARTS
): Promise<Row[]> {
  const trees: Tree[] = [
    { name: 'this', cwd: process.cwd() },
    { name: 'baseline', cwd: baseline }
  ];
  const rows: Row[] = [['runtime', treeNodeVersion(trees[0].cwd), treeNodeVersion(trees[1].cwd), '']];

  // Generation: each tree's simulator writes its own landing zone; the same seed must write the same files.
  const landingDir = landing ?? join(dir, 'landing-this');
  if (!landing && parts.includes('generation')) {
    const seconds: Record<string, number> = {};
    for (const t of trees) {
      const out = join(dir, `landing-${t.name}`);
      rmSync(out, { recursive: true, force: true });
      seconds[t.name] = runInTree(t.cwd, 'datasets/simulator/cli.ts', ['--scale', scale, '--out', out]).seconds;
    }
    const same = listing(join(dir, 'landing-this')).join('\n') === listing(join(dir, 'landing-baseline')).join('\n');
    const manifests = ['this', 'baseline'].map((n) => readFileSync(join(dir, `landing-${n}`, '_manifest.json'), 'utf8'));
    rows.push([
      `generation (${scale})`,
      `${seconds.this.toFixed(1)} s`,
      `${seconds.baseline.toFixed(1)} s`,
      `${(seconds.this / seconds.baseline).toFixed(3)}${same && manifests[0] === manifests[1] ? '' : ' (the two landing zones differ)'}`
    ]);
    rmSync(join(dir, 'landing-baseline'), { recursive: true, force: true });
  }

  if (parts.includes('pipeline')) {
    const ab = await benchPipelineAgainst(scale, landingDir, join(dir, 'ab'), baseline, rounds);
    for (const [what, runs] of [
      ['pipeline: full build', ab.full],
      [`pipeline: nightly day ${ab.nextDay}`, ab.nightly]
    ] as const) {
      const a = median(runs.this);
      const b = median(runs.baseline);
      rows.push([what, figure(a), figure(b), `${(a.seconds / b.seconds).toFixed(3)} (CPU ${(a.cpuSeconds / b.cpuSeconds).toFixed(3)})`]);
    }
  }

  // The application database (sessions, audit log), each tree with its own driver.
  const appDb: Record<string, Record<string, number>> = {};
  for (const t of parts.includes('app-db') ? trees : []) {
    const script = join(trees[0].cwd, 'test/bench/app-db.ts');
    appDb[t.name] = JSON.parse(
      runInTree(t.cwd, script, [t.cwd, join(dir, `app-db-${t.name}`)])
        .stdout.trim()
        .split('\n')
        .at(-1)!
    );
  }
  for (const [op, us] of Object.entries(appDb.this ?? {})) {
    const other = appDb.baseline[op];
    rows.push([`app database: ${op.replace(/Us$/, '')}`, `${us.toFixed(1)} µs`, `${other.toFixed(1)} µs`, (us / other).toFixed(3)]);
  }

  // The API and the pages over one warehouse (this tree's build), each tree serving it.
  const dataDir = join(dir, 'ab', 'this');
  for (const only of (['api', 'pages'] as const).filter((p) => parts.includes(p))) {
    const out: Record<string, Map<string, string>> = {};
    for (const t of trees)
      out[t.name] = parseRows(runInTree(t.cwd, 'test/bench/run.ts', ['--only', only], { HCI_DATA_DIR: dataDir }).stdout);
    for (const [name, value] of out.this) {
      const other = out.baseline.get(name) ?? '—';
      rows.push([name, value, other, ratio(value, other)]);
    }
  }
  return rows;
}
