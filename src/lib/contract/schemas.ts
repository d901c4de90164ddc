// The /api contract as zod schemas, written once: the server validates with them and describes
// the API with them (/api/openapi.json, via ../server/api/schemas.ts), and ./contract.ts infers
// the types pages and server share from them. Plain zod with `.meta()` (an `id` names an OpenAPI
// component): no @hono/zod-openapi here. Pages import only TYPES from this file (`import type`),
// or import ./contract.ts, so no zod reaches the browser bundle.
import { z } from 'zod';
import {
  AUDIT_ACTIONS,
  COMPARES,
  ERROR_CODES,
  FAMILIES,
  FORMATS,
  GRAINS,
  LANGS,
  ORG_KINDS,
  ROLES,
  SUPPRESSED,
  TOO_FEW,
  VALUE_FORMATS,
  VALUE_NOTES
} from './contract';

const num = z.number();
const str = z.string();
const nullableStr = str.nullable();

export const TextSchema = z.object({ zh: str, en: str }).meta({ id: 'Text' });

// ---- Indicators and dimensions -------------------------------------------------------------

export const TargetSchema = z.object({
  /** In the unit of `value` (a fraction for percent and per100 indicators). */
  value: num,
  op: z.enum(['>=', '<=']),
  note: TextSchema.optional()
});

/**
 * Where an indicator means something. A share of an area's care in primary institutions has no
 * meaning at one hospital (it would read 0% and 未达标); elsewhere the API answers `notApplicable`
 * and the pages say 不适用 with `why` instead of drawing a figure.
 */
export const ApplicabilitySchema = z
  .object({
    /** The org levels whose figure means something (a county-level table: prefecture and county at most). */
    levels: z.array(z.enum(ORG_KINDS)).min(1),
    /** At institution level, only institutions of these types (institution_type codes); null: every type. */
    institutionTypes: z.array(str).min(1).nullable(),
    /** Why it means nothing elsewhere; null: the levels say it (an indicator measured per county). */
    why: TextSchema.nullable()
  })
  .meta({ id: 'Applicability' });

export const IndicatorSchema = z
  .object({
    id: str,
    family: z.enum(FAMILIES),
    name: TextSchema,
    definition: TextSchema,
    numerator: TextSchema,
    /** null for counts and sums (value = numerator) and for medians (value = the median). */
    denominator: TextSchema.nullable(),
    unit: TextSchema,
    format: z.enum(VALUE_FORMATS),
    /** Dimension ids the indicator can be broken down by (up to two at once). */
    breakdowns: z.array(str),
    grains: z.array(z.enum(GRAINS)),
    /** The finest org unit with figures: 'county' indicators have none for a township or institution. */
    orgLevel: z.enum(['county', 'institution']),
    appliesTo: ApplicabilitySchema,
    target: TargetSchema.nullable(),
    higherIsBetter: z.boolean().nullable(),
    /** The national standard or programme the definition follows. */
    source: TextSchema,
    /** Platform feeds (landing folders) the figures come from. */
    feeds: z.array(str)
  })
  .meta({ id: 'Indicator' });

export const DimensionValueSchema = z.object({ code: str, zh: str, en: str });

export const DimensionSchema = z
  .object({
    id: str,
    name: TextSchema,
    /** `org` values are org units (names from /api/org-units), `category` values are listed. */
    kind: z.enum(['org', 'category']),
    values: z.array(DimensionValueSchema).optional()
  })
  .meta({ id: 'Dimension' });

// ---- Org units -----------------------------------------------------------------------------

export const OrgUnitSchema = z.object({
  code: str,
  parent: nullableStr,
  kind: z.enum(ORG_KINDS),
  name: TextSchema,
  /** An institution's type (an institution_type code), which applicability may depend on. */
  type: str.optional()
});

// ---- Errors ----------------------------------------------------------------------------------

/** The body of every non-2xx answer. */
export const ErrorSchema = z
  .object({
    error: z.enum(ERROR_CODES),
    message: str,
    /** The query parameter at fault, for bad_parameter and forbidden. */
    parameter: str.optional(),
    retryAfterSeconds: z.number().int().optional().meta({ description: 'Also sent as Retry-After: seconds before signing in again' })
  })
  .meta({ id: 'Error' });

// ---- Query -------------------------------------------------------------------------------

/** The parameters of GET /api/query as the server understood them (defaults filled in). */
export const NormalizedQuerySchema = z.object({
  indicator: str,
  from: str,
  to: str,
  grain: z.enum(GRAINS),
  org: str,
  by: z.array(str),
  compare: z.enum(COMPARES),
  top: num.nullable(),
  /** null: every row (a download without a limit). */
  limit: num.nullable(),
  format: z.enum(FORMATS),
  lang: z.enum(LANGS)
});

/** A number, or "<5" where small-cell suppression hid it. */
export const FigureSchema = z.union([num, z.literal(SUPPRESSED)]);

/** Why a value is null although its row has figures: "too_few" (see TOO_FEW in contract.ts). */
const ValueNoteSchema = z.enum(VALUE_NOTES).nullable().optional().meta({
  description:
    'Present when small cells are hidden from the caller and the value is a rate, median or mean: "too_few" where the value is null because it rests on fewer than 5 persons (or a count that would reveal one); read 样本不足 / too few to show'
});

/**
 * One row. `period` is the first day of the period (YYYY-MM-DD; the `from` date for grain=all).
 * Each breakdown adds a column named by its dimension id holding the value's code.
 * value = numerator / denominator (ratios), numerator (counts and sums), or the median.
 * For roles other than official and admin, small counts of persons and their complements
 * are SUPPRESSED (README "Small-cell suppression"); a rate, median or mean they would reveal is
 * null with `value_note` "too_few". The compare_* figures are null where the comparison period
 * starts before the first day with data (`dataFrom`, contract/periods.ts comparisonCovered).
 */
export const QueryRowSchema = z
  .object({
    period: str.meta({ description: 'First day of the period, YYYY-MM-DD' }),
    numerator: FigureSchema,
    denominator: FigureSchema.nullable(),
    value: FigureSchema.nullable(),
    compare_numerator: FigureSchema.nullable().optional(),
    compare_denominator: FigureSchema.nullable().optional(),
    compare_value: FigureSchema.nullable().optional(),
    value_note: ValueNoteSchema,
    compare_value_note: ValueNoteSchema
  })
  .catchall(z.union([str, num, z.null()]))
  .meta({ description: 'One row; each breakdown adds a column named by its dimension id holding the value code' });

export const QueryResponseSchema = z
  .object({
    indicator: str,
    dataVersion: str,
    query: NormalizedQuerySchema,
    rows: z.array(QueryRowSchema),
    /** Present (true) when more rows matched than `limit`: the rows are the first `limit`. */
    truncated: z.boolean().optional(),
    notApplicable: z.object({ reason: TextSchema }).optional().meta({
      description:
        'Present where the indicator means nothing for the org unit (Indicator.appliesTo): no rows, and why in both languages. Formats that cannot carry it (Arrow, downloads) answer 400 bad_parameter on org with the English reason'
    })
  })
  .meta({ id: 'QueryResult' });

/** One query of a batch: its JSON answer, or the error GET /api/query would have given. */
export const QueryBatchResultSchema = z.union([
  z.object({ status: z.literal(200), body: QueryResponseSchema }),
  z.object({ status: z.number().int(), body: ErrorSchema })
]);

/** GET /api/query/batch: the results in the order of the `q` parameters. */
export const QueryBatchResponseSchema = z
  .object({
    dataVersion: str,
    results: z.array(QueryBatchResultSchema).meta({
      description:
        "In the order of the q parameters: each query's answer, or the error (status 400, 403, ...) GET /api/query would have given it"
    })
  })
  .meta({ id: 'QueryBatch' });

// ---- Health, catalogue, runs ----------------------------------------------------------------

export const LastRunSchema = z.object({
  runId: str,
  status: str,
  finishedAt: nullableStr,
  datesFrom: nullableStr,
  datesTo: nullableStr
});

/** Each loaded feed's newest landing day against the lag it is allowed (HCI_FEED_LAG_DAYS). */
export const FreshnessSchema = z
  .object({
    /** Today in the prefecture (Asia/Shanghai), ISO. */
    today: str,
    /** The newest landing day of any feed. */
    newestDay: nullableStr,
    daysOld: num.nullable(),
    /** Some feed's newest day is older than its lag allows. */
    late: z.boolean(),
    feeds: z.array(z.object({ feed: str, title: TextSchema, newestDay: str, daysOld: num, expectedLagDays: num, late: z.boolean() }))
  })
  .meta({ id: 'Freshness' });

export const HealthResponseSchema = z
  .object({
    status: z.enum(['ok', 'no-warehouse']),
    dataVersion: nullableStr,
    lastRun: LastRunSchema.nullable(),
    /** The first day the warehouse has data for: a comparison reaching further back is not one. */
    dataFrom: nullableStr,
    freshness: FreshnessSchema.nullable()
  })
  .meta({ id: 'Health' });

export const IndicatorsResponseSchema = z
  .object({ dataVersion: nullableStr, indicators: z.array(IndicatorSchema), dimensions: z.array(DimensionSchema) })
  .meta({ id: 'Indicators' });

export const OrgUnitsResponseSchema = z
  .object({
    root: str,
    units: z.array(OrgUnitSchema),
    /**
     * A manager's prefecture, which they may query as a whole (a benchmark) but not broken down
     * by org units. Absent for every other role.
     */
    benchmarkRoot: OrgUnitSchema.optional().meta({
      description: 'For a manager: the prefecture, which may be queried as a whole (not by org units) as a benchmark'
    })
  })
  .meta({ id: 'OrgUnits' });

export const RunSummarySchema = z.object({
  runId: str,
  status: str,
  startedAt: str,
  finishedAt: nullableStr,
  durationMs: num.nullable(),
  datesFrom: nullableStr,
  datesTo: nullableStr,
  dataVersion: nullableStr,
  failedStep: nullableStr,
  error: nullableStr
});

/** Rows of each feed over every landing day in the warehouse, as its latest load counted them. */
export const FeedTotalsSchema = z.object({
  feed: str,
  /** The feed's name for readers (the contract's Chinese title; the folder name in English). */
  title: TextSchema,
  linesRead: num,
  loaded: num,
  quarantined: num,
  duplicates: num,
  /** Blank and whitespace-only lines: counted, neither loaded nor quarantined. */
  blankLines: num
});

export const QuarantineReasonSchema = z.object({ feed: str, reason: str, rows: num });

export const CheckResultSchema = z.object({
  runId: str,
  check: str,
  passed: z.boolean(),
  failingRows: num,
  detail: nullableStr,
  /** error: a failure blocks publish; warning: the run published with warnings. */
  severity: z.enum(['error', 'warning'])
});

/** A landing-zone path the run did not read, and why; warning false for hidden names (_ or .). */
export const SkippedPathSchema = z.object({ path: str, reason: str, warning: z.boolean() });

/** A landing day whose latest load found a damaged or unreadable file: the platform should export it again. */
export const ReexportNeededSchema = z.object({ feed: str, day: str, file: str, outcome: str, detail: nullableStr });

export const RunStepSchema = z.object({ runId: str, step: str, startedAt: str, durationMs: num, detail: nullableStr });

export const RunsResponseSchema = z
  .object({
    /** Newest first. */
    runs: z.array(RunSummarySchema),
    feeds: z.array(FeedTotalsSchema),
    quarantine: z.array(QuarantineReasonSchema),
    /** Checks of the latest published run. */
    checks: z.array(CheckResultSchema),
    /** Steps of the latest published run, in order. */
    steps: z.array(RunStepSchema),
    /** Paths of the landing zone the latest published run skipped. */
    skipped: z.array(SkippedPathSchema).meta({ description: 'Landing-zone paths the latest published run did not read, with the reason' }),
    reexport: z
      .array(ReexportNeededSchema)
      .meta({ description: 'Landing days whose latest load found a damaged or unreadable file: to be exported again' })
  })
  .meta({ id: 'Runs' });

// ---- Monthly report ------------------------------------------------------------------------

/** A report figure: a number, "<5" for a hidden count, "too_few" for a hidden rate, median or mean. */
export const ReportFigureSchema = z.union([num, z.literal(SUPPRESSED), z.literal(TOO_FEW)]);

/** One headline indicator of GET /api/report: the month, the month before, a year before. */
export const ReportKpiSchema = z.object({
  indicator: str,
  name: TextSchema,
  unit: TextSchema,
  format: z.enum(VALUE_FORMATS),
  target: TargetSchema.nullable(),
  value: ReportFigureSchema.nullable(),
  /** null also where the month is not covered by data (comparisonCovered), as on the dashboard. */
  previousMonth: ReportFigureSchema.nullable(),
  sameMonthLastYear: ReportFigureSchema.nullable(),
  /** The value in each of `ReportResponse.months`; null for no data and for a hidden figure. */
  trend: z.array(num.nullable()).meta({ description: 'The value in each of months; null for no data or a hidden figure' })
});

/** GET /api/report?format=json: what the PDF shows, for the print view. */
export const ReportResponseSchema = z
  .object({
    org: OrgUnitSchema,
    /** YYYY-MM */
    month: str,
    /** First days of the 13 months ending with `month`, oldest first. */
    months: z.array(str).meta({ description: 'First days of the 13 months ending with month, oldest first' }),
    dataVersion: str,
    kpis: z.array(ReportKpiSchema)
  })
  .meta({ id: 'MonthlyReport' });

// ---- Sign-in (/api/auth) and admin (/api/admin) -------------------------------------------------

const username = z.string().min(1).max(64);
const secret = z.string().min(1).max(256);
const generatedNote = { description: 'Default: a generated password, given once in the answer' };

export const LoginRequestSchema = z.object({ username, password: secret }).meta({ id: 'Login' });

export const PasswordChangeRequestSchema = z.object({ currentPassword: secret, newPassword: secret }).meta({ id: 'PasswordChange' });

/** Who is signed in: the role and the org unit whose subtree they may see. */
export const SignedInUserSchema = z
  .object({ username: str, role: z.enum(ROLES), scopeOrg: str.meta({ description: 'A prefecture, county or institution code' }) })
  .meta({ id: 'SignedInUser' });

export const SessionResponseSchema = z
  .object({
    user: SignedInUserSchema,
    expiresAt: str.meta({ description: 'When the session ends at the latest (ISO time)' })
  })
  .meta({ id: 'Session' });

export const OkResponseSchema = z.object({ ok: z.literal(true) }).meta({ id: 'Ok' });

export const NewUserRequestSchema = z
  .object({
    username,
    role: z.enum(ROLES),
    scopeOrg: z.string().min(1).max(32).optional().meta({ description: 'Default: the prefecture for the roles scoped to it' }),
    password: secret.optional().meta(generatedNote)
  })
  .meta({ id: 'NewUser' });

export const PasswordResetRequestSchema = z.object({ password: secret.optional().meta(generatedNote) }).meta({ id: 'PasswordReset' });

export const UserSchema = z
  .object({
    username: str,
    role: z.enum(ROLES),
    scopeOrg: str,
    disabled: z.boolean(),
    createdAt: num,
    updatedAt: num,
    failedCount: num,
    lastFailedAt: num.nullable(),
    lockedUntil: num.nullable()
  })
  .meta({ id: 'User' });

export const UsersResponseSchema = z.object({ users: z.array(UserSchema) }).meta({ id: 'Users' });

const generated = str.optional().meta({ description: 'The generated password, when none was given' });

export const NewUserResultSchema = z.object({ user: UserSchema, password: generated }).meta({ id: 'NewUserResult' });

export const PasswordResetResultSchema = z.object({ ok: z.literal(true), password: generated }).meta({ id: 'PasswordResetResult' });

export const AuditRowSchema = z.object({
  id: num,
  at: num.meta({ description: 'Epoch milliseconds' }),
  username: nullableStr,
  role: nullableStr,
  action: z.enum(AUDIT_ACTIONS),
  detail: z.record(str, z.unknown()),
  rows: num.nullable(),
  address: nullableStr
});

export const AuditPageResponseSchema = z
  .object({ rows: z.array(AuditRowSchema), total: num, page: num, pageSize: num })
  .meta({ id: 'AuditPage' });
