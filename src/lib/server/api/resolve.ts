// The one resolver: from the caller and named query parameters to the rows they may see. Every
// caller goes through it (GET /api/query, each query of a batch, downloads, the monthly report):
// every name looked up in the catalogue, the org unit in the tree and inside the caller's scope,
// the range and grain checked, whether the indicator has figures at this grain and means
// something for this org unit (contract/applicability.ts), downloads allowed only to roles that
// may export, and whether small cells are hidden; then answer() / stream() run the query,
// comparisons the data does not cover dropped (contract/periods.ts) and that suppression applied.
// Any refusal names the parameter at fault.
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DEFAULT_LIMIT,
  MAX_BREAKDOWNS,
  MAX_LIMIT,
  MAX_RANGE_YEARS,
  type Caller,
  type Format,
  type Grain,
  type NormalizedQuery,
  type Text
} from '../../contract/contract';
import { notApplicableReason } from '../../contract/applicability';
import { appliesToOf, grainsOf, indicatorEntry, martTable, type IndicatorEntry } from '../metrics';
import { buildQuery, type BuiltQuery, type QuerySpec } from '../query/builder';
import { addMonths } from '../query/periods';
import { runQuery, streamQuery, withoutPartialComparisons, type Batch, type QueryResult } from '../query/result';
import { canExport, canSeeSmallCells } from '../auth/roles';
import type { OrgNode } from '../org-index';
import { authorize } from '../scope';
import { derivedValue, suppressByPeriod, suppressResult, withNotes } from '../suppression/query-result';
import type { Snapshot } from '../warehouse';
import { badParameter, forbidden, quote } from './errors';
import type { QueryParams } from './schemas';

export interface ResolvedQuery {
  entry: IndicatorEntry;
  /** The org unit asked for (the root of the caller's scope by default), inside that scope. */
  org: OrgNode;
  normalized: NormalizedQuery;
  /** An answer asks for limit + 1 rows, to tell whether the result was cut; a download for `limit` or all. */
  spec: QuerySpec;
  /** A file to hand on: needs canExport, and is audited. */
  download: boolean;
  /** Small counts of persons are hidden from this caller for this indicator. */
  suppress: boolean;
  /** Why the indicator means nothing for the org unit: a JSON answer says so instead of running the query. */
  notApplicable: Text | null;
  /** The first day with data: comparisons reaching before it are dropped. */
  dataFrom: string | null;
  /** The indicator's finest grain: a comparison within one such period reads the same figure and is dropped. */
  finest: Grain;
}

/** Spreadsheets and Parquet only ever leave as files; JSON and Arrow also feed the dashboard. */
const FILE_FORMATS: ReadonlySet<Format> = new Set(['csv', 'xlsx', 'parquet']);

export function isDownload(format: Format, download: '0' | '1'): boolean {
  return FILE_FORMATS.has(format) || download === '1';
}

/**
 * The org unit `orgCode` names (the root of the caller's scope by default) and that scope; throws
 * the 403 or 404 of one outside the scope or unknown (broken down `by` org units, a manager's
 * prefecture benchmark is refused).
 */
export function resolveOrg(
  caller: Caller,
  snapshot: Snapshot,
  orgCode: string | undefined,
  by: string[] = []
): { org: OrgNode; scope: OrgNode } {
  return authorize(caller, snapshot.org, orgCode, by);
}

/** The query `params` ask for as `caller` may see it; throws the 400 or 403 that names what is wrong. */
export function resolveQuery(params: QueryParams, caller: Caller, snapshot: Snapshot): ResolvedQuery {
  return resolveWith(params, caller, snapshot, false)!;
}

/**
 * resolveQuery, but null where the indicator does not apply (it has no figures at this grain, or
 * it means nothing for the org unit) instead of that answer: for a caller that asks for many
 * indicators at once, as the monthly report does.
 */
export function resolveIfApplicable(params: QueryParams, caller: Caller, snapshot: Snapshot): ResolvedQuery | null {
  return resolveWith(params, caller, snapshot, true);
}

function resolveWith(params: QueryParams, caller: Caller, snapshot: Snapshot, skipInapplicable: boolean): ResolvedQuery | null {
  const entry = indicatorEntry(params.indicator);
  if (!entry) throw badParameter('indicator', `Unknown indicator ${quote(params.indicator)}; see /api/indicators`);
  const { from, to, grain } = params;
  if (to < from) throw badParameter('to', `to (${to}) is before from (${from})`);
  if (to >= addMonths(from, MAX_RANGE_YEARS * 12)) throw badParameter('to', `The range is longer than ${MAX_RANGE_YEARS} years`);
  const table = martTable(entry.compute.table)!;
  const grains = grainsOf(table);
  if (!grains.includes(grain)) {
    if (skipInapplicable) return null;
    throw badParameter('grain', `${entry.id} has no ${grain} figures; use one of ${grains.join(', ')}`);
  }

  const by = params.by === undefined ? [] : params.by.split(',');
  if (by.length > MAX_BREAKDOWNS) throw badParameter('by', `At most ${MAX_BREAKDOWNS} breakdowns`);
  for (const d of by) {
    if (!entry.breakdowns.includes(d))
      throw badParameter('by', `${entry.id} cannot be broken down by ${quote(d)}; use ${entry.breakdowns.join(', ')}`);
  }
  if (new Set(by).size !== by.length) throw badParameter('by', 'A breakdown is repeated');
  if (params.top !== undefined && by.length === 0) throw badParameter('top', 'top needs a breakdown (by)');

  const { org, scope } = resolveOrg(caller, snapshot, params.org, by);
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
  // A JSON answer says why and has no rows; Arrow and the files cannot carry a reason: refused.
  const notApplicable = notApplicableReason(appliesToOf(entry), org);
  if (notApplicable && skipInapplicable) return null;
  if (notApplicable && (download || params.format !== 'json')) throw badParameter('org', notApplicable.en);
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
  const suppress = entry.countsPersons && !canSeeSmallCells(caller);
  return { entry, org, normalized, spec, download, suppress, notApplicable, dataFrom: snapshot.dataFrom, finest: grains[0] };
}

/** The rows of a resolved answer (not a download: it has a limit), small cells hidden where the caller must not see them. */
export async function answer(connection: DuckDBConnection, resolved: ResolvedQuery): Promise<QueryResult> {
  const { normalized: q, spec, suppress, entry } = resolved;
  const result = withoutPartialComparisons(
    await runQuery(connection, buildQuery(spec), q.limit!),
    spec,
    resolved.dataFrom,
    resolved.finest
  );
  // Hidden before any format is written: every format shows the same "<5" cells and notes.
  return suppress ? suppressResult(result, q.by, derivedValue(entry)) : result;
}

/** A resolved download's rows as they stream from DuckDB, suppressed period by period as answer() would. */
export function stream(connection: DuckDBConnection, resolved: ResolvedQuery): { built: BuiltQuery; batches: AsyncIterable<Batch> } {
  const { spec, dataFrom, finest, suppress, entry } = resolved;
  const built = buildQuery(spec);
  const covered = (async function* () {
    for await (const batch of streamQuery(connection, built)) yield withoutPartialComparisons(batch, spec, dataFrom, finest);
  })();
  if (!suppress) return { built, batches: covered };
  const derived = derivedValue(entry);
  // The note columns suppression adds are the file's columns too.
  return {
    built: { ...built, columns: derived ? withNotes(built.columns) : built.columns },
    batches: suppressByPeriod(covered, resolved.normalized.by, derived)
  };
}
