// /api/query as columns. Small answers come as JSON, batched with the page's other queries
// (./batch.ts); long series (every day, or every institution over time) as an Arrow IPC
// stream of their own, decoded by apache-arrow, which is loaded only when such a series is
// asked for. Either way the page gets the same column arrays, which is what ECharts' dataset wants.
import type { Compare, Format, Grain } from '#lib/contract/contract.js';
import { request } from './api';
import { batched } from './batch';
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

/** The exact URL of an Arrow series (which a page may preload); JSON answers come in batches. */
export function queryUrl(spec: QuerySpec): string {
  return `/api/query?${queryParams(spec, wantsArrow(spec) ? 'arrow' : 'json')}`;
}

export async function runQuery(spec: QuerySpec): Promise<Columns> {
  if (wantsArrow(spec)) {
    const response = await request(fetch, queryUrl(spec));
    const bytes = new Uint8Array(await response.arrayBuffer());
    const { tableFromIPC } = await import('apache-arrow');
    return fromArrow(tableFromIPC(bytes));
  }
  return fromRows((await batched(queryParams(spec, 'json').toString())).rows);
}
