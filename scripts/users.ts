// npm run users -- add|list|disable|enable|reset-password|demo: manage sign-in accounts in
// the application database ($HCI_DATA_DIR/app.sqlite). Safe while the server runs.
// Exit codes: 0 done, 1 refused (unknown user, duplicate, weak password, bad scope), 2 usage.
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { parseArgs } from 'node:util';
import { read } from 'read';
import { recordAudit } from '../src/lib/server/audit/audit-log';
import { appDbPath, openAppDb, type AppDb } from '../src/lib/server/auth/app-db';
import { systemClock } from '../src/lib/server/auth/clock';
import { ensureDemoAccounts } from '../src/lib/server/auth/demo-accounts';
import { defaultScope } from '../src/lib/server/auth/org-scope';
import { generatePassword } from '../src/lib/server/auth/password';
import { isRole, ROLES } from '../src/lib/server/auth/roles';
import { createUser, listUsers, setDisabled, setPassword, UserError } from '../src/lib/server/auth/users';
import { NoWarehouse, readOrgTree } from '../src/lib/server/warehouse';

const USAGE = `usage: npm run users -- <command> [options]

  add <username> --role ROLE [--scope CODE] [PASSWORD SOURCE]
        ROLE is one of ${ROLES.join(', ')}; CODE is the prefecture (default for
        official, analyst, admin), a county code (county) or an institution code (manager)
  list [--json]
  disable <username>          also signs the user out everywhere
  enable <username>           also lifts a lockout
  reset-password <username> [PASSWORD SOURCE]
  demo                        create or reset one demo account per role and print them
                              (password from HCI_DEMO_PASSWORD, else a random one)

  PASSWORD SOURCE: --password-stdin (read it from standard input), or
  --generate-password (make a random one and print it); with neither, prompt on a terminal.

The database is $HCI_DATA_DIR/app.sqlite (default ./data/app.sqlite); scopes are checked
against the org tree of the warehouse in the same folder (add and demo need it built).`;

class UsageError extends Error {}

async function readPassword(values: {
  'password-stdin'?: boolean;
  'generate-password'?: boolean;
}): Promise<{ password: string; generated: boolean }> {
  if (values['password-stdin'] && values['generate-password'])
    throw new UsageError('choose one of --password-stdin and --generate-password');
  if (values['generate-password']) return { password: generatePassword(), generated: true };
  if (values['password-stdin']) return { password: readFileSync(0, 'utf8').replace(/\r?\n$/, ''), generated: false };
  if (!process.stdin.isTTY) throw new UsageError('no password: pass --password-stdin or --generate-password, or run on a terminal');
  const first = await read({ prompt: 'Password: ', silent: true, replace: '*' });
  const again = await read({ prompt: 'Again: ', silent: true, replace: '*' });
  if (first !== again) throw new UserError('the two passwords differ');
  return { password: first, generated: false };
}

function oneUsername(positionals: string[], command: string): string {
  if (positionals.length !== 1) throw new UsageError(`${command} takes exactly one username`);
  return positionals[0].toLowerCase();
}

function printTable(rows: string[][]): void {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  for (const r of rows)
    console.log(
      r
        .map((cell, i) => cell.padEnd(widths[i]))
        .join('  ')
        .trimEnd()
    );
}

async function run(db: AppDb, argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      role: { type: 'string' },
      scope: { type: 'string' },
      json: { type: 'boolean' },
      'password-stdin': { type: 'boolean' },
      'generate-password': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' }
    }
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    if (!command && !values.help) throw new UsageError('no command');
    return;
  }
  const actor = { username: `cli:${userInfo().username}`, role: 'cli' };
  const audit = (detail: Record<string, unknown>) => recordAudit(db, { ...actor, action: 'user_admin', detail });

  switch (command) {
    case 'add': {
      const username = oneUsername(rest, command);
      if (!values.role || !isRole(values.role)) throw new UsageError(`--role must be one of ${ROLES.join(', ')}`);
      const orgs = await readOrgTree();
      const scopeOrg = values.scope ?? defaultScope(values.role, orgs);
      if (!scopeOrg) throw new UsageError(`role ${values.role} needs --scope CODE`);
      const { password, generated } = await readPassword(values);
      const user = await createUser(db, { username, role: values.role, scopeOrg, password }, orgs, systemClock);
      audit({ op: 'add', target: username, role: user.role, scopeOrg });
      console.log(`added ${username} (${user.role}, scope ${scopeOrg})`);
      if (generated) console.log(`password: ${password}`);
      return;
    }
    case 'list': {
      const users = listUsers(db);
      if (values.json) {
        console.log(
          JSON.stringify(
            users.map(({ failedCount: _f, lastFailedAt: _l, ...u }) => u),
            null,
            2
          )
        );
        return;
      }
      const now = Date.now();
      printTable([
        ['USERNAME', 'ROLE', 'SCOPE', 'STATUS', 'CREATED'],
        ...users.map((u) => [
          u.username,
          u.role,
          u.scopeOrg,
          u.disabled ? 'disabled' : u.lockedUntil !== null && u.lockedUntil > now ? 'locked' : 'active',
          new Date(u.createdAt).toISOString().slice(0, 10)
        ])
      ]);
      return;
    }
    case 'disable':
    case 'enable': {
      const username = oneUsername(rest, command);
      setDisabled(db, username, command === 'disable', systemClock);
      audit({ op: command, target: username });
      console.log(`${command}d ${username}`);
      return;
    }
    case 'reset-password': {
      const username = oneUsername(rest, command);
      const { password, generated } = await readPassword(values);
      await setPassword(db, username, password, systemClock);
      audit({ op: 'reset-password', target: username });
      console.log(`password of ${username} reset; their sessions have ended`);
      if (generated) console.log(`password: ${password}`);
      return;
    }
    case 'demo': {
      const accounts = await ensureDemoAccounts(db, { orgs: await readOrgTree() });
      printTable([
        ['USERNAME', 'ROLE', 'PASSWORD', 'SCOPE'],
        ...accounts.map((a) => [a.username, a.role, a.password, `${a.scopeOrg} ${a.scopeName}`])
      ]);
      return;
    }
    default:
      throw new UsageError(`unknown command ${command}`);
  }
}

try {
  const db = openAppDb(appDbPath());
  try {
    await run(db, process.argv.slice(2));
  } finally {
    db.close();
  }
} catch (err) {
  const known =
    err instanceof UserError ||
    err instanceof NoWarehouse ||
    err instanceof UsageError ||
    (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  console.error(`users: ${known ? (err as Error).message : String((err as Error).stack ?? err)}`);
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS'))
    console.error('run `npm run users -- --help` for usage');
  process.exitCode = err instanceof UserError || err instanceof NoWarehouse ? 1 : known ? 2 : 1;
}
