// Counting the generated data the way the dashboard will count it (valid records only, by their
// event date, distinct where the figure is of people), and the calibration table printed after a run.
import { feedByName } from '../contract/feeds';
import { FIGURES, TOLERANCE, type Figure } from './targets';
import type { FeedRecord } from './feeds/common';

/** Partial results of some days; merged across workers. */
export interface Tally {
  /** count and sum figures: total inside the window. */
  totals: Record<string, number>;
  /** max_day figures: per event date. */
  perDay: Record<string, Record<string, number>>;
  /** distinct figures: the keys seen inside the window. */
  keys: Record<string, string[]>;
}

export const emptyTally = (): Tally => ({ totals: {}, perDay: {}, keys: {} });

const byFeed = new Map<string, Figure[]>();
for (const f of FIGURES) if (f.kind !== 'ratio') byFeed.set(f.feed, [...(byFeed.get(f.feed) ?? []), f]);

export function tallyRecords(tally: Tally, feedName: string, records: readonly FeedRecord[]): void {
  const figures = byFeed.get(feedName);
  if (!figures) return;
  const eventField = feedByName(feedName).eventField;
  for (const record of records) {
    const date = String(record[eventField]).slice(0, 10);
    for (const f of figures) {
      if (date < f.from || date > f.to || (f.where && !f.where(record))) continue;
      if (f.kind === 'count') tally.totals[f.id] = (tally.totals[f.id] ?? 0) + 1;
      else if (f.kind === 'sum') tally.totals[f.id] = (tally.totals[f.id] ?? 0) + Number(record[f.field!]);
      else if (f.kind === 'distinct') (tally.keys[f.id] ??= []).push(String(record[f.field!]));
      else if (f.kind === 'max_day') {
        const days = (tally.perDay[f.id] ??= {});
        days[date] = (days[date] ?? 0) + 1;
      }
    }
  }
}

export function mergeTally(into: Tally, from: Tally): void {
  for (const [id, v] of Object.entries(from.totals)) into.totals[id] = (into.totals[id] ?? 0) + v;
  for (const [id, days] of Object.entries(from.perDay)) {
    const target = (into.perDay[id] ??= {});
    for (const [d, v] of Object.entries(days)) target[d] = (target[d] ?? 0) + v;
  }
  for (const [id, keys] of Object.entries(from.keys)) (into.keys[id] ??= []).push(...keys);
}

export interface CalibrationRow {
  id: string;
  label: string;
  window: string;
  target: number;
  generated: number | null;
  deviation: number | null;
  /** null when the generated range does not cover the figure's window. */
  ok: boolean | null;
}

/** Compares the generated figures with the targets scaled to the run. */
export function calibrationTable(tally: Tally, factor: number, from: string, to: string): CalibrationRow[] {
  const value = (f: Figure): number => {
    switch (f.kind) {
      case 'count':
      case 'sum':
        return tally.totals[f.id] ?? 0;
      case 'distinct':
        return new Set(tally.keys[f.id] ?? []).size;
      case 'max_day':
        return Math.max(0, ...Object.values(tally.perDay[f.id] ?? {}));
      case 'ratio': {
        const [n, d] = f.ratioOf!.map((id) => value(FIGURES.find((x) => x.id === id)!));
        return d === 0 ? 0 : n / d;
      }
    }
  };
  return FIGURES.map((f) => {
    const covered = from <= f.from && to >= f.to;
    const target = f.kind === 'ratio' ? f.target : f.target * factor;
    const generated = covered ? value(f) : null;
    const deviation = generated === null ? null : generated / target - 1;
    const ok = deviation === null ? null : f.atLeast ? deviation >= 0 : Math.abs(deviation) <= TOLERANCE;
    return { id: f.id, label: f.label, window: `${f.from}..${f.to}`, target, generated, deviation, ok };
  });
}

export function formatCalibration(rows: CalibrationRow[]): string {
  const fmt = (v: number, ratio: boolean) => (ratio ? `${(v * 100).toFixed(1)}%` : Math.round(v).toLocaleString('en-US'));
  const lines = rows.map((r) => {
    const ratio = r.target < 1;
    const dev = r.deviation === null ? 'not covered' : `${r.deviation >= 0 ? '+' : ''}${(r.deviation * 100).toFixed(2)}%`;
    const status = r.ok === null ? '-' : r.ok ? 'ok' : 'OUT';
    return [
      r.label,
      fmt(r.target, ratio) + (FIGURES.find((f) => f.id === r.id)?.atLeast ? ' (at least)' : ''),
      r.generated === null ? '-' : fmt(r.generated, ratio),
      dev,
      status
    ];
  });
  const header = ['figure', 'target', 'generated', 'deviation', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const row = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [row(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)].join('\n');
}
