import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listAudit, recordAudit } from '../../../src/lib/server/audit/audit-log';
import { openAppDb } from '../../../src/lib/server/auth/app-db';
import { manualClock, MINUTE } from './fixtures';

describe('audit log', () => {
  it('is append-only: UPDATE and DELETE are aborted by the database itself', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hci-audit-'));
    const file = join(dir, 'app.sqlite');
    let db = openAppDb(file);
    recordAudit(db, { username: 'alice', role: 'analyst', action: 'export', rows: 10 });
    db.close();
    // Reopened, as the CLI and the server do: the triggers persist in the file.
    db = openAppDb(file);
    expect(() => db.prepare("UPDATE audit_log SET username = 'mallory'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(listAudit(db).rows).toMatchObject([{ username: 'alice', rows: 10 }]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('rejects actions outside the fixed list', () => {
    const db = openAppDb(':memory:');
    expect(() => recordAudit(db, { username: 'a', role: null, action: 'delete_everything' as 'export' })).toThrow(/CHECK/);
  });

  it('lists newest first, filters by user, action, time and detail text, and pages', () => {
    const db = openAppDb(':memory:');
    const clock = manualClock();
    const t0 = clock();
    for (let i = 0; i < 12; i++) {
      recordAudit(
        db,
        {
          username: i % 2 ? 'alice' : 'bob',
          role: i % 2 ? 'analyst' : 'county',
          action: i % 3 ? 'export' : 'denied',
          detail: { indicator: `ind_${i}`, format: i % 4 ? 'csv' : 'xlsx', filters: { org: '652301' } },
          rows: i,
          address: '10.0.0.1'
        },
        clock
      );
      clock.advance(MINUTE);
    }
    const all = listAudit(db, {}, { page: 1, pageSize: 5 });
    expect(all.total).toBe(12);
    expect(all.rows.map((r) => r.rows)).toEqual([11, 10, 9, 8, 7]);
    expect(listAudit(db, {}, { page: 3, pageSize: 5 }).rows.map((r) => r.rows)).toEqual([1, 0]);
    expect(listAudit(db, { username: 'alice', action: 'export' }).rows.map((r) => r.rows)).toEqual([11, 7, 5, 1]);
    expect(listAudit(db, { from: t0 + 3 * MINUTE, to: t0 + 5 * MINUTE }).rows.map((r) => r.rows)).toEqual([4, 3]);
    expect(listAudit(db, { text: '"xlsx"' }).rows.map((r) => r.rows)).toEqual([8, 4, 0]);
    expect(listAudit(db, { role: 'county', action: 'denied' }).total).toBe(2);
    expect(all.rows[0].detail).toEqual({ indicator: 'ind_11', format: 'csv', filters: { org: '652301' } });
    // Filter text is a bound parameter matched literally, never SQL or a LIKE pattern.
    expect(listAudit(db, { text: "%' OR 1=1 --" }).total).toBe(0);
    expect(listAudit(db, { username: "x' OR '1'='1" }).total).toBe(0);
  });

  it('cuts over-long names and details instead of storing them whole', () => {
    const db = openAppDb(':memory:');
    recordAudit(db, { username: 'u'.repeat(500), role: null, action: 'login_failed', detail: { blob: 'x'.repeat(10_000) } });
    const [row] = listAudit(db).rows;
    expect(row.username).toHaveLength(64);
    expect(JSON.stringify(row.detail).length).toBeLessThan(4100);
  });
});
