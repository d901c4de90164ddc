// Pseudonymous person keys: HMAC-SHA256 of the resident ID number under a secret key, so the
// same person links across feeds and days while nobody without the key can go back. Computed
// in Node (crypto) for the distinct ID numbers of a run only.
import { createHash, createHmac, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { base32 } from 'rfc4648';
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
    if (fromEnv.length < 32) throw new Error('HCI_PSEUDONYM_KEY must be at least 32 characters (e.g. 64 hex digits from `openssl rand -hex 32`)');
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

/** 128 bits of the HMAC in lowercase base32: no digit 0, 1, 8 or 9, so never mistaken for an ID or a phone. */
export function personKey(key: PseudonymKey, idNumber: string): string {
  const mac = createHmac('sha256', key.secret).update(idNumber.toUpperCase()).digest();
  return base32.stringify(mac.subarray(0, 16), { pad: false }).toLowerCase();
}

/**
 * Fills TEMP table person_keys(id_number, person_key) for the ID numbers found in the given
 * staging columns, so facts can join to it and drop the raw number.
 */
export async function buildPersonKeys(db: Database, key: PseudonymKey, sources: { table: string; column: string }[]): Promise<number> {
  await db.run('DROP TABLE IF EXISTS person_keys');
  await db.run('CREATE TEMP TABLE person_keys (id_number VARCHAR PRIMARY KEY, person_key VARCHAR NOT NULL)');
  if (sources.length === 0) return 0;
  const union = sources.map((s) => `SELECT ${s.column} AS id FROM ${s.table} WHERE problem IS NULL AND ${s.column} IS NOT NULL`).join(' UNION ');
  const ids = await db.rows<{ id: string }>(`SELECT DISTINCT id FROM (${union})`);
  const appender = await db.connection.createAppender('person_keys', 'main', 'temp');
  for (const { id } of ids) {
    appender.appendVarchar(id);
    appender.appendVarchar(personKey(key, id));
    appender.endRow();
  }
  appender.flushSync();
  appender.closeSync();
  return ids.length;
}
