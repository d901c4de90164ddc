// The catalogue's applicability field (`appliesTo`, src/lib/server/metrics/schema.ts): declared
// as data on the entries, validated against the table's org level, shown by /api/indicators.
import { describe, expect, it } from 'vitest';
import { CATALOGUE, INDICATORS, validateCatalogue } from '../../../src/lib/server/metrics';

const entry = (id: string) => CATALOGUE.find((e) => e.id === id)!;
const why = { zh: '原因', en: 'a reason' };

describe('applicability in the catalogue', () => {
  it('is data on the entries, with the levels in tree order and a reason', () => {
    expect(entry('primary_fund_share').appliesTo).toMatchObject({ levels: ['prefecture', 'county'] });
    const shown = INDICATORS.find((i) => i.id === 'primary_fund_share')!;
    expect(shown.appliesTo.levels).toEqual(['prefecture', 'county']);
    expect(shown.appliesTo.why?.zh).toContain('县域医保基金');
    // Every restriction says why, so no page shows 不适用 without a reason.
    for (const e of CATALOGUE) if (e.appliesTo) expect(e.appliesTo.why.zh.length, e.id).toBeGreaterThan(0);
  });

  it('refuses levels the table has no figures for, types without institutions, unknown types and a missing reason', () => {
    const { entries, errors } = validateCatalogue([
      { ...entry('ems_calls'), id: 'below_county', appliesTo: { levels: ['township'], why } },
      { ...entry('settlement_count'), id: 'types_without', appliesTo: { levels: ['county'], institutionTypes: ['general_hospital'], why } },
      { ...entry('settlement_count'), id: 'unknown_type', appliesTo: { institutionTypes: ['spa'], why } },
      { ...entry('settlement_count'), id: 'no_reason', appliesTo: { levels: ['county'] } },
      { ...entry('settlement_count'), id: 'fine', appliesTo: { levels: ['prefecture', 'county'], why } }
    ]);
    expect(entries.map((e) => e.id)).toEqual(['fine']);
    expect(errors.map((e) => e.id)).toEqual(['below_county', 'types_without', 'unknown_type', 'no_reason']);
    expect(errors[0].message).toContain('has no township figures');
    expect(errors[1].message).toContain('does not apply to institutions');
    expect(errors[2].message).toContain('appliesTo.institutionTypes');
    expect(errors[3].message).toContain('appliesTo.why');
  });
});
