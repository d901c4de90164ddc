// County populations: 7th census (2020) shares scaled to the reported 1.63M residents.
import type { CountyCode, CountyPopulation } from '../schemas';

export const TARGET_POPULATION = 1_630_000;
/** 7th census resident population of the prefecture (昌吉州 1,613,585). */
export const CENSUS_2020_TOTAL = 1_613_585;

/**
 * 2020 census county figures where a published value was found (中国人口普查分县资料—2020 as
 * quoted by Wikipedia). The other four counties share the residual in proportion to their
 * 2010 census figures (see PROVENANCE.md).
 */
const CENSUS_2020_KNOWN: Partial<Record<CountyCode, number>> = {
  '652301': 607_441,
  '652302': 181_144,
  '652324': 192_098
};
const CENSUS_2010: Record<CountyCode, number> = {
  '652301': 426_253,
  '652302': 165_006,
  '652323': 210_201,
  '652324': 237_558,
  '652325': 210_566,
  '652327': 113_284,
  '652328': 65_719
};

interface Profile {
  share65: number;
  share06: number;
  birthsPerMille: number;
  /** han, hui, kazakh, uyghur in basis points; other = remainder. */
  ethnicBp: readonly [number, number, number, number];
}

// Mori is the Kazakh autonomous county; Hui are concentrated in Changji City, Manas and Qitai.
const PROFILES: Record<CountyCode, Profile> = {
  '652301': { share65: 0.115, share06: 0.074, birthsPerMille: 8.6, ethnicBp: [7350, 1650, 430, 390] },
  '652302': { share65: 0.118, share06: 0.073, birthsPerMille: 8.9, ethnicBp: [7750, 1050, 700, 350] },
  '652323': { share65: 0.128, share06: 0.072, birthsPerMille: 8.9, ethnicBp: [8050, 850, 790, 170] },
  '652324': { share65: 0.126, share06: 0.075, birthsPerMille: 9.2, ethnicBp: [7550, 1250, 880, 220] },
  '652325': { share65: 0.135, share06: 0.071, birthsPerMille: 8.8, ethnicBp: [7700, 1000, 830, 300] },
  '652327': { share65: 0.124, share06: 0.076, birthsPerMille: 9.3, ethnicBp: [8100, 850, 620, 310] },
  '652328': { share65: 0.138, share06: 0.079, birthsPerMille: 9.8, ethnicBp: [6550, 300, 2700, 230] }
};

/** Largest-remainder rounding so the integer parts add up exactly to `total`. */
function apportion(weights: Record<CountyCode, number>, total: number): Record<CountyCode, number> {
  const codes = Object.keys(weights) as CountyCode[];
  const sum = codes.reduce((s, c) => s + weights[c], 0);
  const exact = codes.map((c) => ({ c, v: (weights[c] / sum) * total }));
  const out = Object.fromEntries(exact.map(({ c, v }) => [c, Math.floor(v)])) as Record<CountyCode, number>;
  let left = total - exact.reduce((s, { v }) => s + Math.floor(v), 0);
  for (const { c } of [...exact].sort((a, b) => (b.v % 1) - (a.v % 1) || a.c.localeCompare(b.c))) {
    if (left-- <= 0) break;
    out[c] += 1;
  }
  return out;
}

export function census2020(): Record<CountyCode, number> {
  const known = Object.values(CENSUS_2020_KNOWN).reduce((s, v) => s + (v ?? 0), 0);
  const unknown = (Object.keys(CENSUS_2010) as CountyCode[]).filter((c) => CENSUS_2020_KNOWN[c] === undefined);
  const residual = apportion(
    Object.fromEntries(unknown.map((c) => [c, CENSUS_2010[c]])) as Record<CountyCode, number>,
    CENSUS_2020_TOTAL - known
  );
  return Object.fromEntries(
    (Object.keys(CENSUS_2010) as CountyCode[]).map((c) => [c, CENSUS_2020_KNOWN[c] ?? residual[c]])
  ) as Record<CountyCode, number>;
}

export function buildPopulation(): CountyPopulation[] {
  const pops = apportion(census2020(), TARGET_POPULATION);
  return (Object.keys(PROFILES) as CountyCode[]).map((code) => {
    const p = PROFILES[code];
    const population = pops[code];
    const [han, hui, kaz, uyg] = p.ethnicBp;
    return {
      countyCode: code,
      population,
      pop06: Math.round(population * p.share06),
      pop65Plus: Math.round(population * p.share65),
      birthsPerYear: Math.round((population * p.birthsPerMille) / 1000),
      shareHan: han / 10000,
      shareHui: hui / 10000,
      shareKazakh: kaz / 10000,
      shareUyghur: uyg / 10000,
      shareOther: (10000 - han - hui - kaz - uyg) / 10000
    };
  });
}
