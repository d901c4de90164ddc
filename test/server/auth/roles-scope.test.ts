import { describe, expect, it } from 'vitest';
import { ensureDemoAccounts } from '../../../src/lib/server/auth/demo-accounts';
import { login } from '../../../src/lib/server/auth/login';
import { checkScope, defaultScope } from '../../../src/lib/server/auth/org-scope';
import { callerForUser, canAdmin, canExport, canSeeSmallCells, ROLES, type Role } from '../../../src/lib/server/auth/roles';
import { createUser, listUsers, setDisabled } from '../../../src/lib/server/auth/users';
import { MINUTE, orgs, testDeps } from './fixtures';

describe('roles', () => {
  it('builds the Caller from the stored user', () => {
    expect(callerForUser({ username: 'm', role: 'manager', scopeOrg: 'JG6523010004' })).toEqual({
      role: 'manager',
      scopeOrg: 'JG6523010004',
      username: 'm'
    });
  });

  it('grants exports, small cells and administration as documented', () => {
    const table = Object.fromEntries(
      ROLES.map((role: Role) => {
        const c = { role, scopeOrg: '652300' };
        return [role, [canExport(c), canSeeSmallCells(c), canAdmin(c)]];
      })
    );
    expect(table).toEqual({
      official: [false, true, false],
      county: [false, false, false],
      manager: [false, false, false],
      analyst: [true, false, false],
      admin: [true, true, true]
    });
  });
});

describe('scope checks against the reference org tree', () => {
  it('accepts the right kind of code per role and names it', () => {
    expect(checkScope('official', '652300', orgs)).toBe('昌吉回族自治州');
    expect(checkScope('county', '652301', orgs)).toBe('昌吉市');
    expect(checkScope('manager', 'JG6523010004', orgs)).toBe('昌吉市人民医院');
  });

  it('refuses unknown codes and codes of the wrong level', () => {
    expect(() => checkScope('county', '652300', orgs)).toThrow(/county code; 652300 is a prefecture/);
    expect(() => checkScope('official', '652301', orgs)).toThrow(/prefecture code/);
    expect(() => checkScope('county', '659999', orgs)).toThrow(/not in the org tree/);
    expect(() => checkScope('manager', '652301', orgs)).toThrow(/institution code/);
    expect(() => checkScope('analyst', "652300' OR 1=1", orgs)).toThrow();
  });

  it('defaults prefecture-wide roles to the one prefecture', () => {
    expect(defaultScope('analyst', orgs)).toBe('652300');
    expect(defaultScope('county', orgs)).toBeNull();
  });

  it('is enforced when a user is created', async () => {
    const d = testDeps();
    const add = (username: string, role: string, scopeOrg: string) =>
      createUser(d.db, { username, role, scopeOrg, password: 'long enough pw' }, orgs, d.clock);
    await expect(add('c1', 'county', '652301')).rejects.toThrow(/username must match/);
    await expect(add('county1', 'superuser', '652301')).rejects.toThrow(/unknown role/);
    await expect(add('county1', 'county', 'JG6523010004')).rejects.toThrow(/county code/);
    await expect(add('county1', 'county', '652301')).resolves.toMatchObject({ scopeOrg: '652301' });
    await expect(add('county1', 'county', '652302')).rejects.toThrow(/already exists/);
  });
});

describe('demo accounts', () => {
  it('creates one account per role that signs in with the given password, and resets them when run again', async () => {
    const d = testDeps();
    const first = await ensureDemoAccounts(d.db, { password: 'demo password 1', orgs, clock: d.clock });
    expect(first.map((a) => [a.username, a.role, a.scopeOrg])).toEqual([
      ['official', 'official', '652300'],
      ['county', 'county', '652301'],
      ['manager', 'manager', 'JG6523010004'],
      ['analyst', 'analyst', '652300'],
      ['admin', 'admin', '652300']
    ]);
    expect(first.find((a) => a.username === 'manager')?.scopeName).toBe('昌吉市人民医院');
    setDisabled(d.db, 'county', true, d.clock);
    const second = await ensureDemoAccounts(d.db, { password: 'demo password 2', orgs, clock: d.clock });
    expect(listUsers(d.db).filter((u) => u.disabled)).toEqual([]);
    for (const a of second) {
      d.clock.advance(MINUTE);
      const r = await login(d, a.username, 'demo password 2', '127.0.0.1');
      expect(r.ok && r.user).toEqual({ username: a.username, role: a.role, scopeOrg: a.scopeOrg });
    }
  });

  it('makes up a random password when none is given', async () => {
    const d = testDeps();
    const saved = process.env.HCI_DEMO_PASSWORD;
    delete process.env.HCI_DEMO_PASSWORD;
    try {
      const accounts = await ensureDemoAccounts(d.db, { orgs, clock: d.clock });
      expect(accounts[0].password).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(new Set(accounts.map((a) => a.password)).size).toBe(1);
    } finally {
      if (saved !== undefined) process.env.HCI_DEMO_PASSWORD = saved;
    }
  });
});
