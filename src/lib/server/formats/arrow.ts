// format=arrow: an Arrow IPC stream. Built from the result's columns directly into typed arrays
// (makeData), not value by value: period as Date32, breakdown codes dictionary-encoded (a few
// distinct codes over many rows), numbers as nullable Float64. A suppressed number ("<5") has no
// Float64 form: it is null, and the boolean column `suppressed` tells it from a missing value.
import { Bool, DateDay, Dictionary, Float64, Int32, makeData, makeVector, Table, tableToIPC, Utf8, vectorFromArray, type Vector } from 'apache-arrow';
import type { Cell, QueryResult } from '../query/result';

const DAY_MS = 86_400_000;

function dateColumn(values: Cell[]): Vector {
  const days = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) days[i] = Date.parse(values[i] as string) / DAY_MS;
  return makeVector(makeData({ type: new DateDay(), length: values.length, data: days }));
}

function dictionaryColumn(values: Cell[]): Vector {
  const codes = new Map<string, number>();
  const indices = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const code = values[i] as string;
    let index = codes.get(code);
    if (index === undefined) codes.set(code, (index = codes.size));
    indices[i] = index;
  }
  const dictionary = vectorFromArray([...codes.keys()], new Utf8());
  return makeVector(makeData({ type: new Dictionary(new Utf8(), new Int32()), length: values.length, data: indices, dictionary }));
}

function numberColumn(values: Cell[]): Vector {
  const data = new Float64Array(values.length);
  const validity = new Uint8Array(Math.ceil(values.length / 8));
  let nulls = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') nulls++;
    else {
      data[i] = v as number;
      validity[i >> 3] |= 1 << (i & 7);
    }
  }
  return makeVector(makeData({ type: new Float64(), length: values.length, data, nullBitmap: nulls > 0 ? validity : undefined, nullCount: nulls }));
}

/** `suppressed`: one flag per row when small cells were hidden, which adds that column. */
export function encodeArrow(result: QueryResult, breakdowns: string[], suppressed?: boolean[]): Uint8Array {
  const columns: Record<string, Vector> = {};
  result.columns.forEach((name, i) => {
    const values = result.data[i];
    columns[name] = name === 'period' ? dateColumn(values) : breakdowns.includes(name) ? dictionaryColumn(values) : numberColumn(values);
  });
  if (suppressed) columns.suppressed = vectorFromArray(suppressed, new Bool());
  return tableToIPC(new Table(columns), 'stream');
}
