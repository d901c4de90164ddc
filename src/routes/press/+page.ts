// Each published figure computed live over its own window, for the whole prefecture (the figures'
// own scope): one GET /api/query/batch for them all. A manager may read the prefecture as a
// benchmark; a county account may not, and gets the published values alone. A figure that fails
// keeps its error; the others still show.
import type { QueryResponse } from '#lib/contract/contract.js';
import { batchUrls, fetchBatch, itemAnswer } from '#lib/data/batch.js';
import { fromRows, single } from '#lib/data/columns.js';
import { queryParams, type QuerySpec } from '#lib/data/query.js';
import type { PageLoad } from './$types';
import { PRESS_FIGURES, type PressFigure } from './figures';

export interface Computed {
  key: string;
  value: number | null;
  error: string | null;
}

function specOf(f: PressFigure, org: string): QuerySpec {
  return { indicator: f.compute.indicator, from: f.from, to: f.to, org, grain: f.compute.kind === 'max_day' ? 'day' : 'all' };
}

function valueOf(f: PressFigure, body: QueryResponse): number | null {
  const c = f.compute;
  const cols = fromRows(body.rows);
  if (c.kind === 'max_day') {
    const days = ((cols.columns.numerator ?? []) as (number | null)[]).filter((n): n is number => n !== null);
    return days.length ? Math.max(...days) : null;
  }
  return single(cols)?.[c.field] ?? null;
}

export const load: PageLoad = async ({ fetch, parent }) => {
  const { orgs } = await parent();
  const prefecture = orgs?.benchmarkRoot ?? orgs?.units.find((u) => u.code === orgs.root);
  // The scope the account sees instead, named on the page.
  if (prefecture?.kind !== 'prefecture') return { computed: [] as Computed[], scope: orgs?.root ?? null };
  const org = prefecture.code;
  const items = PRESS_FIGURES.map((f) => queryParams(specOf(f, org), 'json').toString());
  const answers = Promise.all(batchUrls(items).map((url) => fetchBatch(fetch, url))).then((maps) => new Map(maps.flatMap((m) => [...m])));
  const computed: Computed[] = await Promise.all(
    PRESS_FIGURES.map((f, i) =>
      answers
        .then((byItem) => valueOf(f, itemAnswer(byItem.get(items[i]))))
        .then(
          (value) => ({ key: f.key, value, error: null }),
          (err) => ({ key: f.key, value: null, error: err instanceof Error ? err.message : String(err) })
        )
    )
  );
  return { computed, scope: null };
};
