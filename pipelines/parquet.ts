// Marts as hive-partitioned Parquet (data/marts/<mart>/<table>/year=/month=), readable by any
// engine: the path for a province that outgrows one machine. Only affected months are rewritten.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MART_SCHEMAS } from './models';
import { ident, literal } from './sql';
import type { Database } from './warehouse';

export async function exportMarts(db: Database, martsDir: string): Promise<number> {
  const tables = await db.rows<{ schema: string; table: string; time: string }>(`
    SELECT c.table_schema AS schema, c.table_name AS "table", min(c.column_name) AS time
    FROM information_schema.columns c JOIN information_schema.tables t USING (table_schema, table_name)
    WHERE c.table_schema IN (${MART_SCHEMAS.map(literal).join(', ')}) AND t.table_type = 'BASE TABLE' AND c.column_name IN ('day', 'month', 'year')
    GROUP BY ALL ORDER BY 1, 2`);
  const months = await db.rows<{ year: number; month: number }>(
    'SELECT DISTINCT year(month) AS year, month(month) AS month FROM affected_months ORDER BY 1, 2'
  );
  for (const { schema, table, time } of tables) {
    const dir = join(martsDir, schema, table);
    mkdirSync(dir, { recursive: true });
    const col = ident(time);
    if (time === 'year') {
      for (const year of new Set(months.map((m) => m.year))) rmSync(join(dir, `year=${year}`), { recursive: true, force: true });
      await db.run(`COPY (SELECT * FROM ${ident(schema)}.${ident(table)} WHERE year IN (SELECT DISTINCT year(month) FROM affected_months))
        TO ${literal(dir)} (FORMAT parquet, PARTITION_BY (year), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'part-{i}')`);
      continue;
    }
    for (const m of months) rmSync(join(dir, `year=${m.year}`, `month=${m.month}`), { recursive: true, force: true });
    await db.run(`COPY (SELECT *, year(${col}) AS year, month(${col}) AS month FROM ${ident(schema)}.${ident(table)}
        WHERE date_trunc('month', ${col}) IN (SELECT month FROM affected_months))
      TO ${literal(dir)} (FORMAT parquet, PARTITION_BY (year, month), OVERWRITE_OR_IGNORE, FILENAME_PATTERN 'part-{i}')`);
  }
  return tables.length;
}
