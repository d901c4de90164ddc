// What every dashboard component needs to know, provided once by the root layout: the filters
// read from the URL, the org tree, the catalogue and the data's freshness. Reads go through
// getters, so components re-render when the URL (and so the filters) change.
import { getContext, setContext } from 'svelte';
import type { Dimension, Indicator, LastRun, OrgUnit } from '#lib/contract/contract.js';
import type { OrgTree } from './org-tree';
import type { FilterPatch, Filters } from './url-state';

export interface Dashboard {
  readonly filters: Filters;
  /** The selected org unit's code (the scope's root when none is chosen). */
  readonly org: string;
  readonly orgUnit: OrgUnit | undefined;
  readonly tree: OrgTree;
  /** Last day with data: presets count back from it. */
  readonly asOf: string;
  /** First day with data: a comparison period before it has nothing to compare with. */
  readonly dataFrom: string | null;
  readonly dataVersion: string;
  readonly lastRun: LastRun | null;
  indicator(id: string): Indicator | undefined;
  dimension(id: string): Dimension | undefined;
  /** Link to the current page with the patch applied to the filters. */
  href(patch: FilterPatch): string;
  /** Navigate there (a history entry, so the back button undoes it). */
  go(patch: FilterPatch): void;
}

const KEY = Symbol('dashboard');

export function provideDashboard(dashboard: Dashboard): Dashboard {
  return setContext(KEY, dashboard);
}

export function useDashboard(): Dashboard {
  return getContext<Dashboard>(KEY);
}
