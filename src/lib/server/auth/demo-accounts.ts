// One demo account per role for `npm run demo` (DESIGN.md "Fixed commands and settings").
import { recordAudit } from '../audit/audit-log';
import type { AppDb } from './app-db';
import { systemClock, type Clock } from './clock';
import type { OrgIndex } from '../org-index';
import { checkScope } from './org-scope';
import { generatePassword } from './password';
import type { Role } from './roles';
import { createUser, getUser, setDisabled, setPassword, setRoleAndScope } from './users';

export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; role: Role; scopeOrg: string }> = [
  { username: 'official', role: 'official', scopeOrg: '652300' },
  { username: 'county', role: 'county', scopeOrg: '652301' },
  // 昌吉市人民医院: the county-level general hospital of Changji City, lead of its medical community.
  { username: 'manager', role: 'manager', scopeOrg: 'JG6523010004' },
  { username: 'analyst', role: 'analyst', scopeOrg: '652300' },
  { username: 'admin', role: 'admin', scopeOrg: '652300' }
];

export interface DemoAccount {
  username: string;
  role: Role;
  scopeOrg: string;
  scopeName: string;
  password: string;
}

export interface DemoOptions {
  /** Defaults to HCI_DEMO_PASSWORD, else a new random password. */
  password?: string;
  /** The org tree the scopes are checked against (the warehouse's: readOrgTree()). */
  orgs: OrgIndex;
  clock?: Clock;
}

/**
 * Create the demo accounts, or bring existing ones back to their demo role, scope and
 * password (enabled, unlocked), so the printed list always signs in. All share one password.
 */
export async function ensureDemoAccounts(db: AppDb, options: DemoOptions): Promise<DemoAccount[]> {
  const password = options.password ?? (process.env.HCI_DEMO_PASSWORD || generatePassword());
  const { orgs } = options;
  const clock = options.clock ?? systemClock;
  const accounts: DemoAccount[] = [];
  for (const { username, role, scopeOrg } of DEMO_ACCOUNTS) {
    const scopeName = checkScope(role, scopeOrg, orgs);
    if (getUser(db, username)) {
      setRoleAndScope(db, username, role, scopeOrg, orgs, clock);
      setDisabled(db, username, false, clock);
      await setPassword(db, username, password, clock);
    } else {
      await createUser(db, { username, role, scopeOrg, password }, orgs, clock);
    }
    accounts.push({ username, role, scopeOrg, scopeName, password });
  }
  recordAudit(
    db,
    { username: 'demo', role: 'cli', action: 'user_admin', detail: { op: 'demo_accounts', users: accounts.map((a) => a.username) } },
    clock
  );
  return accounts;
}
