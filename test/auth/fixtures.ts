// Shared set-up for the sign-in tests: an in-memory application database, a clock the test
// moves by hand, and the shipped reference data for scope checks.
import { loadReference } from '../../datasets/reference';
import { openAppDb } from '../../src/lib/server/auth/app-db';
import type { AuthDeps } from '../../src/lib/server/auth/login';
import { DEFAULT_THROTTLE } from '../../src/lib/server/auth/throttle';
import { createUser } from '../../src/lib/server/auth/users';

export const orgs = loadReference();
export const PASSWORD = 'correct horse battery';

export interface ManualClock {
  (): number;
  advance(ms: number): void;
}

export function manualClock(start = Date.UTC(2025, 10, 3, 1, 0, 0)): ManualClock {
  let now = start;
  const clock = (() => now) as ManualClock;
  clock.advance = (ms) => {
    now += ms;
  };
  return clock;
}

export const MINUTE = 60_000;

export function testDeps(clock: ManualClock = manualClock()): AuthDeps & { clock: ManualClock } {
  return {
    db: openAppDb(':memory:'),
    clock,
    sessions: { idleMs: 30 * MINUTE, absoluteMs: 12 * 60 * MINUTE },
    throttle: DEFAULT_THROTTLE
  };
}

export async function addUser(deps: AuthDeps, username: string, role = 'county', scopeOrg = '652301'): Promise<void> {
  await createUser(deps.db, { username, role, scopeOrg, password: PASSWORD }, orgs, deps.clock);
}
