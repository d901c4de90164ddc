// The sign-in, sign-out and password-change flows, composed from the stores and audited.
// Transport-free (plain values in, a result out) so the Hono routes stay thin and the
// flows can be tested without HTTP.
import { recordAudit } from '../audit/audit-log';
import type { AppDb } from './app-db';
import type { Clock } from './clock';
import { verifyAgainstNothing, verifyPassword } from './password';
import type { SignInRefusal, SignedInUser } from '../../contract/contract';
import { createSession, endSession, type ActiveSession, type NewSession, type SessionPolicy } from './sessions';
import { loginGate, recordLoginFailure, recordLoginSuccess, type Gate, type ThrottlePolicy } from './throttle';
import { getUser, setPassword, UserError } from './users';

export interface AuthDeps {
  db: AppDb;
  clock: Clock;
  sessions: SessionPolicy;
  throttle: ThrottlePolicy;
}

export type AuthFailure = {
  ok: false;
  status: 400 | 401 | 403 | 423 | 429;
  error: SignInRefusal;
  message: string;
  retryAfterSeconds?: number;
};

export type LoginResult = { ok: true; user: SignedInUser; session: NewSession } | AuthFailure;

const INVALID: AuthFailure = { ok: false, status: 401, error: 'invalid_credentials', message: 'Wrong username or password.' };

function refusal(gate: Exclude<Gate, { allowed: true }>): AuthFailure {
  const retryAfterSeconds = Math.ceil(gate.retryAfterMs / 1000);
  const who = gate.on === 'account' ? 'This account' : 'Sign-in from this address';
  if (gate.reason === 'locked') {
    const minutes = Math.ceil(retryAfterSeconds / 60);
    return {
      ok: false,
      status: 423,
      error: 'locked',
      retryAfterSeconds,
      message: `${who} is locked after repeated failures; try again in ${minutes} min.`
    };
  }
  return {
    ok: false,
    status: 429,
    error: 'throttled',
    retryAfterSeconds,
    message: `Too many attempts; wait ${retryAfterSeconds} s before trying again.`
  };
}

// At most one check per account and two per address run at once: otherwise a burst
// of parallel guesses would all pass the throttle before the first failure is counted.
const inFlight = new Map<string, number>();
const MAX_IN_FLIGHT = { account: 1, address: 2 };

function enter(key: string, max: number): boolean {
  const n = inFlight.get(key) ?? 0;
  if (n >= max) return false;
  inFlight.set(key, n + 1);
  return true;
}

function leave(key: string): void {
  const n = (inFlight.get(key) ?? 1) - 1;
  if (n <= 0) inFlight.delete(key);
  else inFlight.set(key, n);
}

const BUSY: AuthFailure = {
  ok: false,
  status: 429,
  error: 'throttled',
  retryAfterSeconds: 1,
  message: 'Another sign-in attempt is in progress; wait a moment.'
};

export async function login(deps: AuthDeps, username: string, password: string, address: string): Promise<LoginResult> {
  const name = username.trim().toLowerCase();
  const accountKey = `account:${name}`;
  const addressKey = `address:${address}`;
  if (!enter(addressKey, MAX_IN_FLIGHT.address)) return BUSY;
  if (!enter(accountKey, MAX_IN_FLIGHT.account)) {
    leave(addressKey);
    return BUSY;
  }
  try {
    return await checkCredentials(deps, name, password, address);
  } finally {
    leave(accountKey);
    leave(addressKey);
  }
}

async function checkCredentials(deps: AuthDeps, name: string, password: string, address: string): Promise<LoginResult> {
  const { db, clock } = deps;
  const failed = (reason: string, extra: Record<string, unknown> = {}, role: string | null = null) =>
    recordAudit(db, { username: name, role, action: 'login_failed', detail: { reason, ...extra }, address }, clock);

  const gate = loginGate(db, name, address, clock(), deps.throttle);
  if (!gate.allowed) {
    failed(gate.reason, { on: gate.on });
    return refusal(gate);
  }
  const user = getUser(db, name);
  const ok = user ? await verifyPassword(user.passwordHash, password) : await verifyAgainstNothing(password);
  if (!user || !ok) {
    const { locked } = recordLoginFailure(db, name, address, clock(), deps.throttle);
    failed(user ? 'wrong_password' : 'unknown_user', locked.length ? { locked } : {}, user?.role ?? null);
    // Say so at once when this failure locked something, rather than on the next try.
    const on = locked[0];
    return on ? refusal({ allowed: false, reason: 'locked', on, retryAfterMs: deps.throttle[on].lockMs }) : INVALID;
  }
  if (user.disabled) {
    failed('disabled', {}, user.role);
    return { ok: false, status: 403, error: 'disabled', message: 'This account is disabled; ask an administrator.' };
  }
  recordLoginSuccess(db, name);
  const session = createSession(db, name, clock, deps.sessions, address);
  recordAudit(db, { username: name, role: user.role, action: 'login', address }, clock);
  return { ok: true, user: { username: user.username, role: user.role, scopeOrg: user.scopeOrg }, session };
}

export function logout(deps: AuthDeps, session: ActiveSession, address: string): void {
  endSession(deps.db, session.tokenHash);
  recordAudit(deps.db, { username: session.user.username, role: session.user.role, action: 'logout', address }, deps.clock);
}

/**
 * Change the signed-in user's own password. A wrong current password counts as a failed
 * sign-in, so a session left open cannot be used to guess it; other sessions are ended.
 */
export async function changePassword(
  deps: AuthDeps,
  session: ActiveSession,
  currentPassword: string,
  newPassword: string,
  address: string
): Promise<{ ok: true } | AuthFailure> {
  const { db, clock } = deps;
  const { username, role } = session.user;
  const gate = loginGate(db, username, address, clock(), deps.throttle);
  if (!gate.allowed) return refusal(gate);
  const user = getUser(db, username);
  if (!user || !(await verifyPassword(user.passwordHash, currentPassword))) {
    recordLoginFailure(db, username, address, clock(), deps.throttle);
    recordAudit(db, { username, role, action: 'password_change', detail: { ok: false, reason: 'wrong_password' }, address }, clock);
    return { ...INVALID, message: 'The current password is wrong.' };
  }
  try {
    await setPassword(db, username, newPassword, clock, session.tokenHash);
  } catch (err) {
    if (err instanceof UserError) return { ok: false, status: 400, error: 'weak_password', message: err.message };
    throw err;
  }
  recordAudit(db, { username, role, action: 'password_change', detail: { ok: true }, address }, clock);
  return { ok: true };
}
