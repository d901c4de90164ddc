// The span of landing days the warehouse holds: the union of every published run's dates.
// The last run alone would say "yesterday" after a nightly load.
import type { RunSummary } from '#lib/contract/contract.js';

export function dataCoverage(runs: readonly RunSummary[]): { from: string; to: string } | null {
  let from: string | null = null;
  let to: string | null = null;
  for (const r of runs) {
    if ((r.status !== 'published' && r.status !== 'published_with_warnings') || !r.datesFrom || !r.datesTo) continue;
    if (from === null || r.datesFrom < from) from = r.datesFrom;
    if (to === null || r.datesTo > to) to = r.datesTo;
  }
  return from && to ? { from, to } : null;
}
