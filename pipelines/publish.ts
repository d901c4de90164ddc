// Atomic publish. A run builds into a copy beside the warehouse; only a build that checkpointed,
// closed without a WAL and reached the disk is renamed over the warehouse, and the folder is
// synced after the rename. A crash at any instant leaves either the old or the new file whole.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export function buildPath(warehouse: string): string {
  return join(dirname(warehouse), `${basename(warehouse, '.duckdb')}.build-${process.pid}.duckdb`);
}

/**
 * Starts a build from the current warehouse (or from nothing on the first run). The copy starts
 * flushing to disk at once, in the background, so the sync at publish is left with the run's own
 * writes. That early flush only saves time: publish syncs the file again, so its outcome (and an
 * error, which publish would meet itself) is not awaited.
 */
export function startBuild(warehouse: string): string {
  const build = buildPath(warehouse);
  removeBuild(build);
  if (existsSync(warehouse)) {
    copyFileSync(warehouse, build);
    void open(build, 'r')
      .then((handle) => handle.sync().finally(() => handle.close()))
      .catch(() => undefined);
  }
  return build;
}

export function removeBuild(build: string): void {
  rmSync(build, { force: true });
  rmSync(`${build}.wal`, { force: true });
}

/** Builds left by runs that died (their process is gone). */
export function removeStaleBuilds(warehouse: string): string[] {
  const dir = dirname(warehouse);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(warehouse, '.duckdb')}.build-`;
  const removed: string[] = [];
  for (const file of readdirSync(dir)) {
    // The build, its WAL, and the folder of plain copies its ingest was reading.
    const match = file.startsWith(prefix) ? /\.build-(\d+)\.duckdb(\.wal|\.ingest)?$/.exec(file) : null;
    if (!match || isAlive(Number(match[1]))) continue;
    rmSync(join(dir, file), { recursive: true, force: true });
    removed.push(file);
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Moves a closed build over the warehouse. */
export function publishBuild(build: string, warehouse: string): void {
  if (existsSync(`${build}.wal`)) throw new Error(`${build}.wal exists: the build was not checkpointed and closed`);
  fsyncPath(build);
  renameSync(build, warehouse);
  fsyncPath(dirname(warehouse));
}
