// Downloads of more than a million rows, one per format, each from a fresh bench server process
// (test/bench/api-server.ts) signed in as an analyst (so small cells are suppressed on the way):
// seconds to the last byte and the server's peak RSS (and of that, JavaScript's: the rest is
// DuckDB's, which groups and sorts the whole answer within its memory limit). No answer of the default warehouse runs
// that long (settlements by day x institution x channel: ~390k rows), so the bench exports from
// a copy whose settlements mart holds the same days three more times, shifted back a span each.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FORMATS, type Format } from '../../src/lib/contract/contract';
import { Database } from '../../pipelines/warehouse';

type Row = [string, string, string];

const COPIES = 3;

/** The copy, the range its longest answer covers, and where the original days start. */
async function longWarehouse(source: string, dir: string): Promise<{ path: string; from: string; to: string; first: string }> {
  const path = join(dir, 'warehouse.duckdb');
  copyFileSync(source, path);
  const db = await Database.open(path);
  try {
    const [{ first, last, months }] = await db.rows<{ first: string; last: string; months: number }>(
      "SELECT CAST(min(day) AS VARCHAR) AS first, CAST(max(day) AS VARCHAR) AS last, CAST(datediff('month', min(day), max(day)) + 1 AS INTEGER) AS months FROM mart_services.settlements_daily"
    );
    for (let k = 1; k <= COPIES; k++) {
      await db.run(
        `INSERT INTO mart_services.settlements_daily SELECT * REPLACE (CAST(day - to_months(CAST($1 AS INTEGER)) AS DATE) AS day)
         FROM mart_services.settlements_daily WHERE day >= CAST($2 AS DATE)`,
        [months * k, first]
      );
    }
    await db.run('CHECKPOINT');
    const [{ from }] = await db.rows<{ from: string }>('SELECT CAST(min(day) AS VARCHAR) AS "from" FROM mart_services.settlements_daily');
    return { path, from, to: last, first };
  } finally {
    db.close();
  }
}

/** One download from its own server: seconds to the last byte, bytes on the wire, rows audited, peak RSS. */
async function exportOnce(warehouse: string, query: string, format: Format) {
  const server = spawn(process.execPath, ['--import', 'tsx', 'test/bench/api-server.ts', warehouse, 'analyst'], {
    stdio: ['ignore', 'pipe', 'inherit']
  });
  let out = '';
  server.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const exited = new Promise<void>((resolve) => server.on('exit', () => resolve()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setInterval(() => {
        const ready = /ready (\d+)/.exec(out);
        if (ready) {
          clearInterval(timer);
          resolve(Number(ready[1]));
        }
      }, 50);
      server.on('exit', (code) => (clearInterval(timer), reject(new Error(`bench server exited (${code})`))));
    });
    const started = performance.now();
    // gzip as a browser asks for it: CSV, JSON and Arrow are compressed on the way.
    const bytes = await new Promise<number>((resolve, reject) => {
      const path = `/api/query?${query}&format=${format}&download=1`;
      request({ host: '127.0.0.1', port, path, headers: { 'accept-encoding': 'gzip' } }, (res) => {
        if (res.statusCode !== 200) reject(new Error(`${path}: ${res.statusCode}`));
        let n = 0;
        res.on('data', (chunk: Buffer) => (n += chunk.length));
        res.on('end', () => resolve(n));
        res.on('error', reject);
      })
        .on('error', reject)
        .end();
    });
    const seconds = (performance.now() - started) / 1000;
    server.kill('SIGTERM');
    await exited;
    const report = JSON.parse(out.trim().split('\n').at(-1)!) as { peakRssMb: number; peakJsMb: number; exported: number[] };
    return { seconds, bytes, rows: report.exported.at(-1) ?? 0, peakRssMb: report.peakRssMb, peakJsMb: report.peakJsMb };
  } finally {
    server.kill('SIGTERM');
  }
}

export async function benchExports(warehousePath: string): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hci-export-bench-'));
  try {
    const { path, from, to, first } = await longWarehouse(warehousePath, dir);
    const query = (start: string) => `indicator=settlement_count&from=${start}&to=${to}&grain=day&by=institution,channel`;
    const rows: Row[] = [];
    const report = (format: Format, start: string, r: Awaited<ReturnType<typeof exportOnce>>) =>
      rows.push([
        `export: ${format}, ${r.rows.toLocaleString('en-US')} rows`,
        `${r.seconds.toFixed(1)} s, peak ${r.peakRssMb.toFixed(0)} MB RSS (JS ${r.peakJsMb.toFixed(0)} MB)`,
        `${(r.bytes / 1e6).toFixed(1)} MB sent${format === 'xlsx' ? ` (${Math.ceil(r.rows / 1_048_575)} data sheets)` : ''}; settlements ${start}..${to} by day x institution x channel, analyst (suppressed)`
      ]);
    for (const format of FORMATS) report(format, from, await exportOnce(path, query(from), format));
    // The same download over a quarter of the rows: its peak memory is the baseline the long ones are held to.
    report('csv', first, await exportOnce(path, query(first), 'csv'));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
