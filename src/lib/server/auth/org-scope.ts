// Checks that a user's scope_org names a real org unit of the kind its role needs, against the
// org tree the API serves (the warehouse's dimensions, ../org-index.ts), so a typo cannot create
// an account that silently sees nothing, and an account is checked against the very tree its
// queries will be scoped by.
import type { OrgIndex } from '../org-index';
import { SCOPE_KIND, type Role } from './roles';

export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeError';
  }
}

/** The org unit's Chinese name; throws ScopeError when `code` is not valid for `role`. */
export function checkScope(role: Role, code: string, orgs: OrgIndex): string {
  const kind = SCOPE_KIND[role];
  const unit = orgs.get(code);
  if (kind === 'institution' && unit?.kind !== 'institution') {
    throw new ScopeError(`role ${role} needs an institution code (like JG6523010004); ${code} is not one`);
  }
  if (!unit || unit.kind !== kind) {
    throw new ScopeError(`role ${role} needs a ${kind} code; ${code} is ${unit ? `a ${unit.kind}` : 'not in the org tree'}`);
  }
  return unit.name.zh;
}

/** The scope a role gets when none is given: the prefecture for prefecture-wide roles. */
export function defaultScope(role: Role, orgs: OrgIndex): string | null {
  if (SCOPE_KIND[role] !== 'prefecture') return null;
  const prefectures = orgs.ofKind('prefecture');
  // With more than one prefecture (the province scale) the operator must choose.
  return prefectures.length === 1 ? prefectures[0].code : null;
}
