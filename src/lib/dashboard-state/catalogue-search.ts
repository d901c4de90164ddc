// Searching the indicator catalogue: every word of the query must appear in the id, either
// language's name or definition, or the numerator/denominator text (case-insensitive).
import type { Family, Indicator } from '#lib/contract/contract.js';

function haystack(ind: Indicator): string {
  const texts = [ind.name, ind.definition, ind.numerator, ind.denominator, ind.source].flatMap((t) => (t ? [t.zh, t.en] : []));
  return [ind.id, ...texts].join('\n').toLowerCase();
}

export function searchIndicators(list: readonly Indicator[], query: string, family: Family | null): Indicator[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return list.filter((ind) => (family === null || ind.family === family) && words.every((w) => haystack(ind).includes(w)));
}
