// The API's application database for in-process tests: SQLite in memory, the real migrations,
// the system clock and the default throttle.
import type { AccessDeps } from '../../src/lib/server/api/access';
import { openAppDb, type AppDb } from '../../src/lib/server/auth/app-db';
import type { AuthDeps } from '../../src/lib/server/auth/login';
import { DEFAULT_THROTTLE } from '../../src/lib/server/auth/throttle';

export interface TestAccess {
  db: AppDb;
  access: AccessDeps;
}

export function testAccess(): TestAccess {
  const db = openAppDb(':memory:');
  const clock = () => Date.now();
  const auth: AuthDeps = { db, clock, sessions: { idleMs: 30 * 60_000, absoluteMs: 12 * 3_600_000 }, throttle: DEFAULT_THROTTLE };
  return { db, access: { auth: () => auth, admin: () => ({ db, clock }) } };
}
