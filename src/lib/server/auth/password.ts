// Password hashing with argon2id (@node-rs/argon2, a maintained Rust binding with prebuilt
// binaries) at OWASP's recommended cost, plus the password policy.
import { hash, verify, type Algorithm, type Options } from '@node-rs/argon2';
import { randomBytes } from 'node:crypto';

export const MIN_PASSWORD_LENGTH = 10;
// argon2 accepts any length; the cap only stops a megabyte "password" from costing CPU.
export const MAX_PASSWORD_LENGTH = 256;

const ARGON2_OPTIONS: Options = {
  // Argon2id; the package's enum is a `const enum`, which isolatedModules cannot import.
  algorithm: 2 as Algorithm,
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1
};

/** Why `password` is not acceptable for `username`, or null when it is. */
export function passwordProblem(password: string, username?: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (username && password.toLowerCase().includes(username.toLowerCase())) return 'password must not contain the username';
  if (new Set(password).size < 4) return 'password must not repeat so few characters';
  return null;
}

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** False for a wrong password and for a stored hash that cannot be parsed. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spend the time of one verification when the username is unknown, so response times do
 * not tell which usernames exist.
 */
export async function verifyAgainstNothing(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
  return false;
}

/** 16 URL-safe characters (96 random bits) for generated and demo passwords. */
export function generatePassword(): string {
  return randomBytes(12).toString('base64url');
}
