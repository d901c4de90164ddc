// Browser-side calls to /api. Errors keep the server's message (503 says how to build the
// warehouse, 400 names the bad parameter) so pages can show it as it is.
import type { ApiErrorBody, ErrorCode } from '#lib/contract/contract.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'network',
    message: string,
    readonly parameter?: string
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Fetch = typeof fetch;

/** The response when it is 2xx, else an ApiError carrying the body's message. */
export async function request(fetcher: Fetch, path: string, signal?: AbortSignal): Promise<Response> {
  let response: Response;
  try {
    response = await fetcher(path, { signal });
  } catch (err) {
    if (signal?.aborted) throw err;
    throw new ApiError(0, 'network', err instanceof Error ? err.message : String(err));
  }
  if (response.ok) return response;
  let body: Partial<ApiErrorBody> = {};
  try {
    body = (await response.json()) as Partial<ApiErrorBody>;
  } catch {
    // Not JSON (a proxy's HTML page): the status line is all there is.
  }
  throw new ApiError(response.status, body.error ?? 'internal', body.message ?? `HTTP ${response.status} ${response.statusText}`, body.parameter);
}

export async function getJson<T>(fetcher: Fetch, path: string, signal?: AbortSignal): Promise<T> {
  return (await request(fetcher, path, signal)).json() as Promise<T>;
}
