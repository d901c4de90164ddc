// The admin API, OpenAPIHono routes for the API app to mount with `.route('/admin', ...)`:
//   GET  /users                        every account (never a hash)
//   POST /users                        {username, role, scopeOrg?, password?} -> a generated password when none given
//   POST /users/{username}/disable     also ends the user's sessions
//   POST /users/{username}/enable      also lifts a lockout
//   POST /users/{username}/password    {password?} -> a generated password when none given
//   GET  /audit?username=&role=&action=&from=&to=&text=&page=&pageSize=   newest first
// Only admins: the API app has refused forged posts and signed-out callers; anyone else gets 403,
// audited as denied by the API's error middleware, which also answers what the user store
// refuses (UserError) with a 400. The caller and address come from the Hono
// bindings, like the rest of the API.
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { signedIn, type ApiEnv, type Audit } from '../api/access';
import { ApiError } from '../api/errors';
import {
  ACCESS_ERRORS as errors,
  AuditPageBody,
  AuditParams,
  jsonBody,
  jsonContent as json,
  NewUserBody,
  NewUserResult,
  OkBody,
  PasswordResetBody,
  PasswordResetResult,
  postJson,
  UsernameParam,
  UsersBody
} from '../api/schemas';
import { listAudit } from '../audit/audit-log';
import type { AppDb } from './app-db';
import type { Clock } from './clock';
import type { OrgIndex } from '../org-index';
import { defaultScope } from './org-scope';
import { generatePassword } from './password';
import { canAdmin } from './roles';
import { createUser, listUsers, setDisabled, setPassword } from './users';

export interface AdminDeps {
  db: AppDb;
  clock: Clock;
}

const toggle = (op: 'disable' | 'enable', summary: string) =>
  createRoute({
    method: 'post',
    path: `/users/{username}/${op}`,
    summary,
    request: { params: UsernameParam },
    responses: { 200: json(OkBody, 'Done'), ...errors }
  });

const routes = {
  users: createRoute({
    method: 'get',
    path: '/users',
    summary: 'Every account (never a password hash)',
    responses: { 200: json(UsersBody, 'Accounts'), 401: errors[401], 403: errors[403] }
  }),
  addUser: postJson('/users', 'Add an account; without a password, one is generated and given once', NewUserBody, {
    201: json(NewUserResult, 'Added'),
    ...errors
  }),
  disable: toggle('disable', "Disable an account (not one's own); its sessions end"),
  enable: toggle('enable', 'Enable an account; a lockout is lifted'),
  password: createRoute({
    method: 'post',
    path: '/users/{username}/password',
    summary: "Set an account's password (not one's own); without one, a password is generated and given once",
    request: { params: UsernameParam, body: jsonBody(PasswordResetBody) },
    responses: { 200: json(PasswordResetResult, 'Set'), ...errors }
  }),
  audit: createRoute({
    method: 'get',
    path: '/audit',
    summary: 'The audit log, newest first, by user, role, action, time and detail text',
    request: { query: AuditParams },
    responses: { 200: json(AuditPageBody, 'A page of audit rows'), ...errors }
  })
};

/**
 * `audit` is the API's audit writer, for the caller and address of the request; `orgs` the org
 * tree of the warehouse the API serves, which new accounts' scopes are checked against (without
 * a warehouse it throws NoWarehouse, answered with a 503).
 */
export function createAdminRoutes(deps: () => AdminDeps, audit: Audit, orgs: () => Promise<OrgIndex>): OpenAPIHono<ApiEnv> {
  const app = new OpenAPIHono<ApiEnv>();

  const adminOnly: MiddlewareHandler<ApiEnv> = async (c, next) => {
    if (!canAdmin(signedIn(c))) {
      throw new ApiError('forbidden', 'Only administrators may do this.', undefined, 'not_admin', {
        detail: { method: c.req.method, path: c.req.path }
      });
    }
    await next();
  };
  app.use('*', adminOnly);

  // An admin's own account is changed by someone else (or `npm run users`): disabling it would
  // lock the last admin out, and resetting its password here would skip the current password
  // the account page asks for, which is what keeps a session left open from taking the account.
  const notSelf = (c: Context<ApiEnv>, username: string, what: string) => {
    if (username.toLowerCase() === c.env.caller?.username?.toLowerCase())
      throw new ApiError('bad_request', `You cannot ${what} your own account here`);
  };

  app.openapi(routes.users, (c) => c.json({ users: listUsers(deps().db) }, 200));

  app.openapi(routes.addUser, async (c) => {
    const body = c.req.valid('json');
    const d = deps();
    const tree = await orgs();
    const scopeOrg = body.scopeOrg ?? defaultScope(body.role, tree);
    if (!scopeOrg) throw new ApiError('bad_request', `role ${body.role} needs a scopeOrg`);
    const password = body.password ?? generatePassword();
    const user = await createUser(d.db, { username: body.username.toLowerCase(), role: body.role, scopeOrg, password }, tree, d.clock);
    audit(c, { action: 'user_admin', detail: { op: 'add', target: user.username, role: user.role, scopeOrg } });
    return c.json({ user, password: body.password ? undefined : password }, 201);
  });

  for (const op of ['disable', 'enable'] as const) {
    app.openapi(routes[op], (c) => {
      const { username } = c.req.valid('param');
      notSelf(c, username, op);
      const d = deps();
      setDisabled(d.db, username, op === 'disable', d.clock);
      audit(c, { action: 'user_admin', detail: { op, target: username } });
      return c.json({ ok: true as const }, 200);
    });
  }

  app.openapi(routes.password, async (c) => {
    const body = c.req.valid('json');
    const { username } = c.req.valid('param');
    notSelf(c, username, 'reset the password of');
    const password = body.password ?? generatePassword();
    const d = deps();
    await setPassword(d.db, username, password, d.clock);
    audit(c, { action: 'user_admin', detail: { op: 'reset-password', target: username } });
    return c.json({ ok: true as const, password: body.password ? undefined : password }, 200);
  });

  app.openapi(routes.audit, (c) => {
    const { page, pageSize, from, to, ...rest } = c.req.valid('query');
    // A bare date is a day in the platform's time zone, as the admin page shows times.
    const time = (s: string | undefined) => (s === undefined ? undefined : Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s));
    return c.json(listAudit(deps().db, { ...rest, from: time(from), to: time(to) }, { page, pageSize }), 200);
  });

  return app;
}
