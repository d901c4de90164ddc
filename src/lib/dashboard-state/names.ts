// The name of a breakdown value: org units from the tree, categories from the catalogue's
// dimension list, and the two synthetic codes (the rest of a top-N, a missing value).
import { NONE_CODE, OTHER_CODE, type Dimension } from '#lib/contract/contract.js';
import type { Locale } from '#lib/i18n/locale.js';
import type { OrgTree } from './org-tree';

export interface NameSources {
  tree: OrgTree;
  dimension(id: string): Dimension | undefined;
  locale: Locale;
  other: string;
  none: string;
}

export function valueLabel(dim: string, code: string, s: NameSources): string {
  if (code === OTHER_CODE) return s.other;
  if (code === NONE_CODE) return s.none;
  const d = s.dimension(dim);
  const listed = d?.values?.find((v) => v.code === code);
  if (listed) return listed[s.locale];
  return s.tree.byCode.get(code)?.name[s.locale] ?? code;
}
