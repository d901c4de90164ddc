// One caller per role, as the sign-in hook would make them from the demo accounts' scopes over the
// fixture warehouse (test/server/metrics/fixture.ts): the county and the manager's institution are
// ones the fixture has rows for.
import type { Caller } from '../../src/lib/contract/contract';

export const OFFICIAL: Caller = { role: 'official', scopeOrg: '652300', username: 'official' };
export const COUNTY: Caller = { role: 'county', scopeOrg: '652327', username: 'county' };
export const MANAGER: Caller = { role: 'manager', scopeOrg: 'JG6523010007', username: 'manager' };
export const ANALYST: Caller = { role: 'analyst', scopeOrg: '652300', username: 'analyst' };
export const ADMIN: Caller = { role: 'admin', scopeOrg: '652300', username: 'admin' };
