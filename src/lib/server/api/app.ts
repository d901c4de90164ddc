// The Hono application behind /api (mounted by src/routes/api/[...path]/+server.ts). Every route,
// the sign-in (../auth/routes.ts) and admin (../auth/admin-routes.ts) ones included, is an
// OpenAPIHono route declared with the zod schemas of ./schemas.ts, which both validate requests
// and describe the API at /api/openapi.json. The caller (null when signed out), its session and
// the client address come in as bindings from the SvelteKit hook; ./access.ts refuses forged and
// signed-out requests once, before any route, and writes the audit log; every refusal is an
// ApiError answered by the one error middleware at the end.
import { createHash } from 'node:crypto';
import { createRoute, OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { Caller, HealthResponse, IndicatorsResponse, OrgUnitsResponse } from '../../contract/contract';
import { DIMENSIONS, INDICATORS } from '../metrics';
import { createAdminRoutes } from '../auth/admin-routes';
import { createAuthRoutes } from '../auth/routes';
import { UserError } from '../auth/users';
import { UnsupportedQuery } from '../query/builder';
import { assessFreshness, LAG_ENV, parseFeedLags } from '../freshness';
import { readRuns } from '../runs';
import { callerScope } from '../scope';
import { NoWarehouse, type Snapshot, type Warehouse } from '../warehouse';
import { auditor, csrfCheck, DEFAULT_ACCESS, denial, getOnly, requireSignIn, signedIn, type AccessDeps, type ApiEnv } from './access';
import { batchBody, parseItem, type ItemResult } from './batch';
import { ResponseCache, type CachedResponse } from './cache';
import { ApiError, badBody, badParameter, quote, validationHook } from './errors';
import { streamDownload } from './download';
import { mountReport, reportRoute } from './report-route';
import { resolveQuery, type ResolvedQuery } from './resolve';
import { acceptsGzip, produce } from './respond';
import {
  BatchBody,
  BatchParams,
  ERROR_RESPONSES as errors,
  HealthBody,
  IndicatorsBody,
  jsonContent as json,
  OrgUnitsBody,
  QueryBody,
  QueryParams,
  RunsBody
} from './schemas';

export type { ApiEnv };

export interface ApiOptions {
  warehouse: Warehouse;
  /** Bytes of responses to keep (default 256 MiB); 0 turns the cache off. */
  cacheBytes?: number;
  /** The application database for sign-in, admin and audit (default: $HCI_DATA_DIR/app.sqlite). */
  access?: AccessDeps;
}
const binary = (description: string) => ({ schema: { type: 'string' as const, format: 'binary', description } });

const routes = {
  health: createRoute({
    method: 'get',
    path: '/health',
    summary: 'Whether a warehouse is served, its data version, the last pipeline run and whether each feed is as recent as expected',
    responses: { 200: json(HealthBody, 'Status') }
  }),
  indicators: createRoute({
    method: 'get',
    path: '/indicators',
    summary: 'The indicator catalogue and the breakdown dimensions',
    responses: { 200: json(IndicatorsBody, 'Catalogue'), 304: { description: 'Unchanged since the ETag given' }, 401: errors[401] }
  }),
  orgUnits: createRoute({
    method: 'get',
    path: '/org-units',
    summary: 'The org units the caller may see, flat, ordered by code',
    responses: {
      200: json(OrgUnitsBody, 'Org units'),
      304: { description: 'Unchanged' },
      401: errors[401],
      403: errors[403],
      503: errors[503]
    }
  }),
  query: createRoute({
    method: 'get',
    path: '/query',
    summary: 'An indicator over an org unit and a period range, by grain and breakdowns',
    request: { query: QueryParams },
    responses: {
      200: {
        description: 'Rows of period, breakdown codes, numerator, denominator, value (and comparison)',
        content: {
          'application/json': { schema: QueryBody },
          'application/vnd.apache.arrow.stream': binary(
            'Arrow IPC stream: period Date32, breakdowns Dictionary<Int32, Utf8>, numbers Float64'
          ),
          'text/csv': binary('UTF-8 with BOM; headers in lang; each breakdown code followed by its name'),
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary('Data sheet and an About sheet'),
          'application/vnd.apache.parquet': binary('Parquet, period as DATE')
        }
      },
      304: { description: 'Unchanged since the ETag given (the data version)' },
      ...errors
    }
  }),
  batch: createRoute({
    method: 'get',
    path: '/query/batch',
    summary: 'Several queries in one request (JSON answers only), each answered as GET /api/query would answer it',
    request: { query: BatchParams },
    responses: {
      200: json(BatchBody, "Each query's answer or refusal, in order"),
      304: { description: 'Unchanged since the ETag given (the data version)' },
      ...errors
    }
  }),
  runs: createRoute({
    method: 'get',
    path: '/runs',
    summary: 'Pipeline runs, feed accounting, quarantine reasons, checks and steps of the last run',
    responses: { 200: json(RunsBody, 'Runs'), 304: { description: 'Unchanged' }, 401: errors[401], 503: errors[503] }
  }),
  report: reportRoute
};

/**
 * The weak ETag of an answer: the data version (every answer of one warehouse version is current
 * until the next publish) and who asked, since the caller's scope and hidden cells change the
 * bytes: a browser shared by two users must not revalidate one's answer for the other.
 */
export function etag(version: string, caller: Caller | null): string {
  const who = caller
    ? createHash('sha256')
        .update(`${caller.username ?? ''}\n${caller.role}\n${caller.scopeOrg}`)
        .digest('base64url')
        .slice(0, 12)
    : 'public';
  return `W/"${version}-${who}"`;
}

function notModified(c: Context<ApiEnv>, tag: string): boolean {
  const header = c.req.header('if-none-match');
  if (!header) return false;
  return header.split(',').some((t) => {
    const given = t.trim();
    return given === '*' || given.replace(/^W\//, '') === tag.replace(/^W\//, '');
  });
}

function validators(c: Context<ApiEnv>, version: string): Response | null {
  const tag = etag(version, c.env.caller);
  c.header('ETag', tag);
  c.header('Cache-Control', 'private, no-cache');
  return notModified(c, tag) ? c.body(null, 304) : null;
}

/**
 * A refusal as the API's error (a query the builder cannot write names a bad indicator, the user
 * store refuses a value, a body is not JSON); null for a fault.
 */
function refusal(error: unknown): ApiError | null {
  if (error instanceof ApiError) return error;
  if (error instanceof UnsupportedQuery) return badParameter('indicator', error.message);
  if (error instanceof UserError) return new ApiError('bad_request', error.message);
  // The body validators' own refusals: malformed JSON (400), another content type (415).
  if (error instanceof HTTPException && (error.status === 400 || error.status === 415)) return badBody();
  return null;
}

export function createApi(options: ApiOptions): OpenAPIHono<ApiEnv> {
  const { warehouse } = options;
  const access = options.access ?? DEFAULT_ACCESS;
  const audit = auditor(access);
  const cache = new ResponseCache(options.cacheBytes ?? 256 * 1024 * 1024);
  warehouse.onSwap(() => cache.clear());
  // Read at start, so a bad value stops the server with its message rather than failing /api/health.
  const lags = parseFeedLags(process.env[LAG_ENV]);

  /** A dashboard answer (JSON or Arrow, not a download) from the cache, or computed once: GET /api/query and each query of a batch. */
  const answer = (
    snapshot: Snapshot,
    resolved: ResolvedQuery,
    resolveFor: (current: Snapshot) => ResolvedQuery,
    gzipOk: boolean
  ): Promise<CachedResponse> => {
    // Whether cells are hidden changes the bytes: it is in the key.
    const variant = [gzipOk ? 'gzip' : 'identity', resolved.suppress ? 'suppressed' : 'all'].join(' ');
    const key = `${snapshot.dataVersion}\n${variant}\n${JSON.stringify(resolved.normalized)}`;
    return cache.get(key, () => warehouse.use((connection, current) => produce(connection, current, resolveFor(current), gzipOk)));
  };
  // Validation failures are thrown as the API's own 400s; the sign-in and admin routes use this hook too.
  const app = new OpenAPIHono<ApiEnv>({ defaultHook: validationHook }).basePath('/api');

  // Once per request, before every route: a forged cross-site post is refused, then a signed-out caller.
  app.use('*', csrfCheck);
  app.use('*', requireSignIn);
  app.route('/auth', createAuthRoutes(access.auth));
  app.route(
    '/admin',
    createAdminRoutes(access.admin, audit, async () => (await warehouse.snapshot()).org)
  );

  app.openapi(routes.health, async (c) => {
    const body: HealthResponse = await warehouse
      .snapshot()
      .then((s): HealthResponse => ({
        status: 'ok',
        dataVersion: s.dataVersion,
        lastRun: s.lastRun,
        dataFrom: s.dataFrom,
        freshness: assessFreshness(s.feedDays, lags, new Date())
      }))
      .catch((error) => {
        if (error instanceof NoWarehouse)
          return { status: 'no-warehouse', dataVersion: null, lastRun: null, dataFrom: null, freshness: null };
        throw error;
      });
    c.header('Cache-Control', 'no-store');
    return c.json(body, 200);
  });

  app.openapi(routes.indicators, async (c) => {
    const snapshot = await warehouse.snapshot().catch((error) => {
      if (error instanceof NoWarehouse) return null;
      throw error;
    });
    if (snapshot) {
      const unchanged = validators(c, snapshot.dataVersion);
      if (unchanged) return unchanged;
    }
    const dimensions = DIMENSIONS.map((d) =>
      d.id === 'medical_community' && snapshot ? { ...d, values: snapshot.medicalCommunities } : d
    );
    const body: IndicatorsResponse = { dataVersion: snapshot?.dataVersion ?? null, indicators: INDICATORS, dimensions };
    return c.json(body, 200);
  });

  app.openapi(routes.orgUnits, async (c) => {
    const caller = signedIn(c);
    const snapshot = await warehouse.snapshot();
    const scope = callerScope(caller, snapshot.org);
    const unchanged = validators(c, snapshot.dataVersion);
    if (unchanged) return unchanged;
    const body: OrgUnitsResponse = { root: scope.code, units: snapshot.org.subtree(scope.code) };
    // A manager may also read their prefecture as a whole: the picker offers it as a benchmark.
    const prefecture = caller.role === 'manager' ? snapshot.org.prefectureOf(scope.code) : undefined;
    if (prefecture && prefecture !== scope.code) body.benchmarkRoot = snapshot.org.subtree(prefecture)[0];
    return c.json(body, 200);
  });

  app.openapi(routes.query, async (c) => {
    const caller = signedIn(c);
    const params = c.req.valid('query');
    const snapshot = await warehouse.snapshot();
    const resolved = resolveQuery(params, caller, snapshot);
    const gzipOk = acceptsGzip(c.req.header('accept-encoding'));
    // A publish may have landed since the snapshot: answer from the file the query runs on.
    const resolveFor = (current: Snapshot) => (current === snapshot ? resolved : resolveQuery(params, caller, current));
    c.header('Cache-Control', 'private, no-cache');
    c.header('Vary', 'Accept-Encoding');
    if (resolved.download) {
      getOnly(c);
      // Streamed and always answered in full (no 304), so that every download is audited.
      const { indicator, format, lang, from, to, grain, org, by, compare, top } = resolved.normalized;
      const detail = { indicator, filters: { org, from, to, grain, by, compare, top }, format, lang };
      const file = await streamDownload(warehouse, resolved, {
        gzip: gzipOk,
        resolveFor,
        audited: (rows, complete) => audit(c, { action: 'export', detail: complete ? detail : { ...detail, incomplete: true }, rows })
      });
      for (const [name, value] of Object.entries(file.headers)) c.header(name, value);
      return c.body(file.body, 200);
    }
    const unchanged = validators(c, snapshot.dataVersion);
    if (unchanged) return unchanged;
    const response = await answer(snapshot, resolved, resolveFor, gzipOk);
    c.header('ETag', etag(response.dataVersion, caller));
    for (const [name, value] of Object.entries(response.headers)) c.header(name, value);
    return c.body(response.body as Uint8Array<ArrayBuffer>, 200);
  });

  app.openapi(routes.batch, async (c) => {
    const caller = signedIn(c);
    const snapshot = await warehouse.snapshot();
    // Each query as GET /api/query would answer it, refusals (and their audit) included: they are
    // decided before a 304, which must not stand in for a refusal.
    const items = [c.req.valid('query').q].flat().map((item): { refused: ItemResult } | { answer: () => Promise<ItemResult> } => {
      try {
        const params = parseItem(item);
        const resolved = resolveQuery(params, caller, snapshot);
        const resolveFor = (current: Snapshot) => (current === snapshot ? resolved : resolveQuery(params, caller, current));
        return { answer: async () => ({ status: 200, body: (await answer(snapshot, resolved, resolveFor, false)).body }) };
      } catch (error) {
        const refused = refusal(error);
        if (!refused) throw error;
        if (refused.reason) audit(c, denial(refused, c, Object.fromEntries(new URLSearchParams(item))));
        return { refused: { status: refused.status, body: Buffer.from(JSON.stringify(refused.body())) } };
      }
    });
    const unchanged = validators(c, snapshot.dataVersion);
    if (unchanged) return unchanged;
    const results = await Promise.all(items.map((item) => ('refused' in item ? item.refused : item.answer())));
    const { body, headers } = await batchBody(snapshot.dataVersion, results, acceptsGzip(c.req.header('accept-encoding')));
    c.header('Vary', 'Accept-Encoding');
    for (const [name, value] of Object.entries(headers)) c.header(name, value);
    return c.body(body as Uint8Array<ArrayBuffer>, 200);
  });

  app.openapi(routes.runs, async (c) => {
    const snapshot = await warehouse.snapshot();
    const unchanged = validators(c, snapshot.dataVersion);
    if (unchanged) return unchanged;
    return c.json(await warehouse.use((connection) => readRuns(connection)), 200);
  });

  mountReport(app, warehouse, audit);

  app.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Health Cloud Insight API',
      version: '1.0.0',
      description:
        "Indicators of the regional health cloud over org units and periods. Sign in first (POST /api/auth/login sets the session cookie); every answer is restricted to the caller's org-unit scope, small counts of persons are hidden for most roles, and downloads need the analyst or admin role."
    }
  });

  app.notFound((c) => {
    const known = Object.values(routes).some((r) => `/api${r.path}` === c.req.path) || c.req.path === '/api/openapi.json';
    const error = known
      ? new ApiError('method_not_allowed', `${c.req.method} is not allowed here; use GET`)
      : new ApiError('not_found', `No endpoint ${quote(c.req.path)}`);
    return error.response();
  });

  // The one error middleware: every refusal of every route, and of the checks before them, is
  // answered here; one with a reason (scope, export, not_admin, csrf) is audited as denied.
  app.onError((error, c) => {
    const refused = refusal(error);
    if (refused) {
      if (refused.reason) audit(c, denial(refused, c));
      return refused.response();
    }
    if (error instanceof NoWarehouse) return new ApiError('no_warehouse', error.message).response();
    console.error('api: unexpected error', error);
    return new ApiError('internal', 'Internal error; the server log has the details').response();
  });

  return app;
}
