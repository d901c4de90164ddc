// What every page needs once per visit: the data's freshness, the indicator catalogue and the
// org tree visible to the caller. Fetched through SvelteKit's fetch, so the server render
// inlines the answers and the browser does not ask again. A failure (503 before the first
// pipeline run) is kept as a message for the layout to show, not thrown.
import type { HealthResponse, IndicatorsResponse, OrgUnitsResponse } from '#lib/contract/contract.js';
import { ApiError, getJson } from '#lib/data/api.js';
import type { LayoutLoad } from './$types';

export interface MetaError {
  status: number;
  code: string;
  message: string;
}

/** Pages shown signed out: they need none of the API's data (which would answer 401). */
const BARE = new Set(['/login']);

export const load: LayoutLoad = async ({ fetch, data, depends, url, untrack }) => {
  depends('hci:meta');
  // Untracked: the layout's data must not reload on every navigation between pages.
  if (untrack(() => BARE.has(url.pathname))) return { ...data, health: null, catalogue: null, orgs: null, error: null };
  const errors: MetaError[] = [];
  const get = async <T>(path: string): Promise<T | null> => {
    try {
      return await getJson<T>(fetch, path);
    } catch (err) {
      const e = err instanceof ApiError ? err : new ApiError(0, 'internal', String(err));
      errors.push({ status: e.status, code: e.code, message: e.message });
      return null;
    }
  };
  const [health, catalogue, orgs] = await Promise.all([
    get<HealthResponse>('/api/health'),
    get<IndicatorsResponse>('/api/indicators'),
    get<OrgUnitsResponse>('/api/org-units')
  ]);
  return { ...data, health, catalogue, orgs, error: errors[0] ?? null };
};
