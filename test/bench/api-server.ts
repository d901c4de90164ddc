// The bench's HTTP server: the same Hono app the SvelteKit route mounts, on @hono/node-server,
// in its own process so the load generator does not share its event loop and its peak memory is
// its own. Every request comes from one caller of `role` (default official); the application
// database is in memory, so the bench writes no audit rows into $HCI_DATA_DIR.
// Usage: node --import tsx test/bench/api-server.ts <warehouse.duckdb> [role]; prints `ready <port>`,
// and on SIGTERM one JSON line, {peakRssMb, peakJsMb, exported: [rows of each download]}, before
// it exits. peakJsMb (V8 heap and buffers, sampled) tells the server's own memory from DuckDB's.
import { serve } from '@hono/node-server';
import { createApi } from '../../src/lib/server/api/app';
import { Warehouse } from '../../src/lib/server/warehouse';
import { testAccess } from '../helpers/access';
import * as callers from '../helpers/callers';

const [path, role = 'official'] = process.argv.slice(2);
const caller = Object.values(callers).find((c) => c.role === role);
if (!caller) throw new Error(`no caller of role ${role}`);
const { db, access } = testAccess();
const api = createApi({ warehouse: new Warehouse(path), access });
serve({ fetch: (request) => api.fetch(request, { caller, address: '127.0.0.1' }), port: 0, hostname: '127.0.0.1' }, (info) => {
  console.log(`ready ${info.port}`);
});
let peakJs = 0;
setInterval(() => {
  const m = process.memoryUsage();
  peakJs = Math.max(peakJs, m.heapUsed + m.arrayBuffers);
}, 50).unref();
process.on('SIGTERM', () => {
  const exported = (db.prepare("SELECT rows FROM audit_log WHERE action = 'export' ORDER BY id").all() as { rows: number }[]).map(
    (r) => r.rows
  );
  console.log(JSON.stringify({ peakRssMb: process.resourceUsage().maxRSS / 1024, peakJsMb: peakJs / 2 ** 20, exported }));
  process.exit(0);
});
