// One measured task in its own process, so its peak memory is its own. Prints one JSON line.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonColumnsSql } from '../../datasets/contract/duckdb';
import { FEEDS } from '../../datasets/contract/feeds';
import { runPipeline } from '../../pipelines/run';
import { list } from '../../pipelines/sql';
import { Database } from '../../pipelines/warehouse';

const [task, landing, target, dataDir] = process.argv.slice(2);
const started = performance.now();
let detail: unknown = null;

if (task === 'pipeline') {
  const result = await runPipeline({ landing, warehouse: target, dataDir });
  detail = { status: result.status, days: result.dates.length, affectedDays: result.affectedDays, steps: result.steps };
} else if (task === 'bare') {
  // DuckDB's own load of the same files: typed columns from the contract, nothing else.
  const db = await Database.open(target);
  for (const feed of FEEDS) {
    const dir = join(landing, feed.name);
    const files = readdirSync(dir).flatMap((d) => readdirSync(join(dir, d)).map((f) => join(dir, d, f)));
    await db.run(
      `CREATE TABLE ${feed.name} AS SELECT * FROM read_json(${list(files)}, format = 'newline_delimited', columns = ${readJsonColumnsSql(feed)}, ignore_errors = true)`
    );
  }
  await db.run('CHECKPOINT');
  db.close();
} else throw new Error(`unknown task ${task}`);

const usage = process.resourceUsage();
// CPU time of all threads beside wall time: on a shared machine it shows work done, not waiting.
console.log(
  JSON.stringify({
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    peakRssMb: usage.maxRSS / 1024,
    detail
  })
);
