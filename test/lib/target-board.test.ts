// The overview's target panel as data (components/target-board.ts): catalogue indicators with a
// target ranked by the gap to it, worst first; no figure or not applicable apart, never judged.
import { describe, expect, it } from 'vitest';
import type { Indicator } from '../../src/lib/contract/contract';
import { targetBoard, type TargetReading } from '../../src/lib/components/target-board';
import { INDICATORS } from '../../src/lib/server/metrics';

const ind = (id: string): Indicator => {
  const found = INDICATORS.find((i) => i.id === id);
  if (!found) throw new Error(`${id} is not in the catalogue`);
  return found;
};
const reading = (id: string, value: number | null, applies = true): TargetReading => ({ ind: ind(id), value, applies });

describe('the target board', () => {
  const board = targetBoard([
    reading('family_doctor_contract_rate', 0.36),
    reading('drug_cost_share', 0.306),
    reading('settlement_count', 1000),
    reading('primary_care_visit_share', 0.652),
    reading('ems_arrival_minutes', 20.6),
    reading('in_county_inpatient_rate', 0.866),
    reading('dm_control_rate', null),
    reading('htn_control_rate', Number.NaN),
    reading('ems_dispatch_minutes', 9, false)
  ]);

  it('ranks the widest gap first and those on target last, narrowest margin first', () => {
    expect(board.ranked.map((r) => r.ind.id)).toEqual([
      'ems_arrival_minutes', // 37% over ≤ 15 minutes
      'in_county_inpatient_rate', // 3.4 points under ≥ 90%
      'drug_cost_share', // 0.6 points over ≤ 30%
      'primary_care_visit_share', // 0.2 points beyond ≥ 65%
      'family_doctor_contract_rate' // 1 point beyond ≥ 35%
    ]);
    expect(board.ranked.map((r) => r.status)).toEqual(['bad', 'warn', 'warn', 'good', 'good']);
  });

  it('leaves out indicators without a target', () => {
    expect([...board.ranked.map((r) => r.ind), ...board.noFigure, ...board.notApplicable].map((i) => i.id)).not.toContain(
      'settlement_count'
    );
  });

  it('lists those without a figure and those not applicable apart, with no status', () => {
    expect(board.noFigure.map((i) => i.id)).toEqual(['dm_control_rate', 'htn_control_rate']);
    expect(board.notApplicable.map((i) => i.id)).toEqual(['ems_dispatch_minutes']);
  });
});
