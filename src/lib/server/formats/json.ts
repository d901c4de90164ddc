// format=json: the rows as objects, with the normalized query and the data version.
import type { NormalizedQuery, QueryResponse, QueryRow } from '../../api/contract';
import type { QueryResult } from '../query/result';

export function toRows(result: QueryResult): QueryRow[] {
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
