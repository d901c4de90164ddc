// format=csv: UTF-8 with a byte-order mark (so Excel on Chinese Windows reads it as UTF-8),
// headers in `lang`, and beside each breakdown's code its name. Written batch by batch:
// csv-stringify quotes each batch's rows, so no more than a batch is held as text.
import { stringify } from 'csv-stringify/sync';
import type { Column } from './labels';
import type { Batch, Cell } from '../query/result';

/** Rows of cells in column order, names filled in: what CSV and XLSX both write. */
export function tableRows(result: Batch, columns: Column[], namers: Record<string, (code: string) => string>): Cell[][] {
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

export async function* csvChunks(columns: Column[], tables: AsyncIterable<Cell[][]>): AsyncGenerator<Uint8Array> {
  // The header goes out with the first rows, so that nothing is sent before the query has run.
  let head = `\uFEFF${stringify([columns.map((c) => c.header)])}`;
  for await (const rows of tables) {
    yield Buffer.from(head + stringify(rows), 'utf8');
    head = '';
  }
  if (head) yield Buffer.from(head, 'utf8');
}
