// Who may reach the API and what is written down about it. The SvelteKit hook turns the session
// cookie into the caller (null when signed out) and its session, and the +server.ts route passes
// them and the client address in as Hono bindings; here, once per request and before any route
// runs, forged cross-site posts and then signed-out callers are refused, and here is the one
// writer of the audit log's rows about a request.
import type { Context, MiddlewareHandler } from 'hono';
import type { Caller } from '../../contract/contract';
import { recordAudit, type AuditEntry } from '../audit/audit-log';
import type { AdminDeps } from '../auth/admin-routes';
import { csrfProblem } from '../auth/csrf';
import { adminDeps, authDeps } from '../auth/deps';
import type { AuthDeps } from '../auth/login';
import type { ActiveSession } from '../auth/sessions';
import { ApiError } from './errors';

export type ApiEnv = {
  Bindings: {
    caller: Caller | null;
    address: string;
    /** The live session behind `caller` (the hook's locals.session), for the sign-in routes. */
    session?: ActiveSession | null;
  };
};

/** The application database behind sign-in, admin and the audit log; tests give their own. */
export interface AccessDeps {
  auth: () => AuthDeps;
  admin: () => AdminDeps;
}

export const DEFAULT_ACCESS: AccessDeps = { auth: authDeps, admin: adminDeps };

/** Open to anyone: readiness probes, the API's description, signing in and out. */
const PUBLIC_PATHS: ReadonlySet<string> = new Set(['/api/health', '/api/openapi.json', '/api/auth/login', '/api/auth/logout']);

export type Audit = (c: Context<ApiEnv>, entry: Omit<AuditEntry, 'username' | 'role' | 'address'>) => void;

/** Writes an audit row for the request's caller and address. */
export function auditor(deps: AccessDeps): Audit {
  return (c, entry) => {
    const { db, clock } = deps.auth();
    const caller = c.env.caller;
    recordAudit(db, { ...entry, username: caller?.username ?? null, role: caller?.role ?? null, address: c.env.address }, clock);
  };
}

/** 403 for a forged state-changing request (see auth/csrf.ts), audited as denied by the error middleware. */
export const csrfCheck: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const problem = csrfProblem(c.req.raw);
  if (problem) {
    throw new ApiError('csrf', 'Cross-site request refused.', undefined, 'csrf', {
      detail: { problem, method: c.req.method, path: c.req.path }
    });
  }
  await next();
};

const SIGN_IN_FIRST = 'Sign in first: POST /api/auth/login';

/** 401 for a signed-out caller, except on the public paths: the one sign-in check of a request. */
export const requireSignIn: MiddlewareHandler<ApiEnv> = async (c, next) => {
  if (!c.env.caller && !PUBLIC_PATHS.has(c.req.path)) throw new ApiError('unauthenticated', SIGN_IN_FIRST);
  await next();
};

/** The caller of a route behind requireSignIn (which has refused the signed-out). */
export function signedIn(c: Context<ApiEnv>): Caller {
  const caller = c.env.caller;
  if (!caller) throw new ApiError('unauthenticated', SIGN_IN_FIRST);
  return caller;
}

/** The session of a route behind requireSignIn; a host that passes a caller without one has no session to show. */
export function signedInSession(c: Context<ApiEnv>): ActiveSession {
  const session = c.env.session;
  if (!session) throw new ApiError('unauthenticated', SIGN_IN_FIRST);
  return session;
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

/** The denied row of a refusal that has a reason (or of one query of a batch, named by `query`). */
export function denial(
  error: ApiError,
  c: Context<ApiEnv>,
  query?: Record<string, string>
): Omit<AuditEntry, 'username' | 'role' | 'address'> {
  return { action: 'denied', detail: { reason: error.reason ?? 'forbidden', ...(error.extras.detail ?? requestDetail(c, query)) } };
}
