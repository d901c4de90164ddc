// The catalogue: large enough, valid, complete in what pages show, and an invalid entry is
// reported with its id while the others stay.
import { describe, expect, it } from 'vitest';
import { FAMILIES } from '../../../src/lib/contract/contract';
import { CATALOGUE, CATALOGUE_ERRORS, DIMENSIONS, INDICATORS, validateCatalogue } from '../../../src/lib/server/metrics';
import { PLATFORM_SERVICES as SERVICES } from '../../../src/lib/server/metrics/catalogue/services-platform';

describe('indicator catalogue', () => {
  it('holds at least 40 valid indicators across the four families', () => {
    expect(CATALOGUE_ERRORS).toEqual([]);
    expect(CATALOGUE.length).toBeGreaterThanOrEqual(40);
    for (const family of FAMILIES) expect(INDICATORS.filter((i) => i.family === family).length).toBeGreaterThanOrEqual(8);
  });

  it('covers the indicators the issue names', () => {
    const ids = new Set(INDICATORS.map((i) => i.id));
    for (const id of [
      'settlement_count',
      'face_scan_share',
      'appointment_count',
      'report_query_count',
      'referral_applications',
      'referral_success_rate',
      'down_referral_share',
      'referral_time_to_admission',
      'recognised_items',
      'recognition_visits',
      'recognition_savings',
      'online_consultations',
      'drug_deliveries',
      'prescriptions_reviewed',
      'prescription_interception_rate',
      'remote_ecg_turnaround',
      'ems_arrival_minutes'
    ]) {
      expect(ids.has(id), id).toBe(true);
    }
  });

  it('names every breakdown value in both languages', () => {
    const used = new Set(INDICATORS.flatMap((i) => i.breakdowns));
    for (const id of used) {
      const d = DIMENSIONS.find((x) => x.id === id);
      expect(d, id).toBeDefined();
      if (d!.kind === 'category') expect(d!.values!.every((v) => v.zh && v.en)).toBe(true);
    }
  });

  it('shows no computation details to clients', () => {
    for (const i of INDICATORS) expect(Object.keys(i)).not.toContain('compute');
  });

  it('reports an invalid entry by its id and keeps the valid ones', () => {
    const good = SERVICES[0];
    const badTable = { ...SERVICES[1], id: 'bad_table', compute: { table: 'no_such_table', numerator: { column: 'x' } } };
    const badBreakdown = { ...SERVICES[2], id: 'bad_breakdown', breakdowns: ['channel', 'ems_category'] };
    const badColumn = {
      ...SERVICES[3],
      id: 'bad_column',
      compute: { table: 'settlements', numerator: { column: 'settlements; DROP TABLE x' }, denominator: { column: 'settlements' } }
    };
    const percentWithoutDenominator = { ...good, id: 'bad_percent', format: 'percent' };
    const { entries, errors } = validateCatalogue([
      good,
      badTable,
      badBreakdown,
      badColumn,
      percentWithoutDenominator,
      { name: 'no id' },
      good
    ]);
    expect(entries.map((e) => e.id)).toEqual([good.id]);
    expect(errors.map((e) => e.id)).toEqual(['bad_table', 'bad_breakdown', 'bad_column', 'bad_percent', '#5', good.id]);
    expect(errors[0].message).toContain('unknown table no_such_table');
    expect(errors[1].message).toContain('cannot be broken down by ems_category');
    expect(errors[2].message).toContain('is not a measure');
    expect(errors[3].message).toContain('needs a denominator');
    expect(errors[5].message).toBe('duplicate id');
  });

  it('refuses an entry with an empty text or a field the contract does not know', () => {
    const good = SERVICES[0];
    const { errors } = validateCatalogue([
      { ...good, id: 'empty_name', name: { zh: good.name.zh, en: '' } },
      { ...good, id: 'extra_field', colour: 'red' }
    ]);
    expect(errors.map((e) => e.id)).toEqual(['empty_name', 'extra_field']);
    expect(errors[0].message).toBe('name.en: an empty text');
    expect(errors[1].message).toContain('colour');
  });
});
