// The application database's work per request, timed: a session checked (SELECT and UPDATE), an
// audit row written, a sign-in (sweep and INSERT in one transaction) and a page of the audit log,
// on a file in WAL mode. Usage: node --import tsx test/bench/app-db.ts <tree> <dir>; the tree's own
// modules are loaded, so a baseline checkout measures its own driver (better-sqlite3 before the
// move to node:sqlite). Prints one JSON line of microseconds per operation.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const [tree, dir] = process.argv.slice(2);
const { openAppDb } = await import(join(tree, 'src/lib/server/auth/app-db.ts'));
const { createSession, validateSession, sessionPolicy } = await import(join(tree, 'src/lib/server/auth/sessions.ts'));
const { recordAudit, listAudit } = await import(join(tree, 'src/lib/server/audit/audit-log.ts'));

rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const db = openAppDb(join(dir, 'app.sqlite'));
const now = Date.now();
db.prepare(
  "INSERT INTO users (username, role, scope_org, password_hash, created_at, updated_at) VALUES ('bench', 'official', '652300', 'x', ?, ?)"
).run(now, now);
const policy = sessionPolicy({});
const clock = () => Date.now();

function perOp(n: number, op: (i: number) => unknown): number {
  for (let i = 0; i < Math.min(200, n); i++) op(i); // warm: statements compiled, pages cached
  const t0 = performance.now();
  for (let i = 0; i < n; i++) op(i);
  return ((performance.now() - t0) * 1000) / n;
}

const { token } = createSession(db, 'bench', clock, policy, '127.0.0.1');
const result = {
  validateSessionUs: perOp(20_000, () => validateSession(db, token, clock, policy)),
  recordAuditUs: perOp(20_000, (i) =>
    recordAudit(db, { username: 'bench', role: 'official', action: 'export', detail: { i }, address: '127.0.0.1' })
  ),
  createSessionUs: perOp(5_000, () => createSession(db, 'bench', clock, policy, '127.0.0.1')),
  listAuditUs: perOp(2_000, (i) => listAudit(db, { text: String(i % 97) }, { page: 1, pageSize: 50 }))
};
db.close();
console.log(JSON.stringify(result));
