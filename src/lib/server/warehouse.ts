// The warehouse as the server holds it: one read-only DuckDB instance per published file. The
// pipeline publishes by renaming a new file over data/warehouse.duckdb; every use (and a poll
// while idle) compares the path's inode with the open one, opens the new file, swaps it in, and
// closes the old instance once the queries still running on it have finished. No restart, no
// failed query. Every file opened is first checked against the mart tables the metrics layer
// describes. Kept on globalThis so Vite's hot reload does not open a second instance.
import { statSync, type Stats } from 'node:fs';
import { join, resolve } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { DimensionValue, LastRun } from '../contract/contract';
import { columnMismatches, expectedColumns, type FoundColumn } from './metrics/columns';
import { OrgIndex } from './org-index';
import { newestFeedDays, type FeedDay } from './runs';

const BUILD =
  'Build it with `npm run demo` (generates the default data and runs the pipeline), or `npm run generate` then `npm run pipeline`; the server picks it up without a restart.';

export class NoWarehouse extends Error {
  constructor(detail: string, hint = BUILD) {
    super(`${detail}. ${hint}`);
  }
}

/** A published file whose marts lack a column the metrics layer reads, or hold it with a type that cannot serve. */
export class WarehouseMismatch extends NoWarehouse {
  constructor(readonly mismatches: string[]) {
    super(
      `The warehouse does not match the mart tables described in src/lib/server/metrics/tables.ts: ${mismatches.join('; ')}`,
      'It was built by a pipeline whose models differ from this server: build it with the pipeline of this version, or describe the marts as they are.'
    );
  }
}

/** What one published file holds besides the marts: read once when it is opened. */
export interface Snapshot {
  dataVersion: string;
  lastRun: LastRun | null;
  /** The first landing day loaded (null before any). */
  dataFrom: string | null;
  /** Each feed's newest landing day with data: how fresh the figures are (freshness.ts). */
  feedDays: FeedDay[];
  org: OrgIndex;
  medicalCommunities: DimensionValue[];
}

interface Generation {
  file: Pick<Stats, 'ino' | 'mtimeMs' | 'size'>;
  instance: DuckDBInstance;
  connections: DuckDBConnection[];
  idle: DuckDBConnection[];
  waiting: ((connection: DuckDBConnection) => void)[];
  inFlight: number;
  retired: boolean;
  snapshot: Snapshot;
}

export interface Lease {
  connection: DuckDBConnection;
  snapshot: Snapshot;
  release(): void;
}

export interface WarehouseOptions {
  /** Connections per instance: queries beyond this many wait their turn. */
  connections?: number;
  /** DuckDB worker threads per instance (default: DuckDB's, one per core). */
  threads?: number;
}

const sameFile = (a: Generation['file'], b: Stats) => a.ino === b.ino && a.mtimeMs === b.mtimeMs && a.size === b.size;

export class Warehouse {
  private current: Generation | null = null;
  private opening: Promise<Generation> | null = null;
  private readonly swapListeners = new Set<(snapshot: Snapshot | null) => void>();
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    readonly path: string,
    private readonly options: WarehouseOptions = {}
  ) {}

  /** Runs `work` on a connection of the current file; the file stays open until it returns. */
  async use<T>(work: (connection: DuckDBConnection, snapshot: Snapshot) => Promise<T>): Promise<T> {
    const gen = await this.enter();
    try {
      const connection = await this.take(gen);
      try {
        return await work(connection, gen.snapshot);
      } finally {
        this.give(gen, connection);
      }
    } finally {
      this.leave(gen);
    }
  }

  /**
   * A connection of its own on the current file, for work that lasts as long as a client takes
   * to read it (a streamed download): outside the pool, so it holds up no other query. The file
   * stays open until `release()`, which may be called more than once.
   */
  async lease(): Promise<Lease> {
    const gen = await this.enter();
    let connection: DuckDBConnection;
    try {
      connection = await gen.instance.connect();
    } catch (error) {
      this.leave(gen);
      throw error;
    }
    let released = false;
    return {
      connection,
      snapshot: gen.snapshot,
      release: () => {
        if (released) return;
        released = true;
        connection.closeSync();
        this.leave(gen);
      }
    };
  }

  /** The current snapshot, following a publish first. */
  async snapshot(): Promise<Snapshot> {
    return (await this.generation()).snapshot;
  }

  /** Called with the new snapshot after every swap (null when the file went away). */
  onSwap(listener: (snapshot: Snapshot | null) => void): () => void {
    this.swapListeners.add(listener);
    return () => this.swapListeners.delete(listener);
  }

  /** Also follows publishes while no request comes, so the old file is released promptly. */
  watch(intervalMs = 2000): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.generation().catch(() => {}), intervalMs);
    this.timer.unref();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.current) this.retire(this.current);
    this.current = null;
  }

  private async generation(): Promise<Generation> {
    if (this.closed) throw new NoWarehouse('The warehouse connection is closed');
    let stats: Stats;
    try {
      stats = statSync(this.path);
    } catch {
      if (this.current) this.swap(null);
      throw new NoWarehouse('No warehouse has been built yet');
    }
    const current = this.current;
    if (current && sameFile(current.file, stats)) return current;
    // One open at a time; requests arriving meanwhile share it.
    this.opening ??= this.open(stats).finally(() => (this.opening = null));
    return this.opening;
  }

  private async open(stats: Stats): Promise<Generation> {
    let instance: DuckDBInstance;
    try {
      const config: Record<string, string> = {
        access_mode: 'READ_ONLY',
        // Offline machines: a missing extension must fail at once, not try a download.
        autoinstall_known_extensions: 'false',
        autoload_known_extensions: 'true'
      };
      if (this.options.threads) config.threads = String(this.options.threads);
      instance = await DuckDBInstance.create(this.path, config);
    } catch (error) {
      console.error(`warehouse: cannot open ${this.path}:`, error);
      throw new NoWarehouse('The warehouse file cannot be opened (is it a DuckDB warehouse built by the pipeline?)');
    }
    try {
      const connection = await instance.connect();
      const snapshot = await readSnapshot(connection);
      await checkColumns(connection);
      const gen: Generation = {
        file: { ino: stats.ino, mtimeMs: stats.mtimeMs, size: stats.size },
        instance,
        connections: [connection],
        idle: [connection],
        waiting: [],
        inFlight: 0,
        retired: false,
        snapshot
      };
      this.swap(gen);
      return gen;
    } catch (error) {
      instance.closeSync();
      if (error instanceof WarehouseMismatch) {
        console.error(`warehouse: ${this.path}: ${error.mismatches.join('; ')}`);
        throw error;
      }
      console.error(`warehouse: ${this.path} is not a published warehouse:`, error);
      throw new NoWarehouse('The warehouse has no published run yet');
    }
  }

  private swap(next: Generation | null): void {
    const previous = this.current;
    this.current = next;
    if (previous) this.retire(previous);
    for (const listener of this.swapListeners) listener(next?.snapshot ?? null);
  }

  private retire(gen: Generation): void {
    gen.retired = true;
    if (gen.inFlight === 0) this.closeGeneration(gen);
  }

  private closeGeneration(gen: Generation): void {
    for (const c of gen.connections) c.closeSync();
    gen.connections.length = 0;
    gen.instance.closeSync();
  }

  /** The current generation, kept open until the matching leave(). */
  private async enter(): Promise<Generation> {
    let gen = await this.generation();
    // A swap may have retired (and closed) it while this call waited: take the current one.
    while (gen.retired) gen = await this.generation();
    gen.inFlight++;
    return gen;
  }

  private leave(gen: Generation): void {
    gen.inFlight--;
    if (gen.retired && gen.inFlight === 0) this.closeGeneration(gen);
  }

  private async take(gen: Generation): Promise<DuckDBConnection> {
    const idle = gen.idle.pop();
    if (idle) return idle;
    if (gen.connections.length < (this.options.connections ?? 4)) {
      const connection = await gen.instance.connect();
      gen.connections.push(connection);
      return connection;
    }
    return new Promise((resolve) => gen.waiting.push(resolve));
  }

  private give(gen: Generation, connection: DuckDBConnection): void {
    const next = gen.waiting.shift();
    if (next) next(connection);
    else gen.idle.push(connection);
  }
}

async function readSnapshot(connection: DuckDBConnection): Promise<Snapshot> {
  const published = await connection.runAndReadAll(
    "SELECT data_version FROM meta.runs WHERE status IN ('published', 'published_with_warnings') AND data_version IS NOT NULL ORDER BY finished_at DESC LIMIT 1"
  );
  const dataVersion = published.getRowsJS()[0]?.[0] as string | undefined;
  if (!dataVersion) throw new Error('meta.runs has no published run');
  const last = await connection.runAndReadAll(`
    SELECT run_id, status, strftime(finished_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%SZ'),
           CAST(list_min(dates_loaded) AS VARCHAR), CAST(list_max(dates_loaded) AS VARCHAR)
    FROM meta.runs ORDER BY started_at DESC LIMIT 1`);
  const [runId, status, finishedAt, datesFrom, datesTo] = (last.getRowsJS()[0] ?? []) as (string | null)[];
  const first = await connection.runAndReadAll('SELECT CAST(min(source_date) AS VARCHAR) FROM meta.loaded_dates');
  const communities = await connection.runAndReadAll('SELECT mc_code, name_zh, name_en FROM core.dim_medical_community ORDER BY mc_code');
  return {
    dataVersion,
    lastRun: runId ? { runId, status: status!, finishedAt, datesFrom, datesTo } : null,
    dataFrom: (first.getRowsJS()[0]?.[0] as string | null) ?? null,
    feedDays: await newestFeedDays(connection),
    org: await OrgIndex.load(connection),
    medicalCommunities: (communities.getRowsJS() as string[][]).map(([code, zh, en]) => ({ code, zh, en }))
  };
}

/** Throws WarehouseMismatch unless every column the metrics layer reads is there with a type that serves. */
async function checkColumns(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(
    'SELECT table_schema, table_name, column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database()'
  );
  const found: FoundColumn[] = (reader.getRowsJS() as string[][]).map(([schema, table, column, type]) => ({ schema, table, column, type }));
  const mismatches = columnMismatches(expectedColumns(), found);
  if (mismatches.length > 0) throw new WarehouseMismatch(mismatches);
}

const GLOBAL_KEY = Symbol.for('hci.warehouse');

/** $HCI_DATA_DIR/warehouse.duckdb (default ./data). */
export const warehousePath = (): string => join(resolve(process.env.HCI_DATA_DIR ?? './data'), 'warehouse.duckdb');

/** The process's warehouse at warehousePath(). */
export function serverWarehouse(): Warehouse {
  const holder = globalThis as { [GLOBAL_KEY]?: Warehouse };
  if (!holder[GLOBAL_KEY]) {
    holder[GLOBAL_KEY] = new Warehouse(warehousePath());
    holder[GLOBAL_KEY].watch();
  }
  return holder[GLOBAL_KEY];
}

/** The org tree of the published warehouse at `path`, for a process that serves no queries (the users CLI). */
export async function readOrgTree(path = warehousePath()): Promise<OrgIndex> {
  const warehouse = new Warehouse(path, { connections: 1 });
  try {
    return (await warehouse.snapshot()).org;
  } finally {
    warehouse.close();
  }
}
