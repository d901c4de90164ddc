// What a run set aside, as checks: quarantined lines, damaged or unreadable files, skipped paths of
// the landing zone, fields the contract does not know. Each is a warning (the run publishes with
// warnings and says so) unless the operator's thresholds make it an error that blocks publish.
import type { CheckResult, Severity } from './checks';
import { literal } from './sql';
import type { Database } from './warehouse';

export interface Thresholds {
  /** A feed-day of at least MIN_LINES_FOR_SHARE lines quarantining more than this share fails the run. */
  quarantinedShare: number;
  /** Kinds of set-aside data that fail the run instead of warning. */
  failOn: ('truncated' | 'unreadable' | 'skipped')[];
}

/** Below this a feed-day's share is noise (one bad line in 20 is 5%): such days are not judged by it. */
export const MIN_LINES_FOR_SHARE = 100;

const run = (runId: string) => `run_id = ${literal(runId)}`;

function check(name: string, findings: string[], failing: number, severity: Severity, ok: string): CheckResult {
  return { name, passed: failing === 0, failingRows: failing, detail: failing === 0 ? ok : findings.join('; '), severity };
}

export async function setAsideChecks(db: Database, runId: string, thresholds: Thresholds): Promise<CheckResult[]> {
  const results: CheckResult[] = [];

  const reasons = await db.rows<{ reason: string; n: number }>(`
    SELECT reason_code AS reason, CAST(count(*) AS INTEGER) AS n FROM meta.quarantine WHERE ${run(runId)} GROUP BY 1 ORDER BY 2 DESC, 1`);
  const read = Number(await db.value(`SELECT coalesce(sum(lines_read), 0) FROM meta.run_feeds WHERE ${run(runId)}`));
  const lines = reasons.filter((r) => r.reason !== 'unreadable_file').reduce((sum, r) => sum + r.n, 0);
  results.push(
    check(
      'set aside: lines quarantined',
      [
        `${lines} of ${read} lines (${read > 0 ? ((100 * lines) / read).toFixed(3) : '0'}%)`,
        `by reason: ${reasons
          .filter((r) => r.reason !== 'unreadable_file')
          .map((r) => `${r.reason} ${r.n}`)
          .join(', ')}`
      ],
      lines,
      'warning',
      `none of ${read} lines`
    )
  );

  // The share leaves out truncated files' lines: a damaged transfer has its own check and flag.
  const share = thresholds.quarantinedShare;
  const over = await db.rows<{ feed: string; day: string; lines: number; quarantined: number }>(`
    SELECT f.feed, CAST(f.source_date AS VARCHAR) AS day, CAST(f.lines_read AS INTEGER) AS lines, CAST(coalesce(q.n, 0) AS INTEGER) AS quarantined
    FROM meta.run_feeds f LEFT JOIN (
      SELECT feed, source_date, count(*) AS n FROM meta.quarantine WHERE ${run(runId)} AND reason_code NOT IN ('truncated_file', 'unreadable_file') GROUP BY ALL
    ) q USING (feed, source_date)
    WHERE f.${run(runId)} AND f.lines_read >= ${MIN_LINES_FOR_SHARE} AND coalesce(q.n, 0) > ${share} * f.lines_read
    ORDER BY quarantined * 1.0 / lines DESC, feed, day`);
  results.push(
    check(
      "threshold: share of a feed-day's lines quarantined",
      [
        `over ${(share * 100).toFixed(1)}% (HCI_FAIL_QUARANTINED_SHARE) in feed-days of ${MIN_LINES_FOR_SHARE}+ lines`,
        ...over.slice(0, 5).map((o) => `${o.feed} ${o.day}: ${o.quarantined} of ${o.lines}`),
        ...(over.length > 5 ? [`and ${over.length - 5} more`] : [])
      ],
      over.length,
      'error',
      `none over ${(share * 100).toFixed(1)}%`
    )
  );

  const damaged = await db.rows<{ feed: string; day: string; file: string; outcome: string; detail: string | null }>(`
    SELECT feed, CAST(source_date AS VARCHAR) AS day, file, outcome, detail FROM meta.run_files WHERE ${run(runId)} AND outcome <> 'read' ORDER BY feed, day, file`);
  for (const [outcome, name] of [
    ['truncated', 'set aside: damaged gzip files (days flagged for re-export)'],
    ['unreadable', 'set aside: unreadable files (days flagged for re-export)']
  ] as const) {
    const files = damaged.filter((d) => d.outcome === outcome);
    results.push(
      check(
        name,
        files
          .slice(0, 5)
          .map((f) => `${f.feed} ${f.day} ${f.file.split('/').at(-1)}: ${f.detail}`)
          .concat(files.length > 5 ? [`and ${files.length - 5} more`] : []),
        files.length,
        thresholds.failOn.includes(outcome) ? 'error' : 'warning',
        'none'
      )
    );
  }

  const skipped = await db.rows<{ path: string; reason: string }>(
    `SELECT path, reason FROM meta.skipped_paths WHERE ${run(runId)} AND warning ORDER BY path`
  );
  results.push(
    check(
      'landing zone: nothing skipped',
      skipped
        .slice(0, 5)
        .map((p) => `${p.path}: ${p.reason}`)
        .concat(skipped.length > 5 ? [`and ${skipped.length - 5} more`] : []),
      skipped.length,
      thresholds.failOn.includes('skipped') ? 'error' : 'warning',
      'ok'
    )
  );

  const unknown = await db.rows<{ feed: string; field: string; n: number; sampled: number }>(`
    SELECT feed, field, CAST(sum(records_with_field) AS INTEGER) AS n, CAST(sum(records_sampled) AS INTEGER) AS sampled
    FROM meta.unknown_fields WHERE ${run(runId)} GROUP BY ALL ORDER BY feed, field`);
  results.push(
    check(
      'contract: no fields it does not know (such fields are ignored)',
      unknown.map((u) => `${u.feed}.${u.field} in ${u.n} of ${u.sampled} records sampled`),
      unknown.length,
      'warning',
      'ok'
    )
  );
  return results;
}
