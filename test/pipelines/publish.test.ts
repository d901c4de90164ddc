// Publishing: a re-run gives the same marts, a killed run leaves the last warehouse serving,
// and a build with personal data in it never replaces the warehouse.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../datasets/contract/id-number';
import { generate } from '../../datasets/simulator/generate';
import { MART_SCHEMAS } from '../../pipelines/models';
import { failedRunsFile, PipelineError } from '../../pipelines/run';
import { removeDir, tempDir } from '../helpers/landing';
import { pipelineOptions, query, runOn, TEST_KEY } from '../helpers/pipeline';

let dir: string;
const landing = () => join(dir, 'landing');
const dataDir = (name: string) => join(dir, name);
const wh = (name: string) => join(dataDir(name), 'warehouse.duckdb');

/** Every mart row, in a stable order, as text: equal snapshots mean identical marts. */
async function martSnapshot(warehouse: string): Promise<string> {
  const tables = await query<{ s: string; t: string }>(
    warehouse,
    `
    SELECT table_schema AS s, table_name AS t FROM information_schema.tables
    WHERE table_schema IN (${MART_SCHEMAS.map((m) => `'${m}'`).join(', ')}) AND table_type = 'BASE TABLE' ORDER BY 1, 2`
  );
  const parts: string[] = [];
  for (const { s, t } of tables)
    parts.push(`${s}.${t}:${JSON.stringify(await query(warehouse, `SELECT * FROM "${s}"."${t}" ORDER BY ALL`))}`);
  return parts.join('\n');
}

beforeAll(async () => {
  dir = tempDir('publish');
  await generate({ scale: 'tiny', seed: 21, out: landing(), dirtyRate: 0.02, workers: 0 });
});
afterAll(() => removeDir(dir));

describe('publishing the warehouse', () => {
  it('re-running a landing day rebuilds only its affected days and yields the same marts', async () => {
    const first = await runOn(landing(), dataDir('rerun'));
    expect(first.status).toBe('published_with_warnings'); // 2% dirty: lines set aside
    const before = await martSnapshot(wh('rerun'));
    const again = await runOn(landing(), dataDir('rerun'), { dates: ['2025-03-07'] });
    expect(again.status).toBe('published_with_warnings');
    expect(again.affectedDays).toBeGreaterThan(0);
    expect(again.affectedDays).toBeLessThan(first.affectedDays);
    expect(await martSnapshot(wh('rerun'))).toBe(before);
    const runs = await query<{ n: string }>(wh('rerun'), 'SELECT count(*) AS n FROM meta.runs');
    expect(runs[0].n).toBe('2');
    // Nothing new in the landing zone: the next run has nothing to do.
    expect((await runOn(landing(), dataDir('rerun'))).status).toBe('up_to_date');
  });

  it('a run killed mid-build leaves the previous warehouse readable, and the next run completes', async () => {
    const first = await runOn(landing(), dataDir('kill'), { dates: ['2025-03-01', '2025-03-02'] });
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'pipelines/cli.ts', '--landing', landing(), '--warehouse', wh('kill'), '--no-parquet'],
      {
        env: { ...process.env, HCI_DATA_DIR: dataDir('kill'), HCI_PSEUDONYM_KEY: TEST_KEY },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    );
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        // Kill it while it writes the build: after staging began, before anything was published.
        if (output.includes('"step":"ingest settlements"')) {
          child.kill('SIGKILL');
          resolve();
        }
      });
      child.on('exit', () => reject(new Error(`pipeline exited before it could be killed:\n${output}`)));
    });
    await new Promise((resolve) => child.on('exit', resolve));
    expect(readdirSync(dataDir('kill')).some((f) => f.includes('.build-'))).toBe(true);
    const survivors = await query<{ v: string }>(wh('kill'), 'SELECT data_version AS v FROM meta.runs');
    expect(survivors).toEqual([{ v: first.dataVersion }]);
    const rerun = await runOn(landing(), dataDir('kill'));
    expect(rerun.status).toBe('published_with_warnings');
    expect(rerun.dates).toHaveLength(12);
    expect(readdirSync(dataDir('kill')).some((f) => f.includes('.build-'))).toBe(false);
  });

  it('a planted ID number and a planted mobile fail the PII scan and block publish', async () => {
    const published = await runOn(landing(), dataDir('pii'));
    // Valid records in every other respect: only the PII scan can catch them.
    const plant = (feed: string, field: string, value: string) => {
      const folder = join(landing(), feed, 'dt=2025-03-14');
      const line = gunzipSync(readFileSync(join(folder, 'part-0000.ndjson.gz')))
        .toString()
        .split('\n')[0];
      writeFileSync(join(folder, 'part-9999.ndjson.gz'), gzipSync(`${JSON.stringify({ ...JSON.parse(line), [field]: value })}\n`));
    };
    plant('prescription_reviews', 'review_id', makeIdNumber('652301', '1980-01-01', 123));
    plant('report_queries', 'query_id', '13812345678');
    const attempt = runOn(landing(), dataDir('pii'), { dates: ['2025-03-14'] });
    await expect(attempt).rejects.toThrow(PipelineError);
    const error = (await attempt.catch((e: PipelineError) => e)) as PipelineError;
    expect(error.step).toBe('checks');
    expect(error.message).toContain('PII scan');
    expect(error.message).toMatch(/ID number/);
    expect(error.message).toMatch(/mobile number/);
    // The warehouse still serves the last good build; the failure is on record.
    const runs = await query<{ v: string }>(wh('pii'), 'SELECT data_version AS v FROM meta.runs');
    expect(runs).toEqual([{ v: published.dataVersion }]);
    expect(existsSync(failedRunsFile(dataDir('pii')))).toBe(true);
    expect(readFileSync(failedRunsFile(dataDir('pii')), 'utf8')).toContain('"failedStep":"checks"');
    void pipelineOptions;
  });
});
