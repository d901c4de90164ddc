// Large equipment register (CT, MRI, DSA, DR, ultrasound). Counts follow the usual
// configuration standard (配置标准) of Xinjiang hospitals; values are typical tender prices.
import type { Equipment, EquipmentKind, Institution } from '../schemas';
import { addDays } from './calendar';
import type { Rng } from './rng';

interface Unit {
  kind: EquipmentKind;
  nameZh: string;
  /** Purchase value range in yuan. */
  value: readonly [number, number];
}

const CT256: Unit = { kind: 'CT', nameZh: '256排螺旋CT', value: [7_200_000, 8_000_000] };
const CT128: Unit = { kind: 'CT', nameZh: '128层螺旋CT', value: [5_500_000, 6_500_000] };
const CT64: Unit = { kind: 'CT', nameZh: '64排螺旋CT', value: [4_000_000, 5_200_000] };
const CT16: Unit = { kind: 'CT', nameZh: '16排螺旋CT', value: [3_000_000, 3_600_000] };
const MR3T: Unit = { kind: 'MRI', nameZh: '3.0T磁共振成像系统', value: [13_000_000, 15_000_000] };
const MR15: Unit = { kind: 'MRI', nameZh: '1.5T磁共振成像系统', value: [8_000_000, 10_000_000] };
const DSA: Unit = { kind: 'DSA', nameZh: '数字减影血管造影系统（DSA）', value: [5_600_000, 6_400_000] };
const DR_H: Unit = { kind: 'DR', nameZh: '数字化X射线摄影系统（DR）', value: [900_000, 1_500_000] };
const DR_T: Unit = { kind: 'DR', nameZh: '数字化X射线摄影系统（DR）', value: [500_000, 850_000] };
const US_H: Unit = { kind: 'US', nameZh: '彩色多普勒超声诊断仪', value: [800_000, 1_500_000] };
const US_T: Unit = { kind: 'US', nameZh: '彩色多普勒超声诊断仪', value: [300_000, 600_000] };

/** Hospital fleets by institution code; hospitals not listed get the county default. */
const HOSPITAL_FLEETS: Record<string, readonly Unit[]> = {
  JG6523010001: [CT256, CT128, CT64, MR3T, MR15, DSA, DR_H, DR_H, DR_H, US_H, US_H, US_H],
  JG6523010002: [CT128, CT64, MR15, DSA, DR_H, DR_H, US_H],
  JG6523010003: [CT64, DR_H, US_H, US_H, US_H],
  JG6523010004: [CT128, CT64, MR15, DSA, DR_H, US_H],
  JG6523250001: [CT64, CT16, MR15, DR_H, US_H],
  JG6523240001: [CT64, MR15, DR_H, US_H]
};
const COUNTY_DEFAULT: readonly Unit[] = [CT64, DR_H, US_H];
const TCM_DEFAULT: readonly Unit[] = [CT16, DR_H, US_H];
/** Township centres with their own DR / ultrasound ("most" of the 72). */
const TOWNSHIP_DR = 44;
const TOWNSHIP_US = 40;

function installDate(rng: Rng, fromYear: number, toYear: number): string {
  const start = `${rng.int(fromYear, toYear)}-01-01`;
  const date = addDays(start, rng.int(0, 364));
  return date > '2024-11-30' ? '2024-11-30' : date; // all in service before the launch
}

export function buildEquipment(institutions: readonly Institution[], rng: Rng): Equipment[] {
  const placed: Array<{ inst: Institution; unit: Unit; from: number }> = [];
  for (const inst of institutions) {
    if (!inst.isRecognition) continue;
    const fleet = HOSPITAL_FLEETS[inst.institutionCode] ?? (inst.type === 'tcm_hospital' ? TCM_DEFAULT : COUNTY_DEFAULT);
    for (const unit of fleet) placed.push({ inst, unit, from: 2013 });
  }
  // Busier centres got equipment first under the primary-care upgrade programme (2016-2023).
  const centres = institutions
    .filter((i) => i.type === 'township_health_centre')
    .map((i) => ({ i, score: i.annualOutpatientVisits * rng.range(0.85, 1.15) }))
    .sort((a, b) => b.score - a.score || a.i.institutionCode.localeCompare(b.i.institutionCode));
  centres.slice(0, TOWNSHIP_DR).forEach(({ i }) => placed.push({ inst: i, unit: DR_T, from: 2016 }));
  centres.slice(0, TOWNSHIP_US).forEach(({ i }) => placed.push({ inst: i, unit: US_T, from: 2016 }));

  placed.sort(
    (a, b) => a.inst.institutionCode.localeCompare(b.inst.institutionCode) || a.unit.kind.localeCompare(b.unit.kind)
  );
  const serials = new Map<EquipmentKind, number>();
  return placed.map(({ inst, unit, from }) => {
    const n = (serials.get(unit.kind) ?? 0) + 1;
    serials.set(unit.kind, n);
    const [lo, hi] = unit.value;
    return {
      equipmentCode: `EQ${unit.kind}${String(n).padStart(4, '0')}`,
      institutionCode: inst.institutionCode,
      kind: unit.kind,
      nameZh: unit.nameZh,
      installedOn: installDate(rng, from, 2024),
      purchaseValueYuan: Math.round(rng.range(lo, hi) / 1000) * 1000
    };
  });
}
