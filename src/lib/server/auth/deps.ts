// The process's sign-in dependencies: the application database in $HCI_DATA_DIR, the
// system clock, the session limits from the environment and the default throttle.
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

export function adminDeps(): AdminDeps {
  const { db, clock } = authDeps();
  return { db, clock };
}
