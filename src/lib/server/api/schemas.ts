// The API's request and response schemas. The same objects validate requests and generate
// /api/openapi.json; their types are checked against src/lib/api/contract.ts (the annotations
// below fail to compile when a schema and the contract disagree).
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import {
  COMPARES,
  DEFAULT_LIMIT,
  FAMILIES,
  FORMATS,
  GRAINS,
  LANGS,
  MAX_BATCH,
  MAX_LIMIT,
  MAX_TOP,
  SUPPRESSED,
  VALUE_FORMATS,
  AUDIT_ACTIONS,
  ROLES,
  type ApiErrorBody,
  type Dimension,
  type HealthResponse,
  type Indicator,
  type IndicatorsResponse,
  type NormalizedQuery,
  type OrgUnitsResponse,
  type QueryBatchResponse,
  type QueryResponse,
  type ReportResponse,
  type RunsResponse
} from '../../api/contract';
import { ERROR_CODES } from '../../api/contract';
import { parseDay } from '../query/periods';
import { API_ERROR_CODES } from './errors';

// Years the platform's figures can be in: also keeps date arithmetic (10 years on) in four digits.
const inYears = (v: string) => Number(v.slice(0, 4)) >= 2000 && Number(v.slice(0, 4)) <= 2099;
const YEARS = 'a year from 2000 to 2099';

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD')
  .refine((v) => parseDay(v) !== null, 'not a calendar date')
  .refine(inYears, YEARS);

export const QueryParams = z
  .object({
    indicator: z.string().min(1).max(64).openapi({ description: 'Indicator id (see /api/indicators)', example: 'referral_success_rate' }),
    from: day.openapi({ description: 'First day of the range', example: '2025-01-01' }),
    to: day.openapi({ description: 'Last day of the range (at most 10 years after from)', example: '2025-12-31' }),
    grain: z.enum(GRAINS).default('month').openapi({ description: 'Period of each row; `all` = one row for the whole range' }),
    org: z.string().min(1).max(32).optional().openapi({
      description: 'Org unit (prefecture, county, township or institution code); default: the root of your scope',
      example: '652300'
    }),
    by: z
      .string()
      .min(1)
      .max(100)
      .optional()
      .openapi({ description: 'Up to two breakdown dimension ids, comma-separated', example: 'county' }),
    compare: z.enum(COMPARES).default('none').openapi({ description: 'Add the previous period or the same period a year earlier' }),
    top: z.coerce.number().int().min(1).max(MAX_TOP).optional().openapi({
      type: 'integer',
      description: 'Keep the N values of the first breakdown with the largest numerator; the rest become `__other__`'
    }),
    limit: z.coerce
      .number()
      .int()
      .min(1)
      .optional()
      .openapi({
        type: 'integer',
        description: `Maximum rows: an answer has at most ${MAX_LIMIT.toLocaleString('en-US')} (default ${DEFAULT_LIMIT.toLocaleString('en-US')}); a download has every row unless limited`
      }),
    format: z.enum(FORMATS).default('json').openapi({ description: 'json, arrow (IPC stream), csv (UTF-8 with BOM), xlsx or parquet' }),
    lang: z.enum(LANGS).default('zh').openapi({ description: 'Language of CSV/XLSX headers and names' }),
    download: z.enum(['0', '1']).default('0').openapi({
      description:
        '1: a file to hand on (json and arrow; csv, xlsx and parquet always are). Downloads need the analyst or admin role and are audited'
    })
  })
  .strict();

export type QueryParams = z.infer<typeof QueryParams>;

const Text = z.object({ zh: z.string(), en: z.string() }).openapi('Text');

const TargetSchema = z.object({ value: z.number(), op: z.enum(['>=', '<=']), note: Text.optional() });

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description
});

const errorFields = { message: z.string(), parameter: z.string().optional() };

export const ErrorBody: z.ZodType<ApiErrorBody> = z.object({ error: z.enum(ERROR_CODES), ...errorFields }).openapi('Error');

/** The errors of the sign-in and admin routes: the same shape, with their own codes and the wait before a retry. */
export const AccessErrorBody = z
  .object({
    error: z.enum(API_ERROR_CODES),
    ...errorFields,
    retryAfterSeconds: z.number().int().optional().openapi({ description: 'Also sent as Retry-After: seconds before signing in again' })
  })
  .openapi('AccessError');

const LastRun = z.object({
  runId: z.string(),
  status: z.string(),
  finishedAt: z.string().nullable(),
  datesFrom: z.string().nullable(),
  datesTo: z.string().nullable()
});

export const HealthBody: z.ZodType<HealthResponse> = z
  .object({
    status: z.enum(['ok', 'no-warehouse']),
    dataVersion: z.string().nullable(),
    lastRun: LastRun.nullable(),
    dataFrom: z.string().nullable()
  })
  .openapi('Health');

const IndicatorSchema: z.ZodType<Indicator> = z
  .object({
    id: z.string(),
    family: z.enum(FAMILIES),
    name: Text,
    definition: Text,
    numerator: Text,
    denominator: Text.nullable(),
    unit: Text,
    format: z.enum(VALUE_FORMATS),
    breakdowns: z.array(z.string()),
    grains: z.array(z.enum(GRAINS)),
    orgLevel: z.enum(['county', 'institution']),
    target: TargetSchema.nullable(),
    higherIsBetter: z.boolean().nullable(),
    source: Text,
    feeds: z.array(z.string())
  })
  .openapi('Indicator');

const DimensionSchema: z.ZodType<Dimension> = z
  .object({
    id: z.string(),
    name: Text,
    kind: z.enum(['org', 'category']),
    values: z.array(z.object({ code: z.string(), zh: z.string(), en: z.string() })).optional()
  })
  .openapi('Dimension');

export const IndicatorsBody: z.ZodType<IndicatorsResponse> = z
  .object({ dataVersion: z.string().nullable(), indicators: z.array(IndicatorSchema), dimensions: z.array(DimensionSchema) })
  .openapi('Indicators');

const OrgUnitSchema = z.object({
  code: z.string(),
  parent: z.string().nullable(),
  kind: z.enum(['prefecture', 'county', 'township', 'institution']),
  name: Text
});

export const ERROR_RESPONSES = {
  400: jsonContent(ErrorBody, 'A parameter is missing, malformed or not allowed'),
  401: jsonContent(ErrorBody, 'Not signed in'),
  403: jsonContent(ErrorBody, "Outside the caller's scope, or a download the caller's role may not take"),
  503: jsonContent(ErrorBody, 'No warehouse has been built yet')
};

export const OrgUnitsBody: z.ZodType<OrgUnitsResponse> = z
  .object({
    root: z.string(),
    units: z.array(OrgUnitSchema),
    benchmarkRoot: OrgUnitSchema.optional().openapi({
      description: 'For a manager: the prefecture, which may be queried as a whole (not by org units) as a benchmark'
    })
  })
  .openapi('OrgUnits');

const Normalized: z.ZodType<NormalizedQuery> = z.object({
  indicator: z.string(),
  from: z.string(),
  to: z.string(),
  grain: z.enum(GRAINS),
  org: z.string(),
  by: z.array(z.string()),
  compare: z.enum(COMPARES),
  top: z.number().nullable(),
  limit: z.number().nullable(),
  format: z.enum(FORMATS),
  lang: z.enum(LANGS)
});

/** A number, or "<5" where small-cell suppression hid it. */
const figure = z.union([z.number(), z.literal(SUPPRESSED)]);

const Row = z
  .object({
    period: z.string().openapi({ description: 'First day of the period, YYYY-MM-DD' }),
    numerator: figure,
    denominator: figure.nullable(),
    value: figure.nullable(),
    compare_numerator: figure.nullable().optional(),
    compare_denominator: figure.nullable().optional(),
    compare_value: figure.nullable().optional()
  })
  .catchall(z.union([z.string(), z.number(), z.null()]))
  .openapi({ description: 'One row; each breakdown adds a column named by its dimension id holding the value code' });

export const QueryBody: z.ZodType<QueryResponse> = z
  .object({ indicator: z.string(), dataVersion: z.string(), query: Normalized, rows: z.array(Row), truncated: z.boolean().optional() })
  .openapi('QueryResult');

const batchItem = z.string().min(1).max(2000);

export const BatchParams = z
  .object({
    q: z.union([batchItem, z.array(batchItem).min(1).max(MAX_BATCH)]).openapi({
      description: `One query per q, up to ${MAX_BATCH}: the URL-encoded query string of a GET /api/query (JSON answers only)`,
      example: 'indicator=referral_success_rate&from=2025-01-01&to=2025-12-31&grain=all'
    })
  })
  .strict();

export const BatchBody: z.ZodType<QueryBatchResponse> = z
  .object({
    dataVersion: z.string(),
    results: z
      .array(z.union([z.object({ status: z.literal(200), body: QueryBody }), z.object({ status: z.number().int(), body: ErrorBody })]))
      .openapi({
        description:
          "In the order of the q parameters: each query's answer, or the error (status 400, 403, ...) GET /api/query would have given it"
      })
  })
  .openapi('QueryBatch');

const num = z.number();
export const RunsBody: z.ZodType<RunsResponse> = z
  .object({
    runs: z.array(
      z.object({
        runId: z.string(),
        status: z.string(),
        startedAt: z.string(),
        finishedAt: z.string().nullable(),
        durationMs: num.nullable(),
        datesFrom: z.string().nullable(),
        datesTo: z.string().nullable(),
        dataVersion: z.string().nullable(),
        failedStep: z.string().nullable(),
        error: z.string().nullable()
      })
    ),
    feeds: z.array(
      z.object({ feed: z.string(), title: Text, linesRead: num, loaded: num, quarantined: num, duplicates: num, blankLines: num })
    ),
    quarantine: z.array(z.object({ feed: z.string(), reason: z.string(), rows: num })),
    checks: z.array(
      z.object({
        runId: z.string(),
        check: z.string(),
        passed: z.boolean(),
        failingRows: num,
        detail: z.string().nullable(),
        severity: z.enum(['error', 'warning'])
      })
    ),
    steps: z.array(
      z.object({ runId: z.string(), step: z.string(), startedAt: z.string(), durationMs: num, detail: z.string().nullable() })
    ),
    skipped: z
      .array(z.object({ path: z.string(), reason: z.string(), warning: z.boolean() }))
      .openapi({ description: 'Landing-zone paths the latest published run did not read, with the reason' }),
    reexport: z
      .array(z.object({ feed: z.string(), day: z.string(), file: z.string(), outcome: z.string(), detail: z.string().nullable() }))
      .openapi({ description: 'Landing days whose latest load found a damaged or unreadable file: to be exported again' })
  })
  .openapi('Runs');

export const ReportParams = z
  .object({
    org: z.string().min(1).max(32).optional().openapi({ description: 'Org unit code; default: the root of your scope', example: '652301' }),
    month: z
      .string()
      .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'expected a month YYYY-MM')
      .refine(inYears, YEARS)
      .openapi({ example: '2025-11' }),
    lang: z.enum(LANGS).default('zh').openapi({ description: 'Language of the report' }),
    format: z
      .enum(['pdf', 'json'])
      .default('pdf')
      .openapi({ description: 'pdf (a download, audited), or json (the same figures, for the print view)' })
  })
  .strict();

export const ReportBody: z.ZodType<ReportResponse> = z
  .object({
    org: OrgUnitSchema,
    month: z.string(),
    months: z.array(z.string()).openapi({ description: 'First days of the 13 months ending with month, oldest first' }),
    dataVersion: z.string(),
    kpis: z.array(
      z.object({
        indicator: z.string(),
        name: Text,
        unit: Text,
        format: z.enum(VALUE_FORMATS),
        target: TargetSchema.nullable(),
        value: figure.nullable(),
        previousMonth: figure.nullable(),
        sameMonthLastYear: figure.nullable(),
        trend: z.array(num.nullable()).openapi({ description: 'The value in each of months; null for no data or a hidden figure' })
      })
    )
  })
  .openapi('MonthlyReport');

// ---- Sign-in (/api/auth) and admin (/api/admin) -------------------------------------------------

const accessError = (description: string) => jsonContent(AccessErrorBody, description);

/** The refusals every sign-in and admin route may give. */
export const ACCESS_ERRORS = {
  400: accessError('Not the documented JSON body or parameters (bad_request, bad_parameter), or a refused value'),
  401: accessError('Not signed in'),
  403: accessError('A forged cross-site post (csrf), or not an administrator (forbidden)')
};

/** The sign-in flows' refusals (POST /api/auth/login and /password). */
export const SIGN_IN_ERRORS = {
  ...ACCESS_ERRORS,
  401: accessError('Wrong username or password (invalid_credentials), or not signed in'),
  403: accessError('The account is disabled, or a forged cross-site post (csrf)'),
  423: accessError('Locked after repeated failures (locked); Retry-After says for how long'),
  429: accessError('Too many attempts (throttled); Retry-After says how long to wait')
};

/** A JSON request body, required. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ content: { 'application/json': { schema } }, required: true });

/** A POST route whose request is a JSON body. */
export const postJson = <P extends string, B extends z.ZodType, R extends RouteConfig['responses']>(
  path: P,
  summary: string,
  body: B,
  responses: R
) => createRoute({ method: 'post', path, summary, request: { body: jsonBody(body) }, responses });

const username = z.string().min(1).max(64);
const secret = z.string().min(1).max(256);

export const LoginBody = z.object({ username, password: secret }).openapi('Login');

export const PasswordChangeBody = z.object({ currentPassword: secret, newPassword: secret }).openapi('PasswordChange');

const UserScopeSchema = z.object({ username: z.string(), role: z.enum(ROLES), scopeOrg: z.string() });

export const SessionBody = z
  .object({ user: UserScopeSchema, expiresAt: z.string().openapi({ description: 'When the session ends at the latest (ISO time)' }) })
  .openapi('Session');

export const OkBody = z.object({ ok: z.literal(true) }).openapi('Ok');

export const UsernameParam = z.object({
  username: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'username', in: 'path' } })
});

export const NewUserBody = z
  .object({
    username,
    role: z.enum(ROLES),
    scopeOrg: z.string().min(1).max(32).optional().openapi({ description: 'Default: the prefecture for the roles scoped to it' }),
    password: secret.optional().openapi({ description: 'Default: a generated password, given once in the answer' })
  })
  .openapi('NewUser');

export const PasswordResetBody = z
  .object({ password: secret.optional().openapi({ description: 'Default: a generated password, given once in the answer' }) })
  .openapi('PasswordReset');

const UserSchema = z
  .object({
    username: z.string(),
    role: z.enum(ROLES),
    scopeOrg: z.string(),
    disabled: z.boolean(),
    createdAt: num,
    updatedAt: num,
    failedCount: num,
    lastFailedAt: num.nullable(),
    lockedUntil: num.nullable()
  })
  .openapi('User');

export const UsersBody = z.object({ users: z.array(UserSchema) }).openapi('Users');

const generated = z.string().optional().openapi({ description: 'The generated password, when none was given' });

export const NewUserResult = z.object({ user: UserSchema, password: generated }).openapi('NewUserResult');

export const PasswordResetResult = z.object({ ok: z.literal(true), password: generated }).openapi('PasswordResetResult');

const instant = z.iso.date().or(z.iso.datetime());

export const AuditParams = z.object({
  username: z.string().max(64).optional(),
  role: z.string().max(16).optional(),
  action: z.enum(AUDIT_ACTIONS).optional(),
  from: instant.optional().openapi({ description: 'YYYY-MM-DD (a day in UTC+8) or a full ISO time' }),
  to: instant.optional().openapi({ description: 'Exclusive; YYYY-MM-DD (a day in UTC+8) or a full ISO time' }),
  text: z.string().max(100).optional().openapi({ description: 'Text the detail contains, matched literally' }),
  page: z.coerce.number().int().min(1).default(1).openapi({ type: 'integer' }),
  pageSize: z.coerce.number().int().min(1).max(500).default(50).openapi({ type: 'integer' })
});

export const AuditPageBody = z
  .object({
    rows: z.array(
      z.object({
        id: num,
        at: num.openapi({ description: 'Epoch milliseconds' }),
        username: z.string().nullable(),
        role: z.string().nullable(),
        action: z.enum(AUDIT_ACTIONS),
        detail: z.record(z.string(), z.unknown()),
        rows: num.nullable(),
        address: z.string().nullable()
      })
    ),
    total: num,
    page: num,
    pageSize: num
  })
  .openapi('AuditPage');
