// A hostile landing corpus, written by other tools (Python's gzip, zlib and codecs, GNU gzip; see
// hostile/encode.py), through the real pipeline: the exact outcome of every line of every file.
// Each valid line carries an id naming its file and line, so "loaded" is read back from core.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../../datasets/contract/id-number';
import { findPersonalData } from '../../pipelines/personal-data';
import type { RunResult } from '../../pipelines/run';
import { removeDir, tempDir } from '../helpers/landing';
import { query, runOn } from '../helpers/pipeline';

/** What becomes of a line: loaded into core, counted blank, or quarantined with this reason. */
type Outcome = 'loaded' | 'blank' | string;

interface Variant {
  name: string;
  file?: string;
  encoder?: 'python-gzip' | 'gnu-gzip' | 'zlib-sync-flush' | 'plain';
  charset?: string;
  post?: 'truncate' | 'bad-crc' | 'gzip-magic-garbage';
  /** Raw bytes of the file before encoding, by part (several parts: a multi-member gzip). */
  parts: (string | Buffer)[];
  /** Per line, in order; null: the outcome is checked by the test of its own. */
  expect: Outcome[] | null;
  feed?: string;
  encodingFile?: string;
}

const MAX_LINE = 4096;
const patient = makeIdNumber('652301', '1980-01-01', 7);
const settlement = (id: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    settlement_id: id,
    settled_at: '2025-03-02T10:00:00+08:00',
    institution_code: 'JG6523010001',
    visit_type: 'outpatient',
    channel: 'insurance_card',
    face_verify: null,
    insurance_type: 'resident',
    paid_via_platform: false,
    total_amount: 100,
    fund_amount: 60,
    self_amount: 40,
    drug_amount: 50,
    material_amount: 5,
    exam_amount: 20,
    service_amount: 25,
    admitted_on: null,
    discharged_on: null,
    department: 'internal_medicine',
    id_number: patient,
    person_name: '阿依努尔·买买提',
    sex: 'F',
    birth_date: '1980-01-01',
    phone: '13899001234',
    residence_county: '652301',
    ...extra
  });
const review = (id: string, drugCount: unknown) =>
  JSON.stringify({
    review_id: id,
    reviewed_at: '2025-03-02T09:00:00+08:00',
    institution_code: 'JG6523010001',
    department: 'internal_medicine',
    drug_count: drugCount,
    issue_type: 'none',
    action: 'passed',
    id_number: patient,
    person_name: '王小明'
  });
const referral = (id: string, diagnosis: string) =>
  JSON.stringify({
    referral_id: id,
    direction: 'down',
    from_institution: 'JG6523010001',
    to_institution: 'JG6523010001',
    mc_code: null,
    urgent: false,
    urgent_kind: null,
    reason: 'rehabilitation',
    status: 'admitted',
    applied_at: '2025-03-02T08:00:00+08:00',
    accepted_at: '2025-03-02T08:30:00+08:00',
    admitted_at: '2025-03-02T10:00:00+08:00',
    closed_at: '2025-03-02T10:00:00+08:00',
    diagnosis_text: diagnosis,
    id_number: patient,
    person_name: '古丽扎尔·托合提',
    sex: 'F',
    birth_date: '1980-01-01',
    phone: '13899001234',
    residence_county: '652301'
  });
/** Free text naming the patient, a relative and an address, in forms no list of ours holds. */
const DIAGNOSIS = '古丽扎尔·托合提胸痛2小时，其子艾尔肯陪同，住昌吉市北京南路45号2单元301室，电话0994-2233445，母亲高血压病史';
const ok = (v: number, line: number, extra?: Record<string, unknown>) => settlement(`H${v}L${line}`, extra);
const lines = (...ls: string[]) => `${ls.join('\n')}\n`;
const bytes = (...parts: (string | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));

// The variant's number is its index + 1: ids are H<variant>L<line>.
const VARIANTS: Variant[] = [
  {
    name: 'UTF-8 byte-order mark',
    parts: [bytes(Buffer.from([0xef, 0xbb, 0xbf]), lines(ok(1, 1), ok(1, 2), ok(1, 3)))],
    expect: ['loaded', 'loaded', 'loaded']
  },
  { name: 'CRLF line endings', parts: [`${ok(2, 1)}\r\n${ok(2, 2)}\r\n`], expect: ['loaded', 'loaded'] },
  {
    name: 'CRLF and LF mixed, no final line ending',
    parts: [`${ok(3, 1)}\r\n${ok(3, 2)}\n${ok(3, 3)}`],
    expect: ['loaded', 'loaded', 'loaded']
  },
  {
    name: 'blank and whitespace-only lines',
    parts: [`\n${ok(4, 2)}\n  \t \n\n${ok(4, 5)}\n\r\n`],
    expect: ['blank', 'loaded', 'blank', 'blank', 'loaded', 'blank']
  },
  {
    name: 'one line with bytes that are not UTF-8',
    parts: [bytes(lines(ok(5, 1)), ok(5, 2).replace('王', ''), Buffer.from([0xc3, 0x28, 0xff]), '\n', lines(ok(5, 3)))],
    expect: ['loaded', 'invalid_encoding', 'loaded']
  },
  {
    name: 'one line longer than the limit',
    parts: [lines(ok(6, 1), ok(6, 2, { department: 'x'.repeat(MAX_LINE * 3) }), ok(6, 3))],
    expect: ['loaded', 'line_too_long', 'loaded']
  },
  { name: 'GNU gzip -9', encoder: 'gnu-gzip', parts: [lines(ok(7, 1), ok(7, 2))], expect: ['loaded', 'loaded'] },
  {
    name: 'multi-member gzip (two members concatenated)',
    encoder: 'gnu-gzip',
    parts: [lines(ok(8, 1), ok(8, 2)), lines(ok(8, 3))],
    expect: ['loaded', 'loaded', 'loaded']
  },
  {
    name: 'zlib stream with a full flush after every line',
    encoder: 'zlib-sync-flush',
    parts: [lines(ok(9, 1), ok(9, 2), ok(9, 3))],
    expect: ['loaded', 'loaded', 'loaded']
  },
  { name: 'plain .ndjson', file: 'export.ndjson', encoder: 'plain', parts: [lines(ok(10, 1), ok(10, 2))], expect: ['loaded', 'loaded'] },
  { name: 'gzip content in a file named .ndjson', file: 'mislabelled.ndjson', parts: [lines(ok(11, 1))], expect: ['loaded'] },
  { name: 'plain content in a file named .ndjson.gz', encoder: 'plain', parts: [lines(ok(12, 1))], expect: ['loaded'] },
  { name: 'gzip stream cut short', parts: [lines(...Array.from({ length: 40 }, (_, i) => ok(13, i + 1)))], post: 'truncate', expect: null },
  {
    name: 'gzip stream failing its CRC',
    parts: [lines(ok(14, 1), ok(14, 2))],
    post: 'bad-crc',
    expect: ['truncated_file', 'truncated_file']
  },
  { name: 'an empty file', encoder: 'plain', parts: [''], expect: [] },
  { name: 'gzip magic then garbage', parts: ['x'], post: 'gzip-magic-garbage', expect: [] },
  {
    name: 'GB18030 declared for the feed folder',
    feed: 'prescription_reviews',
    charset: 'gb18030',
    encodingFile: 'feed',
    parts: [lines(review('H17L1', 2), review('H17L2', 3))],
    expect: ['loaded', 'loaded']
  },
  {
    name: 'GBK declared for one landing folder',
    charset: 'gbk',
    encodingFile: 'folder',
    parts: [lines(ok(18, 1), ok(18, 2))],
    expect: ['loaded', 'loaded']
  },
  {
    name: 'GB18030 bytes with no declaration',
    charset: 'gb18030',
    parts: [lines(ok(19, 1), '{"settlement_id":"H19L2","note":"ascii only"}')],
    expect: ['invalid_encoding', 'missing_field:settled_at']
  },
  {
    name: 'fields the contract does not know',
    parts: [lines(ok(20, 1, { export_version: 3, channel_detail: 'kiosk' }), ok(20, 2))],
    expect: ['loaded', 'loaded']
  },
  {
    name: 'timestamp without an offset, numbers as strings',
    parts: [lines(ok(21, 1, { settled_at: '2025-03-02T10:00:00', total_amount: '100', fund_amount: '60.00' }))],
    expect: ['loaded']
  },
  // The feed folder declares GB18030 (variant 17): this folder's file is in it too.
  {
    name: 'an integer with a fraction, and one sent as a string',
    feed: 'prescription_reviews',
    charset: 'gb18030',
    parts: [lines(review('H22L1', 2.5), review('H22L2', '4'), review('H22L3', 'four'))],
    expect: ['wrong_type:drug_count', 'loaded', 'wrong_type:drug_count']
  },
  {
    name: 'raw control characters inside lines',
    parts: [
      `${ok(23, 1)}\n${ok(23, 2).replace('internal_medicine', 'internal\u001emedicine')}\n${ok(23, 3).replace('insurance_card', 'insurance\tcard')}\n${ok(23, 4).replace(':', ':\r')}\n${ok(23, 5)}\n`
    ],
    expect: ['loaded', 'malformed_json', 'malformed_json', 'malformed_json', 'loaded']
  },
  {
    name: 'JSON that is not a record',
    parts: [lines('[1,2]', '123', '"text"', 'null', '{}', ok(24, 6))],
    expect: ['malformed_json', 'malformed_json', 'malformed_json', 'malformed_json', 'missing_field:settlement_id', 'loaded']
  },
  {
    name: 'a NUL byte, a duplicate and a broken line',
    parts: [lines(ok(25, 1), ok(25, 1), `${ok(25, 3).slice(0, 40)}\u0000`, ok(25, 4).slice(0, 60), ok(25, 5))],
    expect: ['loaded', 'duplicate', 'malformed_json', 'malformed_json', 'loaded']
  },
  {
    name: 'a referral whose diagnosis names the patient and a relative and gives an address',
    feed: 'referrals',
    parts: [lines(referral('H26L1', DIAGNOSIS))],
    expect: ['loaded']
  }
];

const dayOf = (v: number) => `2025-03-${String(v + 2).padStart(2, '0')}`;
const fileOf = (v: Variant) => v.file ?? 'part-0000.ndjson.gz';
let dir: string;
let landing: string;
let result: RunResult;
const wh = () => join(dir, 'data', 'warehouse.duckdb');

beforeAll(async () => {
  dir = tempDir('hostile');
  landing = join(dir, 'landing');
  const plan = VARIANTS.map((v, i) => {
    const feed = v.feed ?? 'settlements';
    const folder = join(landing, feed, `dt=${dayOf(i + 1)}`);
    mkdirSync(folder, { recursive: true });
    if (v.encodingFile === 'feed') writeFileSync(join(landing, feed, '_encoding'), `${v.charset}\n`);
    if (v.encodingFile === 'folder') writeFileSync(join(folder, '_encoding'), v.charset!.toUpperCase());
    return {
      path: join(folder, fileOf(v)),
      encoder: v.encoder ?? 'python-gzip',
      charset: v.charset,
      post: v.post,
      parts: v.parts.map((p) => Buffer.from(p).toString('base64'))
    };
  });
  execFileSync('python3', [join(__dirname, 'hostile', 'encode.py')], { input: JSON.stringify(plan) });
  // Paths that are not data: each must be listed as skipped.
  mkdirSync(join(landing, 'lab_results', 'dt=2025-03-02'), { recursive: true });
  mkdirSync(join(landing, 'settlements', 'dt=2025-02-30'), { recursive: true });
  mkdirSync(join(landing, 'settlements', 'date=2025-03-02'), { recursive: true });
  writeFileSync(join(landing, 'settlements', `dt=${dayOf(1)}`, 'README.txt'), 'export notes');
  writeFileSync(join(landing, 'settlements', `dt=${dayOf(1)}`, '_SUCCESS'), '');
  result = await runOn(landing, join(dir, 'data'), { maxLineBytes: MAX_LINE });
}, 120_000);
afterAll(() => removeDir(dir));

async function outcomes(v: number): Promise<Outcome[]> {
  const variant = VARIANTS[v - 1];
  const feed = variant.feed ?? 'settlements';
  const id = feed === 'settlements' ? 'settlement_id' : feed === 'referrals' ? 'referral_id' : 'review_id';
  const day = dayOf(v);
  const file = await query<{ lines: string }>(wh(), `SELECT lines FROM meta.run_files WHERE source_date = '${day}' AND feed = '${feed}'`);
  const n = Number(file[0]?.lines ?? 0);
  const quarantined = await query<{ line_no: string; reason_code: string; field: string | null }>(
    wh(),
    `
    SELECT line_no, reason_code, field FROM meta.quarantine WHERE source_date = '${day}' AND feed = '${feed}' AND line_no IS NOT NULL`
  );
  const loaded = new Set(
    (await query<{ id: string }>(wh(), `SELECT ${id} AS id FROM core.fact_${feed} WHERE source_date = '${day}'`)).map((r) => r.id)
  );
  const blank = Number(
    (await query<{ n: string }>(wh(), `SELECT blank_lines AS n FROM meta.run_feeds WHERE source_date = '${day}' AND feed = '${feed}'`))[0]
      ?.n ?? 0
  );
  const duplicates = Number(
    (await query<{ n: string }>(wh(), `SELECT duplicates AS n FROM meta.run_feeds WHERE source_date = '${day}' AND feed = '${feed}'`))[0]
      ?.n ?? 0
  );
  const out: Outcome[] = [];
  for (let line = 1; line <= n; line++) {
    const q = quarantined.find((r) => Number(r.line_no) === line);
    const ownId = `H${v}L${line}`;
    out.push(q ? (q.field ? `${q.reason_code}:${q.field}` : q.reason_code) : loaded.has(ownId) ? 'loaded' : 'unaccounted');
  }
  // Lines neither quarantined nor loaded under their own id are the blank ones and the duplicates:
  // the day's counts say how many of each, the variant which lines.
  const rest = out.map((o, i) => (o === 'unaccounted' ? i : -1)).filter((i) => i >= 0);
  const expected = variant.expect ?? [];
  for (const i of rest) out[i] = expected[i] === 'blank' || expected[i] === 'duplicate' ? expected[i] : 'unaccounted';
  expect(out.filter((o) => o === 'blank').length, `${variant.name}: blank lines counted`).toBe(blank);
  expect(out.filter((o) => o === 'duplicate').length, `${variant.name}: duplicates counted`).toBe(duplicates);
  return out;
}

describe('hostile landing files, written by other tools', () => {
  it('publishes, with warnings that name what was set aside', () => {
    expect(result.status).toBe('published_with_warnings');
    expect(result.checks.filter((c) => !c.passed && c.severity === 'error')).toEqual([]);
    expect(VARIANTS.length).toBeGreaterThanOrEqual(20);
  });

  for (const [i, v] of VARIANTS.entries()) {
    if (v.expect === null) continue;
    it(`${i + 1}. ${v.name}: every line's outcome`, async () => {
      expect(await outcomes(i + 1)).toEqual(v.expect);
    });
  }

  it('13. a gzip stream cut short: the lines before the cut are quarantined as truncated_file, in order, and the day is flagged for re-export', async () => {
    const got = await outcomes(13);
    // Near-identical records compress so well that the first 60% of the bytes hold only the first few.
    expect(got.length).toBeGreaterThan(0);
    expect(got.length).toBeLessThan(40);
    expect(new Set(got)).toEqual(new Set(['truncated_file']));
    const flagged = await query<{ outcome: string; detail: string }>(
      wh(),
      `SELECT outcome, detail FROM meta.reexport_needed WHERE source_date = '${dayOf(13)}'`
    );
    expect(flagged).toEqual([{ outcome: 'truncated', detail: expect.stringContaining('gzip stream ends early') }]);
  });

  it('files with no countable line are unreadable_file, with the reason', async () => {
    const rows = await query<{ d: string; masked_line: string }>(
      wh(),
      `SELECT CAST(source_date AS VARCHAR) AS d, masked_line FROM meta.quarantine WHERE reason_code = 'unreadable_file' ORDER BY 1`
    );
    expect(rows).toEqual([
      { d: dayOf(15), masked_line: 'empty file' },
      { d: dayOf(16), masked_line: expect.stringContaining('not a readable gzip stream') }
    ]);
  });

  it('records each file: size, compression, encoding, lines, outcome, what was unusual', async () => {
    const files = await query<Record<string, string>>(
      wh(),
      `SELECT CAST(source_date AS VARCHAR) AS d, compression, encoding, outcome, detail FROM meta.run_files ORDER BY source_date`
    );
    const byDay = Object.fromEntries(files.map((f) => [f.d, f]));
    expect(byDay[dayOf(1)].detail).toContain('byte-order mark');
    expect(byDay[dayOf(2)].detail).toContain('CRLF');
    expect(byDay[dayOf(10)].compression).toBe('none');
    expect(byDay[dayOf(11)]).toMatchObject({ compression: 'gzip', detail: expect.stringContaining('gzip without a .gz name') });
    expect(byDay[dayOf(17)].encoding).toBe('gb18030');
    expect(byDay[dayOf(18)].encoding).toBe('gbk');
    expect(byDay[dayOf(19)].detail).toContain('valid GB18030');
    expect(byDay[dayOf(14)]).toMatchObject({ outcome: 'truncated', detail: expect.stringContaining('is damaged') });
  });

  it("reads a timestamp without an offset as the prefecture's time (+08:00) and numbers sent as strings as numbers", async () => {
    const [row] = await query<{ t: string; total: string }>(
      wh(),
      `SELECT CAST(settled_at AS VARCHAR) AS t, CAST(total_amount AS VARCHAR) AS total FROM core.fact_settlements WHERE settlement_id = 'H21L1'`
    );
    expect(row).toEqual({ t: '2025-03-02 10:00:00+08', total: '100.00' });
  });

  it('counts fields the contract does not know, per feed, without quarantining their records', async () => {
    const rows = await query(wh(), `SELECT feed, field, CAST(records_with_field AS INTEGER) AS n FROM meta.unknown_fields ORDER BY field`);
    expect(rows).toEqual([
      { feed: 'settlements', field: 'channel_detail', n: 1 },
      { feed: 'settlements', field: 'export_version', n: 1 }
    ]);
  });

  it('lists every path it did not read, with the reason', async () => {
    const rows = await query<{ path: string; reason: string; warning: boolean }>(
      wh(),
      `SELECT path, reason, warning FROM meta.skipped_paths ORDER BY path`
    );
    expect(rows).toEqual([
      { path: 'lab_results', reason: 'not a feed of the data contract', warning: true },
      { path: `settlements/date=2025-03-02`, reason: 'partition folder not named dt=YYYY-MM-DD', warning: true },
      { path: 'settlements/dt=2025-02-30', reason: 'dt=2025-02-30 is not a calendar date', warning: true },
      {
        path: `settlements/dt=${dayOf(1)}/README.txt`,
        reason: 'not a data file (*.ndjson, *.ndjson.gz, *.jsonl, *.jsonl.gz)',
        warning: true
      },
      {
        path: `settlements/dt=${dayOf(1)}/_SUCCESS`,
        reason: 'hidden (not a data file (*.ndjson, *.ndjson.gz, *.jsonl, *.jsonl.gz))',
        warning: false
      }
    ]);
    expect(result.checks.find((c) => c.name === 'landing zone: nothing skipped')).toMatchObject({
      passed: false,
      severity: 'warning',
      failingRows: 4
    });
  });

  it("masks the names and the address in the referral's diagnosis: the record's own name and the general patterns", async () => {
    const [row] = await query<{ text: string }>(wh(), `SELECT diagnosis_text AS text FROM core.fact_referrals WHERE referral_id = 'H26L1'`);
    expect(row.text).toBe('[已脱敏姓名]胸痛2小时，其子[已脱敏姓名]陪同，[已脱敏地址][已脱敏地址]，电话[已脱敏电话]，母亲高血压病史');
    expect(findPersonalData(row.text)).toBeNull();
  });

  it('masks identifiers in the quarantined lines it keeps', async () => {
    const rows = await query<{ masked_line: string }>(wh(), `SELECT masked_line FROM meta.quarantine WHERE masked_line IS NOT NULL`);
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows) {
      expect(r.masked_line).not.toContain(patient);
      expect(r.masked_line).not.toContain('13899001234');
      expect(r.masked_line).not.toContain('阿依努尔');
    }
  });
});
