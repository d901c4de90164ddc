// The monthly report's charts, built from its figures by the dashboard's own option builders:
// the PDF renders them on the server as SVG, the print view draws them in the browser, and
// both show the same thing.
import type { ReportResponse } from '#lib/contract/contract.js';
import { timeSeriesOption } from '#lib/charts/time-series.js';
import type { ChartOption } from '#lib/charts/types.js';
import { translate, type Locale } from '#lib/i18n/index.js';

/** Trends over the report's 13 months: volume, the platform's own adoption, and care coordination. */
export const REPORT_CHARTS: ReadonlyArray<{ indicator: string; kind: 'line' | 'bar' }> = [
  { indicator: 'settlement_count', kind: 'bar' },
  { indicator: 'face_scan_share', kind: 'line' },
  { indicator: 'referral_success_rate', kind: 'line' }
];

export interface ReportChart {
  indicator: string;
  title: string;
  option: ChartOption;
}

/** The charts of indicators the report has figures for (an empty trend draws only axes: left out). */
export function reportCharts(report: ReportResponse, locale: Locale): ReportChart[] {
  return REPORT_CHARTS.flatMap(({ indicator, kind }) => {
    const kpi = report.kpis.find((k) => k.indicator === indicator);
    if (!kpi || kpi.trend.every((v) => v === null)) return [];
    const name = kpi.name[locale];
    const title = translate(locale, 'report.trend', { name });
    const option = timeSeriesOption({
      periods: report.months,
      grain: 'month',
      series: [{ name, values: kpi.trend }],
      kind,
      target: kpi.target ? { ...kpi.target, label: translate(locale, 'report.target') } : null,
      format: kpi.format,
      locale,
      unit: kpi.unit[locale],
      description: title
    });
    return [{ indicator, title, option }];
  });
}
