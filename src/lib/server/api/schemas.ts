// The API's request schemas and the responses of its routes, for validation and for
// /api/openapi.json. The response shapes are the shared contract's (../../api/schemas.ts, plain
// zod whose `.meta()` names the OpenAPI components); the query parameters, which only the server
// parses, are declared here with their OpenAPI metadata.
import { createRoute, z, type RouteConfig } from '@hono/zod-openapi';
import { AUDIT_ACTIONS, COMPARES, DEFAULT_LIMIT, FORMATS, GRAINS, LANGS, MAX_BATCH, MAX_LIMIT, MAX_TOP } from '../../contract/contract';
import { ErrorSchema } from '../../contract/schemas';
import { parseDay } from '../query/periods';

export {
  AuditPageResponseSchema as AuditPageBody,
  HealthResponseSchema as HealthBody,
  IndicatorsResponseSchema as IndicatorsBody,
  LoginRequestSchema as LoginBody,
  NewUserRequestSchema as NewUserBody,
  NewUserResultSchema as NewUserResult,
  OkResponseSchema as OkBody,
  OrgUnitsResponseSchema as OrgUnitsBody,
  PasswordChangeRequestSchema as PasswordChangeBody,
  PasswordResetRequestSchema as PasswordResetBody,
  PasswordResetResultSchema as PasswordResetResult,
  QueryBatchResponseSchema as BatchBody,
  QueryResponseSchema as QueryBody,
  ReportResponseSchema as ReportBody,
  RunsResponseSchema as RunsBody,
  SessionResponseSchema as SessionBody,
  UsersResponseSchema as UsersBody
} from '../../contract/schemas';

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

export const jsonContent = <T extends z.ZodType>(schema: T, description: string) => ({
  content: { 'application/json': { schema } },
  description
});

const errorBody = (description: string) => jsonContent(ErrorSchema, description);

export const ERROR_RESPONSES = {
  400: errorBody('A parameter is missing, malformed or not allowed'),
  401: errorBody('Not signed in'),
  403: errorBody("Outside the caller's scope, or a download the caller's role may not take"),
  503: errorBody('No warehouse has been built yet')
};

const batchItem = z.string().min(1).max(2000);

export const BatchParams = z
  .object({
    q: z.union([batchItem, z.array(batchItem).min(1).max(MAX_BATCH)]).openapi({
      description: `One query per q, up to ${MAX_BATCH}: the URL-encoded query string of a GET /api/query (JSON answers only)`,
      example: 'indicator=referral_success_rate&from=2025-01-01&to=2025-12-31&grain=all'
    })
  })
  .strict();

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

// ---- Sign-in (/api/auth) and admin (/api/admin) -------------------------------------------------

/** The refusals every sign-in and admin route may give. */
export const ACCESS_ERRORS = {
  400: errorBody('Not the documented JSON body or parameters (bad_request, bad_parameter), or a refused value'),
  401: errorBody('Not signed in'),
  403: errorBody('A forged cross-site post (csrf), or not an administrator (forbidden)')
};

/** The sign-in flows' refusals (POST /api/auth/login and /password). */
export const SIGN_IN_ERRORS = {
  ...ACCESS_ERRORS,
  401: errorBody('Wrong username or password (invalid_credentials), or not signed in'),
  403: errorBody('The account is disabled, or a forged cross-site post (csrf)'),
  423: errorBody('Locked after repeated failures (locked); Retry-After says for how long'),
  429: errorBody('Too many attempts (throttled); Retry-After says how long to wait')
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

export const UsernameParam = z.object({
  username: z
    .string()
    .min(1)
    .max(64)
    .openapi({ param: { name: 'username', in: 'path' } })
});

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
