// Two source trees measured side by side: this checkout and a baseline (e.g. `git worktree add
// ../base <ref>` with its own `npm install`). Each tree runs on its own Node: the one its
// node_modules installs (the `node` package), or the machine's for a tree that has none, so a
// comparison across a runtime upgrade measures both runtimes.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join, sep } from 'node:path';

export interface Tree {
  name: 'this' | 'baseline';
  cwd: string;
}

/** PATH without any node_modules/.bin, so a tree without its own Node gets the machine's. */
function machinePath(): string {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter((p) => !p.includes(`${sep}node_modules${sep}.bin`))
    .join(delimiter);
}

/** The Node binary that runs `cwd`'s code, and the environment to run it in. */
export function treeRuntime(cwd: string): { node: string; env: NodeJS.ProcessEnv } {
  const own = join(cwd, 'node_modules', '.bin', 'node');
  const path = [join(cwd, 'node_modules', '.bin'), machinePath()].join(delimiter);
  return { node: existsSync(own) ? own : 'node', env: { ...process.env, PATH: path } };
}

/** `node --version` of the tree's runtime. */
export function treeNodeVersion(cwd: string): string {
  const { node, env } = treeRuntime(cwd);
  return spawnSync(node, ['--version'], { cwd, env, encoding: 'utf8' }).stdout.trim();
}

/** Runs a TypeScript entry point of the tree (through its tsx) on the tree's Node; throws on failure. */
export function runInTree(cwd: string, script: string, args: string[], env: NodeJS.ProcessEnv = {}): { stdout: string; seconds: number } {
  const runtime = treeRuntime(cwd);
  const started = performance.now();
  const result = spawnSync(runtime.node, ['--import', 'tsx', script, ...args], {
    cwd,
    env: { ...runtime.env, ...env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024
  });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0)
    throw new Error(`${script} ${args.join(' ')} in ${cwd} failed (${result.status}):\n${result.stderr.slice(-4000)}`);
  return { stdout: result.stdout, seconds };
}
