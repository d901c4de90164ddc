// Who may see what. A caller sees the subtree of their scope org unit; a manager (one
// institution) may also see the prefecture as a whole, as a benchmark, but not broken down by
// org units. The query builder applies the scope returned here to every query it writes.
import type { Caller } from '../contract/contract';
import { ORG_DIMENSIONS } from '../contract/contract';
import { badParameter, forbidden, quote } from './api/errors';
import type { OrgIndex, OrgNode } from './org-index';

export function callerScope(caller: Caller, index: OrgIndex): OrgNode {
  const scope = index.get(caller.scopeOrg);
  if (!scope) throw forbidden('scope', 'Your scope is not an org unit of this warehouse');
  return scope;
}

/** The org unit asked for and the subtree the query must stay in. */
export function authorize(caller: Caller, index: OrgIndex, orgCode: string | undefined, by: string[]): { org: OrgNode; scope: OrgNode } {
  const scope = callerScope(caller, index);
  if (orgCode === undefined) return { org: scope, scope };
  const org = index.get(orgCode);
  if (!org) throw badParameter('org', `Unknown org unit ${quote(orgCode)}`);
  if (index.isWithin(org.code, scope.code)) return { org, scope };
  const benchmark = caller.role === 'manager' && org.kind === 'prefecture' && index.prefectureOf(scope.code) === org.code;
  const byOrg = by.some((d) => (ORG_DIMENSIONS as readonly string[]).includes(d));
  if (benchmark && !byOrg) return { org, scope: org };
  throw forbidden('scope', `Org unit ${quote(orgCode)} is outside your scope`, 'org');
}
