// Each published figure computed live: one /api/query per figure over its own window, at the
// top of the caller's scope. A figure that fails keeps its error; the others still show.
import type { QueryResponse } from '$lib/api/contract';
import { ApiError, getJson } from '$lib/data/api';
import { fromRows, single } from '$lib/data/columns';
import { queryParams, type QuerySpec } from '$lib/data/query';
import type { PageLoad } from './$types';
import { PRESS_FIGURES, type PressFigure } from './figures';

export interface Computed {
  key: string;
  value: number | null;
  error: string | null;
}

async function compute(f: PressFigure, org: string, fetcher: typeof fetch): Promise<number | null> {
  const c = f.compute;
  const spec: QuerySpec = { indicator: c.indicator, from: f.from, to: f.to, org, grain: c.kind === 'max_day' ? 'day' : 'all' };
  const body = await getJson<QueryResponse>(fetcher, `/api/query?${queryParams(spec, 'json')}`);
  const cols = fromRows(body.rows);
  if (c.kind === 'max_day') {
    const days = ((cols.columns.numerator ?? []) as (number | null)[]).filter((n): n is number => n !== null);
    return days.length ? Math.max(...days) : null;
  }
  return single(cols)?.[c.field] ?? null;
}

export const load: PageLoad = async ({ fetch, parent }) => {
  const { orgs } = await parent();
  const org = orgs?.root ?? '';
  const computed: Computed[] = await Promise.all(
    PRESS_FIGURES.map((f) =>
      compute(f, org, fetch).then(
        (value) => ({ key: f.key, value, error: null }),
        (err) => ({ key: f.key, value: null, error: err instanceof ApiError || err instanceof Error ? err.message : String(err) })
      )
    )
  );
  return { computed };
};
