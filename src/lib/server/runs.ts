// What /api/runs reports from the warehouse's own records (meta, written by the pipeline): the
// runs, the accounting of every feed, why rows were quarantined, the last run's checks and steps,
// the landing paths it skipped and the landing days that need a new export.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { RunsResponse, Text } from '../contract/contract';
import { hasMessage, translate } from '../i18n';

const RUNS = 50;

async function rows<T>(connection: DuckDBConnection, sql: string): Promise<T[]> {
  return (await connection.runAndReadAll(sql)).getRowObjectsJS() as T[];
}

/** A feed's name for readers, from the dictionary (feed.<name>); an unknown feed keeps its id. */
export function feedTitle(feed: string): Text {
  const key = `feed.${feed}`;
  return hasMessage(key) ? { zh: translate('zh', key), en: translate('en', key) } : { zh: feed, en: feed };
}

/** A feed's newest landing day with data in the warehouse. */
export interface FeedDay {
  feed: string;
  newestDay: string;
}

/**
 * Per feed, the newest landing day a published run loaded rows of: a failed run's records are
 * kept, but its data is not in the warehouse, and a day whose every line was set aside brings
 * no data either.
 */
export async function newestFeedDays(connection: DuckDBConnection): Promise<FeedDay[]> {
  return rows<FeedDay>(
    connection,
    `
    SELECT f.feed, CAST(max(f.source_date) AS VARCHAR) AS "newestDay"
    FROM meta.run_feeds f JOIN meta.runs r USING (run_id)
    WHERE r.status IN ('published', 'published_with_warnings') AND f.loaded > 0
    GROUP BY f.feed ORDER BY f.feed`
  );
}

const iso = (column: string) => `strftime(${column} AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ')`;

export async function readRuns(connection: DuckDBConnection): Promise<RunsResponse> {
  const runs = await rows<RunsResponse['runs'][number]>(
    connection,
    `
    SELECT run_id AS "runId", status, ${iso('started_at')} AS "startedAt", ${iso('finished_at')} AS "finishedAt",
           CAST(duration_ms AS DOUBLE) AS "durationMs", CAST(list_min(dates_loaded) AS VARCHAR) AS "datesFrom",
           CAST(list_max(dates_loaded) AS VARCHAR) AS "datesTo", data_version AS "dataVersion",
           failed_step AS "failedStep", error
    FROM meta.runs ORDER BY started_at DESC LIMIT ${RUNS}`
  );
  const blank =
    (
      await rows<{ n: number }>(
        connection,
        `SELECT CAST(count(*) AS INTEGER) AS n FROM information_schema.columns WHERE table_schema = 'meta' AND table_name = 'run_feeds' AND column_name = 'blank_lines'`
      )
    )[0].n > 0;
  // A landing day loaded twice is counted as its latest load counted it.
  const feedRows = await rows<Omit<RunsResponse['feeds'][number], 'title'>>(
    connection,
    `
    WITH latest AS (
      SELECT f.* FROM meta.run_feeds f JOIN meta.runs r USING (run_id)
      QUALIFY row_number() OVER (PARTITION BY f.feed, f.source_date ORDER BY r.started_at DESC) = 1
    )
    SELECT feed, CAST(sum(lines_read) AS DOUBLE) AS "linesRead", CAST(sum(loaded) AS DOUBLE) AS loaded,
           CAST(sum(quarantined) AS DOUBLE) AS quarantined, CAST(sum(duplicates) AS DOUBLE) AS duplicates,
           CAST(sum(${blank ? 'blank_lines' : '0'}) AS DOUBLE) AS "blankLines"
    FROM latest GROUP BY feed ORDER BY feed`
  );
  const feeds = feedRows.map((f) => ({ ...f, title: feedTitle(f.feed) }));
  const quarantine = await rows<RunsResponse['quarantine'][number]>(
    connection,
    `
    SELECT feed, reason_code AS reason, CAST(count(*) AS DOUBLE) AS rows FROM meta.quarantine GROUP BY ALL ORDER BY rows DESC, feed, reason`
  );
  const latest = `(SELECT run_id FROM meta.runs WHERE status IN ('published', 'published_with_warnings') ORDER BY started_at DESC LIMIT 1)`;
  // A warehouse built before checks had a severity holds errors only.
  const severity =
    (
      await rows<{ n: number }>(
        connection,
        `SELECT CAST(count(*) AS INTEGER) AS n FROM information_schema.columns WHERE table_schema = 'meta' AND table_name = 'checks' AND column_name = 'severity'`
      )
    )[0].n > 0;
  const checks = await rows<RunsResponse['checks'][number]>(
    connection,
    `
    SELECT run_id AS "runId", check_name AS "check", passed, CAST(failing_rows AS DOUBLE) AS "failingRows", detail,
           ${severity ? "coalesce(severity, 'error')" : "'error'"} AS severity
    FROM meta.checks WHERE run_id = ${latest} ORDER BY severity, check_name`
  );
  // Warehouses built before these records existed have no such tables: empty lists, not an error.
  const skipped = await rows<RunsResponse['skipped'][number]>(
    connection,
    `
    SELECT path, reason, warning FROM meta.skipped_paths WHERE run_id = ${latest} ORDER BY warning DESC, path`
  ).catch(() => []);
  const reexport = await rows<RunsResponse['reexport'][number]>(
    connection,
    `
    SELECT feed, CAST(source_date AS VARCHAR) AS day, file, outcome, detail FROM meta.reexport_needed ORDER BY source_date, feed, file`
  ).catch(() => []);
  const steps = await rows<RunsResponse['steps'][number]>(
    connection,
    `
    SELECT run_id AS "runId", step, ${iso('started_at')} AS "startedAt", CAST(duration_ms AS DOUBLE) AS "durationMs", detail
    FROM meta.run_steps WHERE run_id = ${latest} ORDER BY started_at, step`
  );
  return { runs, feeds, quarantine, checks, steps, skipped, reexport };
}
