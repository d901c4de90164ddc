// The SQL models by name: the folder and their declaration (MODELS) must agree, file for file,
// or the run stops naming what is wrong.
import { copyFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MODELS, MODELS_DIR, modelFiles, modelPaths } from '../../pipelines/models';
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
