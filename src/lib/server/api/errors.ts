// Every refusal the API gives, as one error type with its status, answered by the one error
// middleware of ./app.ts. Messages are written here or by the flows of ../auth, never passed
// through from DuckDB, so no SQL or file path of the server reaches a client.
import type { Context } from 'hono';
import type { ApiErrorBody, ErrorCode } from '../../contract/contract';

/** The status of each code the contract lists (ERROR_CODES). */
const STATUS: Record<ErrorCode, number> = {
  bad_parameter: 400,
  bad_request: 400,
  weak_password: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf: 403,
  disabled: 403,
  not_found: 404,
  method_not_allowed: 405,
  locked: 423,
  throttled: 429,
  no_warehouse: 503,
  internal: 500
};

/** Why a request was refused, as the audit log records it: a refusal with a reason is audited as denied. */
export type DenialReason = 'scope' | 'export' | 'not_admin' | 'csrf';

export interface ErrorExtras {
  /** For the audit row of a denial: what was asked for (default: the request's data parameters). */
  detail?: Record<string, unknown>;
  /** Sent as the Retry-After header and in the body. */
  retryAfterSeconds?: number;
}

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly parameter?: string,
    readonly reason?: DenialReason,
    readonly extras: ErrorExtras = {}
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }

  body(): ApiErrorBody {
    const body: ApiErrorBody = { error: this.code, message: this.message };
    if (this.parameter !== undefined) body.parameter = this.parameter;
    if (this.extras.retryAfterSeconds !== undefined) body.retryAfterSeconds = this.extras.retryAfterSeconds;
    return body;
  }

  /** The answer: the body as JSON, with Retry-After when there is a wait. */
  response(): Response {
    const headers: Record<string, string> = {};
    if (this.extras.retryAfterSeconds !== undefined) headers['Retry-After'] = String(this.extras.retryAfterSeconds);
    return Response.json(this.body(), { status: this.status, headers });
  }
}

export const badParameter = (parameter: string, message: string) => new ApiError('bad_parameter', message, parameter);

/** A 403 the audit log records as `denied` with its reason. */
export const forbidden = (reason: DenialReason, message: string, parameter?: string) =>
  new ApiError('forbidden', message, parameter, reason);

/** A request body (of the sign-in and admin routes) that is not the documented JSON. */
export const badBody = () => new ApiError('bad_request', 'Expected a JSON body with the documented fields.');

/** A client-sent value quoted in a message: shortened, so a megabyte of input is not echoed back. */
export function quote(value: string): string {
  const short = value.length > 40 ? `${value.slice(0, 40)}…` : value;
  return JSON.stringify(short);
}

/** What a failed schema check reports about one parameter (a zod issue). */
interface ParameterIssue {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  keys?: readonly string[];
}

/** The 400 for parameters that failed their schema: the first issue, naming its parameter. */
export function invalidParameters(issues: readonly ParameterIssue[], given: (name: string) => boolean): ApiError {
  const issue = issues[0];
  if (issue.code === 'unrecognized_keys') {
    const key = String(issue.keys?.[0]);
    return badParameter(key, `Unknown parameter ${quote(key)}`);
  }
  const parameter = String(issue.path[0] ?? '');
  return badParameter(parameter, given(parameter) ? `${parameter}: ${issue.message}` : `${parameter} is required`);
}

/**
 * The validation hook of every route (OpenAPIHono's defaultHook): a query that fails its schema
 * is the 400 naming the parameter; a JSON body must come as application/json and match its
 * schema. Refusals are thrown, for the error middleware to answer.
 */
export function validationHook(
  result: { target: string; success: true } | { target: string; success: false; error: { issues: readonly ParameterIssue[] } },
  c: Context
): undefined {
  if (result.target === 'json') {
    if (!result.success || !(c.req.header('content-type') ?? '').startsWith('application/json')) throw badBody();
    return;
  }
  if (!result.success) throw invalidParameters(result.error.issues, (name) => c.req.query(name) !== undefined);
}
