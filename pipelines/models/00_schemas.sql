-- 00_schemas: the warehouse's schemas and the pipeline's own records (meta).
-- Created if missing, so the first run and every later one share this file.
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS mart_services;
CREATE SCHEMA IF NOT EXISTS mart_reform;
CREATE SCHEMA IF NOT EXISTS mart_public_health;
CREATE SCHEMA IF NOT EXISTS mart_assets;
CREATE SCHEMA IF NOT EXISTS meta;

-- One row per pipeline run: published, published_with_warnings (something was set aside: see the
-- run's warning checks) or failed (failed runs are kept beside the warehouse and copied in by the
-- next run that publishes).
CREATE TABLE IF NOT EXISTS meta.runs (
  run_id VARCHAR PRIMARY KEY,
  started_at TIMESTAMPTZ NOT NULL,
  finished_at TIMESTAMPTZ,
  status VARCHAR NOT NULL,
  dates_loaded DATE[],
  data_version VARCHAR,
  landing VARCHAR,
  failed_step VARCHAR,
  error VARCHAR,
  duration_ms BIGINT
);
CREATE TABLE IF NOT EXISTS meta.run_steps (
  run_id VARCHAR NOT NULL,
  step VARCHAR NOT NULL,
  started_at TIMESTAMPTZ NOT NULL,
  duration_ms BIGINT NOT NULL,
  detail VARCHAR
);
-- Accounting per feed and landing day: lines_read (counted while streaming the files, apart from
-- the parse) = loaded + quarantined + duplicates + blank_lines.
CREATE TABLE IF NOT EXISTS meta.run_feeds (
  run_id VARCHAR NOT NULL,
  feed VARCHAR NOT NULL,
  source_date DATE NOT NULL,
  files INTEGER NOT NULL,
  files_unreadable INTEGER NOT NULL,
  lines_read BIGINT NOT NULL,
  loaded BIGINT NOT NULL,
  quarantined BIGINT NOT NULL,
  duplicates BIGINT NOT NULL,
  late_arrivals BIGINT NOT NULL
);
ALTER TABLE meta.run_feeds ADD COLUMN IF NOT EXISTS blank_lines BIGINT DEFAULT 0;
ALTER TABLE meta.run_feeds ADD COLUMN IF NOT EXISTS files_truncated INTEGER DEFAULT 0;
-- Every landing file a run read: its size, its line count, how it was encoded, what became of it
-- (read, truncated: its lines set aside and the day flagged for re-export, unreadable).
CREATE TABLE IF NOT EXISTS meta.run_files (
  run_id VARCHAR NOT NULL,
  feed VARCHAR NOT NULL,
  source_date DATE NOT NULL,
  file VARCHAR NOT NULL,
  bytes BIGINT NOT NULL,
  compression VARCHAR NOT NULL,
  encoding VARCHAR NOT NULL,
  lines BIGINT NOT NULL,
  lines_parsed BIGINT NOT NULL,
  outcome VARCHAR NOT NULL,
  detail VARCHAR
);
-- What a run found in the landing zone and did not read, with the reason; warning = FALSE for
-- hidden entries (names starting with _ or .).
CREATE TABLE IF NOT EXISTS meta.skipped_paths (
  run_id VARCHAR NOT NULL,
  path VARCHAR NOT NULL,
  reason VARCHAR NOT NULL,
  warning BOOLEAN NOT NULL
);
-- Fields the contract does not know (ignored), per feed and landing day: found in a sample of the
-- records (the first of every 256 KB of a file), of which records_with_field had the field.
CREATE TABLE IF NOT EXISTS meta.unknown_fields (
  run_id VARCHAR NOT NULL,
  feed VARCHAR NOT NULL,
  source_date DATE NOT NULL,
  field VARCHAR NOT NULL,
  records_sampled BIGINT NOT NULL,
  records_with_field BIGINT NOT NULL
);
-- Severity error: a failure blocks publish; warning: the run publishes with warnings.
CREATE TABLE IF NOT EXISTS meta.checks (
  run_id VARCHAR NOT NULL,
  check_name VARCHAR NOT NULL,
  passed BOOLEAN NOT NULL,
  failing_rows BIGINT NOT NULL,
  detail VARCHAR
);
ALTER TABLE meta.checks ADD COLUMN IF NOT EXISTS severity VARCHAR DEFAULT 'error';
-- Rows that could not be loaded, as of the last load of their landing day; identifiers masked.
CREATE TABLE IF NOT EXISTS meta.quarantine (
  run_id VARCHAR NOT NULL,
  feed VARCHAR NOT NULL,
  source_date DATE NOT NULL,
  file VARCHAR NOT NULL,
  line_no BIGINT,
  reason_code VARCHAR NOT NULL,
  field VARCHAR,
  masked_line VARCHAR
);
-- Which landing days are in the warehouse, and by which run.
CREATE TABLE IF NOT EXISTS meta.loaded_dates (
  source_date DATE PRIMARY KEY,
  run_id VARCHAR NOT NULL
);
CREATE TABLE IF NOT EXISTS meta.settings (
  key VARCHAR PRIMARY KEY,
  value VARCHAR NOT NULL
);

-- Landing days whose latest load found a damaged or unreadable file: the platform should export
-- them again (then `npm run pipeline -- --date D` reloads the day and clears the flag).
CREATE OR REPLACE VIEW meta.reexport_needed AS
WITH latest AS (
  SELECT f.* FROM meta.run_files f JOIN meta.runs r USING (run_id)
  QUALIFY dense_rank() OVER (PARTITION BY f.feed, f.source_date ORDER BY r.started_at DESC) = 1
)
SELECT feed, source_date, file, outcome, detail FROM latest WHERE outcome <> 'read';
