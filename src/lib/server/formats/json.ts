// format=json: the rows as objects, with the normalized query and the data version. The
// dashboard's answers are encoded whole; a download is written batch by batch.
import type { NormalizedQuery, QueryResponse, QueryRow } from '../../contract/contract';
import type { Batch, QueryResult } from '../query/result';

export function toRows(result: Batch): QueryRow[] {
  const rows: QueryRow[] = new Array(result.rowCount);
  for (let r = 0; r < result.rowCount; r++) {
    const row: Record<string, unknown> = {};
    for (let c = 0; c < result.columns.length; c++) row[result.columns[c]] = result.data[c][r];
    rows[r] = row as QueryRow;
  }
  return rows;
}

export function encodeJson(result: QueryResult, query: NormalizedQuery, dataVersion: string): Uint8Array {
  const body: QueryResponse = { indicator: query.indicator, dataVersion, query, rows: toRows(result) };
  if (result.truncated) body.truncated = true;
  return Buffer.from(JSON.stringify(body));
}

/** The same object as encodeJson, its rows array written as the batches come. */
export async function* jsonChunks(batches: AsyncIterable<Batch>, query: NormalizedQuery, dataVersion: string): AsyncGenerator<Uint8Array> {
  const head = JSON.stringify({ indicator: query.indicator, dataVersion, query, rows: [] });
  // Everything up to the rows' closing bracket, then each batch's rows after a separator.
  let before = head.slice(0, -2);
  for await (const batch of batches) {
    if (batch.rowCount === 0) continue;
    yield Buffer.from(
      before +
        toRows(batch)
          .map((row) => JSON.stringify(row))
          .join(',')
    );
    before = ',';
  }
  yield Buffer.from(`${before === ',' ? '' : before}]}`);
}
