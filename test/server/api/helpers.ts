// The API over a fixture warehouse, called in-process through app.fetch (the same handler the
// SvelteKit route and the bench server use).
import type { Caller } from '../../../src/lib/contract/contract';
import { createApi, type ApiOptions } from '../../../src/lib/server/api/app';
import type { AppDb } from '../../../src/lib/server/auth/app-db';
import { Warehouse } from '../../../src/lib/server/warehouse';
import { testAccess } from '../../helpers/access';
import { OFFICIAL } from '../../helpers/callers';
import { removeDir, tempDir } from '../../helpers/landing';
import { buildFixtureWarehouse } from '../metrics/fixture';

export { ADMIN, ANALYST, COUNTY, MANAGER, OFFICIAL } from '../../helpers/callers';

export interface ApiFixture {
  dir: string;
  warehouse: Warehouse;
  /** The application database (users, sessions, audit log), in memory. */
  db: AppDb;
  /** `caller: null` is a signed-out request. */
  get(
    url: string,
    options?: { caller?: Caller | null; headers?: Record<string, string>; method?: string; body?: string }
  ): Promise<Response>;
  json<T = any>(url: string, caller?: Caller): Promise<T>;
  close(): void;
}

export async function apiFixture(options: Pick<ApiOptions, 'cacheBytes'> = {}): Promise<ApiFixture> {
  const dir = tempDir('api');
  const path = await buildFixtureWarehouse(dir);
  const warehouse = new Warehouse(path);
  const { db, access } = testAccess();
  const app = createApi({ warehouse, access, ...options });
  const get: ApiFixture['get'] = (url, { caller = OFFICIAL, headers = {}, method = 'GET', body } = {}) =>
    Promise.resolve(app.fetch(new Request(`http://localhost${url}`, { method, headers, body }), { caller, address: '203.0.113.7' }));
  return {
    dir,
    warehouse,
    db,
    get,
    async json(url, caller) {
      const res = await get(url, { caller });
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    close() {
      warehouse.close();
      db.close();
      removeDir(dir);
    }
  };
}

/** The rows of a JSON query, from the query string after /api/query?. */
export async function rows(api: ApiFixture, query: string, caller?: Caller): Promise<Record<string, any>[]> {
  return (await api.json(`/api/query?${query}`, caller)).rows;
}
