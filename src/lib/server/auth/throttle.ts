// Sign-in throttling: each failed attempt makes the next one wait longer (1 s, 2 s, 4 s ...),
// and after enough failures the account, or the client address, is locked for a while.
// Accounts lock early (5 failures: a guessing attack on one user); addresses tolerate more
// (20), because a whole health office may sign in from one NAT address.
import { transaction, type AppDb } from './app-db';

export interface ThrottleRule {
  lockAfter: number;
  lockMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface ThrottlePolicy {
  account: ThrottleRule;
  address: ThrottleRule;
}

const MINUTE = 60_000;
export const DEFAULT_THROTTLE: ThrottlePolicy = {
  account: { lockAfter: 5, lockMs: 15 * MINUTE, baseDelayMs: 1000, maxDelayMs: 30_000 },
  address: { lockAfter: 20, lockMs: 15 * MINUTE, baseDelayMs: 1000, maxDelayMs: 30_000 }
};

interface Counter {
  failedCount: number;
  lastFailedAt: number | null;
  lockedUntil: number | null;
}

export type Gate = { allowed: true } | { allowed: false; reason: 'locked' | 'throttled'; on: 'account' | 'address'; retryAfterMs: number };

function delayAfter(failures: number, rule: ThrottleRule): number {
  return Math.min(rule.baseDelayMs * 2 ** (failures - 1), rule.maxDelayMs);
}

/** Failures still counting at `now`: a lock that ran out, or a quiet spell as long as one, wipes them. */
function liveCount(c: Counter, rule: ThrottleRule, now: number): number {
  if (c.lockedUntil !== null && c.lockedUntil <= now) return 0;
  if (c.lastFailedAt === null || now - c.lastFailedAt >= rule.lockMs) return 0;
  return c.failedCount;
}

function gateFor(c: Counter | undefined, rule: ThrottleRule, on: 'account' | 'address', now: number): Gate {
  if (!c) return { allowed: true };
  if (c.lockedUntil !== null && now < c.lockedUntil) {
    return { allowed: false, reason: 'locked', on, retryAfterMs: c.lockedUntil - now };
  }
  const failures = liveCount(c, rule, now);
  if (failures > 0 && c.lastFailedAt !== null) {
    const waitUntil = c.lastFailedAt + delayAfter(failures, rule);
    if (now < waitUntil) return { allowed: false, reason: 'throttled', on, retryAfterMs: waitUntil - now };
  }
  return { allowed: true };
}

function accountCounter(db: AppDb, username: string): Counter | undefined {
  return db
    .prepare(
      'SELECT failed_count AS failedCount, last_failed_at AS lastFailedAt, locked_until AS lockedUntil FROM users WHERE username = ?'
    )
    .get(username) as Counter | undefined;
}

function addressCounter(db: AppDb, address: string): Counter | undefined {
  return db
    .prepare(
      'SELECT failed_count AS failedCount, last_failed_at AS lastFailedAt, locked_until AS lockedUntil FROM login_attempts WHERE address = ?'
    )
    .get(address) as Counter | undefined;
}

/** Whether an attempt for `username` from `address` may be checked at all right now. */
export function loginGate(db: AppDb, username: string, address: string, now: number, policy: ThrottlePolicy = DEFAULT_THROTTLE): Gate {
  const byAddress = gateFor(addressCounter(db, address), policy.address, 'address', now);
  if (!byAddress.allowed) return byAddress;
  return gateFor(accountCounter(db, username), policy.account, 'account', now);
}

function next(c: Counter | undefined, rule: ThrottleRule, now: number): Counter {
  const failedCount = (c ? liveCount(c, rule, now) : 0) + 1;
  return { failedCount, lastFailedAt: now, lockedUntil: failedCount >= rule.lockAfter ? now + rule.lockMs : null };
}

export interface FailureOutcome {
  /** What this failure locked, if anything. */
  locked: Array<'account' | 'address'>;
}

/** Count a failed attempt against the address, and against the account when it exists. */
export function recordLoginFailure(
  db: AppDb,
  username: string,
  address: string,
  now: number,
  policy: ThrottlePolicy = DEFAULT_THROTTLE
): FailureOutcome {
  return transaction(db, (): FailureOutcome => {
    const locked: FailureOutcome['locked'] = [];
    const account = accountCounter(db, username);
    if (account) {
      const n = next(account, policy.account, now);
      db.prepare('UPDATE users SET failed_count = ?, last_failed_at = ?, locked_until = ? WHERE username = ?').run(
        n.failedCount,
        n.lastFailedAt,
        n.lockedUntil,
        username
      );
      if (n.lockedUntil !== null) locked.push('account');
    }
    // Forget addresses whose failures no longer count, so the table stays as small as the attack.
    db.prepare('DELETE FROM login_attempts WHERE last_failed_at <= ? AND (locked_until IS NULL OR locked_until <= ?)').run(
      now - policy.address.lockMs,
      now
    );
    const a = next(addressCounter(db, address), policy.address, now);
    db.prepare(
      `INSERT INTO login_attempts (address, failed_count, last_failed_at, locked_until) VALUES (?, ?, ?, ?)
       ON CONFLICT (address) DO UPDATE SET failed_count = excluded.failed_count,
         last_failed_at = excluded.last_failed_at, locked_until = excluded.locked_until`
    ).run(address, a.failedCount, a.lastFailedAt, a.lockedUntil);
    if (a.lockedUntil !== null) locked.push('address');
    return { locked };
  });
}

/**
 * A successful sign-in clears the account's count. The address keeps its count, so one
 * valid account cannot be used to reset the counter while guessing others' passwords.
 */
export function recordLoginSuccess(db: AppDb, username: string): void {
  db.prepare('UPDATE users SET failed_count = 0, last_failed_at = NULL, locked_until = NULL WHERE username = ?').run(username);
}
