// The sign-in API, OpenAPIHono routes for the API app to mount with `.route('/auth', ...)`:
//   POST /login     {username, password} -> sets the session cookie; 401 wrong, 423 locked, 429 slow down
//   POST /logout    ends the session and clears the cookie
//   POST /password  {currentPassword, newPassword} -> ends the user's other sessions
//   GET  /me        the signed-in user, or 401
// The API app has already refused forged posts and, except for /login and /logout, signed-out
// callers; the session and the client address come from the bindings the SvelteKit route fills
// in (`event.locals.session`, `event.getClientAddress()`, which knows about proxies). Refusals
// are thrown as ApiError, for the API's error middleware to answer.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { signedInSession, type ApiEnv } from '../api/access';
import { ApiError } from '../api/errors';
import {
  ACCESS_ERRORS,
  jsonContent as json,
  LoginBody,
  OkBody,
  PasswordChangeBody,
  postJson,
  SessionBody,
  SIGN_IN_ERRORS
} from '../api/schemas';
import { SESSION_COOKIE, sessionCookieOptions } from './cookies';
import { changePassword, login, logout, type AuthDeps, type AuthFailure } from './login';

const routes = {
  login: postJson('/login', 'Sign in: sets the session cookie (HttpOnly, SameSite=Lax)', LoginBody, {
    200: json(SessionBody, 'Signed in'),
    ...SIGN_IN_ERRORS
  }),
  logout: createRoute({
    method: 'post',
    path: '/logout',
    summary: 'Sign out: ends the session, if any, and clears the cookie',
    responses: { 200: json(OkBody, 'Signed out'), 403: ACCESS_ERRORS[403] }
  }),
  password: postJson('/password', "Change the signed-in user's password; their other sessions end", PasswordChangeBody, {
    200: json(OkBody, 'Changed'),
    ...SIGN_IN_ERRORS
  }),
  me: createRoute({
    method: 'get',
    path: '/me',
    summary: 'The signed-in user and when the session ends',
    responses: { 200: json(SessionBody, 'The session'), 401: ACCESS_ERRORS[401] }
  })
};

function refused(f: AuthFailure): ApiError {
  return new ApiError(f.error, f.message, undefined, undefined, { retryAfterSeconds: f.retryAfterSeconds });
}

/** `deps` is called per request, so the database opens on first use, not on import. */
export function createAuthRoutes(deps: () => AuthDeps): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>();

  app.openapi(routes.login, async (c) => {
    const { username, password } = c.req.valid('json');
    const result = await login(deps(), username, password, c.env.address);
    if (!result.ok) throw refused(result);
    setCookie(c, SESSION_COOKIE, result.session.token, sessionCookieOptions(c.req.url));
    return c.json({ user: result.user, expiresAt: new Date(result.session.expiresAt).toISOString() }, 200);
  });

  app.openapi(routes.logout, (c) => {
    const current = c.env.session;
    if (current) logout(deps(), current, c.env.address);
    deleteCookie(c, SESSION_COOKIE, sessionCookieOptions(c.req.url));
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(routes.password, async (c) => {
    const current = signedInSession(c);
    const { currentPassword, newPassword } = c.req.valid('json');
    const result = await changePassword(deps(), current, currentPassword, newPassword, c.env.address);
    if (!result.ok) throw refused(result);
    return c.json({ ok: true as const }, 200);
  });

  app.openapi(routes.me, (c) => {
    const current = signedInSession(c);
    return c.json({ user: current.user, expiresAt: new Date(current.expiresAt).toISOString() }, 200);
  });

  return app;
}
