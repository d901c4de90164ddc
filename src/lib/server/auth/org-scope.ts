// Checks that a user's scope_org names a real org unit of the kind its role needs, against
// the shipped reference tables (datasets/reference), so a typo cannot create an account
// that silently sees nothing.
import { SCOPE_KIND, type Role } from './roles';

/** The parts of the reference data the check needs (datasets/reference's `Reference` fits). */
export interface OrgDirectory {
  orgUnits: ReadonlyArray<{ code: string; levelName: string; nameZh: string }>;
  institutions: ReadonlyArray<{ institutionCode: string; nameZh: string }>;
}

export class ScopeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScopeError';
  }
}

/** The org unit's Chinese name; throws ScopeError when `code` is not valid for `role`. */
export function checkScope(role: Role, code: string, orgs: OrgDirectory): string {
  const kind = SCOPE_KIND[role];
  if (kind === 'institution') {
    const inst = orgs.institutions.find((i) => i.institutionCode === code);
    if (!inst) throw new ScopeError(`role ${role} needs an institution code (like JG6523010004); ${code} is not one`);
    return inst.nameZh;
  }
  const unit = orgs.orgUnits.find((u) => u.code === code);
  if (!unit || unit.levelName !== kind) {
    throw new ScopeError(`role ${role} needs a ${kind} code; ${code} is ${unit ? `a ${unit.levelName}` : 'not in the org tree'}`);
  }
  return unit.nameZh;
}

/** The scope a role gets when none is given: the prefecture for prefecture-wide roles. */
export function defaultScope(role: Role, orgs: OrgDirectory): string | null {
  if (SCOPE_KIND[role] !== 'prefecture') return null;
  const prefectures = orgs.orgUnits.filter((u) => u.levelName === 'prefecture');
  // With more than one prefecture (the province scale) the operator must choose.
  return prefectures.length === 1 ? prefectures[0].code : null;
}
