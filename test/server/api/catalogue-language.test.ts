// The catalogue as the pages get it (/api/indicators): every text an indicator or dimension
// carries is there in Chinese and English, the Chinese free of English words; units name what
// each indicator counts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../../helpers/english-words';
import { apiFixture, type ApiFixture } from './helpers';

let api: ApiFixture;
beforeAll(async () => {
  api = await apiFixture();
});
afterAll(() => api.close());

type Json = unknown;
const isText = (v: Json): v is { zh: unknown; en: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && 'zh' in v && 'en' in v;

/** Every {zh, en} in the answer, with where it is. */
function texts(value: Json, path: string): { path: string; zh: unknown; en: unknown }[] {
  if (isText(value)) return [{ path, zh: value.zh, en: value.en }];
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([k, v]) => texts(v, `${path}.${k}`));
  return [];
}

describe('catalogue texts', () => {
  it('gives every indicator its texts in both languages', async () => {
    const body = await api.json('/api/indicators');
    for (const ind of body.indicators) {
      for (const field of ['name', 'definition', 'numerator', 'unit', 'source']) {
        expect(isText(ind[field]), `${ind.id}.${field}`).toBe(true);
      }
    }
    const all = texts(body, 'catalogue');
    expect(all.length).toBeGreaterThan(300);
    const incomplete = all.filter((t) => typeof t.zh !== 'string' || !t.zh.trim() || typeof t.en !== 'string' || !t.en.trim());
    expect(incomplete).toEqual([]);
    const leaks = all.map((t) => ({ path: t.path, zh: t.zh, words: englishWords(String(t.zh)) })).filter((t) => t.words.length > 0);
    expect(leaks).toEqual([]);
  });

  it('counts appointments and settlements in their own English units', async () => {
    const body = await api.json('/api/indicators');
    const unit = (id: string) => body.indicators.find((i: { id: string }) => i.id === id)?.unit;
    expect(unit('appointment_count')).toEqual({ zh: '人次', en: 'appointments' });
    expect(unit('settlement_count')).toEqual({ zh: '人次', en: 'settlements' });
    expect(unit('face_scan_settlements')).toEqual({ zh: '人次', en: 'settlements' });
  });
});
