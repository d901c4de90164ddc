// Server-side sessions: the browser holds a 32-byte random token; the database holds only
// its SHA-256, the user, and the times that enforce the idle and absolute timeouts.
import { createHash, randomBytes } from 'node:crypto';
import { transaction, type AppDb } from './app-db';
import type { Clock } from './clock';
import type { Role, SignedInUser } from '../../contract/contract';

export interface SessionPolicy {
  /** A session unused for this long is over. */
  idleMs: number;
  /** A session is over this long after sign-in, however active. */
  absoluteMs: number;
}

const MINUTE = 60_000;

/** From HCI_SESSION_IDLE_MINUTES (default 30) and HCI_SESSION_ABSOLUTE_HOURS (default 12). */
export function sessionPolicy(env: NodeJS.ProcessEnv = process.env): SessionPolicy {
  const positive = (name: string, fallback: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${JSON.stringify(raw)}`);
    return n;
  };
  return {
    idleMs: positive('HCI_SESSION_IDLE_MINUTES', 30) * MINUTE,
    absoluteMs: positive('HCI_SESSION_ABSOLUTE_HOURS', 12) * 60 * MINUTE
  };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

// base64url of 32 bytes: anything else cannot be ours, and is refused before a lookup.
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export interface NewSession {
  token: string;
  tokenHash: string;
  expiresAt: number;
}

export function createSession(db: AppDb, username: string, clock: Clock, policy: SessionPolicy, address?: string): NewSession {
  const token = randomBytes(32).toString('base64url');
  const tokenHash = hashToken(token);
  const now = clock();
  const expiresAt = now + policy.absoluteMs;
  transaction(db, () => {
    // Sweep over-age sessions while we are writing anyway; validation also refuses them.
    db.prepare('DELETE FROM sessions WHERE expires_at <= ? OR last_seen_at <= ?').run(now, now - policy.idleMs);
    db.prepare('INSERT INTO sessions (token_hash, username, created_at, last_seen_at, expires_at, address) VALUES (?, ?, ?, ?, ?, ?)').run(
      tokenHash,
      username,
      now,
      now,
      expiresAt,
      address ?? null
    );
  });
  return { token, tokenHash, expiresAt };
}

export interface ActiveSession {
  tokenHash: string;
  user: SignedInUser;
  createdAt: number;
  expiresAt: number;
}

interface SessionRow {
  token_hash: string;
  username: string;
  role: Role;
  scope_org: string;
  disabled: number;
  created_at: number;
  last_seen_at: number;
  expires_at: number;
}

/**
 * The live session for `token`, with the user's current role and scope, or null. Expired
 * sessions are deleted; a valid one is marked as seen now, which restarts its idle clock.
 */
export function validateSession(db: AppDb, token: string | undefined, clock: Clock, policy: SessionPolicy): ActiveSession | null {
  if (!token || !TOKEN_PATTERN.test(token)) return null;
  const tokenHash = hashToken(token);
  const row = db
    .prepare(
      `SELECT s.token_hash, s.username, u.role, u.scope_org, u.disabled, s.created_at, s.last_seen_at, s.expires_at
       FROM sessions s JOIN users u ON u.username = s.username WHERE s.token_hash = ?`
    )
    .get(tokenHash) as SessionRow | undefined;
  if (!row) return null;
  const now = clock();
  if (row.disabled === 1 || now >= row.expires_at || now - row.last_seen_at >= policy.idleMs) {
    db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
    return null;
  }
  db.prepare('UPDATE sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, tokenHash);
  return {
    tokenHash,
    user: { username: row.username, role: row.role, scopeOrg: row.scope_org },
    createdAt: row.created_at,
    expiresAt: row.expires_at
  };
}

/** Sign-out: the token stops working at once. */
export function endSession(db: AppDb, tokenHash: string): void {
  db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(tokenHash);
}

/** End every session of `username`, except `exceptTokenHash` when given. */
export function revokeSessions(db: AppDb, username: string, exceptTokenHash?: string): number {
  const { changes } = db.prepare('DELETE FROM sessions WHERE username = ? AND token_hash IS NOT ?').run(username, exceptTokenHash ?? null);
  return Number(changes);
}
