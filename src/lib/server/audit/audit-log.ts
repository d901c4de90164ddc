// The audit log: who did what, when, from where, and how many rows it took away. Rows are
// only ever inserted, by recordAudit alone (the API's requests through api/access.ts's auditor,
// the sign-in flows, the users CLI); triggers in the schema (auth/migrations.ts) abort any
// UPDATE or DELETE.
import { AUDIT_ACTIONS, type AuditAction } from '../../contract/contract';
import type { SQLInputValue } from 'node:sqlite';
import type { AppDb } from '../auth/app-db';
import { systemClock, type Clock } from '../auth/clock';

export { AUDIT_ACTIONS, type AuditAction };

export interface AuditEntry {
  /** Null when nobody is signed in; for failed sign-ins, the name that was tried. */
  username: string | null;
  /** The user's role, or 'cli' for `npm run users`; null when unknown. */
  role: string | null;
  action: AuditAction;
  /** What was asked for: indicator, filters, format, target user, reason for a denial ... */
  detail?: Record<string, unknown>;
  /** Rows exported, when the action returned data. */
  rows?: number | null;
  address?: string | null;
}

export interface AuditRecord {
  id: number;
  at: number;
  username: string | null;
  role: string | null;
  action: AuditAction;
  detail: Record<string, unknown>;
  rows: number | null;
  address: string | null;
}

// Longer values are cut: a pasted password in the username field should not be kept whole,
// and a crafted request should not fill the disk.
const MAX_TEXT = 64;
const MAX_DETAIL = 4000;

export function recordAudit(db: AppDb, entry: AuditEntry, clock: Clock = systemClock): number {
  let detail = JSON.stringify(entry.detail ?? {});
  if (detail.length > MAX_DETAIL) detail = JSON.stringify({ truncated: detail.slice(0, MAX_DETAIL) });
  const result = db
    .prepare('INSERT INTO audit_log (at, username, role, action, detail, rows, address) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(
      clock(),
      entry.username?.slice(0, MAX_TEXT) ?? null,
      entry.role,
      entry.action,
      detail,
      entry.rows ?? null,
      entry.address?.slice(0, MAX_TEXT) ?? null
    );
  return Number(result.lastInsertRowid);
}

export interface AuditFilter {
  username?: string;
  role?: string;
  action?: AuditAction;
  /** Inclusive lower bound, epoch ms. */
  from?: number;
  /** Exclusive upper bound, epoch ms. */
  to?: number;
  /** Substring of the detail JSON (an indicator id, a format ...). */
  text?: string;
}

export interface PageRequest {
  /** 1-based. */
  page: number;
  pageSize: number;
}

export interface AuditPage {
  rows: AuditRecord[];
  total: number;
  page: number;
  pageSize: number;
}

export const MAX_PAGE_SIZE = 500;

interface AuditRow extends Omit<AuditRecord, 'detail'> {
  detail: string;
}

/** Newest first. Every filter value is a bound parameter. */
export function listAudit(db: AppDb, filter: AuditFilter = {}, request: PageRequest = { page: 1, pageSize: 50 }): AuditPage {
  const where: string[] = [];
  const params: SQLInputValue[] = [];
  const add = (sql: string, value: SQLInputValue) => {
    where.push(sql);
    params.push(value);
  };
  if (filter.username) add('username = ?', filter.username);
  if (filter.role) add('role = ?', filter.role);
  if (filter.action) add('action = ?', filter.action);
  if (filter.from !== undefined) add('at >= ?', filter.from);
  if (filter.to !== undefined) add('at < ?', filter.to);
  // instr() rather than LIKE: the text is matched literally, % and _ included.
  if (filter.text) add('instr(detail, ?) > 0', filter.text);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const pageSize = Math.min(Math.max(1, Math.trunc(request.pageSize)), MAX_PAGE_SIZE);
  const page = Math.max(1, Math.trunc(request.page));
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${clause}`).get(...params) as { n: number }).n;
  const rows = db
    .prepare(`SELECT * FROM audit_log ${clause} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...params, pageSize, (page - 1) * pageSize) as unknown as AuditRow[];
  return { rows: rows.map((r) => ({ ...r, detail: JSON.parse(r.detail) as Record<string, unknown> })), total, page, pageSize };
}
