import { describe, expect, it } from 'vitest';
import type { Indicator, OrgUnit } from '../../src/lib/contract/contract';
import { searchIndicators } from '../../src/lib/dashboard-state/catalogue-search';
import { buildTree, childDimension, nameOf, pathTo, searchUnits } from '../../src/lib/dashboard-state/org-tree';
import { comparisonRange } from '../../src/lib/contract/periods';
import { isIsoDay, presetRange, trendWindow } from '../../src/lib/dashboard-state/period';
import { defaultsFor, filterSearch, fitGrain, paramHref, readFilters, suggestedGrain } from '../../src/lib/dashboard-state/url-state';

const AS_OF = '2025-12-31';

describe("period presets anchor on the data's last day", () => {
  it.each([
    ['this_month', { from: '2025-12-01', to: AS_OF }],
    ['last_12_months', { from: '2025-01-01', to: AS_OF }],
    ['this_year', { from: '2025-01-01', to: AS_OF }],
    ['last_year', { from: '2024-01-01', to: '2024-12-31' }]
  ] as const)('%s', (preset, range) => {
    expect(presetRange(preset, AS_OF)).toEqual(range);
  });

  it('rolls months back across a year boundary', () => {
    expect(presetRange('last_12_months', '2025-03-15')).toEqual({ from: '2024-04-01', to: '2025-03-15' });
  });

  it('shifts a range a year back, 29 February to 28', () => {
    expect(comparisonRange({ from: '2024-02-29', to: '2024-03-31' }, 'yoy')).toEqual({ from: '2023-02-28', to: '2023-03-31' });
    expect(comparisonRange({ from: '2025-01-01', to: '2025-12-31' }, 'previous')).toEqual({ from: '2024-01-02', to: '2024-12-31' });
    expect(comparisonRange({ from: '2025-03-01', to: '2025-03-31' }, 'previous')).toEqual({ from: '2025-01-29', to: '2025-02-28' });
  });

  it('accepts only real ISO days', () => {
    expect(isIsoDay('2025-02-28')).toBe(true);
    expect(isIsoDay('2025-02-30')).toBe(false);
    expect(isIsoDay('20250228')).toBe(false);
    expect(isIsoDay(null)).toBe(false);
  });
});

describe('a trend over a single period shows the periods before it', () => {
  const DECEMBER = { from: '2025-12-01', to: '2025-12-31' };

  it('shows the trailing year of months ending with the selected month, marked', () => {
    expect(trendWindow(DECEMBER, 'month', '2024-01-20')).toEqual({
      from: '2025-01-01',
      to: '2025-12-31',
      grain: 'month',
      periods: 12,
      selected: '2025-12-01'
    });
    // A month still running ends on its last day with data.
    expect(trendWindow({ from: '2025-12-01', to: '2025-12-14' }, 'month', null)).toMatchObject({ from: '2025-01-01', to: '2025-12-14' });
    expect(trendWindow({ from: '2025-04-01', to: '2025-06-30' }, 'quarter', null)).toMatchObject({
      from: '2024-07-01',
      periods: 4,
      selected: '2025-04-01'
    });
  });

  it('starts no earlier than the first period with data, and needs one before the selected', () => {
    expect(trendWindow(DECEMBER, 'month', '2025-09-17')).toMatchObject({ from: '2025-09-01', periods: 4 });
    expect(trendWindow(DECEMBER, 'month', '2025-12-01')).toBeNull();
    // A yearly-only indicator on a month's page: its figure is the year's, so the years before it show.
    expect(trendWindow(DECEMBER, 'year', '2025-01-01', 'year')).toBeNull();
    expect(trendWindow(DECEMBER, 'year', '2023-03-01', 'year')).toMatchObject({ from: '2023-01-01', periods: 3, selected: '2025-01-01' });
    // A daily indicator by year over one month: 2025 as a whole is not December's figure.
    expect(trendWindow(DECEMBER, 'year', '2023-03-01', 'day')).toBeNull();
  });

  it('leaves a range of several periods, one starting mid-period and day or week grains alone', () => {
    expect(trendWindow({ from: '2025-01-01', to: '2025-12-31' }, 'month', null)).toBeNull();
    expect(trendWindow({ from: '2025-12-05', to: '2025-12-20' }, 'month', null)).toBeNull();
    expect(trendWindow(DECEMBER, 'day', null)).toBeNull();
    expect(trendWindow(DECEMBER, 'week', null)).toBeNull();
  });
});

describe('filters in the URL', () => {
  it('defaults to the latest month against the month before, over the whole scope', () => {
    expect(readFilters(new URLSearchParams(), AS_OF)).toEqual({
      org: null,
      preset: 'this_month',
      from: '2025-12-01',
      to: AS_OF,
      grain: 'month',
      compare: 'previous'
    });
  });

  it('defaults to 同比 once the data reaches the same month a year back, 环比 before', () => {
    expect(defaultsFor(AS_OF, '2025-01-01').compare).toBe('previous');
    expect(defaultsFor(AS_OF, null).compare).toBe('previous');
    const yearBack = defaultsFor(AS_OF, '2024-12-01');
    expect(yearBack.compare).toBe('yoy');
    expect(readFilters(new URLSearchParams(), AS_OF, yearBack).compare).toBe('yoy');
    // The data-aware default stays out of the URL; 环比 then has to be written.
    expect(filterSearch(new URLSearchParams(), { compare: 'yoy' }, yearBack)).toBe('');
    expect(filterSearch(new URLSearchParams(), { compare: 'previous' }, yearBack)).toBe('?compare=previous');
  });

  it('reads a shared link', () => {
    const f = readFilters(new URLSearchParams('org=652301&period=custom&from=2025-03-01&to=2025-03-31&grain=day&compare=yoy'), AS_OF);
    expect(f).toEqual({ org: '652301', preset: 'custom', from: '2025-03-01', to: '2025-03-31', grain: 'day', compare: 'yoy' });
  });

  it('falls back to defaults on nonsense instead of failing', () => {
    const f = readFilters(new URLSearchParams('period=custom&from=2025-04-01&to=2025-03-01&grain=all&compare=x'), AS_OF);
    expect(f).toMatchObject({ preset: 'this_month', grain: 'month', compare: 'previous' });
    expect(readFilters(new URLSearchParams('period=decade'), AS_OF).preset).toBe('this_month');
  });

  it('writes patches, leaving defaults out and other parameters alone', () => {
    const current = new URLSearchParams('q=face&grain=week');
    expect(filterSearch(current, { org: '652301' })).toBe('?q=face&grain=week&org=652301');
    expect(filterSearch(current, { grain: 'month' })).toBe('?q=face');
    expect(filterSearch(new URLSearchParams('org=652301'), { org: null })).toBe('');
    expect(filterSearch(new URLSearchParams('period=custom&from=2025-01-01&to=2025-01-31'), { preset: 'last_year' })).toBe(
      '?period=last_year'
    );
    expect(filterSearch(new URLSearchParams(), { from: '2025-01-01', to: '2025-01-31' })).toBe(
      '?period=custom&from=2025-01-01&to=2025-01-31'
    );
  });

  it('sets or clears a page parameter, keeping the rest', () => {
    const url = new URL('http://x/indicators?q=face&family=reform');
    expect(paramHref(url, 'q', 'drug')).toBe('/indicators?q=drug&family=reform');
    expect(paramHref(url, 'family', '')).toBe('/indicators?q=face');
    expect(paramHref(new URL('http://x/?map=a'), 'map', 'a', 'a')).toBe('/');
  });

  it('suggests a grain that suits the range', () => {
    expect(suggestedGrain({ from: '2025-03-01', to: '2025-03-31' })).toBe('day');
    expect(suggestedGrain({ from: '2025-01-01', to: '2025-03-31' })).toBe('week');
    expect(suggestedGrain({ from: '2025-01-01', to: '2025-12-31' })).toBe('month');
  });

  it('falls back to the next coarser grain an indicator has', () => {
    expect(fitGrain('month', ['year', 'all'])).toBe('year');
    expect(fitGrain('day', ['month', 'quarter', 'year', 'all'])).toBe('month');
    expect(fitGrain('week', ['day', 'week', 'month'])).toBe('week');
  });
});

describe('org tree', () => {
  const unit = (code: string, parent: string | null, kind: OrgUnit['kind'], zh: string, en: string): OrgUnit => ({
    code,
    parent,
    kind,
    name: { zh, en }
  });
  const tree = buildTree('652300', [
    unit('652300', null, 'prefecture', '昌吉回族自治州', 'Changji Prefecture'),
    unit('652302', '652300', 'county', '阜康市', 'Fukang City'),
    unit('652301', '652300', 'county', '昌吉市', 'Changji City'),
    unit('652301002', '652301', 'township', '宁边路街道', 'Ningbian Road'),
    unit('JG6523010001', '652301002', 'institution', '州人民医院', "People's Hospital")
  ]);

  it('lists children in code order', () => {
    expect(tree.children.get('652300')!.map((u) => u.code)).toEqual(['652301', '652302']);
  });

  it('walks the path from the root for the breadcrumb', () => {
    expect(pathTo(tree, 'JG6523010001').map((u) => u.code)).toEqual(['652300', '652301', '652301002', 'JG6523010001']);
    expect(pathTo(tree, 'nope').map((u) => u.code)).toEqual(['652300']);
  });

  it('names units in either language, searches both', () => {
    expect(nameOf(tree, '652301', 'en')).toBe('Changji City');
    expect(nameOf(tree, 'x', 'zh')).toBe('x');
    expect(searchUnits(tree, '医院').map((u) => u.code)).toEqual(['JG6523010001']);
    expect(searchUnits(tree, 'fukang').map((u) => u.code)).toEqual(['652302']);
    expect(searchUnits(tree, '  ')).toEqual([]);
  });

  it('breaks each level down by the next', () => {
    expect(childDimension('prefecture')).toBe('county');
    expect(childDimension('township')).toBe('institution');
    expect(childDimension('institution')).toBeNull();
  });
});

describe('catalogue search', () => {
  const ind = (id: string, family: Indicator['family'], zh: string, en: string): Indicator => ({
    id,
    family,
    name: { zh, en },
    definition: { zh: `${zh}的定义`, en: `Definition of ${en}` },
    numerator: { zh: '分子', en: 'numerator' },
    denominator: null,
    unit: { zh: '%', en: '%' },
    format: 'percent',
    breakdowns: [],
    grains: ['all'],
    orgLevel: 'institution',
    appliesTo: { levels: ['prefecture', 'county', 'township', 'institution'], institutionTypes: null, why: null },
    target: null,
    higherIsBetter: null,
    source: { zh: '来源', en: 'source' },
    feeds: []
  });
  const list = [
    ind('face_scan_share', 'services', '刷脸结算占比', 'Face-scan share'),
    ind('drug_cost_share', 'reform', '药占比', 'Drug cost share')
  ];

  it('matches every word in ids, names and definitions, in either language', () => {
    expect(searchIndicators(list, '刷脸', null).map((i) => i.id)).toEqual(['face_scan_share']);
    expect(searchIndicators(list, 'SHARE drug', null).map((i) => i.id)).toEqual(['drug_cost_share']);
    expect(searchIndicators(list, '', 'reform').map((i) => i.id)).toEqual(['drug_cost_share']);
    expect(searchIndicators(list, 'nothing', null)).toEqual([]);
  });
});
