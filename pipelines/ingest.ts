// Ingest and validate one feed's landing files into a staging table. Each file is first read in a
// streaming pass (landing-file.ts) that decompresses it, counts its lines and copies them as plain
// UTF-8, line for line; DuckDB then reads every copied line as text (so a bad line can be
// quarantined with its file and line number), parses it once with the feed's column types from the
// contract, and checks it against the contract in declaration order. Staging tables are TEMP: raw
// identifiers never reach the database file.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FeedSpec, FieldSpec } from '../datasets/contract/field';
import { duckdbType } from '../datasets/contract/duckdb';
import { copyLandingFile, MARKER, type FileRead } from './landing-file';
import { maskPatternsSql } from './personal-data';
import type { LandingFile } from './landing';
import { ident, list, literal } from './sql';
import { localDaySql, type Database } from './warehouse';

/** A landing file as read: its streaming count and outcome, and its number in the staging table. */
export interface StagedFile extends LandingFile, FileRead {
  /** Null for a file with no countable lines (unreadable): nothing of it is staged. */
  fileNo: number | null;
}

export interface IngestOptions {
  /** Where the plain copies are written while a feed is parsed (removed afterwards). */
  workDir: string;
  maxLineBytes: number;
}

/** Files read at once: decompression runs on libuv's threads while the main thread copies lines. */
const READ_CONCURRENCY = 2;

/** Name of a feed's staging table (TEMP). */
export const stageTable = (feed: FeedSpec) => `stage_${feed.name}`;

/** Values written as text in the typed parse: optional non-text fields are cast afterwards so a
 * present-but-mistyped optional value can be told from an absent one. */
function parseType(spec: FieldSpec): string {
  return spec.required === true && !castFromText(spec) ? duckdbType(spec.type) : 'VARCHAR';
}

/**
 * Types read as text and cast, rather than parsed typed: timestamps, because the JSON reader takes
 * one without an offset as UTC where the contract reads it as the prefecture's time (+08:00, the
 * session time zone the cast uses); integers, because the JSON reader rounds 7.5 to 8 where the
 * contract calls it a wrong type.
 */
const castFromText = (spec: FieldSpec) => spec.type === 'timestamp' || spec.type === 'integer';

function fieldValue(name: string, spec: FieldSpec): string {
  const raw = `j.${ident(name)}`;
  if ((spec.required === true && !castFromText(spec)) || spec.type === 'string' || spec.type === 'enum') return raw;
  // A cast from text rounds '7.5' to 8 too: an integer must have no fraction.
  if (spec.type === 'integer')
    return `CASE WHEN TRY_CAST(${raw} AS DOUBLE) = trunc(TRY_CAST(${raw} AS DOUBLE)) THEN TRY_CAST(TRY_CAST(${raw} AS DOUBLE) AS ${duckdbType(spec.type)}) END`;
  return `TRY_CAST(${raw} AS ${duckdbType(spec.type)})`;
}

/** The first contract violation of a parsed row, as 'reason_code:field', or NULL. */
function problemExpression(feed: FeedSpec, folderDate: string): string {
  // Not JSON: a blank line (counted, not quarantined), a line the streaming read set aside (its
  // marker names the reason), or broken JSON.
  const cases: string[] = [
    `WHEN j IS NULL THEN CASE WHEN ${BLANK} THEN 'blank'
        WHEN starts_with(line, ${literal(MARKER)}) THEN split_part(line, ${literal(MARKER)}, 2) ELSE 'malformed_json' END`
  ];
  const typeValue = feed.typeField ? `j.${ident(feed.typeField)}` : null;
  for (const [name, spec] of Object.entries(feed.fields)) {
    const raw = `j.${ident(name)}`;
    const value = `v_${name}`;
    const present = `json_exists(line, ${literal(`$.${name}`)}) AND json_type(line, ${literal(`$.${name}`)}) <> 'NULL'`;
    // Missing or mistyped: both leave the typed value NULL; the raw JSON tells which.
    const requiredWhen =
      spec.required === true
        ? 'TRUE'
        : Array.isArray(spec.required) && typeValue
          ? `${typeValue} IN (${spec.required.map(literal).join(', ')})`
          : 'FALSE';
    // JSON that is not an object (an array, a number) parses to a record of NULLs: it first shows
    // here, and only rows already failing pay for the type test.
    cases.push(
      `WHEN ${value} IS NULL AND (${requiredWhen}) THEN CASE WHEN json_type(line) <> 'OBJECT' THEN 'malformed_json' WHEN ${present} THEN 'wrong_type:${name}' ELSE 'missing_field:${name}' END`
    );
    if ((spec.required !== true || castFromText(spec)) && spec.type !== 'string' && spec.type !== 'enum') {
      cases.push(`WHEN ${raw} IS NOT NULL AND ${value} IS NULL THEN 'wrong_type:${name}'`);
    }
    if (spec.values) cases.push(`WHEN ${value} NOT IN (${spec.values.map(literal).join(', ')}) THEN 'invalid_value:${name}'`);
    if (spec.pattern) cases.push(`WHEN NOT regexp_full_match(${value}, ${literal(spec.pattern.source)}) THEN 'invalid_value:${name}'`);
    if (spec.min !== undefined) cases.push(`WHEN ${value} < ${spec.min} THEN 'out_of_range:${name}'`);
    if (spec.max !== undefined) cases.push(`WHEN ${value} > ${spec.max} THEN 'out_of_range:${name}'`);
  }
  for (const [name, spec] of Object.entries(feed.fields)) {
    if (spec.ref)
      cases.push(`WHEN v_${name} NOT IN (SELECT code FROM ref_codes WHERE kind = ${literal(spec.ref)}) THEN 'unknown_code:${name}'`);
  }
  // An event dated after the day its file was exported is a clock or keying error.
  cases.push(`WHEN ${localDaySql(`v_${feed.partitionField}`, feed.fields[feed.partitionField].type)} > ${folderDate} THEN 'future_dated'`);
  return `CASE ${cases.join('\n      ')} END`;
}

/** Name of the TEMP table that numbers a feed's staged files: file_no, file, folder_date. */
export const stageFilesTable = (feed: FeedSpec) => `stage_files_${feed.name}`;

/** An empty or whitespace-only line (SQL, over the raw `line`). */
const BLANK = `(line IS NULL OR trim(line, ' \t') = '')`;

/**
 * Reads and checks the files of one feed into TEMP table stage_<feed>, one row per line in file
 * order: file number (see stageFilesTable), folder date, typed values (v_<field>), problem (NULL
 * when valid; 'blank' for a blank line), masked raw line for problems, duplicate flag. Names, phones and addresses are kept only for feeds with free text, whose masking needs
 * the record's own identifiers. Returns every file with its count and outcome.
 */
export async function stageFeed(db: Database, feed: FeedSpec, read: ReadFeed, loadedIds: string | null): Promise<StagedFile[]> {
  try {
    await parse(db, feed, read.files, read.options);
    await flagDuplicates(db, feed, stageTable(feed), loadedIds);
    return read.files.map(({ copy: _copy, ...f }) => f);
  } finally {
    rmSync(read.dir, { recursive: true, force: true });
  }
}

/** A feed's files as read by the streaming pass, their plain copies waiting for the parse. */
export interface ReadFeed {
  dir: string;
  files: (StagedFile & { copy: string })[];
  options: IngestOptions;
}

/**
 * The streaming pass over a feed's files (see landing-file.ts). It runs on Node's threads while
 * DuckDB's run on theirs, so the pipeline reads the next feed while DuckDB parses this one.
 */
export async function readFeed(feed: FeedSpec, files: LandingFile[], options: IngestOptions): Promise<ReadFeed> {
  const dir = join(options.workDir, feed.name);
  mkdirSync(dir, { recursive: true });
  return { dir, files: await copyAll(feed, files, dir, options), options };
}

async function copyAll(
  feed: FeedSpec,
  files: LandingFile[],
  dir: string,
  options: IngestOptions
): Promise<(StagedFile & { copy: string })[]> {
  const knownFields = new Set(Object.keys(feed.fields));
  const reads: (FileRead & { copy: string })[] = new Array(files.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < files.length; i = next++) {
      const copy = join(dir, `${i}.ndjson`);
      const read = await copyLandingFile(files[i].path, copy, {
        encoding: files[i].encoding,
        maxLineBytes: options.maxLineBytes,
        knownFields
      });
      reads[i] = { ...read, copy: read.direct ? files[i].path : copy };
    }
  };
  await Promise.all(Array.from({ length: READ_CONCURRENCY }, worker));
  let fileNo = 0;
  return files.map((f, i) => ({ ...f, ...reads[i], fileNo: reads[i].outcome === 'unreadable' ? null : fileNo++ }));
}

async function parse(db: Database, feed: FeedSpec, staged: (StagedFile & { copy: string })[], options: IngestOptions): Promise<void> {
  const table = stageTable(feed);
  const struct = `{${Object.entries(feed.fields)
    .map(([n, s]) => `"${n}":"${parseType(s)}"`)
    .join(',')}}`;
  const values = Object.entries(feed.fields)
    .map(([n, s]) => `${fieldValue(n, s)} AS ${ident(`v_${n}`)}`)
    .join(',\n      ');
  const keepsIdentifiers = Object.values(feed.fields).some((s) => s.pii === 'free_text');
  const dropped = keepsIdentifiers
    ? ''
    : Object.entries(feed.fields)
        .filter(([, s]) => s.pii === 'name' || s.pii === 'phone' || s.pii === 'address')
        .map(([n]) => `, ${ident(`v_${n}`)}`)
        .join('');
  const readable = staged.filter((f) => f.fileNo !== null);
  // No readable file: an empty staging table of the right shape, from an empty copy.
  const batch =
    readable.length > 0
      ? readable
      : [{ copy: join(options.workDir, feed.name, 'empty.ndjson'), folderDate: '1970-01-01', path: '', outcome: 'read' }];
  if (readable.length === 0) writeFileSync(batch[0].copy, '');
  await db.run(`CREATE OR REPLACE TEMP TABLE ${stageFilesTable(feed)} AS
    SELECT CAST(unnest(range(${readable.length})) AS INTEGER) AS file_no, unnest(${list(readable.map((f) => f.path))}) AS file,
           unnest(${list(readable.map((f) => f.folderDate))})::DATE AS folder_date`);
  const folderDates = `[${batch.map((f) => `DATE ${literal(f.folderDate)}`).join(', ')}]`;
  // Every line of a damaged gzip file is set aside in its place: what precedes the damage may be
  // complete, but the file is not the export that was sent, so the day is flagged for re-export.
  const truncated = readable.filter((f) => f.outcome === 'truncated').map((f) => f.fileNo);
  const problem =
    truncated.length > 0
      ? `CASE WHEN file_no IN (${truncated.join(', ')}) AND NOT ${BLANK} THEN 'truncated_file' ELSE ${problemExpression(feed, 'folder_date')} END`
      : problemExpression(feed, 'folder_date');
  // One pass, pipelined by DuckDB: read each line, parse it once (typed; NULL when it is not JSON
  // at all: json_valid guards the parse because try() would evaluate it row by row), take its
  // first contract violation (detailed checks run only on rows already failing a cheap one), keep
  // the masked line of bad rows only. Insertion order is kept, so a row's rowid gives its line in
  // its file. Rows carry their file's number, not its path: a path on every row costs more to
  // store than the rest of the row's text.
  const create = (json: string) => `
    CREATE OR REPLACE TEMP TABLE ${table} AS
    WITH src AS (
      SELECT CAST(file_index AS INTEGER) AS file_no, line, CASE WHEN json_valid(line) THEN ${json} END AS j
      FROM read_csv(${list(batch.map((f) => f.copy))}, columns = {'line': 'VARCHAR'}, header = false, delim = chr(30), quote = '',
                    escape = '', compression = 'auto', auto_detect = false, null_padding = false, max_line_size = ${options.maxLineBytes + 65536})
    ), typed AS (
      SELECT file_no, ${folderDates}[file_no + 1] AS folder_date, line, j,
      ${values} FROM src
    ), checked AS (
      SELECT *, ${problem} AS problem FROM typed
    )
    SELECT * EXCLUDE (j, line${dropped}),
      CASE WHEN problem IS NOT NULL AND problem <> 'blank' THEN ${maskLine(`CASE WHEN starts_with(line, ${literal(MARKER)}) THEN split_part(line, ${literal(MARKER)}, 3) ELSE line END`)} END AS masked_line,
      FALSE AS duplicate FROM checked`;
  await db.run(`DROP TABLE IF EXISTS ${table}`);
  const parseJson = `from_json(line, ${literal(struct)})`;
  try {
    await db.run(create(parseJson));
  } catch (error) {
    // json_valid accepts a raw control character inside a string that from_json then refuses,
    // failing the whole statement. Such batches are parsed again with try(), which DuckDB
    // evaluates row by row (slower), so the line alone is malformed_json.
    if (!/Malformed JSON/i.test(String(error))) throw error;
    await db.run(create(`try(${parseJson})`));
  }
}

/**
 * Duplicates: the same event id again in this batch (the first line wins) or already loaded from
 * another day. Ids seen twice are few: find them by aggregate, number only those, and flag them
 * in place.
 */
async function flagDuplicates(db: Database, feed: FeedSpec, table: string, loadedIds: string | null): Promise<void> {
  const id = ident(`v_${feed.idField}`);
  const seenBefore = loadedIds
    ? `UNION SELECT rowid AS r FROM ${table} WHERE problem IS NULL AND ${id} IN (SELECT id FROM ${loadedIds})`
    : '';
  await db.run(`
    UPDATE ${table} SET duplicate = TRUE WHERE rowid IN (
      SELECT r FROM (
        SELECT rowid AS r, row_number() OVER (PARTITION BY ${id} ORDER BY folder_date, file_no, rowid) AS n FROM ${table}
        WHERE problem IS NULL AND ${id} IN (SELECT ${id} FROM ${table} WHERE problem IS NULL GROUP BY ALL HAVING count(*) > 1)
      ) WHERE n > 1
      ${seenBefore})`);
}

/** A staging row's line in its file: rows keep their files' order, so rowid counts lines. */
export function lineNumberSql(table: string): string {
  return `(SELECT file_no, min(rowid) - 1 AS before FROM ${table} GROUP BY file_no)`;
}

/** Raw identifiers masked in a quarantined line: the person fields' values, then the general patterns. */
function maskLine(column: string): string {
  const fields = `regexp_replace(${column}, '"(person_name|address|scene_address|birth_date|phone|caller_phone|id_number|linked_id_number)"\\s*:\\s*"[^"]*"', '"\\1":"<MASKED>"', 'g')`;
  // A quarantined line may be cut anywhere: a run of 11 or more digits not part of an event id may be
  // the start of an ID number or a phone, so it goes too.
  return `regexp_replace(${maskPatternsSql(fields)}, '(^|[^0-9A-Za-z])[0-9]{11,}', '\\1<NUMBER>', 'g')`;
}
