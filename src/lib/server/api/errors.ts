// Every refusal the API gives, as one error type with its status. Messages are written here,
// never passed through from DuckDB, so no SQL or file path of the server reaches a client.
import type { ApiErrorBody, ErrorCode } from '../../api/contract';

const STATUS: Record<ErrorCode, number> = {
  bad_parameter: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  no_warehouse: 503,
  internal: 500
};

/** Why a request was forbidden, as the audit log records it. */
export type DenialReason = 'scope' | 'export';

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly parameter?: string,
    readonly reason?: DenialReason
  ) {
    super(message);
  }

  get status(): number {
    return STATUS[this.code];
  }

  body(): ApiErrorBody {
    return this.parameter === undefined
      ? { error: this.code, message: this.message }
      : { error: this.code, message: this.message, parameter: this.parameter };
  }
}

export const badParameter = (parameter: string, message: string) => new ApiError('bad_parameter', message, parameter);

/** A 403 the audit log records as `denied` with its reason. */
export const forbidden = (reason: DenialReason, message: string, parameter?: string) =>
  new ApiError('forbidden', message, parameter, reason);

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
