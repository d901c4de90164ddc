// Number style for officials: Chinese figures in 万 and 亿 (6.9万次, 478.1万元, 1.5亿元),
// English figures with thousands separators (69,000). Pure, so tiles, tooltips, axes and
// tests all print a figure the same way.
import { SUPPRESSED, TOO_FEW, type Figure, type ValueFormat } from '#lib/contract/contract.js';
import { translate } from '#lib/i18n/index.js';
import type { Locale } from '#lib/i18n/locale.js';

export type { ValueFormat };

const DASH = '—';

/** Three or four significant figures, trailing zeros dropped: 4.69, 16.2, 478.1, 1648. */
function scaled(n: number): string {
  const abs = Math.abs(n);
  const digits = abs < 10 ? 2 : abs < 1000 ? 1 : 0;
  return trimZeros(n.toFixed(digits));
}

function trimZeros(s: string): string {
  const trimmed = s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  return trimmed === '-0' ? '0' : trimmed;
}

/**
 * 69000 -> "6.9万", 150000000 -> "1.5亿", 9175 -> "9,175" (below 万 the plain figure reads best).
 * The unit is chosen after rounding: 99,999,999 reads 1亿, not 10000万; 9,999.5 reads 1万.
 */
export function zhMagnitude(n: number): string {
  const abs = Math.abs(n);
  const wan = scaled(n / 1e4);
  if (abs >= 1e8 || Math.abs(Number(wan)) >= 1e4) return `${scaled(n / 1e8)}亿`;
  const plainDigits = abs < 100 && !Number.isInteger(n) ? 1 : 0;
  if (abs >= 1e4 || Math.abs(Number(n.toFixed(plainDigits))) >= 1e4) return `${wan}万`;
  return grouped(n, plainDigits);
}

// Building an Intl.NumberFormat costs ~0.1 ms (toLocaleString with options builds one per
// call) and a page formats hundreds of figures, its axes twice: one formatter per style.
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let formatter = formatters.get(key);
  // signDisplay 'negative': a figure that rounds to zero prints 0, not -0.
  if (!formatter) formatters.set(key, (formatter = new Intl.NumberFormat('en-US', { signDisplay: 'negative', ...options })));
  return formatter;
}

function grouped(n: number, maxDigits: number, minDigits = 0): string {
  return numberFormat(`grouped ${maxDigits} ${minDigits}`, { maximumFractionDigits: maxDigits, minimumFractionDigits: minDigits }).format(
    n
  );
}

export type DurationUnit = 'minutes' | 'hours' | 'days';

const EN_UNITS: Record<DurationUnit, [string, string]> = {
  minutes: ['min', 'min'],
  hours: ['h', 'h'],
  days: ['day', 'days']
};
const ZH_UNITS = { minutes: '分钟', hours: '小时', days: '天' } as const;
const IN_MINUTES: Record<DurationUnit, number> = { minutes: 1, hours: 60, days: 1440 };

/**
 * A duration in the unit a reader expects for its size: under an hour in minutes, under two days
 * in hours, beyond in days (1,115 minutes read 18.6小时). It moves only to larger units: a stay
 * measured in days stays in days, however short.
 */
export function formatDuration(value: number, unit: DurationUnit, locale: Locale): string {
  return formatDurationIn(value, unit, durationUnitFor(value, unit), locale);
}

/** The unit formatDuration prints `value` (measured in `unit`) in. */
export function durationUnitFor(value: number, unit: DurationUnit): DurationUnit {
  // Judged on the figure as printed: 59.97 minutes read 1小时, not 60分钟.
  const reaches = (to: DurationUnit, count: number) => Number(((Math.abs(value) * IN_MINUTES[unit]) / IN_MINUTES[to]).toFixed(1)) >= count;
  return unit === 'days' || reaches('hours', 48) ? 'days' : unit === 'hours' || reaches('minutes', 60) ? 'hours' : 'minutes';
}

/** How many of `unit` make one `shown` (60 minutes in an hour). */
export function durationFactor(unit: DurationUnit, shown: DurationUnit): number {
  return IN_MINUTES[shown] / IN_MINUTES[unit];
}

/** A duration measured in `unit` printed in `shown`: an axis keeps one unit for all its ticks. */
export function formatDurationIn(value: number, unit: DurationUnit, shown: DurationUnit, locale: Locale): string {
  const scaled = value / durationFactor(unit, shown);
  // Tenths matter for a 7.8-day stay or 18.6 hours, not for a 1,115-day wait.
  const figure = grouped(scaled, Math.abs(scaled) < 100 ? 1 : 0);
  if (locale === 'zh') return `${figure}${ZH_UNITS[shown]}`;
  return `${figure} ${EN_UNITS[shown][figure === '1' ? 0 : 1]}`;
}

export interface FormatOptions {
  /** The indicator's unit in the current language, appended to counts, ratios and per-100 figures. */
  unit?: string;
  /** Axis labels: shorter, English in K/M/B. */
  compact?: boolean;
}

/**
 * One figure in the locale's style; null (no denominator, no data) prints as a dash, a figure
 * hidden by small-cell suppression as the API writes it: <5; a rate, median or mean from too few
 * persons as 样本不足 / too few to show.
 */
export function formatValue(
  value: Figure | typeof TOO_FEW | null | undefined,
  format: ValueFormat,
  locale: Locale,
  options: FormatOptions = {}
): string {
  if (value === SUPPRESSED) return SUPPRESSED;
  if (value === TOO_FEW) return translate(locale, 'figure.tooFew');
  if (value === null || value === undefined || !Number.isFinite(value)) return DASH;
  const { unit, compact } = options;
  switch (format) {
    case 'percent':
      return `${trimZeros((value * 100).toFixed(compact ? 0 : 1))}%`;
    case 'yuan':
      if (locale === 'zh') return `${Math.abs(value) >= 1e4 ? zhMagnitude(value) : grouped(value, 2)}元`;
      return `¥${compact ? enCompact(value) : grouped(value, Math.abs(value) < 1000 ? 2 : 0)}`;
    case 'minutes':
    case 'hours':
    case 'days':
      return formatDuration(value, format, locale);
    case 'count':
    case 'ratio':
    case 'per100': {
      // per100 arrives as a fraction (materials per yuan of revenue) and reads per 100 yuan.
      if (format === 'per100') value *= 100;
      const digits = format === 'count' ? 0 : format === 'per100' ? 1 : 2;
      const figure =
        locale === 'zh'
          ? Math.abs(value) >= 1e4
            ? zhMagnitude(value)
            : grouped(value, digits)
          : compact
            ? enCompact(value)
            : grouped(value, digits);
      if (!unit || compact) return figure;
      return locale === 'zh' ? `${figure}${unit}` : `${figure} ${unit}`;
    }
  }
}

function enCompact(n: number): string {
  return numberFormat('compact', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
}

/** An axis tick: the figure without unit, short enough for a narrow phone chart. */
export function formatAxis(value: number, format: ValueFormat, locale: Locale): string {
  if (format === 'percent') return formatValue(value, format, locale, { compact: true });
  if (format === 'per100') value *= 100;
  if (locale === 'zh') return Math.abs(value) >= 1e4 ? zhMagnitude(value) : grouped(value, 1);
  return enCompact(value);
}

export type ChangeBasis = 'relative' | 'points';

export interface Change {
  /** Relative change (0.12 = +12%) or, for percentages, the difference in percentage points. */
  delta: number;
  basis: ChangeBasis;
}

/**
 * Change of a value against a comparison. Percentages compare in percentage points (a rate
 * going 90% -> 92% is +2 points, not +2.2%); everything else relatively. Null when either
 * side is missing or the base is zero (a relative change from nothing is meaningless).
 */
export function change(current: number | null | undefined, base: number | null | undefined, format: ValueFormat): Change | null {
  if (current == null || base == null || !Number.isFinite(current) || !Number.isFinite(base)) return null;
  if (format === 'percent') return { delta: (current - base) * 100, basis: 'points' };
  if (base === 0) return null;
  return { delta: (current - base) / Math.abs(base), basis: 'relative' };
}

export function formatChange(c: Change | null, locale: Locale): string {
  if (!c) return DASH;
  const figure = Math.abs(c.basis === 'points' ? c.delta : c.delta * 100).toFixed(1);
  // A change that rounds to nothing reads as none, not as "−0.0".
  const sign = Number(figure) === 0 ? '±' : c.delta > 0 ? '+' : '−';
  if (c.basis === 'points') return locale === 'zh' ? `${sign}${figure}个百分点` : `${sign}${figure} pp`;
  return `${sign}${figure}%`;
}
