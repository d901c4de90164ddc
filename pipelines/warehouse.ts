// A DuckDB database file opened by the pipeline: run SQL, read rows, run .sql model files.
import { readFileSync } from 'node:fs';
import { DuckDBInstance, type DuckDBConnection, type DuckDBValue } from '@duckdb/node-api';
import { statements } from './sql';

export const TIME_ZONE = 'Asia/Shanghai';

/**
 * The prefecture's local day of a value of the given contract type. For timestamps this is
 * arithmetic on the instant: Asia/Shanghai has been UTC+8 without daylight saving since 1991, and
 * a per-row time-zone conversion would cost more than parsing the row.
 */
export function localDaySql(expr: string, type: string): string {
  if (type !== 'timestamp') return `CAST(${expr} AS DATE)`;
  return `(DATE '1970-01-01' + CAST((epoch_us(${expr}) + 28800000000) // 86400000000 AS INTEGER))`;
}

export class Database {
  private constructor(
    private readonly instance: DuckDBInstance,
    readonly connection: DuckDBConnection
  ) {}

  static async open(path: string, options: { readOnly?: boolean; threads?: number } = {}): Promise<Database> {
    const config: Record<string, string> = {
      // Offline machines: a missing extension must fail at once, not try a download.
      autoinstall_known_extensions: 'false',
      autoload_known_extensions: 'true'
    };
    if (options.readOnly) config.access_mode = 'READ_ONLY';
    if (options.threads) config.threads = String(options.threads);
    const instance = await DuckDBInstance.create(path, config);
    const connection = await instance.connect();
    // Dates of events are the prefecture's local days.
    await connection.run(`SET TimeZone = '${TIME_ZONE}'`);
    return new Database(instance, connection);
  }

  async run(sql: string, values?: DuckDBValue[]): Promise<void> {
    await this.connection.run(sql, values);
  }

  async rows<T = Record<string, unknown>>(sql: string, values?: DuckDBValue[]): Promise<T[]> {
    const reader = await this.connection.runAndReadAll(sql, values);
    return reader.getRowObjectsJson() as T[];
  }

  async value<T = unknown>(sql: string, values?: DuckDBValue[]): Promise<T> {
    const reader = await this.connection.runAndReadAll(sql, values);
    return reader.getRowsJson()[0]?.[0] as T;
  }

  /** Runs a model file statement by statement, naming the file and statement on failure. */
  async runFile(path: string): Promise<void> {
    const parts = statements(readFileSync(path, 'utf8'));
    for (const [n, sql] of parts.entries()) {
      try {
        await this.connection.run(sql);
      } catch (error) {
        throw new Error(`${path} statement ${n + 1}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    }
  }

  close(): void {
    this.connection.closeSync();
    this.instance.closeSync();
  }
}
