// The org tree from /api/org-units' flat list (prefecture > county > township > institution):
// lookups for the picker, the breadcrumb and drill-downs. Children keep the API's code order,
// so counties read 652301, 652302, 652323 ... as officials expect.
import type { OrgKind, OrgUnit } from '#lib/contract/contract.js';
import type { Locale } from '#lib/i18n/locale.js';

export interface OrgTree {
  root: string;
  byCode: Map<string, OrgUnit>;
  children: Map<string, OrgUnit[]>;
}

export function buildTree(root: string, units: readonly OrgUnit[]): OrgTree {
  const byCode = new Map(units.map((u) => [u.code, u]));
  const children = new Map<string, OrgUnit[]>();
  // Codes are ASCII: a plain comparison orders them as localeCompare would, at a fraction of its cost.
  for (const u of [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))) {
    if (u.parent === null || !byCode.has(u.parent)) continue;
    const list = children.get(u.parent) ?? [];
    list.push(u);
    children.set(u.parent, list);
  }
  return { root, byCode, children };
}

/** Root first, the unit itself last; unknown codes give just the root. */
export function pathTo(tree: OrgTree, code: string): OrgUnit[] {
  const path: OrgUnit[] = [];
  let unit = tree.byCode.get(code);
  while (unit) {
    path.unshift(unit);
    if (unit.code === tree.root) break;
    unit = unit.parent ? tree.byCode.get(unit.parent) : undefined;
  }
  if (path[0]?.code !== tree.root) {
    const root = tree.byCode.get(tree.root);
    return root ? [root] : [];
  }
  return path;
}

export function nameOf(tree: OrgTree, code: string, locale: Locale): string {
  const unit = tree.byCode.get(code);
  return unit ? unit.name[locale] : code;
}

/** The breakdown that shows an org unit's parts: counties of the prefecture, and so on. */
export function childDimension(kind: OrgKind): 'county' | 'township' | 'institution' | null {
  switch (kind) {
    case 'prefecture':
      return 'county';
    case 'county':
      return 'township';
    case 'township':
      return 'institution';
    case 'institution':
      return null;
  }
}

/** Units whose name (either language) or code contains the text, at most `limit`, in code order. */
export function searchUnits(tree: OrgTree, text: string, limit = 30): OrgUnit[] {
  const q = text.trim().toLowerCase();
  if (!q) return [];
  const hits: OrgUnit[] = [];
  for (const u of tree.byCode.values()) {
    if (u.code.toLowerCase().includes(q) || u.name.zh.includes(q) || u.name.en.toLowerCase().includes(q)) hits.push(u);
  }
  return hits.sort((a, b) => a.code.localeCompare(b.code)).slice(0, limit);
}
