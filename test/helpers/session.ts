// Signing in to a running server the way a browser does: an account in the server's application
// database ($HCI_DATA_DIR/app.sqlite), then POST /api/auth/login with the page's Origin. The
// session cookie comes back for fetch (`cookie`) and for Playwright (`context.addCookies`).
import { join } from 'node:path';
import type { Role } from '../../src/lib/contract/contract';
import { openAppDb } from '../../src/lib/server/auth/app-db';
import { SESSION_COOKIE } from '../../src/lib/server/auth/cookies';
import { createUser, getUser, setPassword } from '../../src/lib/server/auth/users';
import { readOrgTree } from '../../src/lib/server/warehouse';

/** Creates the account in `dataDir`'s application database (its scope checked against the warehouse there), or resets its password. */
export async function addAccount(dataDir: string, username: string, role: Role, scopeOrg: string, password: string): Promise<void> {
  const db = openAppDb(join(dataDir, 'app.sqlite'));
  try {
    if (getUser(db, username)) await setPassword(db, username, password, Date.now);
    else await createUser(db, { username, role, scopeOrg, password }, await readOrgTree(join(dataDir, 'warehouse.duckdb')), Date.now);
  } finally {
    db.close();
  }
}

export interface Session {
  /** For a fetch: `headers: { cookie }`. */
  cookie: string;
  /** For Playwright: `context.addCookies([session.playwright])`. */
  playwright: { name: string; value: string; url: string };
}

/** Signs in through the server's real login endpoint; throws with the server's answer on failure. */
export async function signIn(baseUrl: string, username: string, password: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: baseUrl },
    body: JSON.stringify({ username, password })
  });
  if (res.status !== 200) throw new Error(`sign-in of ${username} failed: ${res.status} ${await res.text()}`);
  const value = new RegExp(`${SESSION_COOKIE}=([^;]+)`).exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (!value) throw new Error('sign-in answered without a session cookie');
  return { cookie: `${SESSION_COOKIE}=${value}`, playwright: { name: SESSION_COOKIE, value, url: baseUrl } };
}
