// The application database's schema, as an ordered list of migrations: entry i brings the
// database to `PRAGMA user_version` i + 1. Append new entries; never edit a shipped one, since
// databases in the field have already run it.
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE users (
    username        TEXT PRIMARY KEY,
    role            TEXT NOT NULL CHECK (role IN ('official', 'county', 'manager', 'analyst', 'admin')),
    scope_org       TEXT NOT NULL,
    password_hash   TEXT NOT NULL,
    disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    failed_count    INTEGER NOT NULL DEFAULT 0,
    last_failed_at  INTEGER,
    locked_until    INTEGER
  ) STRICT;

  -- Only the SHA-256 of a token is kept, so a copy of this file cannot be replayed as cookies.
  CREATE TABLE sessions (
    token_hash    TEXT PRIMARY KEY,
    username      TEXT NOT NULL REFERENCES users(username) ON DELETE CASCADE,
    created_at    INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    expires_at    INTEGER NOT NULL,
    address       TEXT
  ) STRICT;
  CREATE INDEX sessions_by_user ON sessions(username);

  CREATE TABLE login_attempts (
    address         TEXT PRIMARY KEY,
    failed_count    INTEGER NOT NULL,
    last_failed_at  INTEGER NOT NULL,
    locked_until    INTEGER
  ) STRICT;

  CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    at        INTEGER NOT NULL,
    username  TEXT,
    role      TEXT,
    action    TEXT NOT NULL CHECK (action IN
                ('login', 'login_failed', 'logout', 'export', 'denied', 'password_change', 'user_admin')),
    detail    TEXT NOT NULL DEFAULT '{}',
    rows      INTEGER,
    address   TEXT
  ) STRICT;
  CREATE INDEX audit_by_time ON audit_log(at);
  CREATE INDEX audit_by_user ON audit_log(username, at);

  -- Append-only: the application can add audit rows but never rewrite or remove them.
  CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
  BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
  `
];
