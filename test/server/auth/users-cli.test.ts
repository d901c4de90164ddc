// `npm run users` end to end: the real script in a child process against a temp data dir holding
// the fixture warehouse, whose org tree the scopes are checked against.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/lib/server/audit/audit-log';
import { openAppDb } from '../../../src/lib/server/auth/app-db';
import { login } from '../../../src/lib/server/auth/login';
import { DEFAULT_THROTTLE } from '../../../src/lib/server/auth/throttle';
import { buildFixtureWarehouse } from '../metrics/fixture';
import { manualClock, MINUTE } from './fixtures';

const dataDir = mkdtempSync(join(tmpdir(), 'hci-users-'));
const bareDir = mkdtempSync(join(tmpdir(), 'hci-users-bare-'));
beforeAll(() => buildFixtureWarehouse(dataDir));
afterAll(() => {
  for (const dir of [dataDir, bareDir]) rmSync(dir, { recursive: true, force: true });
});

function users(args: string[], input?: string, dir = dataDir) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/users.ts', ...args], {
    env: { ...process.env, HCI_DATA_DIR: dir, HCI_DEMO_PASSWORD: '' },
    input: input ?? '',
    encoding: 'utf8'
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function signsIn(username: string, password: string): Promise<boolean> {
  const db = openAppDb(join(dataDir, 'app.sqlite'));
  try {
    const clock = manualClock(Date.now() + 60 * MINUTE);
    const r = await login(
      { db, clock, sessions: { idleMs: MINUTE, absoluteMs: MINUTE }, throttle: DEFAULT_THROTTLE },
      username,
      password,
      `cli-test-${Math.random()}`
    );
    return r.ok;
  } finally {
    db.close();
  }
}

describe('npm run users', () => {
  it('adds a user from a password on stdin, who can then sign in', async () => {
    const r = users(['add', 'alice', '--role', 'county', '--scope', '652302', '--password-stdin'], 'a long password\n');
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('added alice (county, scope 652302)');
    expect(await signsIn('alice', 'a long password')).toBe(true);
  });

  it('refuses to add an account before a warehouse holds the org tree to check its scope against', () => {
    const r = users(['add', 'carol', '--role', 'county', '--scope', '652302', '--generate-password'], undefined, bareDir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/No warehouse has been built yet.*npm run pipeline/);
    expect(r.out).not.toContain('added');
  });

  it('generates and prints a password, defaulting the scope of prefecture roles', async () => {
    const r = users(['add', 'ana', '--role', 'analyst', '--generate-password']);
    expect(r.code).toBe(0);
    const password = /password: (\S+)/.exec(r.out)?.[1];
    expect(password).toHaveLength(16);
    expect(r.out).toContain('scope 652300');
    expect(await signsIn('ana', password!)).toBe(true);
  });

  it('lists users as a table and as JSON, never with hashes', () => {
    const table = users(['list']);
    expect(table.code).toBe(0);
    expect(table.out).toMatch(/alice\s+county\s+652302\s+active/);
    const json = JSON.parse(users(['list', '--json']).out) as { username: string }[];
    expect(json.map((u) => u.username)).toEqual(['alice', 'ana']);
    expect(table.out + JSON.stringify(json)).not.toContain('argon2');
  });

  it('disables, enables and resets passwords', async () => {
    expect(users(['disable', 'alice']).code).toBe(0);
    expect(users(['list']).out).toMatch(/alice\s+county\s+652302\s+disabled/);
    expect(await signsIn('alice', 'a long password')).toBe(false);
    expect(users(['enable', 'alice']).code).toBe(0);
    expect(await signsIn('alice', 'a long password')).toBe(true);
    expect(users(['reset-password', 'alice', '--password-stdin'], 'the second password').code).toBe(0);
    expect(await signsIn('alice', 'the second password')).toBe(true);
  });

  it('exits 1 with a clear message when the request is refused', () => {
    expect(users(['add', 'alice', '--role', 'county', '--scope', '652302', '--generate-password'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('already exists')
    });
    expect(users(['add', 'bob', '--role', 'manager', '--scope', '652301', '--generate-password'])).toMatchObject({
      code: 1,
      err: expect.stringContaining('institution code')
    });
    expect(users(['add', 'bob', '--role', 'county', '--scope', '652301', '--password-stdin'], 'short')).toMatchObject({
      code: 1,
      err: expect.stringContaining('at least 10')
    });
    expect(users(['disable', 'nobody'])).toMatchObject({ code: 1, err: expect.stringContaining('no user named nobody') });
  });

  it('exits 2 on usage errors, including no password source off a terminal', () => {
    expect(users([]).code).toBe(2);
    expect(users(['frobnicate']).err).toContain('unknown command frobnicate');
    expect(users(['add', 'bob', '--role', 'county']).err).toContain('needs --scope');
    expect(users(['add', 'bob', '--role', 'county', '--scope', '652301'])).toMatchObject({
      code: 2,
      err: expect.stringContaining('--password-stdin')
    });
    expect(users(['list', '--bogus']).code).toBe(2);
  });

  it('creates the demo accounts and prints them with one working password', async () => {
    const r = users(['demo']);
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n').slice(1);
    expect(lines.map((l) => l.split(/\s+/)[0])).toEqual(['official', 'county', 'manager', 'analyst', 'admin']);
    const password = lines[0].split(/\s+/)[2];
    expect(await signsIn('manager', password)).toBe(true);
  });

  it('audits every change it made', () => {
    const db = openAppDb(join(dataDir, 'app.sqlite'));
    const ops = listAudit(db, { action: 'user_admin' }, { page: 1, pageSize: 100 })
      .rows.map((r) => r.detail.op)
      .reverse();
    db.close();
    expect(ops).toEqual(['add', 'add', 'disable', 'enable', 'reset-password', 'demo_accounts']);
  });
});
