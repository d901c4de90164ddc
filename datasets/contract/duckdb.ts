// DuckDB column types for read_json(..., columns = {...}), derived from the feed declarations
// so the pipeline reads landing files with explicit types instead of auto-detection.
import type { FeedSpec, FieldType } from './field';

const TYPED: Record<FieldType, string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  integer: 'BIGINT',
  number: 'DOUBLE',
  boolean: 'BOOLEAN',
  date: 'DATE',
  timestamp: 'TIMESTAMPTZ'
};

/** The column type a valid value of this field has in the warehouse. */
export function duckdbType(type: FieldType): string {
  return TYPED[type];
}

/** `{name: 'TYPE', ...}` for read_json's columns parameter, strict (typed) form. */
export function readJsonColumns(feed: FeedSpec): Record<string, string> {
  return Object.fromEntries(Object.entries(feed.fields).map(([name, spec]) => [name, duckdbType(spec.type)]));
}

/** The same as a SQL struct literal: {'a': 'VARCHAR', 'b': 'DOUBLE'}. Field names are ours, never user input. */
export function readJsonColumnsSql(feed: FeedSpec): string {
  const entries = Object.entries(readJsonColumns(feed)).map(([name, type]) => `'${name}': '${type}'`);
  return `{${entries.join(', ')}}`;
}
