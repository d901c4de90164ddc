// The admin page's calls to /api/admin: JSON in, JSON out, the server's message on failure.
// The shapes are the contract's (src/lib/contract/contract.ts, inferred from the API's schemas).
export type { AuditPageResponse, NewUserResult, User, UsersResponse } from '#lib/contract/contract.js';

export class AdminError extends Error {}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`/api/admin${path}`, init);
  const body = (await response.json().catch(() => ({}))) as { message?: string };
  if (!response.ok) throw new AdminError(body.message ?? `HTTP ${response.status}`);
  return body as T;
}

export const getJson = <T>(path: string) => call<T>(path);

export const postJson = <T>(path: string, body: unknown = {}) =>
  call<T>(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
