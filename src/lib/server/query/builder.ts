// The one query builder: an indicator, an org unit, a period range and grain, breakdowns, a
// comparison and top-N, always inside the caller's scope -> {sql, params}. Every name written
// into the SQL comes from the catalogue (tables.ts, the entry) and is quoted by ident(); every
// value from the request is a bound parameter. Ratios are sum(numerator) / sum(denominator) over
// the selection, never an average of ratios. Design notes: ./QUERY.md.
import type { DuckDBValue } from '@duckdb/node-api';
import { listValue } from '@duckdb/node-api';
import { NONE_CODE, OTHER_CODE, type Compare, type Grain, type OrgDimension, type OrgKind } from '../../contract/contract';
import { martTable, type IndicatorEntry, type MartTable, type Measure } from '../metrics';
import { addDays, addMonths, compareShift, monthStart, shiftBack, wholeMonths, type Shift } from './periods';
import { ident, Params } from './sql';

/** An org unit as a filter: its kind and code; a prefecture also lists its counties. */
export interface OrgFilter {
  kind: OrgKind;
  code: string;
  counties: string[];
}

export interface QuerySpec {
  entry: IndicatorEntry;
  from: string;
  to: string;
  grain: Grain;
  by: string[];
  compare: Compare;
  top: number | null;
  /** null: every row. */
  limit: number | null;
  org: OrgFilter;
  /** The caller's subtree. Always applied, even when `org` already lies inside it. */
  scope: OrgFilter;
}

export interface BuiltQuery {
  sql: string;
  params: DuckDBValue[];
  /** Output columns in order. */
  columns: string[];
}

export class UnsupportedQuery extends Error {}

const TRUNC: Partial<Record<Grain, string>> = { week: 'week', month: 'month', quarter: 'quarter', year: 'year' };

interface Part {
  name: string;
  time: 'day' | 'month' | 'year';
  from: string;
  to: string;
}

/**
 * Where the rows of a range are read: days and weeks from the daily table; otherwise whole
 * months from the monthly rollup (a few thousand rows instead of hundreds of thousands) and
 * the days before the first and after the last whole month from the daily table.
 */
function parts(table: MartTable, grain: Grain, from: string, to: string, stock: boolean): Part[] {
  const { day, month, year } = table.tables;
  if (year) return [{ name: year, time: 'year', from, to }];
  if (!day) return [{ name: month!, time: 'month', from, to }];
  if (!month || grain === 'day' || grain === 'week' || stock) return [{ name: day, time: 'day', from, to }];
  const first = from.endsWith('-01') ? from : addMonths(monthStart(from), 1);
  const last = wholeMonths(monthStart(to), to) ? to : addDays(monthStart(to), -1);
  if (first > last) return [{ name: day, time: 'day', from, to }];
  const out: Part[] = [{ name: month, time: 'month', from: first, to: last }];
  if (from < first) out.unshift({ name: day, time: 'day', from, to: addDays(first, -1) });
  if (last < to) out.push({ name: day, time: 'day', from: addDays(last, 1), to });
  return out;
}

export function buildQuery(spec: QuerySpec): BuiltQuery {
  const table = martTable(spec.entry.compute.table)!;
  return new Builder(spec, table).build();
}

class Builder {
  private readonly p = new Params();
  private readonly compute: IndicatorEntry['compute'];
  private readonly dims: string[];
  private readonly shared: Measure | null;

  constructor(
    private readonly spec: QuerySpec,
    private readonly table: MartTable
  ) {
    this.compute = spec.entry.compute;
    this.dims = spec.by.map((_, i) => `d${i + 1}`);
    const { numerator, denominator, coverage } = this.compute;
    // Filters both measures share go into WHERE, so rows matching neither never form a group. A
    // coverage keeps every row (its periods are those with any row), its filter in the sum.
    this.shared = coverage ? null : !denominator || sameFilters(numerator, denominator) ? numerator : null;
  }

  build(): BuiltQuery {
    const { spec } = this;
    const cur = this.side('cur', spec.from, spec.to, null);
    const ctes = [cur.base];
    if (spec.top !== null && this.dims.length > 0) {
      ctes.push(`top_keys AS (SELECT d1 FROM cur_base GROUP BY d1 ORDER BY ${this.rankExpr()} DESC, d1 LIMIT ${this.p.int(spec.top)})`);
    }
    ctes.push(...cur.aggregates);
    const compare = spec.compare !== 'none';
    if (compare) {
      const shift = compareShift(spec.compare as Exclude<Compare, 'none'>, spec.grain, spec.from, spec.to);
      const cmp = this.side('cmp', shiftBack(spec.from, shift), shiftBack(spec.to, shift), shift);
      ctes.push(cmp.base, ...cmp.aggregates);
    }
    // Bound only when used: DuckDB refuses a parameter the statement does not contain.
    const other = this.dims.length > 0 ? this.p.bind(OTHER_CODE) : '';
    const select = [
      `strftime(cur.period, '%Y-%m-%d') AS period`,
      ...spec.by.map((id, i) => `cur.d${i + 1} AS ${ident(id)}`),
      'cur.numerator',
      'cur.denominator',
      `${this.valueExpr('cur')} AS value`
    ];
    if (compare) {
      select.push(
        'cmp.numerator AS compare_numerator',
        'cmp.denominator AS compare_denominator',
        `${this.valueExpr('cmp')} AS compare_value`
      );
    }
    const join = compare ? ` LEFT JOIN cmp ON ${['period', ...this.dims].map((c) => `cmp.${c} = cur.${c}`).join(' AND ')}` : '';
    const order = [
      'cur.period',
      ...spec.by.flatMap((id, i) => {
        const d = `cur.d${i + 1}`;
        return [`${d} = ${other}`, ...(this.table.dims[id]?.numeric ? [`TRY_CAST(${d} AS DOUBLE)`] : []), d];
      })
    ].join(', ');
    const sql = `WITH ${ctes.join(',\n')}\nSELECT ${select.join(', ')}\nFROM cur${join}\nORDER BY ${order}${spec.limit === null ? '' : `\nLIMIT ${this.p.int(spec.limit)}`}`;
    const columns = [
      'period',
      ...spec.by,
      'numerator',
      'denominator',
      'value',
      ...(compare ? ['compare_numerator', 'compare_denominator', 'compare_value'] : [])
    ];
    return { sql, params: this.p.values, columns };
  }

  /** The base rows and the aggregate of one side (the current range, or the comparison range). */
  private side(name: 'cur' | 'cmp', from: string, to: string, shift: Shift | null): { base: string; aggregates: string[] } {
    const { spec, p } = this;
    const stock = this.measures().some((m) => m.stock);
    // A register is reported after its month ends (December's in January): over a whole range a
    // stock reads the latest snapshot at or before its end, so 本月 is never empty for a month
    // whose register has not arrived yet. Periods of a series keep their own snapshots only.
    const readFrom = stock && spec.grain === 'all' && !this.table.tables.year ? addMonths(monthStart(from), -1) : from;
    const selects = parts(this.table, spec.grain, readFrom, to, stock).map((part) => this.partSelect(part, shift, stock));
    const base = `${name}_base AS (${selects.join(' UNION ALL ')})`;
    const keys = [
      'period',
      ...this.dims.map((d, i) =>
        i === 0 && spec.top !== null ? `CASE WHEN d1 IN (SELECT d1 FROM top_keys) THEN d1 ELSE ${p.bind(OTHER_CODE)} END AS d1` : d
      )
    ];
    if (this.compute.median) return { base, aggregates: this.medianCtes(name, keys) };
    if (this.compute.coverage) return { base, aggregates: this.coverageCtes(name, keys) };
    const { numerator, denominator } = this.compute;
    const den = denominator ? this.sumExpr(denominator) : 'CAST(NULL AS DOUBLE)';
    return {
      base,
      aggregates: [
        `${name} AS (SELECT ${keys.join(', ')}, ${this.sumExpr(numerator)} AS numerator, ${den} AS denominator FROM ${name}_base GROUP BY ALL)`
      ]
    };
  }

  /** The rows of one physical table over part of the range, with period, breakdowns and measures. */
  private partSelect(part: Part, shift: Shift | null, stock: boolean): string {
    const { table, spec, p } = this;
    const { coverage } = this.compute;
    const time = part.time === 'year' ? 'make_date(t.year, 1, 1)' : `t.${part.time}`;
    let period =
      spec.grain === 'all' ? p.date(spec.from) : spec.grain === 'day' ? time : `CAST(date_trunc('${TRUNC[spec.grain]}', ${time}) AS DATE)`;
    if (shift && spec.grain !== 'all') period = `CAST(${period} + to_${shift.unit}(${p.int(shift.amount)}) AS DATE)`;

    const columns = new Set<string>();
    for (const m of this.measures()) {
      columns.add(m.column);
      for (const c of [...Object.keys(m.where ?? {}), ...Object.keys(m.whereNot ?? {})]) columns.add(c);
    }
    if (table.buckets) columns.add(table.buckets.column);
    const select = [
      `${period} AS period`,
      ...spec.by.map((id, i) => `${this.dimExpr(id)} AS d${i + 1}`),
      `${time} AS time_`,
      ...[...columns].map((c) => `t.${ident(c)}`),
      ...(coverage ? [`t.${ident(table.org.column)} AS unit_`] : []),
      // Stocks are read at the latest time of each period (never summed over time).
      ...(stock ? [`max(${time}) OVER (PARTITION BY ${period}) AS latest_`] : [])
    ];
    const where = [
      this.timeFilter(part),
      this.orgFilter(spec.scope),
      this.orgFilter(spec.org),
      ...(coverage ? [`i.${ident(coverage.of)}`] : []),
      ...(this.shared ? [this.measureFilter(this.shared, 't.')].filter((f): f is string => f !== null) : [])
    ];
    const join =
      table.org.level === 'institution' ? ` JOIN core.dim_institution i ON i.institution_code = t.${ident(table.org.column)}` : '';
    return `SELECT ${select.join(', ')} FROM ${ident(table.schema)}.${ident(part.name)} t${join} WHERE ${where.join(' AND ')}`;
  }

  /**
   * A median over any selection from summed histogram buckets: the bucket where the running
   * count passes half the total, interpolated linearly between its bounds.
   */
  private medianCtes(name: string, keys: string[]): string[] {
    const { p, table } = this;
    const buckets = table.buckets!;
    const bounds = p.bind(listValue(buckets.bounds));
    const partition = `PARTITION BY ${['period', ...this.dims].join(', ')}`;
    const upper = `coalesce(list_extract(${bounds}, list_position(${bounds}, bucket) + 1), bucket)`;
    const median = `arg_min(bucket + (${upper} - bucket) * (total / 2.0 - (c - n)) / n, bucket) FILTER (WHERE c >= total / 2.0)`;
    return [
      `${name}_hist AS (SELECT ${keys.join(', ')}, ${ident(buckets.column)} AS bucket, sum(${ident(this.compute.numerator.column)}) AS n FROM ${name}_base GROUP BY ALL)`,
      `${name}_cum AS (SELECT *, sum(n) OVER (${partition} ORDER BY bucket) AS c, sum(n) OVER (${partition}) AS total FROM ${name}_hist)`,
      `${name} AS (SELECT ${['period', ...this.dims].join(', ')}, CAST(max(total) AS DOUBLE) AS numerator, CAST(NULL AS DOUBLE) AS denominator, ` +
        `CAST(${median} AS DOUBLE) * CAST(${p.bind(this.compute.median!.scale)} AS DOUBLE) AS value FROM ${name}_cum GROUP BY ALL)`
    ];
  }

  /**
   * A coverage: per period and breakdown, the flagged institutions whose numerator is positive
   * over all flagged institutions of the selection, read from core.dim_institution so that one
   * without a single row still counts in the denominator.
   */
  private coverageCtes(name: string, keys: string[]): string[] {
    const { spec, dims } = this;
    const unit = 'i.institution_code';
    const flagged = [`i.${ident(this.compute.coverage!.of)}`, this.orgFilter(spec.scope, unit), this.orgFilter(spec.org, unit)];
    const unitDims = spec.by.map((id, i) => `, ${this.dimExpr(id, unit)} AS d${i + 1}`).join('');
    const groups = keys.slice(1);
    const join = ['h.period = p.period', ...dims.map((d) => `h.${d} = u.${d}`)].join(' AND ');
    return [
      `${name}_units AS (SELECT ${[...groups, 'count(*) AS units'].join(', ')} FROM (SELECT ${unit}${unitDims} FROM core.dim_institution i WHERE ${flagged.join(' AND ')}) GROUP BY ALL)`,
      `${name}_hits AS (SELECT ${keys.join(', ')}, unit_, ${this.sumExpr(this.compute.numerator)} AS n FROM ${name}_base GROUP BY ALL)`,
      `${name} AS (SELECT ${['p.period', ...dims.map((d) => `u.${d}`)].join(', ')}, CAST(count(h.unit_) FILTER (WHERE h.n > 0) AS DOUBLE) AS numerator, ` +
        `CAST(u.units AS DOUBLE) AS denominator FROM (SELECT DISTINCT period FROM ${name}_base) p CROSS JOIN ${name}_units u ` +
        `LEFT JOIN ${name}_hits h ON ${join} GROUP BY ALL)`
    ];
  }

  private measures(): Measure[] {
    return [this.compute.numerator, ...(this.compute.denominator ? [this.compute.denominator] : [])];
  }

  private sumExpr(m: Measure): string {
    const conditions = [this.shared ? null : this.measureFilter(m, ''), m.stock ? 'time_ = latest_' : null].filter(
      (c): c is string => c !== null
    );
    const filter = conditions.length > 0 ? ` FILTER (WHERE ${conditions.join(' AND ')})` : '';
    const scale = m.scale === undefined ? '' : ` * CAST(${this.p.bind(m.scale)} AS DOUBLE)`;
    return `coalesce(CAST(sum(${ident(m.column)})${filter} AS DOUBLE), 0)${scale}`;
  }

  /** Top-N ranks the first breakdown's values by their numerator over the whole range. */
  private rankExpr(): string {
    return this.compute.median ? `sum(${ident(this.compute.numerator.column)})` : this.sumExpr(this.compute.numerator);
  }

  private valueExpr(side: string): string {
    if (this.compute.median) return `${side}.value`;
    return this.compute.denominator || this.compute.coverage ? `${side}.numerator / nullif(${side}.denominator, 0)` : `${side}.numerator`;
  }

  /** A measure's row filter, on the table (`t.`) or on the base rows (''). */
  private measureFilter(m: Measure, prefix: 't.' | ''): string | null {
    const parts: string[] = [];
    for (const [column, values] of Object.entries(m.where ?? {})) parts.push(`${prefix}${ident(column)} IN (${this.p.list(values)})`);
    for (const [column, values] of Object.entries(m.whereNot ?? {})) {
      const c = `${prefix}${ident(column)}`;
      parts.push(`(${c} IS NULL OR ${c} NOT IN (${this.p.list(values)}))`);
    }
    return parts.length > 0 ? parts.join(' AND ') : null;
  }

  private timeFilter({ time, from, to }: Part): string {
    const { p } = this;
    if (time === 'year') return `t.year BETWEEN ${p.int(Number(from.slice(0, 4)))} AND ${p.int(Number(to.slice(0, 4)))}`;
    // A month row covers its whole month: months that overlap the range are in.
    const start = time === 'month' ? monthStart(from) : from;
    return `t.${time} BETWEEN ${p.date(start)} AND ${p.date(to)}`;
  }

  /** Rows inside an org unit's subtree; `own` is the row's own org code. */
  private orgFilter(org: OrgFilter, own = `t.${ident(this.table.org.column)}`): string {
    const { p, table } = this;
    if (org.kind === 'prefecture' && org.counties.length === 0) return 'false';
    if (table.org.level === 'county') {
      if (org.kind === 'prefecture') return `${own} IN (${p.list(org.counties)})`;
      if (org.kind === 'county') return `${own} = ${p.bind(org.code)}`;
      throw new UnsupportedQuery(`measured per county: a ${org.kind} cannot be selected`);
    }
    switch (org.kind) {
      case 'prefecture':
        return `i.county_code IN (${p.list(org.counties)})`;
      case 'county':
        return `i.county_code = ${p.bind(org.code)}`;
      case 'township':
        return `i.township_code = ${p.bind(org.code)}`;
      case 'institution':
        return `${own} = ${p.bind(org.code)}`;
    }
  }

  /** A breakdown as text codes; a missing value becomes NONE_CODE. `own` is the row's own org code. */
  private dimExpr(id: string, own = `t.${ident(this.table.org.column)}`): string {
    const { p, table } = this;
    // Every org dimension (ORG_DIMENSIONS) for an institution's rows, from core.dim_institution.
    const orgColumns: Partial<Record<OrgDimension, string>> =
      table.org.level === 'county'
        ? { county: own }
        : ({
            county: 'i.county_code',
            township: 'i.township_code',
            institution: own,
            medical_community: 'i.mc_code',
            institution_type: 'i.type'
          } satisfies Record<OrgDimension, string>);
    let expr = orgColumns[id as OrgDimension];
    if (!expr) {
      const dim = table.dims[id];
      if (!dim) throw new UnsupportedQuery(`no breakdown ${id}`);
      const column = `t.${ident(dim.column)}`;
      expr = dim.map
        ? `CASE ${column} ${Object.entries(dim.map)
            .map(([from, to]) => `WHEN ${p.bind(from)} THEN ${p.bind(to)}`)
            .join(' ')} END`
        : `CAST(${column} AS VARCHAR)`;
    }
    return `coalesce(${expr}, ${p.bind(NONE_CODE)})`;
  }
}

function sameFilters(a: Measure, b: Measure): boolean {
  return JSON.stringify([a.where ?? {}, a.whereNot ?? {}]) === JSON.stringify([b.where ?? {}, b.whereNot ?? {}]);
}
