// Download links for what a chart or table shows: the chart's own /api/query parameters with
// a file format and download=1 (docs/api.md, "Exports"). The API decides who may download and
// audits each download; the pages only offer the links to roles that may (canExport).
import type { Format, Lang } from '#lib/contract/contract.js';
import { queryParams, type QuerySpec } from './query';

export const EXPORT_FORMATS = ['csv', 'xlsx', 'parquet', 'arrow'] as const satisfies readonly Format[];
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export interface ExportLink {
  format: ExportFormat;
  href: string;
}

export interface ExportGroup {
  indicator: string;
  links: ExportLink[];
}

/** One download: the spec's query in `format`, with headers in `lang` (CSV, XLSX). */
export function exportUrl(spec: QuerySpec, format: ExportFormat, lang?: Lang): string {
  const p = queryParams(spec, format);
  if (lang) p.set('lang', lang);
  p.set('download', '1');
  return `/api/query?${p}`;
}

/** Every format for each query of a chart (null: a query the chart does not send). */
export function exportLinks(specs: readonly (QuerySpec | null | undefined)[], lang?: Lang): ExportGroup[] {
  return specs
    .filter((s): s is QuerySpec => !!s)
    .map((spec) => ({ indicator: spec.indicator, links: EXPORT_FORMATS.map((format) => ({ format, href: exportUrl(spec, format, lang) })) }));
}
