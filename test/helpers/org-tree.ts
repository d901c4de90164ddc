// The org tree as the server reads it (OrgIndex.load over the pipeline's own dimension models),
// built from the shipped reference data in an in-memory DuckDB: for tests that check scopes
// without building a whole warehouse.
import { loadReferenceTables, modelPaths } from '../../pipelines/models';
import { Database } from '../../pipelines/warehouse';
import { OrgIndex } from '../../src/lib/server/org-index';

export async function referenceOrgTree(): Promise<OrgIndex> {
  const db = await Database.open(':memory:');
  try {
    const { schemas, dimensions } = modelPaths();
    for (const file of schemas) await db.runFile(file);
    await loadReferenceTables(db);
    for (const file of dimensions) await db.runFile(file);
    return await OrgIndex.load(db.connection);
  } finally {
    db.close();
  }
}
