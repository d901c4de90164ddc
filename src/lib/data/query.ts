// GET /api/query as columns. Small answers come as JSON; long series (every day, or every
// institution over time) as an Arrow IPC stream, decoded by apache-arrow, which is loaded
// only when such a series is asked for. Either way the page gets the same column arrays,
// which is what ECharts' dataset wants.
import type { Compare, Format, Grain, QueryResponse } from '$lib/api/contract';
import { getJson, request } from './api';
import { fromArrow, fromRows, type Columns } from './columns';

export interface QuerySpec {
  indicator: string;
  from: string;
  to: string;
  grain: Grain;
  org: string;
  by?: readonly string[];
  compare?: Compare;
  top?: number;
}

export function queryParams(spec: QuerySpec, format: Format): URLSearchParams {
  const p = new URLSearchParams({ indicator: spec.indicator, from: spec.from, to: spec.to, grain: spec.grain, org: spec.org });
  if (spec.by?.length) p.set('by', spec.by.join(','));
  if (spec.compare && spec.compare !== 'none') p.set('compare', spec.compare);
  if (spec.top) p.set('top', String(spec.top));
  p.set('format', format);
  return p;
}

/** Day-level or per-institution series run to thousands of rows: those travel as Arrow. */
export function wantsArrow(spec: QuerySpec): boolean {
  const timed = spec.grain !== 'all';
  return timed && (spec.grain === 'day' || spec.grain === 'week' || (spec.by ?? []).includes('institution'));
}

/** The exact URL runQuery fetches for a spec (what a page may preload). */
export function queryUrl(spec: QuerySpec): string {
  return `/api/query?${queryParams(spec, wantsArrow(spec) ? 'arrow' : 'json')}`;
}

export async function runQuery(spec: QuerySpec, signal?: AbortSignal, fetcher: typeof fetch = fetch): Promise<Columns> {
  if (wantsArrow(spec)) {
    const response = await request(fetcher, queryUrl(spec), signal);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { tableFromIPC } = await import('apache-arrow');
    return fromArrow(tableFromIPC(bytes));
  }
  const body = await getJson<QueryResponse>(fetcher, queryUrl(spec), signal);
  return fromRows(body.rows);
}
