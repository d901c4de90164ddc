// The SQL models by name: the folder and their declaration (MODELS) must agree, file for file,
// or the run stops naming what is wrong; and every mart insert names the columns it fills.
import { copyFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FEEDS } from '../../datasets/contract/feeds';
import { createFactSql } from '../../pipelines/core';
import { loadReferenceTables, MODELS, MODELS_DIR, modelFiles, modelPaths } from '../../pipelines/models';
import { Database } from '../../pipelines/warehouse';
import { removeDir, tempDir } from '../helpers/landing';

const declared = Object.values(MODELS).flat();

describe('the model declaration', () => {
  it('declares every model file in the folder, and a run takes schemas, dimensions, then marts', () => {
    const paths = modelPaths();
    expect(paths.schemas.map((p) => basename(p))).toEqual(['00_schemas.sql']);
    expect(paths.dimensions.map((p) => basename(p))).toEqual(['10_dimensions.sql']);
    expect(paths.marts.map((p) => basename(p))).toContain('20_mart_services.sql');
    expect(modelFiles()).toEqual([...paths.schemas, ...paths.dimensions, ...paths.marts]);
    expect(modelFiles().every((p) => p.startsWith(MODELS_DIR))).toBe(true);
  });

  describe('against a copy of the folder', () => {
    let dir: string;
    beforeEach(() => {
      dir = tempDir('models');
      for (const file of declared) copyFileSync(join(MODELS_DIR, file), join(dir, file));
    });
    afterEach(() => removeDir(dir));

    it('accepts the copy as it is', () => {
      expect(modelPaths(dir).marts.map((p) => basename(p))).toEqual([...MODELS.marts]);
    });

    it('fails naming a .sql file nobody declared, whatever its name sorts as', () => {
      writeFileSync(join(dir, '05_extra.sql'), 'SELECT 1;');
      writeFileSync(join(dir, 'notes.txt'), 'not a model');
      expect(() => modelPaths(dir)).toThrow(/05_extra\.sql is not declared/);
      expect(() => modelPaths(dir)).toThrow(/MODELS in pipelines\/models\.ts/);
      expect(() => modelPaths(dir)).not.toThrow(/notes\.txt/);
    });

    it('fails naming a declared file that is missing', () => {
      rmSync(join(dir, '30_mart_reform.sql'));
      expect(() => modelPaths(dir)).toThrow(/30_mart_reform\.sql is declared but missing/);
    });

    it('fails naming a file declared twice', () => {
      const twice = { ...MODELS, marts: [...MODELS.marts, '00_schemas.sql'] };
      expect(() => modelPaths(dir, twice)).toThrow(/00_schemas\.sql is declared more than once/);
    });
  });
});

/** The statements of a model file, comments left out. */
const statements = (file: string) =>
  readFileSync(file, 'utf8')
    .replace(/--[^\n]*/g, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

describe('the mart inserts', () => {
  it('name their columns: every insert is BY NAME, and its SELECT gives each of the table’s columns', async () => {
    const db = await Database.open(':memory:');
    try {
      const { schemas, dimensions, marts } = modelPaths();
      for (const file of schemas) await db.runFile(file);
      await loadReferenceTables(db);
      for (const file of dimensions) await db.runFile(file);
      for (const feed of FEEDS) await db.run(createFactSql(feed));
      await db.run('CREATE TEMP TABLE affected_dates (d DATE); CREATE TEMP TABLE affected_months (month DATE)');
      let inserts = 0;
      for (const file of modelFiles()) {
        if (marts.includes(file)) await db.runFile(file);
        for (const sql of statements(file).filter((s) => /^INSERT\b/i.test(s))) {
          const match = /^INSERT INTO (\w+)\.(\w+) BY NAME\s+([\s\S]+)$/i.exec(sql);
          expect(match, `${basename(file)}: ${sql.slice(0, 80)}`).not.toBeNull();
          const [, schema, table, select] = match!;
          const columns = await db.rows<{ name: string }>(
            'SELECT column_name AS name FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position',
            [schema, table]
          );
          const selected = await db.rows<{ column_name: string }>(`DESCRIBE ${select}`);
          expect(selected.map((c) => c.column_name).sort(), `${schema}.${table}`).toEqual(columns.map((c) => c.name).sort());
          inserts++;
        }
      }
      expect(inserts).toBeGreaterThan(20);
    } finally {
      db.close();
    }
  });
});
