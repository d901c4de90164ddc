// The built app (adapter-node) on a free port over a small warehouse, for browser tests and the
// page bench. The app is rebuilt when build/ is missing or older than the sources; the
// warehouse is a few months of the simulator's `tiny` scale run through the real pipeline.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { generate } from '../../datasets/simulator/generate';
import { removeDir, tempDir } from '../helpers/landing';
import { runOn } from '../helpers/pipeline';
import { addAccount } from '../helpers/session';

const ROOT = resolve(import.meta.dirname, '../..');
const BUILT = join(ROOT, 'build', 'index.js');
/** What the build is made of: a change under any of these makes build/ stale. */
const SOURCES = ['src', 'static', 'datasets/reference/geo', 'vite.config.ts', 'package.json'];

function newest(path: string): number {
  const full = join(ROOT, path);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(full).map((f) => newest(join(path, f))));
}

/** Builds the app unless build/ is newer than every source file. */
export function ensureBuild(): void {
  if (existsSync(BUILT) && statSync(BUILT).mtimeMs > Math.max(...SOURCES.map(newest))) return;
  const result = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'pipe', encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`vite build failed:\n${result.stdout}\n${result.stderr}`);
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

/** Data window of the test warehouse: four months, so monthly charts have a trend to draw. */
export const WINDOW = { from: '2025-09-01', to: '2025-12-31' };

/** The password of the test accounts. */
export const TEST_PASSWORD = 'browser-test-password-2026';

/**
 * A temporary dir whose `data/` holds a published warehouse and two accounts, `official` (the
 * prefecture) and `county` (昌吉市), both with TEST_PASSWORD.
 */
export async function buildWarehouse(): Promise<string> {
  const dir = tempDir('browser');
  const landing = join(dir, 'landing');
  await generate({ scale: 'tiny', ...WINDOW, seed: 20241206, out: landing, dirtyRate: 0.001, workers: 0 });
  const result = await runOn(landing, join(dir, 'data'));
  // The tiny set is dirty: it publishes with warnings (lines set aside).
  if (result.status !== 'published' && result.status !== 'published_with_warnings')
    throw new Error(`pipeline did not publish: ${result.status}`);
  await addAccount(join(dir, 'data'), 'official', 'official', '652300', TEST_PASSWORD);
  await addAccount(join(dir, 'data'), 'county', 'county', '652301', TEST_PASSWORD);
  return dir;
}

export interface AppServer {
  url: string;
  /** What the server has printed so far (for a failing test's message). */
  output(): string;
  stop(): Promise<void>;
}

/** Starts build/index.js on a free port and resolves once /api/health answers. */
export async function startApp(dataDir: string): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(process.execPath, [BUILT], {
    cwd: ROOT,
    // ORIGIN: adapter-node otherwise assumes https, and the API's CSRF guard would refuse sign-in.
    env: { ...process.env, HOST: '127.0.0.1', PORT: String(port), ORIGIN: url, HCI_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  });
  let output = '';
  child.stdout!.on('data', (b) => (output += b));
  child.stderr!.on('data', (b) => (output += b));
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server did not answer within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    output: () => output,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    }
  };
}

export function removeData(dir: string): void {
  removeDir(dir);
}
