// Roles and what each may do (DESIGN.md "Users, roles, scope"). Scope itself is enforced by
// the query builder from the Caller built here; these helpers answer the yes/no questions.
import { canExport, ROLES, type Caller, type Role, type SignedInUser } from '../../contract/contract';

export { canExport, ROLES, type Caller, type Role };

/** What kind of org unit a role's scope_org must name. */
export const SCOPE_KIND: Record<Role, 'prefecture' | 'county' | 'institution'> = {
  official: 'prefecture',
  county: 'county',
  manager: 'institution',
  analyst: 'prefecture',
  admin: 'prefecture'
};

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export function callerForUser(user: SignedInUser): Caller {
  return { role: user.role, scopeOrg: user.scopeOrg, username: user.username };
}

/** Counts of fewer than 5 persons are shown only to the prefecture's officials and to admins. */
export function canSeeSmallCells(caller: Caller): boolean {
  return caller.role === 'official' || caller.role === 'admin';
}

/** User management and the audit log. */
export function canAdmin(caller: Caller): boolean {
  return caller.role === 'admin';
}
