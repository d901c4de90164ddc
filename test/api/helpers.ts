// The API over a fixture warehouse, called in-process through app.fetch (the same handler the
// SvelteKit route and the bench server use).
import type { Caller } from '../../src/lib/api/contract';
import { createApi } from '../../src/lib/server/api/app';
import { DEFAULT_CALLER } from '../../src/lib/server/caller';
import { Warehouse } from '../../src/lib/server/warehouse';
import { removeDir, tempDir } from '../helpers/landing';
import { buildFixtureWarehouse } from '../metrics/fixture';

export const OFFICIAL: Caller = DEFAULT_CALLER;
export const COUNTY: Caller = { role: 'county', scopeOrg: '652327', username: 'county' };
export const MANAGER: Caller = { role: 'manager', scopeOrg: 'JG6523010007', username: 'manager' };

export interface ApiFixture {
  dir: string;
  warehouse: Warehouse;
  get(url: string, options?: { caller?: Caller; headers?: Record<string, string>; method?: string }): Promise<Response>;
  json<T = any>(url: string, caller?: Caller): Promise<T>;
  close(): void;
}

export async function apiFixture(options: { cacheBytes?: number } = {}): Promise<ApiFixture> {
  const dir = tempDir('api');
  const path = await buildFixtureWarehouse(dir);
  const warehouse = new Warehouse(path);
  const app = createApi({ warehouse, cacheBytes: options.cacheBytes });
  const get: ApiFixture['get'] = (url, { caller = OFFICIAL, headers = {}, method = 'GET' } = {}) =>
    Promise.resolve(app.fetch(new Request(`http://localhost${url}`, { method, headers }), { caller }));
  return {
    dir,
    warehouse,
    get,
    async json(url, caller) {
      const res = await get(url, { caller });
      if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
      return res.json();
    },
    close() {
      warehouse.close();
      removeDir(dir);
    }
  };
}

/** The rows of a JSON query, from the query string after /api/query?. */
export async function rows(api: ApiFixture, query: string, caller?: Caller): Promise<Record<string, any>[]> {
  return (await api.json(`/api/query?${query}`, caller)).rows;
}
