// Reading one landing file as real exporters write it: gzip from any encoder (multi-member
// included) or plain text, whatever the name says; UTF-8 with or without a byte-order mark, or a
// declared GB18030/GBK; LF or CRLF. The file is decompressed and its lines counted and checked
// here, in a streaming pass. A clean file is then parsed by DuckDB as it is; any other is read
// again and copied as plain UTF-8 with LF endings, line for line: the copy has exactly the file's
// lines in order, so a row's position in it is its line number. A line DuckDB could not read
// (bytes not in the encoding, longer than the limit, a character that breaks line-based reading)
// is replaced by a marker line that carries its reason and a sample, so it is quarantined in its
// place and never takes its neighbours with it. The count of lines made here is independent of
// DuckDB's parse, which the reconciliation check compares it with.
import { closeSync, createReadStream, openSync, readFileSync, readSync, statSync, writeSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { constants, createGunzip, gunzipSync, inflateRawSync } from 'node:zlib';

/** Encodings a feed or landing folder may declare; UTF-8 when none is declared. */
export const ENCODINGS = ['utf-8', 'gb18030', 'gbk'] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** A marker line starts with this byte, which no line is copied with (see `breaksLineReading`). */
export const MARKER = '\u0001';

/** Reasons a line is replaced by a marker; the parse quarantines it with that reason. */
export type MarkedReason = 'invalid_encoding' | 'line_too_long' | 'malformed_json';

export interface ReadOptions {
  encoding: Encoding;
  /** Longest line accepted, in bytes (UTF-8, without its line ending). */
  maxLineBytes: number;
  /** The feed's contract fields: other fields seen in sampled records are reported. */
  knownFields?: ReadonlySet<string>;
}

export interface FileRead {
  /** Size on disk. */
  bytes: number;
  compression: 'gzip' | 'none';
  encoding: Encoding;
  /** Every line of the file, blank ones and a last one without a line ending included. */
  lines: number;
  /** Lines replaced by a marker, by reason. */
  marked: Partial<Record<MarkedReason, number>>;
  /** True when DuckDB reads the file itself (it is clean: no line set aside, LF endings, UTF-8,
   * compressed as its name says); false when it reads the plain copy. */
  direct: boolean;
  /** read: every line counted; truncated: the gzip stream ended early or failed its check, so
   * the lines counted are what precedes the damage; unreadable: no line could be counted. */
  outcome: 'read' | 'truncated' | 'unreadable';
  /** What was unusual about the file, for the run record (null when nothing was). */
  detail: string | null;
  /** Records sampled for fields the contract does not know (the first line of every 256 KB read), and
   * per unknown field the sampled records that had it. Parsing every line twice to find them would
   * cost a third of the parse; a new export version adds its field to every record, so a sample finds it. */
  sampled: number;
  unknownFields: Record<string, number>;
}

const NL = 0x0a;
const CR = 0x0d;
/** Bytes DuckDB's line reader would treat as a line or field break, and the marker byte. */
const BREAKING = [CR, 0x1e, 0x01];
const SAMPLE_CHARS = 2000;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const GB18030_BOM = Buffer.from([0x84, 0x31, 0x95, 0x33]);

const breaksLineReading = (buf: Buffer) => BREAKING.some((b) => buf.indexOf(b) !== -1);

/** A readable sample of a line for the quarantine: no control characters, bounded length. */
function sample(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.slice(0, SAMPLE_CHARS).replace(/[\u0000-\u001f]/g, '\ufffd');
}

/**
 * Copies the landing file at `path` to `out` (plain UTF-8, LF) and says what it held. Never throws
 * for what is in the file: damage is the outcome. Throws only if `out` cannot be written.
 */
export async function copyLandingFile(path: string, out: string, options: ReadOptions): Promise<FileRead> {
  const result: FileRead = {
    bytes: 0,
    compression: 'none',
    encoding: options.encoding,
    lines: 0,
    marked: {},
    outcome: 'read',
    detail: null,
    sampled: 0,
    unknownFields: {},
    direct: false
  };
  const notes: string[] = [];
  let head: Buffer;
  try {
    result.bytes = statSync(path).size;
    head = readHead(path);
  } catch (error) {
    return { ...result, outcome: 'unreadable', detail: `cannot be read: ${message(error)}` };
  }
  if (result.bytes === 0) return { ...result, outcome: 'unreadable', detail: 'empty file' };
  const gzip = head[0] === 0x1f && head[1] === 0x8b;
  result.compression = gzip ? 'gzip' : 'none';
  if (gzip !== /\.gz$/i.test(path)) notes.push(gzip ? 'gzip without a .gz name' : 'plain text with a .gz name');

  const copyFrom = async (source: AsyncIterable<Buffer> | Buffer[], write: boolean) => {
    const copy = lineCopier(write ? out : null, options);
    try {
      for await (const data of source) copy.chunk(data);
      return copy;
    } finally {
      copy.close();
    }
  };
  const stream = () => {
    const source = createReadStream(path, { highWaterMark: 1 << 18 });
    const decompressed = gzip ? source.pipe(createGunzip({ chunkSize: 1 << 18 })) : source;
    if (gzip) source.on('error', (error) => decompressed.destroy(error));
    return decompressed as AsyncIterable<Buffer>;
  };
  let copy: LineCopier;
  try {
    // First a pass that only counts and checks. A clean file (the common case) is then read by
    // DuckDB as it is, with DuckDB's own decompressor, so the two counts are independent; any
    // other file is read again and copied.
    copy = await copyFrom(stream(), false);
    result.direct = options.encoding === 'utf-8' && !copy.unclean && gzip === /\.gz$/i.test(path);
    if (!result.direct) copy = await copyFrom(stream(), true);
  } catch (error) {
    // A damaged gzip stream: the streaming decompressor drops what its last call decoded, so the
    // file is decompressed again whole, keeping every byte decodable before the damage.
    const recovered = gzip ? recoverGzip(readFileSync(path)) : null;
    if (!recovered || recovered.length === 0) {
      return {
        ...result,
        outcome: 'unreadable',
        detail: gzip ? `not a readable gzip stream: ${message(error)}` : `cannot be read: ${message(error)}`
      };
    }
    result.outcome = 'truncated';
    notes.unshift(
      `gzip stream ${/unexpected end/i.test(message(error)) ? 'ends early' : 'is damaged'} (${message(error)}) after ${recovered.length} bytes`
    );
    copy = await copyFrom([recovered], true);
  }
  const { lines, marked, crlf, gb18030Like, sampled, unknownFields } = copy.counts();
  Object.assign(result, { lines, marked, sampled, unknownFields });
  if (copy.bom) notes.push('byte-order mark');
  if (crlf > 0) notes.push(crlf === result.lines ? 'CRLF line endings' : `${crlf} CRLF line endings`);
  const set = Object.entries(result.marked).map(([reason, n]) => `${n} ${reason}`);
  if (set.length > 0) notes.push(`lines set aside: ${set.join(', ')}`);
  if (gb18030Like > 0 && gb18030Like === result.marked.invalid_encoding) {
    notes.push('the lines refused as UTF-8 are valid GB18030: if the source exports GB18030, declare it in an _encoding file');
  }
  result.detail = notes.length > 0 ? notes.join('; ') : null;
  return result;
}

/** Everything decodable before the damage: to the cut (sync flush), or, when the check fails, the first member's data. */
function recoverGzip(buf: Buffer): Buffer | null {
  try {
    return gunzipSync(buf, { finishFlush: constants.Z_SYNC_FLUSH });
  } catch {
    try {
      return inflateRawSync(buf.subarray(gzipHeaderLength(buf)), { finishFlush: constants.Z_SYNC_FLUSH });
    } catch {
      return null;
    }
  }
}

/** Length of a gzip member's header (RFC 1952: fixed 10 bytes, then the optional fields its flags name). */
function gzipHeaderLength(buf: Buffer): number {
  const flags = buf[3];
  let at = 10;
  if (flags & 0x04) at += 2 + buf.readUInt16LE(at);
  if (flags & 0x08) at = buf.indexOf(0, at) + 1;
  if (flags & 0x10) at = buf.indexOf(0, at) + 1;
  if (flags & 0x02) at += 2;
  return at;
}

type LineCopier = ReturnType<typeof lineCopier>;

/**
 * Copies decompressed bytes to `out`, line for line: clean runs of lines whole, the others line by
 * line, with a marker for each line set aside. Counts every line.
 */
function lineCopier(out: string | null, options: ReadOptions) {
  // Without `out` nothing is written: the pass only counts, and notes whether a copy is needed.
  const fd = out === null ? null : openSync(out, 'w');
  let unclean = false;
  const decoder = options.encoding === 'utf-8' ? null : new TextDecoder(options.encoding, { fatal: true });
  const counts = {
    lines: 0,
    marked: {} as Partial<Record<MarkedReason, number>>,
    crlf: 0,
    gb18030Like: 0,
    sampled: 0,
    unknownFields: {} as Record<string, number>
  };
  let first = true;
  let bom = false;
  let carry: Buffer | null = null;
  /** While a line longer than the limit is being skipped: the start of it, for the sample. */
  let overlong: Buffer | null = null;

  const write = (buf: Buffer | string) => {
    if (fd !== null) writeSync(fd, typeof buf === 'string' ? Buffer.from(buf) : buf);
  };
  const mark = (reason: MarkedReason, text: string) => {
    counts.marked[reason] = (counts.marked[reason] ?? 0) + 1;
    write(`${MARKER}${reason}${MARKER}${sample(text)}\n`);
  };
  const lossy = (buf: Buffer) => new TextDecoder(options.encoding === 'utf-8' ? 'utf-8' : options.encoding).decode(buf);
  const sampleFields = (line: Buffer) => {
    if (!options.knownFields) return;
    let record: unknown;
    try {
      record = JSON.parse(line.toString('utf8'));
    } catch {
      return;
    }
    if (record === null || typeof record !== 'object' || Array.isArray(record)) return;
    counts.sampled++;
    for (const key of Object.keys(record))
      if (!options.knownFields.has(key)) counts.unknownFields[key] = (counts.unknownFields[key] ?? 0) + 1;
  };

  /** One line (without its LF), checked on its own: the slow path, for lines the fast one refused. */
  const oneLine = (raw: Buffer) => {
    counts.lines++;
    unclean = true;
    let line = raw.length > 0 && raw[raw.length - 1] === CR ? raw.subarray(0, raw.length - 1) : raw;
    if (line !== raw) counts.crlf++;
    if (line.length > options.maxLineBytes) return mark('line_too_long', lossy(line.subarray(0, SAMPLE_CHARS * 4)));
    if (decoder) {
      try {
        line = Buffer.from(decoder.decode(line), 'utf8');
      } catch {
        return mark('invalid_encoding', lossy(line));
      }
    } else if (!isUtf8(line)) {
      if (decodes(GB18030, line)) counts.gb18030Like++;
      return mark('invalid_encoding', lossy(line));
    }
    // A carriage return inside a line, or a record separator: not valid in a JSON record, and
    // they would split the line for a line-based reader.
    if (breaksLineReading(line)) return mark('malformed_json', line.toString('utf8'));
    write(line);
    write('\n');
  };

  /** Complete lines, each ending in LF: copied whole when they are all clean, else line by line. */
  const lines = (body: Buffer) => {
    const utf8 = decoder ? decodeAll(decoder, body) : isUtf8(body) ? body : null;
    const text = utf8 ?? body;
    sampleFields(text.subarray(0, text.indexOf(NL)));
    if (utf8 && !breaksLineReading(utf8)) {
      let longest = 0;
      let count = 0;
      for (let start = 0, end = utf8.indexOf(NL); end !== -1; start = end + 1, end = utf8.indexOf(NL, start)) {
        count++;
        if (end - start > longest) longest = end - start;
      }
      if (longest <= options.maxLineBytes) {
        counts.lines += count;
        write(utf8);
        return;
      }
    }
    for (let start = 0, end = body.indexOf(NL); end !== -1; start = end + 1, end = body.indexOf(NL, start))
      oneLine(body.subarray(start, end));
  };

  const chunk = (data: Buffer) => {
    let buf = data;
    if (first) {
      first = false;
      const bomBytes = options.encoding === 'utf-8' ? UTF8_BOM : options.encoding === 'gb18030' ? GB18030_BOM : null;
      bom = bomBytes !== null && buf.subarray(0, bomBytes.length).equals(bomBytes);
      if (bom) buf = buf.subarray(bomBytes!.length);
    }
    if (overlong || carry) {
      // The line begun in an earlier chunk ends at this chunk's first LF; only it is joined, so
      // the chunk itself is never copied.
      const end = buf.indexOf(NL);
      if (end === -1) {
        if (carry) carry = Buffer.concat([carry, buf]);
        if (carry && carry.length > options.maxLineBytes) [overlong, carry] = [Buffer.from(carry.subarray(0, SAMPLE_CHARS * 4)), null];
        return;
      }
      if (overlong) {
        // The rest of a line already too long: skipped up to its end, then one marker for it.
        counts.lines++;
        mark('line_too_long', lossy(overlong));
        overlong = null;
      } else {
        lines(Buffer.concat([carry!, buf.subarray(0, end + 1)]));
        carry = null;
      }
      buf = buf.subarray(end + 1);
    }
    const last = buf.lastIndexOf(NL);
    if (last !== -1) lines(buf.subarray(0, last + 1));
    const rest = buf.subarray(last + 1);
    if (rest.length > options.maxLineBytes) overlong = Buffer.from(rest.subarray(0, SAMPLE_CHARS * 4));
    else if (rest.length > 0) carry = Buffer.from(rest);
  };

  return {
    chunk,
    get bom() {
      return bom;
    },
    /** A line was set aside or ended in CRLF: DuckDB must read a copy. */
    get unclean() {
      return unclean;
    },
    counts: () => counts,
    /** Writes the last line (without a line ending, or cut short by damage) and closes the copy. */
    close() {
      try {
        if (overlong) {
          counts.lines++;
          mark('line_too_long', lossy(overlong));
        } else if (carry) {
          oneLine(carry);
        }
        overlong = null;
        carry = null;
      } finally {
        if (fd !== null) closeSync(fd);
      }
    }
  };
}

/** The whole body in UTF-8, or null if any of it is not valid in the encoding. */
function decodeAll(decoder: TextDecoder, body: Buffer): Buffer | null {
  try {
    return Buffer.from(decoder.decode(body), 'utf8');
  } catch {
    return null;
  }
}

function readHead(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const head = Buffer.alloc(2);
    readSync(fd, head, 0, 2, 0);
    return head;
  } finally {
    closeSync(fd);
  }
}

const GB18030 = new TextDecoder('gb18030', { fatal: true });

function decodes(decoder: TextDecoder, buf: Buffer): boolean {
  try {
    decoder.decode(buf);
    return true;
  } catch {
    return false;
  }
}

const message = (error: unknown) => (error instanceof Error ? error.message.split('\n')[0] : String(error));
