// The only two ways anything reaches SQL text from the metrics layer: identifiers from the
// catalogue's allow-lists, quoted here (an embedded quote is doubled, so even a hostile name
// stays one identifier), and values, which are always bound as numbered parameters.
import type { DuckDBValue } from '@duckdb/node-api';

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Collects bound values; `bind` returns the placeholder to write in their place. */
export class Params {
  readonly values: DuckDBValue[] = [];

  bind(value: DuckDBValue): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  date(value: string): string {
    return `CAST(${this.bind(value)} AS DATE)`;
  }

  int(value: number): string {
    return `CAST(${this.bind(value)} AS BIGINT)`;
  }

  list(values: readonly DuckDBValue[]): string {
    return values.map((v) => this.bind(v)).join(', ');
  }
}
