// The overview's target panel as data: every indicator with a target, its figure for the selected
// period and org unit ranked by the gap to its target (format/target.ts), and apart from the
// ranking those without a figure and those that do not apply to the unit, which get no status.
import type { Indicator } from '#lib/contract/contract.js';
import { targetGap, targetStatus, type TargetStatus } from '#lib/format/target.js';

export interface TargetReading {
  ind: Indicator;
  /** Null: no data, or a figure hidden for resting on too few persons. */
  value: number | null;
  applies: boolean;
}

export interface RankedTarget {
  ind: Indicator;
  value: number;
  gap: number;
  status: TargetStatus;
}

export interface TargetBoard {
  ranked: RankedTarget[];
  noFigure: Indicator[];
  notApplicable: Indicator[];
}

/** Widest shortfall first; those on target last, the narrowest margin first. */
export function targetBoard(readings: readonly TargetReading[]): TargetBoard {
  const board: TargetBoard = { ranked: [], noFigure: [], notApplicable: [] };
  for (const { ind, value, applies } of readings) {
    if (!ind.target) continue;
    if (!applies) {
      board.notApplicable.push(ind);
      continue;
    }
    const gap = targetGap(value, ind.target, ind.format);
    const status = targetStatus(value, ind.target, ind.format);
    if (value === null || gap === null || status === null) board.noFigure.push(ind);
    else board.ranked.push({ ind, value, gap, status });
  }
  // Infinite gaps (a missed target of zero) compare equal rather than NaN.
  board.ranked.sort((a, b) => (a.gap === b.gap ? 0 : b.gap > a.gap ? 1 : -1));
  return board;
}
