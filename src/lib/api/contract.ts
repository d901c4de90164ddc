// The /api contract: the shapes every endpoint returns and the caller every endpoint serves.
// Pages and the server both import this file; the server's zod schemas (src/lib/server/api/
// schemas.ts) are checked against these types at compile time, so the two cannot drift apart.
// Types and constants only: importing it costs the browser bundle nothing.

export interface Text {
  zh: string;
  en: string;
}

// ---- Who is asking -------------------------------------------------------------------------

export const ROLES = ['official', 'county', 'manager', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The signed-in user as the API sees them: a role and the org unit whose subtree they may see
 * (a prefecture, county or institution code). Every query is restricted to that subtree.
 */
export interface Caller {
  role: Role;
  scopeOrg: string;
  username?: string;
}

/**
 * Data exports (CSV, XLSX, Parquet, Arrow): analysts, whose job is handing tables on, and
 * admins. Officials, county users and managers read the dashboards and the monthly report.
 * Shared by the API (which enforces it) and the pages (which hide the export links).
 */
export function canExport(caller: Pick<Caller, 'role'> | null | undefined): boolean {
  return caller?.role === 'analyst' || caller?.role === 'admin';
}

// ---- Indicators and dimensions -------------------------------------------------------------

export const FAMILIES = ['services', 'reform', 'public_health', 'assets'] as const;
export type Family = (typeof FAMILIES)[number];

/**
 * How a value is shown. `percent` and `per100` values are fractions (0.958, 0.18): the UI
 * multiplies by 100. `minutes`, `hours`, `days` are durations in that unit; `ratio` a plain
 * quotient (exams per unit-day); `count` and `yuan` sums.
 */
export const VALUE_FORMATS = ['count', 'percent', 'yuan', 'minutes', 'hours', 'days', 'ratio', 'per100'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year', 'all'] as const;
/** `all` = one row for the whole range (KPI tiles); `week` periods start on Monday (ISO). */
export type Grain = (typeof GRAINS)[number];

export interface Target {
  /** In the unit of `value` (a fraction for percent and per100 indicators). */
  value: number;
  op: '>=' | '<=';
  note?: Text;
}

export interface Indicator {
  id: string;
  family: Family;
  name: Text;
  definition: Text;
  numerator: Text;
  /** null for counts and sums (value = numerator) and for medians (value = the median). */
  denominator: Text | null;
  unit: Text;
  format: ValueFormat;
  /** Dimension ids the indicator can be broken down by (up to two at once). */
  breakdowns: string[];
  grains: Grain[];
  /** The finest org unit with figures: 'county' indicators have none for a township or institution. */
  orgLevel: 'county' | 'institution';
  target: Target | null;
  higherIsBetter: boolean | null;
  /** The national standard or programme the definition follows. */
  source: Text;
  /** Platform feeds (landing folders) the figures come from. */
  feeds: string[];
}

/**
 * Breakdowns read from the org unit a row belongs to, the one list browser and server share: the
 * levels of the org tree (a click on a value drills into that unit), the medical community, and
 * the institution's type (a category with listed values). A table measured per county has only
 * `county`.
 */
export const ORG_DIMENSIONS = ['county', 'township', 'institution', 'medical_community', 'institution_type'] as const;
export type OrgDimension = (typeof ORG_DIMENSIONS)[number];

export interface DimensionValue {
  code: string;
  zh: string;
  en: string;
}

export interface Dimension {
  id: string;
  name: Text;
  /** `org` values are org units (names from /api/org-units), `category` values are listed. */
  kind: 'org' | 'category';
  values?: DimensionValue[];
}

/** Code of the rows that gather every breakdown value outside the top N. */
export const OTHER_CODE = '__other__';
/** Code of rows whose breakdown value is missing (e.g. no delivery carrier, no township). */
export const NONE_CODE = '__none__';

// ---- Org units -----------------------------------------------------------------------------

export type OrgKind = 'prefecture' | 'county' | 'township' | 'institution';

export interface OrgUnit {
  code: string;
  parent: string | null;
  kind: OrgKind;
  name: Text;
}

// ---- Query -------------------------------------------------------------------------------

export const COMPARES = ['none', 'previous', 'yoy'] as const;
/** `previous` = the period before each row's period (for `all`, the range just before); `yoy` = a year earlier. */
export type Compare = (typeof COMPARES)[number];

export const FORMATS = ['json', 'arrow', 'csv', 'xlsx', 'parquet'] as const;
export type Format = (typeof FORMATS)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export const MAX_BREAKDOWNS = 2;
export const MAX_RANGE_YEARS = 10;
export const MAX_TOP = 1000;
/** Rows of an answer (held whole and cached); downloads stream and have no cap. */
export const DEFAULT_LIMIT = 200_000;
export const MAX_LIMIT = 1_000_000;

/** The parameters of GET /api/query as the server understood them (defaults filled in). */
export interface NormalizedQuery {
  indicator: string;
  from: string;
  to: string;
  grain: Grain;
  org: string;
  by: string[];
  compare: Compare;
  top: number | null;
  /** null: every row (a download without a limit). */
  limit: number | null;
  format: Format;
  lang: Lang;
}

/** What a count of 1-4 persons (and whatever would reveal it) reads as for most roles. */
export const SUPPRESSED = '<5';
/** A number, or SUPPRESSED where small-cell suppression hid it. */
export type Figure = number | typeof SUPPRESSED;

/**
 * One row. `period` is the first day of the period (YYYY-MM-DD; the `from` date for grain=all).
 * Each breakdown adds a column named by its dimension id holding the value's code.
 * value = numerator / denominator (ratios), numerator (counts and sums), or the median.
 * For roles other than official and admin, small counts of persons and their complements
 * are SUPPRESSED (README "Small-cell suppression").
 */
export interface QueryRow {
  period: string;
  numerator: Figure;
  denominator: Figure | null;
  value: Figure | null;
  compare_numerator?: Figure | null;
  compare_denominator?: Figure | null;
  compare_value?: Figure | null;
  [dimension: string]: string | number | null | undefined;
}

export interface QueryResponse {
  indicator: string;
  dataVersion: string;
  query: NormalizedQuery;
  rows: QueryRow[];
  /** Present (true) when more rows matched than `limit`: the rows are the first `limit`. */
  truncated?: boolean;
}

/** Queries one GET /api/query/batch may carry. */
export const MAX_BATCH = 64;
/**
 * Rows of one batched answer (its default and its most): a batch is answered whole in memory, so
 * a full one (64 x 15,000) stays within one answer's MAX_LIMIT. A page's batched series are a few
 * hundred rows; long series travel as Arrow on their own.
 */
export const BATCH_ITEM_LIMIT = 15_000;

/** One query of a batch: its JSON answer, or the error GET /api/query would have given. */
export type QueryBatchResult = { status: 200; body: QueryResponse } | { status: number; body: ApiErrorBody };

/** GET /api/query/batch: the results in the order of the `q` parameters. */
export interface QueryBatchResponse {
  dataVersion: string;
  results: QueryBatchResult[];
}

// Arrow (`format=arrow`, application/vnd.apache.arrow.stream) carries the same columns:
// period Date32 (apache-arrow JS reads it as ms since the epoch), breakdown columns
// Dictionary<Int32, Utf8>, numbers Float64 (nullable). CSV and XLSX add a `<dim>_name` column
// per breakdown with the value's name in `lang`, and their headers are in `lang`. Where
// suppression applies, Arrow and Parquet hold null for a SUPPRESSED number and add a boolean
// column `suppressed` (true when any number of the row is hidden).
// A download (csv, xlsx, parquet, or json/arrow with download=1) needs the analyst or admin
// role and is written to the audit log.

// ---- Health, catalogue, runs ----------------------------------------------------------------

export interface LastRun {
  runId: string;
  status: string;
  finishedAt: string | null;
  datesFrom: string | null;
  datesTo: string | null;
}

export interface HealthResponse {
  status: 'ok' | 'no-warehouse';
  dataVersion: string | null;
  lastRun: LastRun | null;
  /** The first day the warehouse has data for: a comparison reaching further back is not one. */
  dataFrom: string | null;
}

export interface IndicatorsResponse {
  dataVersion: string | null;
  indicators: Indicator[];
  dimensions: Dimension[];
}

export interface OrgUnitsResponse {
  root: string;
  units: OrgUnit[];
  /**
   * A manager's prefecture, which they may query as a whole (a benchmark) but not broken down
   * by org units. Absent for every other role.
   */
  benchmarkRoot?: OrgUnit;
}

export interface RunSummary {
  runId: string;
  status: string;
  startedAt: string;
  finishedAt: string | null;
  durationMs: number | null;
  datesFrom: string | null;
  datesTo: string | null;
  dataVersion: string | null;
  failedStep: string | null;
  error: string | null;
}

/** Rows of each feed over every landing day in the warehouse, as its latest load counted them. */
export interface FeedTotals {
  feed: string;
  /** The feed's name for readers (the contract's Chinese title; the folder name in English). */
  title: Text;
  linesRead: number;
  loaded: number;
  quarantined: number;
  duplicates: number;
  /** Blank and whitespace-only lines: counted, neither loaded nor quarantined. */
  blankLines: number;
}

export interface QuarantineReason {
  feed: string;
  reason: string;
  rows: number;
}

export interface CheckResult {
  runId: string;
  check: string;
  passed: boolean;
  failingRows: number;
  detail: string | null;
  /** error: a failure blocks publish; warning: the run published with warnings. */
  severity: 'error' | 'warning';
}

/** A landing-zone path the run did not read, and why; warning false for hidden names (_ or .). */
export interface SkippedPath {
  path: string;
  reason: string;
  warning: boolean;
}

/** A landing day whose latest load found a damaged or unreadable file: the platform should export it again. */
export interface ReexportNeeded {
  feed: string;
  day: string;
  file: string;
  outcome: string;
  detail: string | null;
}

export interface RunStep {
  runId: string;
  step: string;
  startedAt: string;
  durationMs: number;
  detail: string | null;
}

export interface RunsResponse {
  /** Newest first. */
  runs: RunSummary[];
  feeds: FeedTotals[];
  quarantine: QuarantineReason[];
  /** Checks of the latest published run. */
  checks: CheckResult[];
  /** Steps of the latest published run, in order. */
  steps: RunStep[];
  /** Paths of the landing zone the latest published run skipped. */
  skipped: SkippedPath[];
  reexport: ReexportNeeded[];
}

// ---- Monthly report ------------------------------------------------------------------------

/** One headline indicator of GET /api/report: the month, the month before, a year before. */
export interface ReportKpi {
  indicator: string;
  name: Text;
  unit: Text;
  format: ValueFormat;
  target: Target | null;
  value: Figure | null;
  previousMonth: Figure | null;
  sameMonthLastYear: Figure | null;
  /** The value in each of `ReportResponse.months`; null for no data and for a hidden figure. */
  trend: (number | null)[];
}

/** GET /api/report?format=json: what the PDF shows, for the print view. */
export interface ReportResponse {
  org: OrgUnit;
  /** YYYY-MM */
  month: string;
  /** First days of the 13 months ending with `month`, oldest first. */
  months: string[];
  dataVersion: string;
  kpis: ReportKpi[];
}

// ---- Audit log ------------------------------------------------------------------------------

/** What GET /api/admin/audit can filter on: every kind of row the audit log holds. */
export const AUDIT_ACTIONS = ['login', 'login_failed', 'logout', 'export', 'denied', 'password_change', 'user_admin'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// ---- Errors ----------------------------------------------------------------------------------

export const ERROR_CODES = [
  'bad_parameter',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'no_warehouse',
  'internal'
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every non-2xx answer: 400 bad_parameter, 401 unauthenticated, 403 forbidden, 404, 405, 503 no_warehouse. */
export interface ApiErrorBody {
  error: ErrorCode;
  message: string;
  /** The query parameter at fault, for bad_parameter and forbidden. */
  parameter?: string;
}
