// From the validated query parameters and the caller to what the builder needs: every name
// looked up in the catalogue, the org unit in the tree and inside the caller's scope, the range
// checked, downloads allowed only to roles that may export, and whether small cells are hidden.
// Any refusal names the parameter at fault.
import {
  DEFAULT_LIMIT,
  MAX_BREAKDOWNS,
  MAX_LIMIT,
  MAX_RANGE_YEARS,
  type Caller,
  type Format,
  type NormalizedQuery
} from '../../api/contract';
import { grainsOf, indicatorEntry, martTable, type IndicatorEntry } from '../../metrics';
import type { QuerySpec } from '../query/builder';
import { addMonths } from '../query/periods';
import { canExport, canSeeSmallCells } from '../auth/roles';
import { authorize } from '../scope';
import type { Snapshot } from '../warehouse';
import { badParameter, forbidden, quote } from './errors';
import type { QueryParams } from './schemas';

export interface ResolvedQuery {
  entry: IndicatorEntry;
  normalized: NormalizedQuery;
  /** An answer asks for limit + 1 rows, to tell whether the result was cut; a download for `limit` or all. */
  spec: QuerySpec;
  /** A file to hand on: needs canExport, and is audited. */
  download: boolean;
  /** Small counts of persons are hidden from this caller for this indicator. */
  suppress: boolean;
}

/** Spreadsheets and Parquet only ever leave as files; JSON and Arrow also feed the dashboard. */
const FILE_FORMATS: ReadonlySet<Format> = new Set(['csv', 'xlsx', 'parquet']);

export function isDownload(format: Format, download: '0' | '1'): boolean {
  return FILE_FORMATS.has(format) || download === '1';
}

export function resolveQuery(params: QueryParams, caller: Caller, snapshot: Snapshot): ResolvedQuery {
  const entry = indicatorEntry(params.indicator);
  if (!entry) throw badParameter('indicator', `Unknown indicator ${quote(params.indicator)}; see /api/indicators`);
  const { from, to, grain } = params;
  if (to < from) throw badParameter('to', `to (${to}) is before from (${from})`);
  if (to >= addMonths(from, MAX_RANGE_YEARS * 12)) throw badParameter('to', `The range is longer than ${MAX_RANGE_YEARS} years`);
  const table = martTable(entry.compute.table)!;
  const grains = grainsOf(table);
  if (!grains.includes(grain)) throw badParameter('grain', `${entry.id} has no ${grain} figures; use one of ${grains.join(', ')}`);

  const by = params.by === undefined ? [] : params.by.split(',');
  if (by.length > MAX_BREAKDOWNS) throw badParameter('by', `At most ${MAX_BREAKDOWNS} breakdowns`);
  for (const d of by) {
    if (!entry.breakdowns.includes(d))
      throw badParameter('by', `${entry.id} cannot be broken down by ${quote(d)}; use ${entry.breakdowns.join(', ')}`);
  }
  if (new Set(by).size !== by.length) throw badParameter('by', 'A breakdown is repeated');
  if (params.top !== undefined && by.length === 0) throw badParameter('top', 'top needs a breakdown (by)');

  const { org, scope } = authorize(caller, snapshot.org, params.org, by);
  const download = isDownload(params.format, params.download);
  if (download && !canExport(caller)) {
    throw forbidden(
      'export',
      'Downloading data needs the analyst or admin role; the dashboard and the monthly report stay open to you',
      'format'
    );
  }
  // Answers are held whole in memory and cached, so they are capped; downloads stream (api/download.ts).
  if (!download && params.limit !== undefined && params.limit > MAX_LIMIT) {
    throw badParameter('limit', `An answer has at most ${MAX_LIMIT} rows; download the file for more`);
  }
  const limit = params.limit ?? (download ? null : DEFAULT_LIMIT);
  if (table.org.level === 'county' && org.kind !== 'prefecture' && org.kind !== 'county') {
    throw badParameter('org', `${entry.id} is measured per county: choose the prefecture or a county`);
  }
  const normalized: NormalizedQuery = {
    indicator: entry.id,
    from,
    to,
    grain,
    org: org.code,
    by,
    compare: params.compare,
    top: params.top ?? null,
    limit,
    format: params.format,
    lang: params.lang
  };
  const spec: QuerySpec = {
    entry,
    from,
    to,
    grain,
    by,
    compare: params.compare,
    top: params.top ?? null,
    limit: limit !== null && !download ? limit + 1 : limit,
    org: snapshot.org.filter(org.code),
    scope: snapshot.org.filter(scope.code)
  };
  return { entry, normalized, spec, download, suppress: entry.countsPersons && !canSeeSmallCells(caller) };
}
