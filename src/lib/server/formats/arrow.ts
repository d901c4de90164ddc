// format=arrow: an Arrow IPC stream, one record batch per batch of rows (a download: per DuckDB
// chunk). Built from the columns directly into typed arrays (makeData), not value by value:
// period as Date32, breakdown codes dictionary-encoded (a few distinct codes over many rows),
// numbers as nullable Float64. A suppressed number ("<5") has no Float64 form: it is null, and
// the boolean column `suppressed` tells it from a missing value.
import {
  AsyncByteQueue,
  Bool,
  DateDay,
  Dictionary,
  Field,
  Float64,
  Int32,
  makeData,
  RecordBatch,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Utf8,
  vectorFromArray,
  type Data,
  type Vector
} from 'apache-arrow';
import type { Batch, Cell } from '../query/result';
import { isNote } from '../suppression/query-result';

const DAY_MS = 86_400_000;

type ColumnWriter = { field: Field; data: (batch: Batch) => Data };

function dateColumn(name: string, index: number): ColumnWriter {
  const type = new DateDay();
  return {
    field: new Field(name, type, false),
    data: ({ data, rowCount }) => {
      const days = new Int32Array(rowCount);
      for (let i = 0; i < rowCount; i++) days[i] = Date.parse(data[index][i] as string) / DAY_MS;
      return makeData({ type, length: rowCount, data: days });
    }
  };
}

/**
 * Codes as indices into a dictionary that grows from batch to batch: the writer sends only the
 * codes a batch adds (a delta), and an index means the same code in every batch.
 */
function dictionaryColumn(name: string, index: number): ColumnWriter {
  const type = new Dictionary(new Utf8(), new Int32());
  const codes = new Map<string, number>();
  let dictionary: Vector<Utf8> | null = null;
  return {
    field: new Field(name, type, false),
    data: ({ data, rowCount }) => {
      const indices = new Int32Array(rowCount);
      const added: string[] = [];
      for (let i = 0; i < rowCount; i++) {
        const code = data[index][i] as string;
        let at = codes.get(code);
        if (at === undefined) {
          codes.set(code, (at = codes.size));
          added.push(code);
        }
        indices[i] = at;
      }
      if (added.length > 0 || !dictionary) {
        const more = vectorFromArray(added, new Utf8());
        dictionary = dictionary ? dictionary.concat(more) : more;
      }
      return makeData({ type, length: rowCount, data: indices, dictionary });
    }
  };
}

function numberColumn(name: string, index: number): ColumnWriter {
  const type = new Float64();
  return {
    field: new Field(name, type, true),
    data: ({ data, rowCount }) => {
      const values = new Float64Array(rowCount);
      const validity = new Uint8Array(Math.ceil(rowCount / 8));
      let nulls = 0;
      for (let i = 0; i < rowCount; i++) {
        const v: Cell = data[index][i];
        if (typeof v !== 'number') nulls++;
        else {
          values[i] = v;
          validity[i >> 3] |= 1 << (i & 7);
        }
      }
      return makeData({ type, length: rowCount, data: values, nullBitmap: nulls > 0 ? validity : undefined, nullCount: nulls });
    }
  };
}

/** Why a number is null (value_note: too_few), as nullable text. */
function noteColumn(name: string, index: number): ColumnWriter {
  const type = new Utf8();
  return {
    field: new Field(name, type, true),
    data: ({ data, rowCount }) => vectorFromArray(data[index].slice(0, rowCount) as (string | null)[], type).data[0]
  };
}

function flagColumn(name: string): ColumnWriter {
  const type = new Bool();
  return {
    field: new Field(name, type, false),
    data: ({ suppressed = [], rowCount }) => {
      const bits = new Uint8Array(Math.ceil(rowCount / 8));
      for (let i = 0; i < rowCount; i++) if (suppressed[i]) bits[i >> 3] |= 1 << (i & 7);
      return makeData({ type, length: rowCount, data: bits });
    }
  };
}

/** What the writer writes, taken as soon as a batch is written (its own queue hands bytes out only asynchronously). */
class WrittenBytes extends AsyncByteQueue {
  private chunks: Uint8Array[] = [];

  override write(value: Parameters<AsyncByteQueue['write']>[0]): void {
    this.chunks.push(value as Uint8Array);
  }

  take(): Uint8Array {
    const bytes = Buffer.concat(this.chunks);
    this.chunks = [];
    return bytes;
  }
}

/** One IPC stream: the schema, then per batch its dictionary deltas and its record batch, then the end marker. */
export class ArrowStream {
  private readonly columns: ColumnWriter[];
  private readonly schema: Schema;
  private readonly type: Struct;
  private readonly sink = new WrittenBytes();
  private readonly writer = new RecordBatchStreamWriter();
  private written = false;

  /** `withSuppressed`: small cells are hidden from the caller, which adds the `suppressed` column. */
  constructor(
    private readonly names: string[],
    breakdowns: readonly string[],
    withSuppressed: boolean
  ) {
    this.columns = names.map((name, i) =>
      name === 'period'
        ? dateColumn(name, i)
        : breakdowns.includes(name)
          ? dictionaryColumn(name, i)
          : isNote(name)
            ? noteColumn(name, i)
            : numberColumn(name, i)
    );
    if (withSuppressed) this.columns.push(flagColumn('suppressed'));
    this.schema = new Schema(this.columns.map((c) => c.field));
    this.type = new Struct(this.schema.fields);
    this.writer.reset(this.sink);
  }

  write(batch: Batch): Uint8Array {
    const children = this.columns.map((c) => c.data(batch));
    this.writer.write(new RecordBatch(this.schema, makeData({ type: this.type, length: batch.rowCount, children })));
    this.written = true;
    return this.sink.take();
  }

  /** The end marker; a stream without rows still gets its schema and one empty batch. */
  end(): Uint8Array {
    const empty = this.written ? new Uint8Array(0) : this.write({ columns: this.names, data: this.names.map(() => []), rowCount: 0 });
    this.writer.finish();
    return Buffer.concat([empty, this.sink.take()]);
  }
}

/** A whole result as one IPC stream (the dashboard's answers). */
export function encodeArrow(result: Batch, breakdowns: readonly string[]): Uint8Array {
  const stream = new ArrowStream(result.columns, breakdowns, result.suppressed !== undefined);
  return Buffer.concat([stream.write(result), stream.end()]);
}

/** The IPC stream of a streamed result, a record batch per batch as it comes. */
export async function* arrowChunks(
  batches: AsyncIterable<Batch>,
  columns: string[],
  breakdowns: readonly string[],
  withSuppressed: boolean
): AsyncGenerator<Uint8Array> {
  const stream = new ArrowStream(columns, breakdowns, withSuppressed);
  for await (const batch of batches) yield stream.write(batch);
  yield stream.end();
}
