// Who may reach the API and what is written down about it. The SvelteKit hook turns the session
// cookie into the caller (null when signed out) and the +server.ts route passes it and the
// client address in as Hono bindings; here requests are refused before any data route runs
// (forged cross-site posts, signed-out callers) and the audit log is written.
import type { Context, MiddlewareHandler } from 'hono';
import type { Caller } from '../../api/contract';
import { recordAudit, type AuditEntry } from '../audit/audit-log';
import type { AdminDeps } from '../auth/admin-routes';
import { csrfGuard } from '../auth/csrf';
import { adminDeps, authDeps } from '../auth/deps';
import type { AuthDeps } from '../auth/login';
import { ApiError } from './errors';

export type ApiEnv = { Bindings: { caller: Caller | null; address: string } };

/** The application database behind sign-in, admin and the audit log; tests give their own. */
export interface AccessDeps {
  auth: () => AuthDeps;
  admin: () => AdminDeps;
}

export const DEFAULT_ACCESS: AccessDeps = { auth: authDeps, admin: adminDeps };

/** Open to anyone: readiness probes and the API's description. /api/auth/* handles its own. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/openapi.json']);

export type Audit = (c: Context<ApiEnv>, entry: Omit<AuditEntry, 'username' | 'role' | 'address'>) => void;

/** Writes an audit row for the request's caller and address. */
export function auditor(deps: AccessDeps): Audit {
  return (c, entry) => {
    const { db, clock } = deps.auth();
    const caller = c.env.caller;
    recordAudit(db, { ...entry, username: caller?.username ?? null, role: caller?.role ?? null, address: c.env.address }, clock);
  };
}

/** 403 for a forged state-changing request (see auth/csrf.ts), audited as denied. */
export function csrfCheck(audit: Audit): MiddlewareHandler<ApiEnv> {
  return csrfGuard((c, problem) =>
    audit(c as Context<ApiEnv>, { action: 'denied', detail: { reason: 'csrf', problem, method: c.req.method, path: c.req.path } })
  );
}

/** 401 for a signed-out caller, except on the public paths and the sign-in routes. */
export const requireSignIn: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const path = c.req.path;
  if (c.env.caller || PUBLIC_PATHS.has(path) || path.startsWith('/api/auth/')) return next();
  const error = new ApiError('unauthenticated', 'Sign in first: POST /api/auth/login');
  return c.json(error.body(), 401);
};

/** The caller of a route behind requireSignIn. */
export function signedIn(c: Context<ApiEnv>): Caller {
  const caller = c.env.caller;
  if (!caller) throw new ApiError('unauthenticated', 'Sign in first: POST /api/auth/login');
  return caller;
}

/** A download is a GET: HEAD would build the file (and audit it) only to drop it. */
export function getOnly(c: Context<ApiEnv>): void {
  if (c.req.method === 'HEAD') throw new ApiError('method_not_allowed', 'A download answers GET only');
}

/**
 * What a refused data request asked for, as the audit log keeps it (the raw parameters, cut
 * short); `query` names them for one query of a batch.
 */
export function requestDetail(c: Context<ApiEnv>, query: Record<string, string> = c.req.query()): Record<string, unknown> {
  const { indicator, org, by, from, to, grain, compare, top, month, format, download } = query;
  const filters = Object.fromEntries(
    Object.entries({ org, by, from, to, grain, compare, top, month })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, v.slice(0, 64)])
  );
  return { path: c.req.path, indicator: indicator?.slice(0, 64), filters, format: format?.slice(0, 16), download };
}
