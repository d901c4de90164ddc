// The application database (users, sessions, login throttling, audit log): a SQLite file
// beside the warehouse but separate from it, because the warehouse is rebuilt and swapped
// nightly while accounts and the audit trail must persist, and because `npm run users`
// has to write to it while the server is running (SQLite in WAL mode allows that; a
// DuckDB file held read-write by one process cannot be opened by another). node:sqlite is
// Node's own SQLite: no native module to build for each Node release.
import { DatabaseSync } from 'node:sqlite';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MIGRATIONS } from './migrations';

export type AppDb = DatabaseSync;

/** `$HCI_DATA_DIR/app.sqlite`, with the data directory defaulting to ./data. */
export function appDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.HCI_DATA_DIR || 'data'), 'app.sqlite');
}

/** Open (creating if needed) and migrate the database at `file` (':memory:' for tests). */
export function openAppDb(file: string): AppDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  // The CLI and the server write the same file: wait up to 5 s for the other's lock instead
  // of failing.
  const db = new DatabaseSync(file, { timeout: 5000, enableForeignKeyConstraints: true });
  // WAL with synchronous NORMAL: a commit is not fsynced on its own (a power cut can lose the
  // last commits, never corrupt the file), as better-sqlite3's build did; node:sqlite's default,
  // FULL, fsyncs every audit row and sign-in (measured: an audit row 52 -> 220 µs).
  db.exec('PRAGMA journal_mode = WAL');
  db.exec('PRAGMA synchronous = NORMAL');
  migrate(db);
  return db;
}

function migrate(db: AppDb): void {
  // IMMEDIATE takes the write lock before reading the version, so two processes opening a
  // new file at once cannot both run the same migration.
  transaction(
    db,
    () => {
      const { user_version: version } = db.prepare('PRAGMA user_version').get() as { user_version: number };
      if (version > MIGRATIONS.length) {
        throw new Error(`app database is at schema version ${version}, newer than this code (${MIGRATIONS.length})`);
      }
      for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
      // PRAGMA takes no bound parameters; the value is an integer from our own array length.
      db.exec(`PRAGMA user_version = ${MIGRATIONS.length}`);
    },
    'IMMEDIATE'
  );
}

/**
 * Run `work` in one transaction: committed when it returns, rolled back when it throws.
 * Inside another transaction it runs in a savepoint (SQLite lets one name nest), so a nested
 * failure undoes only itself. `IMMEDIATE` takes the write lock at the start, not at the first write.
 */
export function transaction<T>(db: AppDb, work: () => T, mode: 'DEFERRED' | 'IMMEDIATE' = 'DEFERRED'): T {
  const savepoint = db.isTransaction ? 'nested' : null;
  db.exec(savepoint ? `SAVEPOINT ${savepoint}` : `BEGIN ${mode}`);
  try {
    const result = work();
    db.exec(savepoint ? `RELEASE ${savepoint}` : 'COMMIT');
    return result;
  } catch (err) {
    if (savepoint) db.exec(`ROLLBACK TO ${savepoint}; RELEASE ${savepoint}`);
    else if (db.isTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

const globalKey = Symbol.for('hci.appDb');
type Holder = { [globalKey]?: AppDb };

/**
 * The process's one connection to `appDbPath()`, kept on globalThis so Vite's hot reload
 * reuses it instead of opening another.
 */
export function appDb(): AppDb {
  const holder = globalThis as Holder;
  holder[globalKey] ??= openAppDb(appDbPath());
  return holder[globalKey];
}
