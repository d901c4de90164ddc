// The sign-in API as a Hono sub-app, for the API app to mount with `.route('/auth', authRoutes)`:
//   POST /login     {username, password} -> sets the session cookie; 401 wrong, 423 locked, 429 slow down
//   POST /logout    ends the session and clears the cookie
//   POST /password  {currentPassword, newPassword} -> ends the user's other sessions
//   GET  /me        the signed-in user, or 401
// The client address comes from the Hono env (`app.fetch(request, { address })`), filled in
// from SvelteKit's `event.getClientAddress()`, which knows about proxies.
import { Hono, type Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { recordAudit } from '../audit/audit-log';
import { SESSION_COOKIE, sessionCookieOptions } from './cookies';
import { csrfGuard } from './csrf';
import { authDeps } from './deps';
import { BAD_REQUEST, jsonBody } from './json-body';
import { changePassword, login, logout, type AuthDeps, type AuthFailure } from './login';
import { validateSession, type ActiveSession } from './sessions';

export type AuthEnv = { Bindings: { address?: string } };

const LoginBody = z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) });
const PasswordBody = z.object({ currentPassword: z.string().min(1).max(256), newPassword: z.string().min(1).max(256) });

function address(c: Context<AuthEnv>): string {
  return c.env?.address ?? 'unknown';
}

function failure(c: Context<AuthEnv>, f: AuthFailure): Response {
  if (f.retryAfterSeconds !== undefined) c.header('Retry-After', String(f.retryAfterSeconds));
  return c.json({ error: f.error, message: f.message, retryAfterSeconds: f.retryAfterSeconds }, f.status);
}

/** `deps` is called per request, so the database opens on first use, not on import. */
export function createAuthRoutes(deps: () => AuthDeps): Hono<AuthEnv> {
  const app = new Hono<AuthEnv>();
  const session = (c: Context<AuthEnv>): ActiveSession | null => {
    const d = deps();
    return validateSession(d.db, getCookie(c, SESSION_COOKIE), d.clock, d.sessions);
  };

  app.use(
    '*',
    csrfGuard((c, reason) => {
      const d = deps();
      const detail = { reason: 'csrf', problem: reason, method: c.req.method, path: c.req.path };
      recordAudit(d.db, { username: null, role: null, action: 'denied', detail, address: address(c) }, d.clock);
    })
  );

  app.post('/login', async (c) => {
    const body = await jsonBody(c, LoginBody);
    if (!body) return c.json(BAD_REQUEST, 400);
    const result = await login(deps(), body.username, body.password, address(c));
    if (!result.ok) return failure(c, result);
    setCookie(c, SESSION_COOKIE, result.session.token, sessionCookieOptions(c.req.url));
    return c.json({ user: result.user, expiresAt: new Date(result.session.expiresAt).toISOString() });
  });

  app.post('/logout', (c) => {
    const current = session(c);
    if (current) logout(deps(), current, address(c));
    deleteCookie(c, SESSION_COOKIE, sessionCookieOptions(c.req.url));
    return c.json({ ok: true });
  });

  app.post('/password', async (c) => {
    const current = session(c);
    if (!current) return c.json({ error: 'unauthenticated', message: 'Sign in first.' }, 401);
    const body = await jsonBody(c, PasswordBody);
    if (!body) return c.json(BAD_REQUEST, 400);
    const result = await changePassword(deps(), current, body.currentPassword, body.newPassword, address(c));
    return result.ok ? c.json({ ok: true }) : failure(c, result);
  });

  app.get('/me', (c) => {
    const current = session(c);
    if (!current) return c.json({ error: 'unauthenticated', message: 'Not signed in.' }, 401);
    return c.json({ user: current.user, expiresAt: new Date(current.expiresAt).toISOString() });
  });

  return app;
}

/** The sub-app over the application database in $HCI_DATA_DIR, with the env's session limits. */
export const authRoutes = createAuthRoutes(authDeps);
