import { describe, expect, it } from 'vitest';
import { createSession, hashToken, revokeSessions, sessionPolicy, validateSession } from '../../../src/lib/server/auth/sessions';
import { setDisabled, setRoleAndScope } from '../../../src/lib/server/auth/users';
import { addUser, MINUTE, orgs, testDeps } from './fixtures';

describe('sessions', () => {
  it('stores only the SHA-256 of a 32-byte random token', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const s = createSession(d.db, 'alice', d.clock, d.sessions, '10.0.0.1');
    expect(Buffer.from(s.token, 'base64url')).toHaveLength(32);
    const stored = d.db.prepare('SELECT token_hash FROM sessions').all() as { token_hash: string }[];
    expect(stored).toEqual([{ token_hash: hashToken(s.token) }]);
    expect(JSON.stringify(d.db.prepare('SELECT * FROM sessions').all())).not.toContain(s.token);
  });

  it('returns the user with its current role and scope', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const { token } = createSession(d.db, 'alice', d.clock, d.sessions);
    expect(validateSession(d.db, token, d.clock, d.sessions)?.user).toEqual({ username: 'alice', role: 'county', scopeOrg: '652301' });
    setRoleAndScope(d.db, 'alice', 'manager', 'JG6523010004', orgs, d.clock);
    expect(validateSession(d.db, token, d.clock, d.sessions)?.user).toEqual({
      username: 'alice',
      role: 'manager',
      scopeOrg: 'JG6523010004'
    });
  });

  it('ends after 30 idle minutes, and activity restarts the idle clock', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const { token } = createSession(d.db, 'alice', d.clock, d.sessions);
    d.clock.advance(29 * MINUTE);
    expect(validateSession(d.db, token, d.clock, d.sessions)).not.toBeNull();
    d.clock.advance(29 * MINUTE);
    expect(validateSession(d.db, token, d.clock, d.sessions)).not.toBeNull();
    d.clock.advance(30 * MINUTE);
    expect(validateSession(d.db, token, d.clock, d.sessions)).toBeNull();
    // An expired session is deleted, not merely refused.
    expect(d.db.prepare('SELECT count(*) AS n FROM sessions').get()).toEqual({ n: 0 });
  });

  it('ends 12 hours after sign-in however active', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    const { token } = createSession(d.db, 'alice', d.clock, d.sessions);
    for (let i = 0; i < 47; i++) {
      d.clock.advance(15 * MINUTE);
      expect(validateSession(d.db, token, d.clock, d.sessions)).not.toBeNull();
    }
    d.clock.advance(15 * MINUTE);
    expect(validateSession(d.db, token, d.clock, d.sessions)).toBeNull();
  });

  it('refuses unknown, malformed and revoked tokens, and tokens of disabled users', async () => {
    const d = testDeps();
    await addUser(d, 'alice');
    await addUser(d, 'bob');
    expect(validateSession(d.db, undefined, d.clock, d.sessions)).toBeNull();
    expect(validateSession(d.db, "x' OR 1=1 --", d.clock, d.sessions)).toBeNull();
    expect(validateSession(d.db, 'A'.repeat(43), d.clock, d.sessions)).toBeNull();
    const a1 = createSession(d.db, 'alice', d.clock, d.sessions);
    const a2 = createSession(d.db, 'alice', d.clock, d.sessions);
    const b = createSession(d.db, 'bob', d.clock, d.sessions);
    expect(revokeSessions(d.db, 'alice', a1.tokenHash)).toBe(1);
    expect(validateSession(d.db, a1.token, d.clock, d.sessions)).not.toBeNull();
    expect(validateSession(d.db, a2.token, d.clock, d.sessions)).toBeNull();
    setDisabled(d.db, 'bob', true, d.clock);
    expect(validateSession(d.db, b.token, d.clock, d.sessions)).toBeNull();
  });

  it('reads its limits from the environment', () => {
    expect(sessionPolicy({})).toEqual({ idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE });
    expect(sessionPolicy({ HCI_SESSION_IDLE_MINUTES: '5', HCI_SESSION_ABSOLUTE_HOURS: '1' })).toEqual({
      idleMs: 5 * MINUTE,
      absoluteMs: 60 * MINUTE
    });
    expect(() => sessionPolicy({ HCI_SESSION_IDLE_MINUTES: 'soon' })).toThrow(/HCI_SESSION_IDLE_MINUTES/);
  });
});
