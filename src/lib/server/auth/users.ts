// The user store: accounts with a role, a scope and an argon2id password hash.
import { transaction, type AppDb } from './app-db';
import type { Clock } from './clock';
import type { OrgIndex } from '../org-index';
import { checkScope } from './org-scope';
import { hashPassword, passwordProblem } from './password';
import { isRole, type Role } from './roles';
import { revokeSessions } from './sessions';

export interface User {
  username: string;
  role: Role;
  scopeOrg: string;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
  failedCount: number;
  lastFailedAt: number | null;
  lockedUntil: number | null;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

/** Lower-case, starting with a letter: usernames appear in URLs, logs and the audit trail. */
export const USERNAME_PATTERN = /^[a-z][a-z0-9_.-]{2,31}$/;

/** A request the store refuses (unknown user, duplicate, weak password): safe to show. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

interface UserRow {
  username: string;
  role: Role;
  scope_org: string;
  password_hash: string;
  disabled: number;
  created_at: number;
  updated_at: number;
  failed_count: number;
  last_failed_at: number | null;
  locked_until: number | null;
}

function fromRow(row: UserRow): UserWithHash {
  return {
    username: row.username,
    role: row.role,
    scopeOrg: row.scope_org,
    passwordHash: row.password_hash,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    failedCount: row.failed_count,
    lastFailedAt: row.last_failed_at,
    lockedUntil: row.locked_until
  };
}

function withoutHash({ passwordHash: _hash, ...user }: UserWithHash): User {
  return user;
}

export function getUser(db: AppDb, username: string): UserWithHash | null {
  const row = db.prepare('SELECT * FROM users WHERE username = ?').get(username) as UserRow | undefined;
  return row ? fromRow(row) : null;
}

function requireUser(db: AppDb, username: string): UserWithHash {
  const user = getUser(db, username);
  if (!user) throw new UserError(`no user named ${username}`);
  return user;
}

export function listUsers(db: AppDb): User[] {
  const rows = db.prepare('SELECT * FROM users ORDER BY username').all() as unknown as UserRow[];
  return rows.map((r) => withoutHash(fromRow(r)));
}

export interface NewUser {
  username: string;
  role: string;
  scopeOrg: string;
  password: string;
}

export async function createUser(db: AppDb, input: NewUser, orgs: OrgIndex, clock: Clock): Promise<User> {
  const { username, role, scopeOrg, password } = input;
  if (!USERNAME_PATTERN.test(username)) {
    throw new UserError(`username must match ${USERNAME_PATTERN.source} (lower-case letters, digits, _ . -; 3-32 long)`);
  }
  if (!isRole(role)) throw new UserError(`unknown role ${role}`);
  try {
    checkScope(role, scopeOrg, orgs);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  const problem = passwordProblem(password, username);
  if (problem) throw new UserError(problem);
  const passwordHash = await hashPassword(password);
  const now = clock();
  // The existence check is in the INSERT itself: the CLI and the admin page may race.
  const inserted = db
    .prepare(
      `INSERT INTO users (username, role, scope_org, password_hash, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (username) DO NOTHING`
    )
    .run(username, role, scopeOrg, passwordHash, now, now);
  if (inserted.changes === 0) throw new UserError(`user ${username} already exists`);
  return withoutHash(requireUser(db, username));
}

/** Change role and scope (checked like at creation); open sessions pick it up at once. */
export function setRoleAndScope(db: AppDb, username: string, role: Role, scopeOrg: string, orgs: OrgIndex, clock: Clock): void {
  requireUser(db, username);
  try {
    checkScope(role, scopeOrg, orgs);
  } catch (err) {
    throw new UserError((err as Error).message);
  }
  db.prepare('UPDATE users SET role = ?, scope_org = ?, updated_at = ? WHERE username = ?').run(role, scopeOrg, clock(), username);
}

/** Disabling also ends the user's sessions; enabling also lifts a lockout. */
export function setDisabled(db: AppDb, username: string, disabled: boolean, clock: Clock): void {
  requireUser(db, username);
  transaction(db, () => {
    db.prepare(
      `UPDATE users SET disabled = ?, updated_at = ?,
         failed_count = CASE WHEN ? THEN failed_count ELSE 0 END,
         locked_until = CASE WHEN ? THEN locked_until ELSE NULL END
       WHERE username = ?`
    ).run(disabled ? 1 : 0, clock(), disabled ? 1 : 0, disabled ? 1 : 0, username);
    if (disabled) revokeSessions(db, username);
  });
}

/**
 * Set a new password (policy-checked), lift any lockout and end every session of the user
 * except `keepTokenHash` (the session that changed its own password stays signed in).
 */
export async function setPassword(db: AppDb, username: string, password: string, clock: Clock, keepTokenHash?: string): Promise<void> {
  requireUser(db, username);
  const problem = passwordProblem(password, username);
  if (problem) throw new UserError(problem);
  const passwordHash = await hashPassword(password);
  transaction(db, () => {
    db.prepare(
      `UPDATE users SET password_hash = ?, updated_at = ?, failed_count = 0, last_failed_at = NULL, locked_until = NULL
       WHERE username = ?`
    ).run(passwordHash, clock(), username);
    revokeSessions(db, username, keepTokenHash);
  });
}
