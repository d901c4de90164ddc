// Ingest and validate one feed's landing files into a staging table, entirely inside DuckDB:
// every line is read as text (so a bad line can be quarantined with its file and line number),
// parsed once with the feed's column types from the contract, and checked against the contract
// in declaration order. Staging tables are TEMP: raw identifiers never reach the database file.
import { closeSync, existsSync, fstatSync, openSync, readSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FeedSpec, FieldSpec } from '../datasets/contract/field';
import { duckdbType } from '../datasets/contract/duckdb';
import { ident, list, literal } from './sql';
import { localDaySql, type Database } from './warehouse';

export interface LandingFile {
  path: string;
  folderDate: string;
}

export interface UnreadableFile {
  path: string;
  folderDate: string;
  reason: string;
}

/** Name of a feed's staging table (TEMP). */
export const stageTable = (feed: FeedSpec) => `stage_${feed.name}`;

/** Values written as text in the typed parse: optional non-text fields are cast afterwards so a
 * present-but-mistyped optional value can be told from an absent one. */
function parseType(spec: FieldSpec): string {
  return spec.required === true ? duckdbType(spec.type) : 'VARCHAR';
}

function fieldValue(name: string, spec: FieldSpec): string {
  const raw = `j.${ident(name)}`;
  if (spec.required === true || spec.type === 'string' || spec.type === 'enum') return raw;
  return `TRY_CAST(${raw} AS ${duckdbType(spec.type)})`;
}

/** The first contract violation of a parsed row, as 'reason_code:field', or NULL. */
function problemExpression(feed: FeedSpec, folderDate: string): string {
  const cases: string[] = ['WHEN j IS NULL THEN \'malformed_json\''];
  const typeValue = feed.typeField ? `j.${ident(feed.typeField)}` : null;
  for (const [name, spec] of Object.entries(feed.fields)) {
    const raw = `j.${ident(name)}`;
    const value = `v_${name}`;
    const present = `json_exists(line, ${literal(`$.${name}`)}) AND json_type(line, ${literal(`$.${name}`)}) <> 'NULL'`;
    // Missing or mistyped: both leave the typed value NULL; the raw JSON tells which.
    const requiredWhen =
      spec.required === true ? 'TRUE'
        : Array.isArray(spec.required) && typeValue ? `${typeValue} IN (${spec.required.map(literal).join(', ')})` : 'FALSE';
    cases.push(`WHEN ${value} IS NULL AND (${requiredWhen}) THEN CASE WHEN ${present} THEN 'wrong_type:${name}' ELSE 'missing_field:${name}' END`);
    if (spec.required !== true && spec.type !== 'string' && spec.type !== 'enum') {
      cases.push(`WHEN ${raw} IS NOT NULL AND ${value} IS NULL THEN 'wrong_type:${name}'`);
    }
    if (spec.values) cases.push(`WHEN ${value} NOT IN (${spec.values.map(literal).join(', ')}) THEN 'invalid_value:${name}'`);
    if (spec.pattern) cases.push(`WHEN NOT regexp_full_match(${value}, ${literal(spec.pattern.source)}) THEN 'invalid_value:${name}'`);
    if (spec.min !== undefined) cases.push(`WHEN ${value} < ${spec.min} THEN 'out_of_range:${name}'`);
    if (spec.max !== undefined) cases.push(`WHEN ${value} > ${spec.max} THEN 'out_of_range:${name}'`);
  }
  for (const [name, spec] of Object.entries(feed.fields)) {
    if (spec.ref) cases.push(`WHEN v_${name} NOT IN (SELECT code FROM ref_codes WHERE kind = ${literal(spec.ref)}) THEN 'unknown_code:${name}'`);
  }
  // An event dated after the day its file was exported is a clock or keying error.
  cases.push(`WHEN ${localDaySql(`v_${feed.partitionField}`, feed.fields[feed.partitionField].type)} > ${folderDate} THEN 'future_dated'`);
  return `CASE ${cases.join('\n      ')} END`;
}

/** Name of the TEMP table that numbers a feed's staged files: file_no, file, folder_date. */
export const stageFilesTable = (feed: FeedSpec) => `stage_files_${feed.name}`;

/**
 * Reads and checks the files of one feed into TEMP table stage_<feed>, one row per readable
 * line in file order: file number (see stageFilesTable), folder date, bytes, typed values
 * (v_<field>), problem (NULL when valid), masked raw line for problems, duplicate flag. Names,
 * phones and addresses are checked but not kept. Returns the files it could not read.
 */
export async function stageFeed(db: Database, feed: FeedSpec, files: LandingFile[], loadedIds: string | null): Promise<UnreadableFile[]> {
  const table = stageTable(feed);
  const struct = `{${Object.entries(feed.fields).map(([n, s]) => `"${n}":"${parseType(s)}"`).join(',')}}`;
  const values = Object.entries(feed.fields).map(([n, s]) => `${fieldValue(n, s)} AS ${ident(`v_${n}`)}`).join(',\n      ');
  const dropped = Object.entries(feed.fields)
    .filter(([, s]) => s.pii === 'name' || s.pii === 'phone' || s.pii === 'address')
    .map(([n]) => `, ${ident(`v_${n}`)}`).join('');
  // One pass, pipelined by DuckDB: read each line, parse it once (typed; NULL when it is not JSON
  // at all: json_valid guards the parse because try() would evaluate it row by row), take its
  // first contract violation (detailed checks run only on rows already failing a cheap one), keep
  // the masked line of bad rows only. Insertion order is kept, so a row's rowid gives its line in
  // its file. Rows carry their file's number, not its path: a path on every row costs more to
  // store than the rest of the row's text.
  const parse = async (batch: LandingFile[]) => {
    await db.run(`DROP TABLE IF EXISTS ${table}`);
    await db.run(`CREATE OR REPLACE TEMP TABLE ${stageFilesTable(feed)} AS
      SELECT CAST(unnest(range(${batch.length})) AS INTEGER) AS file_no, unnest(${list(batch.map((f) => f.path))}) AS file,
             unnest(${list(batch.map((f) => f.folderDate))})::DATE AS folder_date`);
    const folderDates = `[${batch.map((f) => `DATE ${literal(f.folderDate)}`).join(', ')}]`;
    await db.run(`
    CREATE OR REPLACE TEMP TABLE ${table} AS
    WITH src AS (
      SELECT CAST(file_index AS INTEGER) AS file_no, line, strlen(line) + 1 AS bytes, CASE WHEN json_valid(line) THEN from_json(line, ${literal(struct)}) END AS j
      FROM read_csv(${list(batch.map((f) => f.path))}, columns = {'line': 'VARCHAR'}, header = false, delim = chr(30), quote = '',
                    escape = '', compression = 'gzip', auto_detect = false, null_padding = false)
    ), typed AS (
      SELECT file_no, ${folderDates}[file_no + 1] AS folder_date, bytes, line, j,
      ${values} FROM src
    ), checked AS (
      SELECT *, ${problemExpression(feed, 'folder_date')} AS problem FROM typed
    )
    SELECT * EXCLUDE (j, line${dropped}), CASE WHEN problem IS NOT NULL THEN ${maskLine('line')} END AS masked_line, FALSE AS duplicate FROM checked`);
  };
  const unreadable = await readFiles(db, feed, files, parse);
  // Duplicates: the same event id again in this batch (the first line wins) or already loaded
  // from another day. Ids seen twice are few: find them by aggregate, number only those, and
  // flag them in place.
  const id = ident(`v_${feed.idField}`);
  const seenBefore = loadedIds ? `UNION SELECT rowid AS r FROM ${table} WHERE problem IS NULL AND ${id} IN (SELECT id FROM ${loadedIds})` : '';
  await db.run(`
    UPDATE ${table} SET duplicate = TRUE WHERE rowid IN (
      SELECT r FROM (
        SELECT rowid AS r, row_number() OVER (PARTITION BY ${id} ORDER BY folder_date, file_no, rowid) AS n FROM ${table}
        WHERE problem IS NULL AND ${id} IN (SELECT ${id} FROM ${table} WHERE problem IS NULL GROUP BY ALL HAVING count(*) > 1)
      ) WHERE n > 1
      ${seenBefore})`);
  return unreadable;
}

/** A staging row's line in its file: rows keep their files' order, so rowid counts lines. */
export function lineNumberSql(table: string): string {
  return `(SELECT file_no, min(rowid) - 1 AS before FROM ${table} GROUP BY file_no)`;
}

/** Raw identifiers masked in a quarantined line: ID numbers, mobiles, names, addresses, birth dates. */
function maskLine(column: string): string {
  let expr = column;
  expr = `regexp_replace(${expr}, '[0-9]{17}[0-9Xx]', '<ID>', 'g')`;
  expr = `regexp_replace(${expr}, '1[3-9][0-9]{9}', '<PHONE>', 'g')`;
  expr = `regexp_replace(${expr}, '"(person_name|address|scene_address|birth_date)"\\s*:\\s*"[^"]*"', '"\\1":"<MASKED>"', 'g')`;
  return expr;
}

/**
 * Parses all files into the staging table. A file DuckDB cannot decode is found by trying the files
 * one by one; a gzip file whose trailer's size does not match what could be read was cut short:
 * all of it is set aside (DuckDB would otherwise silently load its first part).
 */
async function readFiles(db: Database, feed: FeedSpec, files: LandingFile[], parse: (batch: LandingFile[]) => Promise<void>): Promise<UnreadableFile[]> {
  const table = stageTable(feed);
  const unreadable: UnreadableFile[] = [];
  let readable = [...files];
  try {
    if (readable.length > 0) await parse(readable);
  } catch {
    const ok: LandingFile[] = [];
    for (const f of readable) {
      try {
        await parse([f]);
        ok.push(f);
      } catch (error) {
        unreadable.push({ ...f, reason: `unreadable file: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}` });
      }
    }
    readable = ok;
    if (readable.length > 0) await parse(readable);
  }
  if (readable.length === 0) {
    // No readable file: an empty staging table of the right shape.
    await parse([{ path: emptyFile(), folderDate: '1970-01-01' }]);
    return unreadable;
  }
  const sizes = await db.rows<{ file_no: number; bytes: string }>(`SELECT file_no, CAST(sum(bytes) AS VARCHAR) AS bytes FROM ${table} GROUP BY file_no`);
  const readBytes = new Map(sizes.map((s) => [s.file_no, Number(s.bytes)]));
  const cut: number[] = [];
  for (const [n, f] of readable.entries()) {
    const expected = gzipDeclaredSize(f.path);
    const got = readBytes.get(n) ?? 0;
    if (expected !== null && expected !== got % 2 ** 32) {
      cut.push(n);
      unreadable.push({ ...f, reason: `unreadable file: gzip stream cut short (${got} of ${expected} bytes readable)` });
    }
  }
  if (cut.length > 0) await db.run(`DELETE FROM ${table} WHERE file_no IN (${cut.join(', ')})`);
  return unreadable;
}

function emptyFile(): string {
  const path = join(tmpdir(), 'hci-empty.ndjson.gz');
  if (!existsSync(path)) writeFileSync(path, gzipSync(''));
  return path;
}

/** The uncompressed size a gzip file declares in its trailer (mod 2^32); null if too short. */
function gzipDeclaredSize(path: string): number | null {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size < 18) return null;
    const buffer = Buffer.alloc(4);
    readSync(fd, buffer, 0, 4, size - 4);
    return buffer.readUInt32LE(0);
  } finally {
    closeSync(fd);
  }
}
