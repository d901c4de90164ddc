// A publish while queries run: the pipeline's way (a new file renamed over the warehouse). No
// query fails, answers move from the old data version to the new one, and the cache forgets
// the old answers.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readlinkSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Database } from '../../../pipelines/warehouse';
import { createApi, etag } from '../../../src/lib/server/api/app';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { removeDir, tempDir } from '../../helpers/landing';
import { buildFixtureWarehouse, FIXTURE_VERSION } from '../metrics/fixture';
import { OFFICIAL } from './helpers';

let dir: string;
let next: string;
beforeAll(async () => {
  dir = tempDir('api-publish');
  await buildFixtureWarehouse(dir);
  // The next night's warehouse: a new version in which every referral application counts twice.
  const nextDir = join(dir, 'next');
  mkdirSync(nextDir);
  next = await buildFixtureWarehouse(nextDir, 'fixture-v2');
  const db = await Database.open(next);
  await db.run('UPDATE mart_services.referrals_daily SET applications = applications * 2');
  await db.run('UPDATE mart_services.referrals_monthly SET applications = applications * 2');
  await db.run('CHECKPOINT');
  db.close();
});
afterAll(() => removeDir(dir));

it('swaps in a published file while queries run, losing none', async () => {
  const path = join(dir, 'warehouse.duckdb');
  const warehouse = new Warehouse(path);
  // Every request of the workers reaches DuckDB; the cached app shows the cache is emptied.
  const uncached = createApi({ warehouse, cacheBytes: 0 });
  const cached = createApi({ warehouse });
  const url = (to: string) => `http://localhost/api/query?indicator=referral_applications&from=2025-01-01&to=${to}&grain=all`;
  const query = (to: string, app = uncached) =>
    Promise.resolve(app.fetch(new Request(url(to)), { caller: OFFICIAL, address: '127.0.0.1' }));
  const before = await (await query('2025-12-10', cached)).json();
  expect([before.dataVersion, before.rows[0].value]).toEqual([FIXTURE_VERSION, 10]);

  const seen: { status: number; version: string | null; value: number | undefined }[] = [];
  let published = false;
  const worker = async (w: number) => {
    for (let i = 0, afterPublish = 0; afterPublish < 30; i++) {
      if (published) afterPublish++;
      const to = `2025-12-${String(10 + ((i * 7 + w) % 21)).padStart(2, '0')}`;
      const res = await query(to);
      const body = res.status === 200 ? await res.json() : await res.text();
      seen.push({ status: res.status, version: res.headers.get('etag'), value: body.rows?.[0]?.value });
    }
  };
  const workers = Array.from({ length: 8 }, (_, w) => worker(w));
  await new Promise((resolve) => setTimeout(resolve, 300));
  // Publish as the pipeline does: the new file beside the warehouse, renamed over it.
  const build = join(dir, `warehouse.build-${process.pid}.duckdb`);
  copyFileSync(next, build);
  renameSync(build, path);
  published = true;
  await Promise.all(workers);

  expect(seen.filter((s) => s.status !== 200)).toEqual([]);
  expect(seen[0].version).toBe(etag(FIXTURE_VERSION, OFFICIAL));
  expect(seen.at(-1)!.version).toBe(etag('fixture-v2', OFFICIAL));
  // Queries already running finish on the old file; every answer is wholly of one version.
  const byVersion = (v: string) => new Set(seen.filter((s) => s.version === etag(v, OFFICIAL)).map((s) => s.value));
  expect(byVersion(FIXTURE_VERSION)).toEqual(new Set([10]));
  expect(byVersion('fixture-v2')).toEqual(new Set([20]));
  expect(seen.length).toBeGreaterThan(8 * 30);

  // The cache forgot version 1: the query cached before the publish now answers from version 2.
  const after = await (await query('2025-12-10', cached)).json();
  expect([after.dataVersion, after.rows[0].value]).toEqual(['fixture-v2', 20]);
  // The replaced file was closed once its queries ended: no descriptor still points at it.
  if (existsSync('/proc/self/fd')) {
    const open = readdirSync('/proc/self/fd').map((fd) => {
      try {
        return readlinkSync(`/proc/self/fd/${fd}`);
      } catch {
        return '';
      }
    });
    expect(open.filter((target) => target.startsWith(path) && target.endsWith('(deleted)'))).toEqual([]);
    expect(open.filter((target) => target === path)).toHaveLength(1);
  }
  warehouse.close();
});
