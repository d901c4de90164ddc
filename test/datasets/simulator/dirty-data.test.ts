// Dirty data: every injected problem is where the manifest says, so the pipeline's accounting
// can be checked against it. The classification below is the contract's own: parse, schema,
// references, partition day, event id.
import { readFileSync } from 'node:fs';
import { constants, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { feedByName } from '../../../datasets/contract/feeds';
import { findIdNumbers } from '../../../datasets/contract/id-number';
import { referenceSets } from '../../../datasets/contract/refs';
import { feedValidator } from '../../../datasets/contract/validator';
import { loadReference } from '../../../datasets/reference/index';
import { emptyCounts, type FolderCounts } from '../../../datasets/simulator/dirty';
import { generate, type Manifest } from '../../../datasets/simulator/generate';
import { landingFiles, readLines, removeDir, tempDir } from '../../helpers/landing';

let out: string;
let manifest: Manifest;
const observed = new Map<string, FolderCounts>();

function classify(
  feedName: string,
  folder: string,
  line: string,
  seen: Set<string>,
  sets: ReturnType<typeof referenceSets>
): keyof FolderCounts | 'valid' {
  const feed = feedByName(feedName);
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(line);
  } catch {
    return 'malformed_json';
  }
  const parsed = feedValidator(feed).safeParse(record);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    if (record[String(issue.path[0])] === undefined) return 'missing_field';
    return issue.code === 'too_small' || issue.code === 'too_big' ? 'out_of_range' : 'wrong_type';
  }
  for (const [name, spec] of Object.entries(feed.fields)) {
    const value = record[name];
    if (spec.ref && value !== null && value !== undefined && !sets[spec.ref].has(String(value))) return 'unknown_code';
  }
  if (String(record[feed.partitionField]).slice(0, 10) > folder) return 'future_dated';
  const id = String(record[feed.idField]);
  if (seen.has(id)) return 'duplicate';
  seen.add(id);
  return 'valid';
}

beforeAll(async () => {
  out = tempDir('dirty');
  // 1/20 of the volumes for a month: enough free-text records for every kind of dirt to occur.
  const result = await generate({ scale: 'small', from: '2025-03-01', to: '2025-03-30', seed: 11, out, dirtyRate: 0.05, workers: 0 });
  manifest = result.manifest;
  const sets = referenceSets(loadReference());
  const seenByFolder = new Map<string, Set<string>>();
  for (const f of landingFiles(out)) {
    const key = `${f.feed}|${f.date}`;
    const counts = observed.get(key) ?? emptyCounts();
    observed.set(key, counts);
    const lines = readLines(f.path);
    if (lines === null) {
      counts.truncated_files++;
      const text = gunzipSync(readFileSync(f.path), { finishFlush: constants.Z_SYNC_FLUSH }).toString('utf8');
      counts.truncated_rows_readable += text.split('\n').length - 1;
      counts.truncated_lines += text.split('\n').length - 1 + (text === '' || text.endsWith('\n') ? 0 : 1);
      continue;
    }
    const seen = seenByFolder.get(key) ?? new Set<string>();
    seenByFolder.set(key, seen);
    for (const line of lines) {
      counts.lines++;
      const kind = classify(f.feed, f.date, line, seen, sets);
      if (kind !== 'valid') {
        counts[kind]++;
        continue;
      }
      counts.records++;
      const record = JSON.parse(line);
      const feed = feedByName(f.feed);
      if (String(record[feed.partitionField]).slice(0, 10) < f.date) counts.late_arrivals++;
      const text = Object.entries(feed.fields).find(([, s]) => s.pii === 'free_text');
      if (text && findIdNumbers(String(record[text[0]] ?? '')).length > 0) counts.pii_in_text++;
    }
  }
});
afterAll(() => removeDir(out));

describe('dirty data and its manifest', () => {
  it('injects every kind of problem somewhere', () => {
    const totals = emptyCounts();
    for (const days of Object.values(manifest.feeds)) {
      for (const c of Object.values(days)) for (const k of Object.keys(totals) as (keyof FolderCounts)[]) totals[k] += c[k];
    }
    for (const kind of [
      'malformed_json',
      'missing_field',
      'wrong_type',
      'out_of_range',
      'unknown_code',
      'future_dated',
      'duplicate',
      'late_arrivals',
      'pii_in_text',
      'truncated_files'
    ] as const) {
      expect(totals[kind], kind).toBeGreaterThan(0);
    }
  });

  it('the files hold exactly what the manifest counts, folder by folder', () => {
    for (const [feed, days] of Object.entries(manifest.feeds)) {
      for (const [date, expected] of Object.entries(days)) {
        const got = observed.get(`${feed}|${date}`) ?? emptyCounts();
        const { truncated_rows: _lost, ...comparable } = expected;
        const { truncated_rows: _none, ...actual } = got;
        expect(actual, `${feed} ${date}`).toEqual(comparable);
      }
    }
    expect(observed.size).toBe(Object.values(manifest.feeds).reduce((n, d) => n + Object.keys(d).length, 0));
  });

  it('accounts for every line: read = loaded + quarantined + duplicates', () => {
    for (const days of Object.values(manifest.feeds)) {
      for (const c of Object.values(days)) {
        const quarantined = c.malformed_json + c.missing_field + c.wrong_type + c.out_of_range + c.unknown_code + c.future_dated;
        expect(c.lines).toBe(c.records + quarantined + c.duplicate);
      }
    }
  });
});
