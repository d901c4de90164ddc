// Deterministic randomness. Every (seed, feed, day) gets its own stream, so a day generates the
// same bytes whichever worker makes it and in whatever order; person attributes come from a
// stateless hash of the person's index, so a person is the same in every feed.
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';

function mix(h: number, v: number): number {
  h = Math.imul(h ^ (v | 0), 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** 32-bit integer hash (murmur3 finaliser) of up to four integers. Fixed arity: it runs ~10^8 times. */
export function hash32(a: number, b = 0, c = 0, d = 0): number {
  return mix(mix(mix(mix(0x9e3779b9, a), b), c), d) >>> 0;
}

/** Uniform [0, 1) from a hash of integers: a person's stable attribute draws. */
export function hashUnit(a: number, b = 0, c = 0, d = 0): number {
  return hash32(a, b, c, d) / 4294967296;
}

/** Stable 32-bit id of a string (feed names, salts). */
export function stringHash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

export class Rng {
  private readonly gen;
  /** Golden-ratio sequence: low-discrepancy draws for shares that must come out exact at small scale. */
  private quasiState: number;

  constructor(a: number, b = 0, c = 0, d = 0) {
    this.gen = xoroshiro128plus(hash32(a, b, c, d) | 0);
    for (let i = 0; i < 8; i++) this.gen.next(); // move away from the correlated start of close seeds
    this.quasiState = this.next();
  }

  /** Uniform [0, 1). */
  next(): number {
    return uniformFloat64(this.gen);
  }

  /** Low-discrepancy [0, 1): consecutive calls cover the interval evenly. */
  quasi(): number {
    this.quasiState = (this.quasiState + 0.6180339887498949) % 1;
    return this.quasiState;
  }

  int(minInclusive: number, maxInclusive: number): number {
    return minInclusive + Math.floor(this.next() * (maxInclusive - minInclusive + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** One of `items` with probability proportional to its weight (small lists). */
  choose<T>(items: readonly T[], weights: readonly number[], u = this.next()): T {
    let rest = u * weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < items.length; i++) {
      rest -= weights[i];
      if (rest < 0) return items[i];
    }
    return items[items.length - 1];
  }

  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** Log-normal with the given mean and coefficient of variation. */
  logNormal(mean: number, cv: number): number {
    const sigma2 = Math.log(1 + cv * cv);
    return mean * Math.exp(Math.sqrt(sigma2) * this.normal() - sigma2 / 2);
  }

  /** Exponential with the given mean. */
  exponential(mean: number): number {
    return -Math.log(1 - this.next()) * mean;
  }
}

/** Weighted choice by binary search over cumulative weights. */
export class WeightedPicker<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[]
  ) {
    if (items.length === 0 || items.length !== weights.length) throw new Error('WeightedPicker needs items with weights');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    if (sum <= 0) throw new Error('WeightedPicker needs a positive weight');
    this.total = sum;
  }

  /** The item at position u in [0, 1) of the cumulative weights. */
  at(u: number): T {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > target) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }

  pick(rng: Rng): T {
    return this.at(rng.next());
  }

  /** The probability of the item at position n. */
  share(n: number): number {
    return (this.cumulative[n] - (n > 0 ? this.cumulative[n - 1] : 0)) / this.total;
  }
}
