import { describe, expect, it } from 'vitest';
import { generatePassword, hashPassword, passwordProblem, verifyPassword } from '../../../src/lib/server/auth/password';

describe('password hashing', () => {
  it('hashes with argon2id at the OWASP cost, salted, and verifies', async () => {
    const a = await hashPassword('correct horse battery');
    const b = await hashPassword('correct horse battery');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(a, 'correct horse batterY')).toBe(false);
  });

  it('treats an unparseable stored hash as a mismatch, not an error', async () => {
    expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
  });
});

describe('password policy', () => {
  it('wants at least 10 characters, not the username, not one repeated character', () => {
    expect(passwordProblem('short12')).toMatch(/at least 10/);
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('alice-is-great', 'alice')).toMatch(/username/);
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/so few/);
    expect(passwordProblem('复杂的中文密码很安全吧')).toBeNull();
    expect(passwordProblem('correct horse battery', 'alice')).toBeNull();
  });

  it('generates passwords that pass the policy and differ', () => {
    const seen = new Set(Array.from({ length: 50 }, generatePassword));
    expect(seen.size).toBe(50);
    for (const p of seen) expect(passwordProblem(p)).toBeNull();
  });
});
