// The application database (users, sessions, login throttling, audit log): a SQLite file
// beside the warehouse but separate from it, because the warehouse is rebuilt and swapped
// nightly while accounts and the audit trail must persist, and because `npm run users`
// has to write to it while the server is running (SQLite in WAL mode allows that; a
// DuckDB file held read-write by one process cannot be opened by another).
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { MIGRATIONS } from './migrations';

export type AppDb = Database.Database;

/** `$HCI_DATA_DIR/app.sqlite`, with the data directory defaulting to ./data. */
export function appDbPath(env: NodeJS.ProcessEnv = process.env): string {
  return join(resolve(env.HCI_DATA_DIR || 'data'), 'app.sqlite');
}

/** Open (creating if needed) and migrate the database at `file` (':memory:' for tests). */
export function openAppDb(file: string): AppDb {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  // The CLI and the server write the same file: wait for the other's lock instead of failing.
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  return db;
}

function migrate(db: AppDb): void {
  // IMMEDIATE takes the write lock before reading the version, so two processes opening a
  // new file at once cannot both run the same migration.
  db.transaction(() => {
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > MIGRATIONS.length) {
      throw new Error(`app database is at schema version ${version}, newer than this code (${MIGRATIONS.length})`);
    }
    for (let v = version; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]);
    // PRAGMA takes no bound parameters; the value is an integer from our own array length.
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
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
