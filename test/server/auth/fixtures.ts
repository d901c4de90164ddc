// Shared set-up for the sign-in tests: an in-memory application database, a clock the test
// moves by hand, the org tree of the shipped reference data for scope checks, and the /api app over them.
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Caller } from '../../../src/lib/contract/contract';
import { createApi } from '../../../src/lib/server/api/app';
import { openAppDb } from '../../../src/lib/server/auth/app-db';
import type { AuthDeps } from '../../../src/lib/server/auth/login';
import type { ActiveSession } from '../../../src/lib/server/auth/sessions';
import { DEFAULT_THROTTLE } from '../../../src/lib/server/auth/throttle';
import { createUser } from '../../../src/lib/server/auth/users';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { referenceOrgTree } from '../../helpers/org-tree';
import { buildFixtureWarehouse } from '../metrics/fixture';
import { afterAll } from 'vitest';

export const orgs = await referenceOrgTree();
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

/** What the SvelteKit route passes the API: the caller, its session and the client address. */
export interface Bindings {
  caller: Caller | null;
  session?: ActiveSession | null;
  address: string;
}

let fixtureDir: string | undefined;
let fixturePath: Promise<string> | undefined;
afterAll(() => {
  if (fixtureDir) rmSync(fixtureDir, { recursive: true, force: true });
});

/** The fixture warehouse, built once per test file: the org tree admins check new accounts' scopes against. */
function fixtureWarehouse(): Promise<string> {
  fixtureDir ??= mkdtempSync(join(tmpdir(), 'hci-access-'));
  fixturePath ??= buildFixtureWarehouse(fixtureDir);
  return fixturePath;
}

/**
 * The whole /api app over `deps`, as the server mounts it (the sign-in and admin routes behind
 * the CSRF and sign-in checks and the error middleware), over the fixture warehouse or the one at `warehousePath`.
 */
export async function accessApi(
  deps: AuthDeps,
  warehousePath?: string
): Promise<{ request(url: string, init: RequestInit, bindings: Bindings): Promise<Response> }> {
  const app = createApi({
    warehouse: new Warehouse(warehousePath ?? (await fixtureWarehouse())),
    access: { auth: () => deps, admin: () => ({ db: deps.db, clock: deps.clock }) }
  });
  return { request: async (url, init, bindings) => app.fetch(new Request(url, init), bindings) };
}
