// Pseudonymous person keys: HMAC-SHA256 of the resident ID number under a secret key, so the
// same person links across feeds and days while nobody without the key can go back. Computed
// inside DuckDB (RFC 2104 from its sha256, the key pads bound as parameters, never stored) for
// the distinct ID numbers of a run; personKey() is the same function in Node, for tests.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { DuckDBBlobValue } from '@duckdb/node-api';
import type { Database } from './warehouse';

export interface PseudonymKey {
  secret: Buffer;
  /** Where it came from, for the log: the environment or a key file. */
  source: string;
  /** A one-way fingerprint stored in the warehouse so a run with another key is refused. */
  fingerprint: string;
}

/** HCI_PSEUDONYM_KEY if set; otherwise the key file, created (mode 0600) when `create` allows. */
export function loadPseudonymKey(keyFile: string, options: { create: boolean }): PseudonymKey & { created: boolean } {
  const fromEnv = process.env.HCI_PSEUDONYM_KEY;
  let secret: Buffer;
  let source: string;
  let created = false;
  if (fromEnv && fromEnv.length > 0) {
    if (fromEnv.length < 32)
      throw new Error('HCI_PSEUDONYM_KEY must be at least 32 characters (e.g. 64 hex digits from `openssl rand -hex 32`)');
    secret = Buffer.from(fromEnv, 'utf8');
    source = 'HCI_PSEUDONYM_KEY';
  } else if (existsSync(keyFile)) {
    secret = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'utf8');
    source = keyFile;
  } else if (options.create) {
    mkdirSync(dirname(keyFile), { recursive: true });
    const generated = randomBytes(32).toString('hex');
    writeFileSync(keyFile, `${generated}\n`, { mode: 0o600 });
    chmodSync(keyFile, 0o600);
    secret = Buffer.from(generated, 'utf8');
    source = keyFile;
    created = true;
  } else {
    throw new Error(`no pseudonymisation key: set HCI_PSEUDONYM_KEY or create ${keyFile}`);
  }
  const fingerprint = createHash('sha256').update('hci-pseudonym-key-fingerprint:').update(secret).digest('hex').slice(0, 16);
  return { secret, source, fingerprint, created };
}

/** Hex digits as letters: a key holds no digit, so it is never mistaken for an ID number or a phone. */
const DIGITS = '0123456789';
const LETTERS = 'ghijklmnop';

/** 128 bits of the HMAC (32 hex characters) with its digits spelled as letters. */
export function personKey(key: PseudonymKey, idNumber: string): string {
  const hex = createHmac('sha256', key.secret).update(idNumber).digest('hex').slice(0, 32);
  return hex.replace(/[0-9]/g, (d) => LETTERS[DIGITS.indexOf(d)]);
}

function pads(secret: Buffer): { inner: Buffer; outer: Buffer } {
  const block = Buffer.alloc(64);
  (secret.length > 64 ? createHash('sha256').update(secret).digest() : secret).copy(block);
  return { inner: Buffer.from(block.map((b) => b ^ 0x36)), outer: Buffer.from(block.map((b) => b ^ 0x5c)) };
}

/**
 * Adds to TEMP table person_keys(id_number, person_key) the ID numbers found in the given staging
 * columns that it lacks, so facts can join to it and drop the raw number. The table lives for
 * one run: a person seen in every batch is hashed once.
 */
export async function addPersonKeys(db: Database, key: PseudonymKey, sources: { table: string; column: string }[]): Promise<void> {
  await db.run('CREATE TEMP TABLE IF NOT EXISTS person_keys (id_number VARCHAR, person_key VARCHAR)');
  const union = sources
    .map((s) => `SELECT ${s.column} AS id FROM ${s.table} WHERE problem IS NULL AND ${s.column} IS NOT NULL`)
    .join(' UNION ');
  const { inner, outer } = pads(key.secret);
  await db.run(
    `INSERT INTO person_keys (id_number, person_key)
     SELECT id, translate(left(sha256(?::BLOB || unhex(sha256(?::BLOB || encode(id)))), 32), '${DIGITS}', '${LETTERS}')
     FROM (${union}) WHERE id NOT IN (SELECT id_number FROM person_keys)`,
    [new DuckDBBlobValue(outer), new DuckDBBlobValue(inner)]
  );
}
