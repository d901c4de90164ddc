// The process's sign-in dependencies: the application database in $HCI_DATA_DIR, the
// system clock, the session limits from the environment, the default throttle and the
// reference org tree for scope checks.
import { resolve } from 'node:path';
import { loadReference } from '../../../../datasets/reference';
import type { AdminDeps } from './admin-routes';
import { appDb } from './app-db';
import { systemClock } from './clock';
import type { AuthDeps } from './login';
import { sessionPolicy, validateSession, type ActiveSession } from './sessions';
import { DEFAULT_THROTTLE } from './throttle';

let defaults: AuthDeps | undefined;

/** Built on first use, so importing a module never opens the database. */
export function authDeps(): AuthDeps {
  defaults ??= { db: appDb(), clock: systemClock, sessions: sessionPolicy(), throttle: DEFAULT_THROTTLE };
  return defaults;
}

/** The live session behind a session-cookie value (for hooks.server.ts), or null. */
export function sessionForToken(token: string | undefined): ActiveSession | null {
  const d = authDeps();
  return validateSession(d.db, token, d.clock, d.sessions);
}

/**
 * The org tree is read from the working directory (the repository, as for `npm start`):
 * the loader's own default is relative to its module, which a bundled server moves.
 */
export function adminDeps(): AdminDeps {
  const { db, clock } = authDeps();
  return { db, clock, orgs: () => loadReference(resolve('datasets/reference')) };
}
