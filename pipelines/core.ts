// The core facts: one per feed, derived from its contract. What leaves staging is decided here,
// field by field: names, phones and addresses are dropped; ID numbers become pseudonymous keys;
// birth dates become birth year and age band; free text is kept only with identifiers masked.
// Money is DECIMAL so sums are exact and re-running a day gives the same marts to the byte.
import type { FeedSpec, FieldSpec } from '../datasets/contract/field';
import { duckdbType } from '../datasets/contract/duckdb';
import { ident, literal } from './sql';
import { stageTable } from './ingest';
import { maskFreeTextSql } from './personal-data';
import { localDaySql } from './warehouse';

const MONEY = /(amount|revenue|cost|assets|liabilities|price_yuan)$/;

export const factTable = (feed: FeedSpec) => `core.fact_${feed.name}`;

interface Column {
  name: string;
  type: string;
  expr: string;
}

/** Age bands of the public-health and utilisation indicators, from the age in whole years. */
const AGE_BAND = (age: string) => `CASE
      WHEN ${age} IS NULL THEN NULL
      WHEN ${age} <= 6 THEN '0-6'
      WHEN ${age} <= 17 THEN '7-17'
      WHEN ${age} <= 44 THEN '18-44'
      WHEN ${age} <= 64 THEN '45-64'
      ELSE '65+' END`;

/** The event's local day, once per row (the fact's event_date and every age are taken from it). */
const eventDaySql = (feed: FeedSpec) => localDaySql(`s.${ident(`v_${feed.eventField}`)}`, feed.fields[feed.eventField].type);

function columnsOf(feed: FeedSpec): Column[] {
  const partition =
    feed.partitionField === feed.eventField
      ? 's.event_day'
      : localDaySql(`s.${ident(`v_${feed.partitionField}`)}`, feed.fields[feed.partitionField].type);
  const columns: Column[] = [
    { name: 'event_date', type: 'DATE', expr: 's.event_day' },
    { name: 'partition_date', type: 'DATE', expr: partition },
    { name: 'source_date', type: 'DATE', expr: 's.folder_date' }
  ];
  for (const [name, spec] of Object.entries(feed.fields)) columns.push(...columnFor(feed, name, spec));
  return columns;
}

function columnFor(feed: FeedSpec, name: string, spec: FieldSpec): Column[] {
  const v = `s.${ident(`v_${name}`)}`;
  switch (spec.pii) {
    case 'name':
    case 'phone':
    case 'address':
      return [];
    case 'id_number': {
      const target = name === 'id_number' ? 'person_key' : name.replace(/id_number$/, 'person_key');
      const alias = `k_${name}`;
      return [{ name: target, type: 'VARCHAR', expr: `${alias}.person_key` }];
    }
    case 'birth_date':
      return [
        { name: 'birth_year', type: 'SMALLINT', expr: `CAST(year(${v}) AS SMALLINT)` },
        { name: 'age_band', type: 'VARCHAR', expr: AGE_BAND(`s.${ident(`age_${name}`)}`) }
      ];
    case 'free_text':
      // Identifiers typed into free text are masked before the text may leave staging.
      return [{ name, type: 'VARCHAR', expr: maskFreeTextSql(feed, v) }];
  }
  const type = spec.type === 'number' && MONEY.test(name) ? 'DECIMAL(18,2)' : spec.type === 'integer' ? 'INTEGER' : duckdbType(spec.type);
  return [{ name, type, expr: type === duckdbType(spec.type) ? v : `CAST(${v} AS ${type})` }];
}

export function createFactSql(feed: FeedSpec): string {
  const columns = columnsOf(feed)
    .map((c) => `${ident(c.name)} ${c.type}`)
    .join(',\n  ');
  return `CREATE TABLE IF NOT EXISTS ${factTable(feed)} (\n  ${columns}\n)`;
}

/**
 * Replaces what the run's landing days contributed: rows loaded earlier from those days go,
 * the valid and first-seen rows of the staging table come in.
 */
export function loadFactSql(feed: FeedSpec, batch: { from: string; to: string }): string[] {
  const columns = columnsOf(feed);
  const joins = Object.entries(feed.fields)
    .filter(([, spec]) => spec.pii === 'id_number')
    // Only this feed's people: the join's hash table then holds a feed's keys, not the whole run's.
    .map(([name]) => {
      const alias = ident(`k_${name}`);
      const own = `SELECT * FROM person_keys WHERE id_number IN (SELECT ${ident(`v_${name}`)} FROM ${stageTable(feed)})`;
      return `LEFT JOIN (${own}) ${alias} ON ${alias}.id_number = s.${ident(`v_${name}`)}`;
    })
    .join('\n    ');
  return [
    `DELETE FROM ${factTable(feed)} WHERE ${inBatch(batch)}`,
    `INSERT INTO ${factTable(feed)} (${columns.map((c) => ident(c.name)).join(', ')})
    SELECT ${columns.map((c) => c.expr).join(',\n      ')}
    FROM (
      SELECT *, ${eventDaySql(feed)} AS event_day${ages(feed)} FROM ${stageTable(feed)} s WHERE s.problem IS NULL AND NOT s.duplicate
    ) s
    ${joins}`
  ];
}

/** Age in whole years on the event day, per birth-date field: computed once, banded in the fact. */
function ages(feed: FeedSpec): string {
  return Object.entries(feed.fields)
    .filter(([, spec]) => spec.pii === 'birth_date')
    .map(([name]) => `, date_sub('year', s.${ident(`v_${name}`)}, ${eventDaySql(feed)}) AS ${ident(`age_${name}`)}`)
    .join('');
}

/** The event dates a run changes in one fact: before the delete and after the insert. */
export function affectedDatesSql(feed: FeedSpec, batch: { from: string; to: string }): string {
  return `INSERT INTO affected_dates SELECT DISTINCT event_date FROM ${factTable(feed)} WHERE ${inBatch(batch)}`;
}

/** The literal range lets DuckDB skip row groups by their min/max instead of scanning the fact. */
function inBatch(batch: { from: string; to: string }): string {
  return `source_date BETWEEN DATE ${literal(batch.from)} AND DATE ${literal(batch.to)} AND source_date IN (SELECT d FROM batch_dates)`;
}
