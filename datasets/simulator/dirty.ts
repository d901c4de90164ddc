// Dirty data as real exports have it, injected at a set rate per record: broken JSON, missing
// or mistyped fields, impossible values, unknown codes, events from the future, duplicates, late
// arrivals, raw identifiers typed into free text, and now and then a truncated gzip file. Every
// injection is counted so the pipeline's accounting can be checked against the manifest.
import type { FeedSpec, FieldSpec } from '../contract/field';
import { addDays } from './calendar';
import type { FeedRecord } from './feeds/common';
import type { Rng } from './random';

export const CORRUPTIONS = ['malformed_json', 'missing_field', 'wrong_type', 'out_of_range', 'unknown_code', 'future_dated'] as const;
export type Corruption = (typeof CORRUPTIONS)[number];
export type DirtyKind = Corruption | 'duplicate' | 'late' | 'pii_in_text';

/** What one landing folder (feed x day) holds. */
export interface FolderCounts {
  /** Readable lines in the folder's intact files. */
  lines: number;
  /** Valid records the pipeline should load (late arrivals and PII-in-text included). */
  records: number;
  malformed_json: number;
  missing_field: number;
  wrong_type: number;
  out_of_range: number;
  unknown_code: number;
  future_dated: number;
  duplicate: number;
  late_arrivals: number;
  pii_in_text: number;
  truncated_files: number;
  /** Records written into a truncated file (lost with it). */
  truncated_rows: number;
  /** Complete lines still readable from the truncated files before the cut. */
  truncated_rows_readable: number;
  /** Lines a reader counts in the truncated files: the complete ones and the part-line at the cut. */
  truncated_lines: number;
}

export const emptyCounts = (): FolderCounts => ({
  lines: 0,
  records: 0,
  malformed_json: 0,
  missing_field: 0,
  wrong_type: 0,
  out_of_range: 0,
  unknown_code: 0,
  future_dated: 0,
  duplicate: 0,
  late_arrivals: 0,
  pii_in_text: 0,
  truncated_files: 0,
  truncated_rows: 0,
  truncated_rows_readable: 0,
  truncated_lines: 0
});

export interface DirtyResult {
  /** Lines of the folder's main file, in order. */
  lines: string[];
  /** Valid records of this day, whichever folder they land in (what the pipeline will load). */
  valid: FeedRecord[];
  /** Records sent to a later day's folder. */
  late: { date: string; line: string }[];
  /** Records held back for a truncated file (lost). */
  truncated: string[];
  counts: FolderCounts;
}

/** Applies dirt to one feed-day. `lastDate` bounds late arrivals to folders that will exist. */
export function injectDirt(feed: FeedSpec, date: string, records: FeedRecord[], rate: number, rng: Rng, lastDate: string): DirtyResult {
  const counts = emptyCounts();
  const result: DirtyResult = { lines: [], valid: [], late: [], truncated: [], counts };
  let clean = records;
  if (rate > 0 && records.length >= 20 && rng.chance(Math.min(0.05, rate * 2))) {
    // A truncated transfer: the tail of the day's export went into a second file that broke.
    const cut = Math.min(20, Math.ceil(records.length * 0.05));
    clean = records.slice(0, records.length - cut);
    result.truncated = records.slice(records.length - cut).map((r) => JSON.stringify(r));
  }
  const kinds = applicableKinds(feed, date, lastDate);
  for (const record of clean) {
    if (rate <= 0 || !rng.chance(rate)) {
      result.lines.push(JSON.stringify(record));
      result.valid.push(record);
      continue;
    }
    const kind = rng.pick(kinds);
    switch (kind) {
      case 'duplicate': {
        const line = JSON.stringify(record);
        result.lines.push(line, line);
        result.valid.push(record);
        counts.duplicate++;
        break;
      }
      case 'late': {
        result.late.push({ date: addDays(date, rng.int(1, Math.min(5, daysBetween(date, lastDate)))), line: JSON.stringify(record) });
        result.valid.push(record);
        break;
      }
      case 'pii_in_text': {
        const dirty = { ...record };
        const textField = Object.keys(feed.fields).find((f) => feed.fields[f].pii === 'free_text')!;
        dirty[textField] = `${record[textField] ?? ''} 患者身份证号${record.id_number} 联系电话${record.phone ?? '13899001234'}`;
        result.lines.push(JSON.stringify(dirty));
        result.valid.push(dirty);
        counts.pii_in_text++;
        break;
      }
      default: {
        const corrupted = corrupt(feed, kind, record, date, rng);
        result.lines.push(corrupted.line);
        counts[corrupted.kind]++;
      }
    }
  }
  counts.lines = result.lines.length;
  counts.records = result.valid.length - result.late.length;
  return result;
}

function applicableKinds(feed: FeedSpec, date: string, lastDate: string): DirtyKind[] {
  const fields = Object.values(feed.fields);
  const kinds: DirtyKind[] = ['malformed_json', 'missing_field', 'wrong_type', 'future_dated', 'duplicate'];
  if (fields.some((f) => isBounded(f))) kinds.push('out_of_range');
  if (fields.some((f) => f.ref)) kinds.push('unknown_code');
  // Identifiers typed into free text are common in real exports: weighted up where a feed has free text.
  if (fields.some((f) => f.pii === 'free_text')) kinds.push('pii_in_text', 'pii_in_text', 'pii_in_text');
  if (date < lastDate) kinds.push('late');
  return kinds;
}

const isBounded = (f: FieldSpec) => (f.type === 'integer' || f.type === 'number') && (f.min !== undefined || f.max !== undefined);

/**
 * A line that the pipeline must quarantine, and why. A record without a field the corruption
 * needs (no bounded number, no code) gets a wrong type instead, and says so.
 */
function corrupt(feed: FeedSpec, wanted: Corruption, record: FeedRecord, date: string, rng: Rng): { line: string; kind: Corruption } {
  const r = { ...record };
  const candidates = (predicate: (spec: FieldSpec) => boolean) =>
    Object.keys(feed.fields).filter((n) => r[n] !== null && r[n] !== undefined && predicate(feed.fields[n]));
  const bounded = candidates(isBounded);
  const coded = candidates((spec) => spec.ref !== undefined);
  const kind: Corruption =
    (wanted === 'out_of_range' && bounded.length === 0) || (wanted === 'unknown_code' && coded.length === 0) ? 'wrong_type' : wanted;
  const choose = (predicate: (spec: FieldSpec) => boolean) => rng.pick(candidates(predicate));
  switch (kind) {
    case 'malformed_json': {
      const line = JSON.stringify(r);
      return { line: line.slice(0, Math.max(2, Math.floor(line.length * (0.2 + 0.6 * rng.next())))), kind };
    }
    case 'missing_field':
      delete r[choose((spec) => spec.required === true)];
      break;
    case 'wrong_type': {
      const name = choose((spec) => spec.type !== 'string' && spec.type !== 'enum');
      const spec = feed.fields[name];
      r[name] = spec.type === 'integer' || spec.type === 'number' ? `约${r[name]}元` : spec.type === 'boolean' ? '是' : 20250304;
      break;
    }
    case 'out_of_range': {
      const name = rng.pick(bounded);
      const spec = feed.fields[name];
      r[name] = spec.min !== undefined && spec.min >= 0 ? -1 - rng.int(0, 500) : (spec.max ?? 0) * 10 + 1;
      break;
    }
    case 'unknown_code': {
      const name = rng.pick(coded);
      r[name] = feed.fields[name].ref === 'county' ? '659999' : `JG9${String(rng.int(0, 999_999_999)).padStart(9, '0')}`;
      break;
    }
    case 'future_dated': {
      // An event dated after the day it was exported: a clock or keying error.
      const future = addDays(date, rng.int(30, 400));
      for (const f of new Set([feed.partitionField, feed.eventField])) {
        const value = String(r[f]);
        r[f] = feed.fields[f].type === 'date' ? future : `${future}${value.slice(10)}`;
      }
      break;
    }
  }
  return { line: JSON.stringify(r), kind };
}

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
}
