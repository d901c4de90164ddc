// A county choropleth of Changji. The map is registered with feature names = GB/T 2260
// codes (nameProperty 'code'), so data joins on codes, never on spelled names.
import { figure } from '#lib/data/columns.js';
import { formatValue } from '#lib/format/number.js';
import { aria, comparisonText, escapeHtml, fmt, type ValueStyle } from './common';
import type { ChartOption } from './types';

export const CHANGJI_MAP = 'changji';

export interface AreaValue {
  code: string;
  name: string;
  value: number | null;
  /** Small-cell suppression hid the county's figure: uncoloured, and <5 in its tooltip. */
  suppressed?: boolean;
  /** The hidden figure is a rate, median or mean from too few persons: 样本不足 in its tooltip. */
  tooFew?: boolean;
  /** The county's comparison value (previous period / last year), shown in its tooltip. */
  compare?: number | null;
}

/**
 * A county's name short enough to sit inside its shape: the autonomous county's people and
 * "County"/"City" left out (木垒哈萨克自治县 -> 木垒县, Mori Kazakh Autonomous County -> Mori), so
 * that every label fits without hiding any.
 */
export function shortCountyName(name: string): string {
  return name
    .replace(/(哈萨克|回族|蒙古|锡伯|维吾尔|柯尔克孜|塔吉克)族?自治县$/, '县')
    .replace(/( [A-Z][a-z]+)* (Autonomous County|County|City)$/, '');
}

export function choroplethOption(
  input: ValueStyle & {
    areas: readonly AreaValue[];
    higherIsBetter?: boolean | null;
    /** Translated name of the comparison (上期 / Last year); without it tooltips show the value alone. */
    compareLabel?: string;
    description?: string;
  }
): ChartOption {
  const show = fmt(input);
  const names = new Map(input.areas.map((a) => [a.code, a.name]));
  const byCode = new Map(input.areas.map((a) => [a.code, a]));
  const values = input.areas.map((a) => a.value).filter((v): v is number => v !== null);
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 1;
  // Darker = more; where lower is better (cost, minutes) the scale says so through its colours.
  const colors = input.higherIsBetter === false ? ['var(--map-high)', 'var(--map-low)'] : ['var(--map-low)', 'var(--map-high)'];
  return {
    aria: aria(input.description),
    tooltip: {
      trigger: 'item',
      confine: true,
      formatter: (p: unknown) => {
        const d = p as { name: string };
        const area = byCode.get(d.name);
        const value = area?.value ?? null;
        const lines = [names.get(d.name) ?? d.name, show(figure(value, area?.suppressed, area?.tooFew))];
        if (input.compareLabel !== undefined) lines.push(comparisonText(value, area?.compare ?? null, input.compareLabel, input));
        return lines.map(escapeHtml).join('<br/>');
      }
    },
    visualMap: {
      type: 'continuous',
      min,
      max: max === min ? min + 1 : max,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 120,
      calculable: false,
      inRange: { color: colors },
      text: [
        formatValue(max, input.format, input.locale, { compact: true }),
        formatValue(min, input.format, input.locale, { compact: true })
      ],
      textStyle: { color: 'var(--muted)' }
    },
    series: [
      {
        type: 'map',
        map: CHANGJI_MAP,
        nameProperty: 'code',
        roam: false,
        aspectScale: 0.85,
        top: 8,
        bottom: 40,
        left: 8,
        right: 8,
        label: {
          show: true,
          fontSize: 11,
          textBorderColor: 'var(--surface)',
          textBorderWidth: 2,
          formatter: (p: { name: string }) => shortCountyName(names.get(p.name) ?? '')
        },
        itemStyle: { areaColor: 'var(--border)', borderColor: 'var(--surface)' },
        emphasis: { label: { show: true }, itemStyle: { areaColor: 'var(--target)' } },
        // Every county keeps its label (short names fit): a missing name reads as a missing county.
        labelLayout: { hideOverlap: false },
        select: { disabled: true },
        data: input.areas.map((a) => ({ name: a.code, value: a.value ?? NaN, code: a.code, ...(a.suppressed ? { suppressed: true } : {}) }))
      }
    ]
  };
}
