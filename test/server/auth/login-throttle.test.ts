// Sign-in throttling and lockout, per account and per client address, and the audit rows
// each attempt leaves.
import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/lib/server/audit/audit-log';
import { changePassword, login, type LoginResult } from '../../../src/lib/server/auth/login';
import { validateSession } from '../../../src/lib/server/auth/sessions';
import { setDisabled } from '../../../src/lib/server/auth/users';
import { addUser, MINUTE, PASSWORD, testDeps } from './fixtures';

const failure = (r: LoginResult) => {
  if (r.ok) throw new Error('expected a refusal');
  return r;
};

describe('sign-in', () => {
  it('succeeds with the right password, case-insensitively for the username, and audits it', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const r = await login(d, ' Alice ', PASSWORD, '10.0.0.1');
    expect(r.ok && r.user).toEqual({ username: 'alice', role: 'county', scopeOrg: '652301' });
    const rows = listAudit(d.db).rows;
    expect(rows).toMatchObject([{ username: 'alice', role: 'county', action: 'login', address: '10.0.0.1' }]);
  });

  it('gives the same 401 for an unknown user and a wrong password, and audits both', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const unknown = failure(await login(d, 'mallory', PASSWORD, '10.0.0.1'));
    d.clock.advance(MINUTE);
    const wrong = failure(await login(d, 'alice', 'not the password', '10.0.0.2'));
    expect([unknown.status, unknown.message]).toEqual([wrong.status, wrong.message]);
    expect(unknown.status).toBe(401);
    const rows = listAudit(d.db, { action: 'login_failed' }).rows;
    expect(rows.map((r) => [r.username, r.detail.reason])).toEqual([
      ['alice', 'wrong_password'],
      ['mallory', 'unknown_user']
    ]);
  });

  it('makes each retry after a failure wait longer: 1 s, 2 s, 4 s, 8 s', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    for (const wait of [1000, 2000, 4000, 8000]) {
      failure(await login(d, 'alice', 'wrong password!', '10.0.0.1'));
      const early = failure(await login(d, 'alice', PASSWORD, '10.0.0.1'));
      expect(early).toMatchObject({ status: 429, error: 'throttled', retryAfterSeconds: wait / 1000 });
      d.clock.advance(wait);
    }
    // The early attempts were not checked, so they did not count: this is failure number 5.
    expect((await login(d, 'alice', PASSWORD, '10.0.0.1')).ok).toBe(true);
  });

  it('locks an account for 15 minutes after 5 failures, even for the right password, from any address', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    let last: LoginResult | undefined;
    for (let i = 0; i < 5; i++) {
      last = await login(d, 'alice', 'wrong password!', `10.0.0.${i}`);
      d.clock.advance(30_000);
    }
    expect(failure(last!)).toMatchObject({ status: 423, error: 'locked' });
    expect(failure(last!).message).toMatch(/locked.*15 min/);
    const refused = failure(await login(d, 'alice', PASSWORD, '10.9.9.9'));
    expect(refused).toMatchObject({ status: 423, error: 'locked' });
    expect(refused.retryAfterSeconds).toBeGreaterThan(13 * 60);
    expect(listAudit(d.db, { action: 'login_failed', text: '"locked"' }).total).toBe(2);
    d.clock.advance(15 * MINUTE);
    expect((await login(d, 'alice', PASSWORD, '10.9.9.9')).ok).toBe(true);
  });

  it('locks an address after 20 failures across accounts, without locking the accounts', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    for (let i = 0; i < 20; i++) {
      const r = failure(await login(d, `guess${i}`, 'wrong password!', '203.0.113.7'));
      expect(r.status).toBe(i < 19 ? 401 : 423);
      d.clock.advance(31_000);
    }
    expect(failure(await login(d, 'alice', PASSWORD, '203.0.113.7'))).toMatchObject({ status: 423, error: 'locked' });
    expect((await login(d, 'alice', PASSWORD, '198.51.100.1')).ok).toBe(true);
  });

  it('clears the account count on success, so failures must be consecutive to lock', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) {
        failure(await login(d, 'alice', 'wrong password!', `10.1.${round}.${i}`));
        d.clock.advance(10_000);
      }
      expect((await login(d, 'alice', PASSWORD, `10.2.${round}.1`)).ok).toBe(true);
    }
  });

  it('refuses a disabled account with 403 after a right password only', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    setDisabled(d.db, 'alice', true, d.clock);
    expect(failure(await login(d, 'alice', 'wrong password!', '10.0.0.1')).status).toBe(401);
    d.clock.advance(MINUTE);
    expect(failure(await login(d, 'alice', PASSWORD, '10.0.0.1'))).toMatchObject({ status: 403, error: 'disabled' });
  });

  it('lets parallel guesses at one account through one at a time', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const results = await Promise.all(Array.from({ length: 5 }, () => login(d, 'alice', 'wrong password!', '10.0.0.1')));
    expect(results.filter((r) => !r.ok && r.status === 401)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.status === 429)).toHaveLength(4);
  });
});

describe('password change', () => {
  it('needs the current password, keeps this session, ends the others, and is audited', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const here = await login(d, 'alice', PASSWORD, '10.0.0.1');
    const there = await login(d, 'alice', PASSWORD, '10.0.0.2');
    if (!here.ok || !there.ok) throw new Error('sign-in failed');
    const session = validateSession(d.db, here.session.token, d.clock, d.sessions)!;

    const wrong = await changePassword(d, session, 'not it at all', 'a brand new secret', '10.0.0.1');
    expect(wrong).toMatchObject({ ok: false, status: 401 });
    d.clock.advance(MINUTE);
    const weak = await changePassword(d, session, PASSWORD, 'short', '10.0.0.1');
    expect(weak).toMatchObject({ ok: false, status: 400, error: 'weak_password' });
    expect(await changePassword(d, session, PASSWORD, 'a brand new secret', '10.0.0.1')).toEqual({ ok: true });

    expect(validateSession(d.db, here.session.token, d.clock, d.sessions)).not.toBeNull();
    expect(validateSession(d.db, there.session.token, d.clock, d.sessions)).toBeNull();
    d.clock.advance(MINUTE);
    expect((await login(d, 'alice', PASSWORD, '10.0.0.3')).ok).toBe(false);
    d.clock.advance(MINUTE);
    expect((await login(d, 'alice', 'a brand new secret', '10.0.0.3')).ok).toBe(true);
    expect(listAudit(d.db, { action: 'password_change' }).rows.map((r) => r.detail.ok)).toEqual([true, false]);
  });
});
