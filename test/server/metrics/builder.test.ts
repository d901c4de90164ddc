// The query builder's SQL: names only from the allow-lists and quoted in one place, every value
// bound, the caller's scope in every query.
import { describe, expect, it } from 'vitest';
import { INDICATORS, indicatorEntry } from '../../../src/lib/server/metrics';
import { buildQuery, type OrgFilter, type QuerySpec } from '../../../src/lib/server/query/builder';
import { ident } from '../../../src/lib/server/query/sql';

const HOSTILE = [`x'; DROP TABLE core.dim_org_unit; --`, `"quoted" name`, '昌吉\u202e; SELECT 1', `'`.repeat(5000), '$99 OR 1=1 --', '?'];
const prefecture: OrgFilter = { kind: 'prefecture', code: '652300', counties: ['652301', '652327'] };

function spec(id: string, overrides: Partial<QuerySpec> = {}): QuerySpec {
  return {
    entry: indicatorEntry(id)!,
    from: '2025-01-01',
    to: '2025-12-31',
    grain: 'month',
    by: [],
    compare: 'none',
    top: null,
    limit: 100,
    org: prefecture,
    scope: prefecture,
    ...overrides
  };
}

describe('query builder', () => {
  it('quotes identifiers by doubling embedded quotes', () => {
    expect(ident('foo "" $.%&/\' bar')).toBe('"foo """" $.%&/\' bar"');
  });

  // Dates, grains and names are checked before the builder (test/server/api covers that); org codes
  // are the values that reach it as given.
  it('binds hostile values instead of writing them into the SQL', () => {
    for (const value of HOSTILE) {
      const org: OrgFilter = { kind: 'county', code: value, counties: [] };
      const scope: OrgFilter = { kind: 'institution', code: value, counties: [] };
      const q = buildQuery(spec('face_scan_share', { org, scope, by: ['channel'], top: 3, compare: 'yoy' }));
      expect(q.sql).not.toContain(value);
      expect(q.params).toContain(value);
    }
  });

  it("puts the caller's scope into every query of every indicator", () => {
    const scope: OrgFilter = { kind: 'county', code: '652399', counties: [] };
    for (const indicator of INDICATORS) {
      const grain = indicator.grains.includes('month') ? 'month' : 'year';
      for (const compare of ['none', 'yoy'] as const) {
        const q = buildQuery(spec(indicator.id, { grain, scope, compare, by: indicator.breakdowns.slice(0, 2), top: 5 }));
        const sides = compare === 'yoy' ? 2 : 1;
        // Once per side, and again where a side reads a second table (a coverage's institutions).
        const scopeParams = q.params.filter((p) => p === '652399').length;
        expect(scopeParams, indicator.id).toBe(indicatorEntry(indicator.id)!.compute.coverage ? 2 * sides : sides);
        expect(
          q.sql.match(/(county_code|residence_county|"county_code"|"residence_county"|"org_code") = \$\d+/g)?.length ?? 0,
          indicator.id
        ).toBeGreaterThanOrEqual(sides);
      }
    }
  });

  it('writes only catalogue names: no request text reaches the SQL', () => {
    const q = buildQuery(spec('referral_success_rate', { by: ['direction', 'urgent'], top: 1, compare: 'previous' }));
    expect(q.columns).toEqual([
      'period',
      'direction',
      'urgent',
      'numerator',
      'denominator',
      'value',
      'compare_numerator',
      'compare_denominator',
      'compare_value'
    ]);
    const quoted = [...q.sql.matchAll(/"([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(quoted)).toEqual(
      new Set(['mart_services', 'referrals_monthly', 'from_institution', 'direction', 'urgent', 'succeeded', 'applications'])
    );
    // The only literals: date_trunc's unit (from the grain enum) and the output date format.
    const literals = new Set([...q.sql.matchAll(/'[^']*'/g)].map((m) => m[0]));
    expect([...literals].every((l) => ["'month'", "'%Y-%m-%d'"].includes(l))).toBe(true);
  });
});
