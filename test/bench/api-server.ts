// The bench's HTTP server: the same Hono app the SvelteKit route mounts, on @hono/node-server,
// in its own process so the load generator does not share its event loop.
// Usage: node --import tsx test/bench/api-server.ts <warehouse.duckdb>; prints `ready <port>`.
import { serve } from '@hono/node-server';
import { createApi } from '../../src/lib/server/api/app';
import { Warehouse } from '../../src/lib/server/warehouse';
import { OFFICIAL } from '../helpers/callers';

const [path] = process.argv.slice(2);
const api = createApi({ warehouse: new Warehouse(path) });
serve({ fetch: (request) => api.fetch(request, { caller: OFFICIAL, address: '127.0.0.1' }), port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`ready ${info.port}`);
});
