// format=parquet: DuckDB writes the query's own result with COPY to a temporary file (the
// warehouse is read-only; COPY TO writes outside it), which is read back and removed.
import { randomBytes } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BuiltQuery } from '../query/builder';

export async function encodeParquet(connection: DuckDBConnection, query: BuiltQuery, limit: number): Promise<Uint8Array> {
  // The file name is the server's own random hex: the only text written into this statement
  // besides the built query, whose values stay bound.
  const file = join(tmpdir(), `hci-export-${randomBytes(8).toString('hex')}.parquet`);
  const limitParam = `$${query.params.length + 1}`;
  try {
    await connection.run(
      `COPY (SELECT * REPLACE (CAST(period AS DATE) AS period) FROM (${query.sql}) LIMIT CAST(${limitParam} AS BIGINT)) TO '${file.replaceAll("'", "''")}' (FORMAT parquet, COMPRESSION zstd)`,
      [...query.params, limit]
    );
    return new Uint8Array(await readFile(file));
  } finally {
    await rm(file, { force: true });
  }
}
