// The one applicability rule (src/lib/contract/applicability.ts): pages and the API decide with it
// whether an indicator means something for an org unit, and say why not.
import { describe, expect, it } from 'vitest';
import { applies, notApplicableReason } from '../../../src/lib/contract/applicability';
import type { Applicability, OrgUnit } from '../../../src/lib/contract/contract';
import { INDICATORS } from '../../../src/lib/server/metrics';

const unit = (kind: OrgUnit['kind'], type?: string) => ({ kind, type, name: { zh: '某单位', en: 'Somewhere' } });
const appliesTo = (id: string): Applicability => INDICATORS.find((i) => i.id === id)!.appliesTo;

describe('where an indicator means something', () => {
  it('keeps an area share away from a single institution, with the catalogue reason in both languages', () => {
    const share = appliesTo('primary_care_visit_share');
    expect(share.levels).toEqual(['prefecture', 'county', 'township']);
    for (const kind of ['prefecture', 'county', 'township'] as const) expect(notApplicableReason(share, unit(kind))).toBeNull();
    const reason = notApplicableReason(share, unit('institution', 'general_hospital'))!;
    expect(reason.zh).toContain('某单位不适用该指标');
    expect(reason.zh).toContain('单个机构没有这一比例');
    expect(reason.en).toContain('Does not apply to Somewhere');
  });

  it('says an indicator measured per county has no figures below a county, naming the levels it has', () => {
    const calls = appliesTo('ems_calls');
    expect(calls).toEqual({ levels: ['prefecture', 'county'], institutionTypes: null, why: null });
    expect(notApplicableReason(calls, unit('county'))).toBeNull();
    expect(notApplicableReason(calls, unit('township'))).toEqual({
      zh: '该指标按县市统计，某单位不适用：请选择州、县市。',
      en: 'Measured per County: does not apply to Somewhere; choose Prefecture, County.'
    });
  });

  it('restricts institutions by type where the catalogue says so, and gives an unknown type the benefit', () => {
    const beds = appliesTo('bed_occupancy_rate');
    expect(applies(beds, unit('institution', 'township_health_centre'))).toBe(true);
    expect(applies(beds, unit('institution', 'village_clinic'))).toBe(false);
    expect(applies(beds, unit('institution'))).toBe(true);
    // A type restricts institutions only: the county above a village clinic still has a figure.
    expect(applies(beds, unit('county', 'village_clinic'))).toBe(true);
  });

  it('applies everywhere by default', () => {
    const settlements = appliesTo('settlement_count');
    expect(settlements).toEqual({ levels: ['prefecture', 'county', 'township', 'institution'], institutionTypes: null, why: null });
    expect(applies(settlements, unit('institution', 'village_clinic'))).toBe(true);
  });
});
