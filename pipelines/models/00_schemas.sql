-- 00_schemas: the warehouse's schemas and the pipeline's own records (meta).
-- Created if missing, so the first run and every later one share this file.
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS mart_services;
CREATE SCHEMA IF NOT EXISTS mart_reform;
CREATE SCHEMA IF NOT EXISTS mart_public_health;
CREATE SCHEMA IF NOT EXISTS mart_assets;
CREATE SCHEMA IF NOT EXISTS meta;

-- One row per pipeline run that published (failed runs are kept beside the warehouse and
-- copied in by the next run that publishes).
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
-- Accounting per feed and landing day: lines_read = loaded + quarantined + duplicates.
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
CREATE TABLE IF NOT EXISTS meta.checks (
  run_id VARCHAR NOT NULL,
  check_name VARCHAR NOT NULL,
  passed BOOLEAN NOT NULL,
  failing_rows BIGINT NOT NULL,
  detail VARCHAR
);
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
