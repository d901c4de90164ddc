// Running the real pipeline against a temporary landing zone and warehouse in tests.
import { join } from 'node:path';
import { Database } from '../../pipelines/warehouse';
import { runPipeline, type PipelineOptions, type RunResult } from '../../pipelines/run';

export const TEST_KEY = 'test-pseudonym-key-0123456789abcdef0123456789abcdef';

export function pipelineOptions(landing: string, dataDir: string, extra: Partial<PipelineOptions> = {}): PipelineOptions {
  process.env.HCI_PSEUDONYM_KEY = TEST_KEY;
  return { landing, dataDir, warehouse: join(dataDir, 'warehouse.duckdb'), parquet: false, ...extra };
}

export async function runOn(landing: string, dataDir: string, extra: Partial<PipelineOptions> = {}): Promise<RunResult> {
  return runPipeline(pipelineOptions(landing, dataDir, extra));
}

export async function query<T = Record<string, unknown>>(warehouse: string, sql: string): Promise<T[]> {
  const db = await Database.open(warehouse, { readOnly: true });
  try {
    return await db.rows<T>(sql);
  } finally {
    db.close();
  }
}
