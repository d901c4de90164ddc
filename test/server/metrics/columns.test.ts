// The mart tables the metrics layer describes (src/lib/server/metrics/tables.ts), checked against the
// warehouse the server opens: the fixture built by the pipeline's own models passes; a mart
// that lacks a column or holds one with a type that cannot serve is refused, with a message
// naming table, column, expected and found.
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../../pipelines/warehouse';
import { columnMismatches, expectedColumns, type FoundColumn } from '../../../src/lib/server/metrics/columns';
import { martTables } from '../../../src/lib/server/metrics/tables';
import { NoWarehouse, Warehouse, WarehouseMismatch } from '../../../src/lib/server/warehouse';
import { removeDir, tempDir } from '../../helpers/landing';
import { buildFixtureWarehouse } from './fixture';

let dir: string;
let fixture: string;
beforeAll(async () => {
  dir = tempDir('columns');
  fixture = await buildFixtureWarehouse(dir);
});
afterAll(() => removeDir(dir));

/** A copy of the fixture warehouse changed by `sql`, as its own published file. */
async function changedCopy(name: string, sql: string[]): Promise<string> {
  mkdirSync(join(dir, name));
  const path = join(dir, name, 'warehouse.duckdb');
  copyFileSync(fixture, path);
  const db = await Database.open(path);
  for (const statement of sql) await db.run(statement);
  await db.run('CHECKPOINT');
  db.close();
  return path;
}

async function openError(path: string): Promise<unknown> {
  const warehouse = new Warehouse(path);
  try {
    await warehouse.snapshot();
    return null;
  } catch (error) {
    return error;
  } finally {
    warehouse.close();
  }
}

describe('mart columns at warehouse open', () => {
  it('describes a column of every physical table of every mart table', () => {
    const tables = new Set(expectedColumns().map((c) => `${c.schema}.${c.table}`));
    for (const [, t] of martTables()) for (const name of Object.values(t.tables)) expect(tables).toContain(`${t.schema}.${name}`);
  });

  it('opens the fixture warehouse the pipeline models built', async () => {
    expect(await openError(fixture)).toBeNull();
  });

  it('refuses a mart that lacks a column, naming table, column, expected and found', async () => {
    const path = await changedCopy('missing', ['ALTER TABLE mart_services.settlements_daily DROP COLUMN channel']);
    const error = await openError(path);
    expect(error).toBeInstanceOf(WarehouseMismatch);
    expect(error).toBeInstanceOf(NoWarehouse);
    expect((error as WarehouseMismatch).mismatches).toEqual([
      'table mart_services.settlements_daily, column channel (breakdown channel of settlements): expected VARCHAR or BOOLEAN, found no such column'
    ]);
    expect((error as Error).message).toContain('src/lib/server/metrics/tables.ts');
  });

  it('refuses a column whose type cannot serve its use', async () => {
    const path = await changedCopy('wrong-type', [
      'ALTER TABLE mart_assets.beds_monthly ALTER COLUMN beds_open TYPE VARCHAR',
      'ALTER TABLE mart_services.durations_daily ALTER COLUMN bucket_minutes TYPE VARCHAR'
    ]);
    expect(((await openError(path)) as WarehouseMismatch).mismatches).toEqual([
      'table mart_services.durations_daily, column bucket_minutes (breakdown duration_bucket of durations, histogram bucket of durations, ' +
        'breakdown duration_bucket of ems_durations, histogram bucket of ems_durations): expected an integer type, found VARCHAR',
      'table mart_assets.beds_monthly, column beds_open (measure of beds): expected a number type (integer, DECIMAL, DOUBLE), found VARCHAR'
    ]);
  });

  it('names a missing table once', async () => {
    const db = await Database.open(fixture, { readOnly: true });
    const found = await db.rows<FoundColumn>(
      `SELECT table_schema AS schema, table_name AS "table", column_name AS "column", data_type AS type
       FROM information_schema.columns WHERE table_name <> 'card_refunds_monthly'`
    );
    db.close();
    expect(columnMismatches(expectedColumns(), found)).toEqual(['table mart_assets.card_refunds_monthly: expected a table, found none']);
  });
});
