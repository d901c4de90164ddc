// The admin API as a Hono sub-app, for the API app to mount with `.route('/admin', adminRoutes)`:
//   GET  /users                        every account (never a hash)
//   POST /users                        {username, role, scopeOrg?, password?} -> a generated password when none given
//   POST /users/:username/disable      also ends the user's sessions
//   POST /users/:username/enable       also lifts a lockout
//   POST /users/:username/password     {password?} -> a generated password when none given
//   GET  /audit?username=&role=&action=&from=&to=&text=&page=&pageSize=   newest first
// Only admins: anyone else gets 403, audited as denied. The caller and address come from the
// Hono env, like the rest of the API.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { Caller } from '../../api/contract';
import { AUDIT_ACTIONS, listAudit, recordAudit } from '../audit/audit-log';
import type { AppDb } from './app-db';
import type { Clock } from './clock';
import { csrfGuard } from './csrf';
import { adminDeps } from './deps';
import { BAD_REQUEST, jsonBody } from './json-body';
import { defaultScope, type OrgDirectory } from './org-scope';
import { generatePassword } from './password';
import { canAdmin, ROLES } from './roles';
import { createUser, listUsers, setDisabled, setPassword, UserError } from './users';

export type AdminEnv = { Bindings: { caller?: Caller | null; address?: string } };

export interface AdminDeps {
  db: AppDb;
  clock: Clock;
  orgs: () => OrgDirectory;
}

const NewUserBody = z.object({
  username: z.string().min(1).max(64),
  role: z.enum(ROLES),
  scopeOrg: z.string().min(1).max(32).optional(),
  password: z.string().min(1).max(256).optional()
});
const PasswordBody = z.object({ password: z.string().min(1).max(256).optional() });

const AuditQuery = z.object({
  username: z.string().max(64).optional(),
  role: z.string().max(16).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  /** YYYY-MM-DD or a full ISO time; `to` is exclusive. */
  from: z.iso.date().or(z.iso.datetime()).optional(),
  to: z.iso.date().or(z.iso.datetime()).optional(),
  text: z.string().max(100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50)
});

export function createAdminRoutes(deps: () => AdminDeps): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  const audit = (c: Context<AdminEnv>, action: 'user_admin' | 'denied', detail: Record<string, unknown>) => {
    const caller = c.env?.caller;
    const d = deps();
    recordAudit(
      d.db,
      { username: caller?.username ?? null, role: caller?.role ?? null, action, detail, address: c.env?.address ?? null },
      d.clock
    );
  };

  app.use(
    '*',
    csrfGuard((c, problem) => audit(c, 'denied', { reason: 'csrf', problem, method: c.req.method, path: c.req.path }))
  );
  app.use('*', async (c, next) => {
    const caller = c.env?.caller;
    if (!caller) return c.json({ error: 'unauthenticated', message: 'Sign in first.' }, 401);
    if (!canAdmin(caller)) {
      audit(c, 'denied', { reason: 'not_admin', method: c.req.method, path: c.req.path });
      return c.json({ error: 'forbidden', message: 'Only administrators may do this.' }, 403);
    }
    await next();
  });
  app.onError((err, c) => {
    if (err instanceof UserError) return c.json({ error: 'bad_request', message: err.message }, 400);
    throw err;
  });

  app.get('/users', (c) => c.json({ users: listUsers(deps().db) }));

  app.post('/users', async (c) => {
    const body = await jsonBody(c, NewUserBody);
    if (!body) return c.json(BAD_REQUEST, 400);
    const d = deps();
    const orgs = d.orgs();
    const scopeOrg = body.scopeOrg ?? defaultScope(body.role, orgs);
    if (!scopeOrg) return c.json({ error: 'bad_request', message: `role ${body.role} needs a scopeOrg` }, 400);
    const password = body.password ?? generatePassword();
    const user = await createUser(d.db, { username: body.username.toLowerCase(), role: body.role, scopeOrg, password }, orgs, d.clock);
    audit(c, 'user_admin', { op: 'add', target: user.username, role: user.role, scopeOrg });
    return c.json({ user, password: body.password ? undefined : password }, 201);
  });

  // An admin's own account is changed by someone else (or `npm run users`): disabling it would
  // lock the last admin out, and resetting its password here would skip the current password
  // the account page asks for, which is what keeps a session left open from taking the account.
  const notSelf = (c: Context<AdminEnv>, username: string, what: string) => {
    if (username.toLowerCase() === c.env?.caller?.username?.toLowerCase()) throw new UserError(`You cannot ${what} your own account here`);
  };

  app.post('/users/:username/:op{disable|enable}', (c) => {
    const { username, op } = c.req.param();
    notSelf(c, username, op);
    const d = deps();
    setDisabled(d.db, username, op === 'disable', d.clock);
    audit(c, 'user_admin', { op, target: username });
    return c.json({ ok: true });
  });

  app.post('/users/:username/password', async (c) => {
    const body = await jsonBody(c, PasswordBody);
    if (!body) return c.json(BAD_REQUEST, 400);
    const username = c.req.param('username');
    notSelf(c, username, 'reset the password of');
    const password = body.password ?? generatePassword();
    const d = deps();
    await setPassword(d.db, username, password, d.clock);
    audit(c, 'user_admin', { op: 'reset-password', target: username });
    return c.json({ ok: true, password: body.password ? undefined : password });
  });

  app.get('/audit', (c) => {
    const parsed = AuditQuery.safeParse(c.req.query());
    if (!parsed.success)
      return c.json({ error: 'bad_request', message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }, 400);
    const { page, pageSize, from, to, ...rest } = parsed.data;
    // A bare date is a day in the platform's time zone, as the admin page shows times.
    const time = (s: string | undefined) => (s === undefined ? undefined : Date.parse(s.length === 10 ? `${s}T00:00:00+08:00` : s));
    return c.json(listAudit(deps().db, { ...rest, from: time(from), to: time(to) }, { page, pageSize }));
  });

  return app;
}

/** The sub-app over the application database in $HCI_DATA_DIR. */
export const adminRoutes = createAdminRoutes(adminDeps);
