// Clean simulator output satisfies the feed contract: types, allowed values, references,
// partitions, valid ID numbers, and one identity per person across feeds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FEEDS, feedByName } from '../../../datasets/contract/feeds';
import { isValidIdNumber } from '../../../datasets/contract/id-number';
import { referenceSets } from '../../../datasets/contract/refs';
import { describeIssues, feedValidator } from '../../../datasets/contract/validator';
import { loadReference } from '../../../datasets/reference/index';
import { generate } from '../../../datasets/simulator/generate';
import { landingFiles, readLines, removeDir, tempDir } from '../../helpers/landing';

let out: string;
const records = new Map<string, { date: string; record: Record<string, unknown> }[]>();

beforeAll(async () => {
  out = tempDir('clean');
  await generate({ scale: 'tiny', seed: 7, out, dirtyRate: 0, workers: 0 });
  for (const f of landingFiles(out)) {
    const lines = readLines(f.path);
    expect(lines, `${f.path} is readable`).not.toBeNull();
    const list = records.get(f.feed) ?? [];
    for (const line of lines!) list.push({ date: f.date, record: JSON.parse(line) });
    records.set(f.feed, list);
  }
});
afterAll(() => removeDir(out));

describe('clean simulator output', () => {
  it('writes every feed for every day of the range', () => {
    const files = landingFiles(out);
    for (const feed of FEEDS) {
      const days = new Set(files.filter((f) => f.feed === feed.name).map((f) => f.date));
      expect(days.size, feed.name).toBe(14);
    }
    for (const feed of ['settlements', 'report_queries', 'prescription_reviews', 'public_health', 'assets', 'registrations']) {
      expect(records.get(feed)?.length ?? 0, feed).toBeGreaterThan(100);
    }
  });

  it('every record satisfies its feed schema', () => {
    for (const [feed, list] of records) {
      const validator = feedValidator(feedByName(feed));
      for (const { record } of list) {
        const parsed = validator.safeParse(record);
        if (!parsed.success) throw new Error(`${feed} ${JSON.stringify(record)}: ${describeIssues(parsed.error)}`);
      }
    }
  });

  it('every code resolves against the reference data', () => {
    const sets = referenceSets(loadReference());
    for (const [feed, list] of records) {
      const spec = feedByName(feed);
      const refFields = Object.entries(spec.fields).filter(([, f]) => f.ref);
      for (const { record } of list) {
        for (const [name, field] of refFields) {
          const value = record[name];
          if (value === null || value === undefined) continue;
          expect(sets[field.ref!].has(String(value)), `${feed}.${name} = ${value}`).toBe(true);
        }
      }
    }
  });

  it('each record lies in the folder of its partition day, and events never follow it', () => {
    for (const [feed, list] of records) {
      const spec = feedByName(feed);
      for (const { date, record } of list) {
        expect(String(record[spec.partitionField]).slice(0, 10), `${feed} ${record[spec.idField]}`).toBe(date);
        expect(String(record[spec.eventField]).slice(0, 10) <= date).toBe(true);
      }
    }
  });

  it('event ids are unique within each feed', () => {
    for (const [feed, list] of records) {
      const ids = list.map(({ record }) => record[feedByName(feed).idField]);
      expect(new Set(ids).size, feed).toBe(ids.length);
    }
  });

  it('ID numbers carry valid check digits and one person keeps one identity in every feed', () => {
    const seen = { person_name: new Map<string, unknown>(), birth_date: new Map<string, unknown>(), sex: new Map<string, unknown>() };
    let checked = 0;
    for (const [feed, list] of records) {
      for (const { record } of list) {
        for (const field of ['id_number', 'linked_id_number']) {
          const id = record[field];
          if (typeof id !== 'string') continue;
          expect(isValidIdNumber(id), `${feed}.${field} ${id}`).toBe(true);
          checked++;
        }
        const id = record.id_number;
        if (typeof id !== 'string') continue;
        for (const [field, map] of Object.entries(seen)) {
          if (record[field] === undefined) continue;
          if (map.has(id)) expect(record[field], `${feed}: ${field} of ${id}`).toBe(map.get(id));
          else map.set(id, record[field]);
        }
      }
    }
    expect(checked).toBeGreaterThan(2000);
    // The ID number encodes the birth date and sex: they agree with the record.
    for (const { record } of records.get('settlements')!) {
      const id = String(record.id_number);
      expect(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`).toBe(record.birth_date);
      expect(Number(id[16]) % 2 === 1 ? 'M' : 'F').toBe(record.sex);
    }
  });

  it('settlement amounts add up and only designated institutions settle', () => {
    for (const { record: r } of records.get('settlements')!) {
      const n = (k: string) => Number(r[k]);
      expect(Math.abs(n('fund_amount') + n('self_amount') - n('total_amount'))).toBeLessThan(0.011);
      expect(Math.abs(n('drug_amount') + n('material_amount') + n('exam_amount') + n('service_amount') - n('total_amount'))).toBeLessThan(
        0.011
      );
      if (r.channel === 'face') expect(r.face_verify).toBe('pass');
      if (r.channel === 'cash') expect(n('fund_amount')).toBe(0);
    }
  });
});
