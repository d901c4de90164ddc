// The /api contract: the shapes every endpoint returns and the caller every endpoint serves.
// Pages and the server both import this file. The shapes are written once, as the zod schemas of
// ./schemas.ts (which the server validates with and publishes as /api/openapi.json); the types
// here are inferred from them. Types and constants only (./schemas.ts is imported as types):
// importing it costs the browser bundle nothing.
import type { z } from 'zod';
import type * as S from './schemas';

export type Text = z.infer<typeof S.TextSchema>;

// ---- Who is asking -------------------------------------------------------------------------

export const ROLES = ['official', 'county', 'manager', 'analyst', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** A signed-in user: username, role and the org unit whose subtree they may see. */
export type SignedInUser = z.infer<typeof S.SignedInUserSchema>;

/**
 * Whom an answer is for: a signed-in user, or a role and scope alone where no one signed in
 * (the CLI's monthly report). Every query is restricted to the subtree of `scopeOrg`.
 */
export type Caller = Omit<SignedInUser, 'username'> & { username?: string };

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

export type Target = z.infer<typeof S.TargetSchema>;
export type Indicator = z.infer<typeof S.IndicatorSchema>;

/**
 * Breakdowns read from the org unit a row belongs to, the one list browser and server share: the
 * levels of the org tree (a click on a value drills into that unit), the medical community, and
 * the institution's type (a category with listed values). A table measured per county has only
 * `county`.
 */
export const ORG_DIMENSIONS = ['county', 'township', 'institution', 'medical_community', 'institution_type'] as const;
export type OrgDimension = (typeof ORG_DIMENSIONS)[number];

export type DimensionValue = z.infer<typeof S.DimensionValueSchema>;
export type Dimension = z.infer<typeof S.DimensionSchema>;

/** Code of the rows that gather every breakdown value outside the top N. */
export const OTHER_CODE = '__other__';
/** Code of rows whose breakdown value is missing (e.g. no delivery carrier, no township). */
export const NONE_CODE = '__none__';

// ---- Org units -----------------------------------------------------------------------------

/** The levels of the org tree, from the top. */
export const ORG_KINDS = ['prefecture', 'county', 'township', 'institution'] as const;
export type OrgUnit = z.infer<typeof S.OrgUnitSchema>;
export type OrgKind = (typeof ORG_KINDS)[number];
/** Where an indicator means something (IndicatorSchema `appliesTo`); ./applicability.ts reads it. */
export type Applicability = z.infer<typeof S.ApplicabilitySchema>;

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
export type NormalizedQuery = z.infer<typeof S.NormalizedQuerySchema>;

/** What a count of 1-4 persons (and whatever would reveal it) reads as for most roles. */
export const SUPPRESSED = '<5';
/** A number, or SUPPRESSED where small-cell suppression hid it. */
export type Figure = z.infer<typeof S.FigureSchema>;
/**
 * Why a rate, median or mean (a value that is not its numerator) is missing: it rests on fewer
 * than 5 persons (or on a count that would reveal one), so it is not shown. It reads 样本不足 /
 * "too few to show", never "<5", which next to a median would read as "under 5 minutes".
 */
export const TOO_FEW = 'too_few';
export const VALUE_NOTES = [TOO_FEW] as const;
export type ValueNote = (typeof VALUE_NOTES)[number];
/** The note columns a suppressed answer of a derived value adds (QueryRowSchema). */
export const NOTE_COLUMNS = { value: 'value_note', compare_value: 'compare_value_note' } as const;
/** A report figure: a number, SUPPRESSED for a hidden count, TOO_FEW for a hidden rate, median or mean. */
export type ReportFigure = z.infer<typeof S.ReportFigureSchema>;
/** One row of an answer (see QueryRowSchema). */
export type QueryRow = z.infer<typeof S.QueryRowSchema>;
export type QueryResponse = z.infer<typeof S.QueryResponseSchema>;

/** Queries one GET /api/query/batch may carry. */
export const MAX_BATCH = 64;
/**
 * Rows of one batched answer (its default and its most): a batch is answered whole in memory, so
 * a full one (64 x 15,000) stays within one answer's MAX_LIMIT. A page's batched series are a few
 * hundred rows; long series travel as Arrow on their own.
 */
export const BATCH_ITEM_LIMIT = 15_000;

/** One query of a batch: its JSON answer, or the error GET /api/query would have given. */
export type QueryBatchResult = z.infer<typeof S.QueryBatchResultSchema>;
/** GET /api/query/batch: the results in the order of the `q` parameters. */
export type QueryBatchResponse = z.infer<typeof S.QueryBatchResponseSchema>;

// Arrow (`format=arrow`, application/vnd.apache.arrow.stream) carries the same columns:
// period Date32 (apache-arrow JS reads it as ms since the epoch), breakdown columns
// Dictionary<Int32, Utf8>, numbers Float64 (nullable). CSV and XLSX add a `<dim>_name` column
// per breakdown with the value's name in `lang`, and their headers are in `lang`. Where
// suppression applies, Arrow and Parquet hold null for a SUPPRESSED number and add a boolean
// column `suppressed` (true when any number of the row is hidden). A hidden rate, median or mean
// is null in every format (JSON included) with `value_note` (`compare_value_note`) = TOO_FEW.
// A download (csv, xlsx, parquet, or json/arrow with download=1) needs the analyst or admin
// role and is written to the audit log.

// ---- Health, catalogue, runs ----------------------------------------------------------------

export type LastRun = z.infer<typeof S.LastRunSchema>;
export type HealthResponse = z.infer<typeof S.HealthResponseSchema>;
export type IndicatorsResponse = z.infer<typeof S.IndicatorsResponseSchema>;
export type OrgUnitsResponse = z.infer<typeof S.OrgUnitsResponseSchema>;
export type RunSummary = z.infer<typeof S.RunSummarySchema>;
export type FeedTotals = z.infer<typeof S.FeedTotalsSchema>;
export type QuarantineReason = z.infer<typeof S.QuarantineReasonSchema>;
export type CheckResult = z.infer<typeof S.CheckResultSchema>;
export type SkippedPath = z.infer<typeof S.SkippedPathSchema>;
export type ReexportNeeded = z.infer<typeof S.ReexportNeededSchema>;
export type RunStep = z.infer<typeof S.RunStepSchema>;
export type RunsResponse = z.infer<typeof S.RunsResponseSchema>;

// ---- Monthly report ------------------------------------------------------------------------

export type ReportKpi = z.infer<typeof S.ReportKpiSchema>;
export type ReportResponse = z.infer<typeof S.ReportResponseSchema>;

// ---- Audit log ------------------------------------------------------------------------------

/** What GET /api/admin/audit can filter on: every kind of row the audit log holds. */
export const AUDIT_ACTIONS = ['login', 'login_failed', 'logout', 'export', 'denied', 'password_change', 'user_admin'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// ---- Errors ----------------------------------------------------------------------------------

/**
 * Every code an error answer may carry: the data routes' refusals (400 bad_parameter, 401
 * unauthenticated, 403 forbidden, 404, 405, 503 no_warehouse, 500), then the sign-in and admin
 * routes' own, which the login and account pages read (`auth.error.<code>`): a request body that
 * is not the documented JSON (bad_request), a forged post (csrf), and the sign-in flows' refusals.
 */
/** Why signing in or changing a password was refused. */
export const SIGN_IN_REFUSALS = ['invalid_credentials', 'disabled', 'locked', 'throttled', 'weak_password'] as const;
export type SignInRefusal = (typeof SIGN_IN_REFUSALS)[number];

export const ERROR_CODES = [
  'bad_parameter',
  'unauthenticated',
  'forbidden',
  'not_found',
  'method_not_allowed',
  'no_warehouse',
  'internal',
  'bad_request',
  'csrf',
  ...SIGN_IN_REFUSALS
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Every non-2xx answer; `retryAfterSeconds` (also sent as Retry-After) when signing in must wait. */
export type ApiErrorBody = z.infer<typeof S.ErrorSchema>;

// ---- Sign-in and admin ----------------------------------------------------------------------

export type LoginRequest = z.infer<typeof S.LoginRequestSchema>;
export type PasswordChangeRequest = z.infer<typeof S.PasswordChangeRequestSchema>;
export type SessionResponse = z.infer<typeof S.SessionResponseSchema>;
export type NewUserRequest = z.infer<typeof S.NewUserRequestSchema>;
export type PasswordResetRequest = z.infer<typeof S.PasswordResetRequestSchema>;
export type User = z.infer<typeof S.UserSchema>;
export type UsersResponse = z.infer<typeof S.UsersResponseSchema>;
export type NewUserResult = z.infer<typeof S.NewUserResultSchema>;
export type PasswordResetResult = z.infer<typeof S.PasswordResetResultSchema>;
export type AuditRow = z.infer<typeof S.AuditRowSchema>;
export type AuditPageResponse = z.infer<typeof S.AuditPageResponseSchema>;
