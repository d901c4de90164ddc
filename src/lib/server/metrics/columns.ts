// The columns tables.ts describes, each with the DuckDB types that can serve its use, compared
// with a warehouse's information_schema.columns when the server opens the file
// (server/warehouse.ts). A mart the pipeline built differently from these descriptions then
// fails at once, naming table, column, expected and found, rather than as a query error later.
import { INSTITUTION_FLAGS, martTables, type TimeGrain } from './tables';

/** One column as information_schema.columns lists it. */
export interface FoundColumn {
  schema: string;
  table: string;
  column: string;
  /** DuckDB's type name: VARCHAR, BIGINT, DECIMAL(18,2)... */
  type: string;
}

/** A column a description reads, the kind of type that serves that use, and what reads it. */
export interface ExpectedColumn {
  schema: string;
  table: string;
  column: string;
  kind: TypeKind;
  /** "measure", "breakdown channel"... */
  use: string;
  /** The mart table id (tables.ts) whose description reads it, or what else does. */
  of: string;
}

const INTEGERS = ['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'HUGEINT', 'UTINYINT', 'USMALLINT', 'UINTEGER', 'UBIGINT', 'UHUGEINT'];

/** Kinds of column by the types that serve them. */
const TYPE_KINDS = {
  /** A day or the first day of a month. */
  date: { names: ['DATE'], text: 'DATE' },
  /** A year, or a histogram bucket's lower bound. */
  integer: { names: INTEGERS, text: 'an integer type' },
  /** An org code. */
  code: { names: ['VARCHAR'], text: 'VARCHAR' },
  /** A breakdown read as text: a code, or a flag ('true' / 'false'). */
  category: { names: ['VARCHAR', 'BOOLEAN'], text: 'VARCHAR or BOOLEAN' },
  /** A column compared with listed values. */
  filter: { names: ['VARCHAR', 'BOOLEAN', ...INTEGERS], text: 'VARCHAR, BOOLEAN or an integer type' },
  /** A summed column. */
  number: { names: [...INTEGERS, 'DOUBLE', 'FLOAT', 'DECIMAL'], text: 'a number type (integer, DECIMAL, DOUBLE)' },
  flag: { names: ['BOOLEAN'], text: 'BOOLEAN' }
} satisfies Record<string, { names: string[]; text: string }>;

export type TypeKind = keyof typeof TYPE_KINDS;

const TIME_KIND: Record<TimeGrain, TypeKind> = { day: 'date', month: 'date', year: 'integer' };

/** Every column the metrics layer reads: those of each mart table described, and the institution flags. */
export function expectedColumns(): ExpectedColumn[] {
  const out: ExpectedColumn[] = [];
  for (const [id, t] of martTables()) {
    for (const [grain, table] of Object.entries(t.tables) as [TimeGrain, string][]) {
      const add = (column: string, kind: TypeKind, use: string) => out.push({ schema: t.schema, table, column, kind, use, of: id });
      add(grain, TIME_KIND[grain], 'time');
      add(t.org.column, 'code', 'org unit');
      for (const [dim, d] of Object.entries(t.dims)) add(d.column, d.numeric ? 'integer' : d.map ? 'code' : 'category', `breakdown ${dim}`);
      for (const column of t.filters ?? []) add(column, 'filter', 'filter');
      for (const column of t.measures) add(column, 'number', 'measure');
      if (t.buckets) add(t.buckets.column, 'integer', 'histogram bucket');
    }
  }
  for (const flag of INSTITUTION_FLAGS) {
    out.push({ schema: 'core', table: 'dim_institution', column: flag, kind: 'flag', use: 'coverage flag', of: 'the catalogue' });
  }
  return out;
}

/** DECIMAL(18,2) -> DECIMAL: precision and scale do not change how a column is read. */
const baseType = (type: string) => type.replace(/\(.*\)$/, '');

/**
 * What differs between the expected columns and the found ones, one line per table or column
 * ([] when every column is there with a type that serves its uses).
 */
export function columnMismatches(expected: readonly ExpectedColumn[], found: readonly FoundColumn[]): string[] {
  const types = new Map(found.map((c) => [`${c.schema}.${c.table}.${c.column}`, c.type]));
  const tables = new Set(found.map((c) => `${c.schema}.${c.table}`));
  // One line per column and kind, naming every description that reads it so.
  const uses = new Map<string, { e: ExpectedColumn; by: string[] }>();
  for (const e of expected) {
    const key = `${e.schema}.${e.table}.${e.column}:${e.kind}`;
    const by = `${e.use} of ${e.of}`;
    const seen = uses.get(key);
    if (!seen) uses.set(key, { e, by: [by] });
    else if (!seen.by.includes(by)) seen.by.push(by);
  }
  const out = new Set<string>();
  for (const { e, by } of uses.values()) {
    const table = `${e.schema}.${e.table}`;
    const kind = TYPE_KINDS[e.kind];
    const type = types.get(`${table}.${e.column}`);
    const what = `table ${table}, column ${e.column} (${by.join(', ')}): expected ${kind.text}`;
    if (!tables.has(table)) out.add(`table ${table}: expected a table, found none`);
    else if (type === undefined) out.add(`${what}, found no such column`);
    else if (!kind.names.includes(baseType(type))) out.add(`${what}, found ${type}`);
  }
  return [...out];
}
