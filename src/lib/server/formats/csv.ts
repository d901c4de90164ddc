// format=csv: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it as UTF-8),
// headers in `lang`, and beside each breakdown's code its name.
import { stringify } from 'csv-stringify/sync';
import type { Column } from './labels';
import type { Cell, QueryResult } from '../query/result';

/** Rows of cells in column order, names filled in: what CSV and XLSX both write. */
export function tableRows(result: QueryResult, columns: Column[], namers: Record<string, (code: string) => string>): Cell[][] {
  const index = new Map(result.columns.map((c, i) => [c, i]));
  const rows: Cell[][] = new Array(result.rowCount);
  for (let r = 0; r < result.rowCount; r++) {
    rows[r] = columns.map((col) => {
      const value = result.data[index.get(col.key)!][r];
      return col.namesOf ? namers[col.namesOf](value as string) : value;
    });
  }
  return rows;
}

export function encodeCsv(columns: Column[], rows: Cell[][]): Uint8Array {
  return Buffer.from(`\uFEFF${stringify([columns.map((c) => c.header), ...rows])}`, 'utf8');
}
