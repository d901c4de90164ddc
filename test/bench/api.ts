// Metrics API benchmarks: latency of the dashboard's queries (uncached, cached, and DuckDB's bare
// execution of the same SQL), a load run over HTTP, Arrow vs JSON bytes of a large breakdown, and
// downloads of over a million rows in every format (./export.ts).
import { spawn } from 'node:child_process';
import autocannon from 'autocannon';
import { QueryParams } from '../../src/lib/server/api/schemas';
import { createApi } from '../../src/lib/server/api/app';
import { resolveQuery } from '../../src/lib/server/api/resolve';
import { OFFICIAL } from '../helpers/callers';
import { buildQuery } from '../../src/lib/server/query/builder';
import { Warehouse } from '../../src/lib/server/warehouse';
import { benchExports } from './export';

type Row = [string, string, string];

const YEAR = 'from=2025-01-01&to=2025-12-31';
/** What the dashboard pages ask for: KPI tiles, trends with last year, county comparisons, top lists. */
export const DASHBOARD_QUERIES: Record<string, string> = {
  'tile referral success': `indicator=referral_success_rate&${YEAR}&grain=all`,
  'tile face-scan settlements': 'indicator=face_scan_settlements&from=2025-04-01&to=2025-12-31&grain=all',
  'tile report queries': `indicator=report_query_count&from=2024-12-06&to=2025-12-31&grain=all`,
  'tile recognition savings': `indicator=recognition_savings&${YEAR}&grain=all`,
  'trend face-scan share yoy': `indicator=face_scan_share&${YEAR}&grain=month&compare=yoy`,
  'trend settlements by channel': `indicator=settlement_count&${YEAR}&grain=month&by=channel`,
  'trend settlements daily': `indicator=settlement_count&${YEAR}&grain=day`,
  'trend appointments weekly': `indicator=appointment_count&${YEAR}&grain=week`,
  'counties primary-care share': `indicator=primary_care_visit_share&${YEAR}&grain=year&by=county`,
  'counties in-county rate': `indicator=in_county_inpatient_rate&${YEAR}&grain=quarter&by=county`,
  'top 10 institutions queries': `indicator=report_query_count&${YEAR}&grain=month&by=institution&top=10`,
  'interception by issue type': `indicator=prescription_interception_rate&${YEAR}&grain=quarter&by=issue_type`,
  'referral time by urgency': `indicator=referral_time_to_admission&${YEAR}&grain=month&by=urgent`,
  '120 response by county': `indicator=ems_arrival_minutes&${YEAR}&grain=month&by=county`,
  'record coverage by county': `indicator=health_record_coverage&${YEAR}&grain=month&by=county`,
  'htn management by county': `indicator=htn_standard_management_rate&${YEAR}&grain=year&by=county`,
  'bed occupancy top 10': `indicator=bed_occupancy_rate&${YEAR}&grain=month&by=institution&top=10`,
  'card refunds by county': `indicator=card_refund_amount&from=2024-12-06&to=2025-12-31&grain=month&by=county`
};

const LARGE = `indicator=settlement_count&${YEAR}&grain=day&by=institution&limit=100000`;

function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function time(task: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await task();
  return performance.now() - t0;
}

const ms = (v: number) => (v < 10 ? v.toFixed(2) : v.toFixed(1));

export async function benchApi(warehousePath: string, options: { iterations?: number; seconds?: number } = {}): Promise<Row[]> {
  const iterations = options.iterations ?? 30;
  const warehouse = new Warehouse(warehousePath);
  const uncached = createApi({ warehouse, cacheBytes: 0 });
  const cached = createApi({ warehouse });
  const get = (app: typeof cached, query: string, headers: Record<string, string> = {}) =>
    Promise.resolve(
      app.fetch(new Request(`http://localhost/api/query?${query}`, { headers }), { caller: OFFICIAL, address: '127.0.0.1' })
    ).then(async (res) => {
      if (res.status !== 200) throw new Error(`${query}: ${res.status} ${await res.text()}`);
      return new Uint8Array(await res.arrayBuffer());
    });

  const rows: Row[] = [];
  const worst = { uncached: 0, cached: 0, ratio: 0 };
  for (const [name, query] of Object.entries(DASHBOARD_QUERIES)) {
    await get(uncached, query);
    const snapshot = await warehouse.snapshot();
    const built = buildQuery(resolveQuery(QueryParams.parse(Object.fromEntries(new URLSearchParams(query))), OFFICIAL, snapshot).spec);
    // Bare and API runs alternate, so a busy moment of the machine weighs on both alike.
    const bare: number[] = [];
    const api: number[] = [];
    for (let i = 0; i < iterations; i++) {
      bare.push(await time(() => warehouse.use((connection) => connection.runAndReadAll(built.sql, built.params))));
      api.push(await time(() => get(uncached, query)));
    }
    await get(cached, query);
    const hot: number[] = [];
    for (let i = 0; i < iterations * 10; i++) hot.push(await time(() => get(cached, query)));
    const ratio = percentile(api, 50) / percentile(bare, 50);
    worst.uncached = Math.max(worst.uncached, percentile(api, 95));
    worst.cached = Math.max(worst.cached, percentile(hot, 95));
    worst.ratio = Math.max(worst.ratio, ratio);
    rows.push([
      `api: ${name}`,
      `${ms(percentile(api, 50))} / ${ms(percentile(api, 95))} ms`,
      `cached ${ms(percentile(hot, 50))} / ${ms(percentile(hot, 95))} ms; bare DuckDB ${ms(percentile(bare, 50))} / ${ms(percentile(bare, 95))} ms; api/bare ${ratio.toFixed(2)}`
    ]);
  }
  rows.push(
    ['api: worst p95 uncached', `${ms(worst.uncached)} ms`, 'goal < 30 ms (rows above: p50 / p95)'],
    ['api: worst p95 cached', `${ms(worst.cached)} ms`, 'goal < 3 ms'],
    ['api: worst api/bare (p50)', worst.ratio.toFixed(2), 'goal <= 1.5']
  );

  const json = await get(cached, LARGE);
  const arrow = await get(cached, `${LARGE}&format=arrow`);
  const jsonGz = await get(cached, LARGE, { 'accept-encoding': 'gzip' });
  const arrowGz = await get(cached, `${LARGE}&format=arrow`, { 'accept-encoding': 'gzip' });
  const mb = (b: Uint8Array) => `${(b.byteLength / 1e6).toFixed(2)} MB`;
  rows.push([
    'api: 100k-row breakdown, Arrow vs JSON',
    `${mb(arrow)} vs ${mb(json)}`,
    `gzip: ${mb(arrowGz)} vs ${mb(jsonGz)}; settlements by day x institution`
  ]);
  warehouse.close();

  rows.push(...(await loadRun(warehousePath, options.seconds ?? 20)));
  rows.push(...(await benchExports(warehousePath)));
  return rows;
}

/** 64 connections for `seconds` over the dashboard's queries, against a server in its own process. */
async function loadRun(warehousePath: string, seconds: number): Promise<Row[]> {
  const server = spawn(process.execPath, ['--import', 'tsx', 'test/bench/api-server.ts', warehousePath], {
    stdio: ['ignore', 'pipe', 'inherit']
  });
  try {
    const port = await new Promise<number>((resolve, reject) => {
      server.stdout!.on('data', (chunk: Buffer) => {
        const ready = /ready (\d+)/.exec(chunk.toString());
        if (ready) resolve(Number(ready[1]));
      });
      server.on('exit', (code) => reject(new Error(`bench server exited (${code})`)));
    });
    const paths = Object.values(DASHBOARD_QUERIES).map((q) => `/api/query?${q}`);
    // Warm the cache: the load run measures the cached path the dashboard hits all day.
    for (const path of paths) await fetch(`http://127.0.0.1:${port}${path}`).then((r) => r.arrayBuffer());
    const result = await autocannon({
      url: `http://127.0.0.1:${port}`,
      connections: 64,
      duration: seconds,
      requests: paths.map((path) => ({ method: 'GET', path }))
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    return [
      [
        'api: load, 64 connections',
        `${Math.round(result.requests.average).toLocaleString('en-US')} req/s`,
        `${seconds} s over ${paths.length} dashboard queries (cached); goal >= 1,500`
      ],
      [
        'api: load latency',
        `p50 ${result.latency.p50} / p99 ${result.latency.p99} ms`,
        `${result.requests.total.toLocaleString('en-US')} requests`
      ],
      ['api: load errors', String(errors), 'errors + timeouts + non-2xx; goal 0']
    ];
  } finally {
    server.kill('SIGTERM');
  }
}
