// The admin page's calls to /api/admin: JSON in, JSON out, the server's message on failure.
import type { Role } from '#lib/api/contract.js';

export interface AdminUser {
  username: string;
  role: Role;
  scopeOrg: string;
  disabled: boolean;
  lockedUntil: number | null;
}

export interface AuditRow {
  id: number;
  at: number;
  username: string | null;
  role: string | null;
  action: string;
  detail: Record<string, unknown>;
  rows: number | null;
  address: string | null;
}

export interface AuditPage {
  rows: AuditRow[];
  total: number;
  page: number;
  pageSize: number;
}

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
