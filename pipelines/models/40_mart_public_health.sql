-- 40_mart_public_health (基本公共卫生): services delivered by day, the centres' monthly register
-- snapshots (the denominators), and yearly management measures that count people, not visits.

CREATE TABLE IF NOT EXISTS mart_public_health.services_daily (
  day DATE, institution_code VARCHAR, service_type VARCHAR, services BIGINT, controlled BIGINT
);
DELETE FROM mart_public_health.services_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_public_health.services_daily BY NAME
SELECT event_date AS day, institution_code, service_type, count(*) AS services, count(*) FILTER (WHERE controlled) AS controlled
FROM core.fact_public_health
WHERE service_type <> 'register_snapshot' AND event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Register snapshots describe the month before the day they are reported on. Stocks: summed
-- over institutions, taken at the latest month of a period (never summed over months).
CREATE TABLE IF NOT EXISTS mart_public_health.register_monthly (
  month DATE, institution_code VARCHAR, residents BIGINT, residents_65_plus BIGINT, children_0_6 BIGINT,
  health_records BIGINT, htn_registered BIGINT, dm_registered BIGINT, smi_registered BIGINT,
  contracted BIGINT, contracted_key_group BIGINT, key_group_residents BIGINT
);
CREATE OR REPLACE TEMP TABLE affected_snapshots AS
SELECT DISTINCT CAST(strptime(period, '%Y-%m') AS DATE) AS month
FROM core.fact_public_health WHERE service_type = 'register_snapshot' AND event_date IN (SELECT d FROM affected_dates);
DELETE FROM mart_public_health.register_monthly WHERE month IN (SELECT month FROM affected_snapshots);
INSERT INTO mart_public_health.register_monthly BY NAME
SELECT CAST(strptime(period, '%Y-%m') AS DATE) AS month, institution_code,
       sum(residents) AS residents, sum(residents_65_plus) AS residents_65_plus, sum(children_0_6) AS children_0_6,
       sum(health_records) AS health_records, sum(htn_registered) AS htn_registered, sum(dm_registered) AS dm_registered,
       sum(smi_registered) AS smi_registered, sum(contracted) AS contracted, sum(contracted_key_group) AS contracted_key_group,
       sum(key_group_residents) AS key_group_residents
FROM core.fact_public_health
WHERE service_type = 'register_snapshot' AND CAST(strptime(period, '%Y-%m') AS DATE) IN (SELECT month FROM affected_snapshots)
GROUP BY ALL ORDER BY ALL;

-- Yearly management, per the 国家基本公共卫生服务规范: a patient is managed to the standard with
-- four follow-ups in the year; controlled when the last follow-up of the year was on target;
-- the elderly count once per year however many checks. Denominators: the latest snapshot of the year.
CREATE TABLE IF NOT EXISTS mart_public_health.management_yearly (
  year SMALLINT, institution_code VARCHAR,
  htn_followed BIGINT, htn_standard BIGINT, htn_controlled BIGINT, htn_registered BIGINT,
  dm_followed BIGINT, dm_standard BIGINT, dm_controlled BIGINT, dm_registered BIGINT,
  smi_followed BIGINT, smi_standard BIGINT, smi_registered BIGINT,
  elderly_checked BIGINT, residents_65_plus BIGINT, children_checked BIGINT, children_0_6 BIGINT
);
CREATE OR REPLACE TEMP TABLE affected_years AS SELECT DISTINCT CAST(year(d) AS SMALLINT) AS year FROM affected_dates;
DELETE FROM mart_public_health.management_yearly WHERE year IN (SELECT year FROM affected_years);
INSERT INTO mart_public_health.management_yearly BY NAME
WITH person_year AS (
  SELECT CAST(year(event_date) AS SMALLINT) AS year, institution_code, person_key, service_type,
         count(*) AS n, arg_max(controlled, served_at) AS last_controlled
  FROM core.fact_public_health
  WHERE service_type IN ('htn_followup', 'dm_followup', 'smi_followup', 'elderly_check', 'child_check')
    AND year(event_date) IN (SELECT year FROM affected_years)
  GROUP BY ALL
), measures AS (
  SELECT year, institution_code,
         count(*) FILTER (WHERE service_type = 'htn_followup') AS htn_followed,
         count(*) FILTER (WHERE service_type = 'htn_followup' AND n >= 4) AS htn_standard,
         count(*) FILTER (WHERE service_type = 'htn_followup' AND last_controlled) AS htn_controlled,
         count(*) FILTER (WHERE service_type = 'dm_followup') AS dm_followed,
         count(*) FILTER (WHERE service_type = 'dm_followup' AND n >= 4) AS dm_standard,
         count(*) FILTER (WHERE service_type = 'dm_followup' AND last_controlled) AS dm_controlled,
         count(*) FILTER (WHERE service_type = 'smi_followup') AS smi_followed,
         count(*) FILTER (WHERE service_type = 'smi_followup' AND n >= 4) AS smi_standard,
         count(*) FILTER (WHERE service_type = 'elderly_check') AS elderly_checked,
         count(*) FILTER (WHERE service_type = 'child_check') AS children_checked
  FROM person_year GROUP BY ALL
), registers AS (
  SELECT CAST(year(month) AS SMALLINT) AS year, institution_code,
         arg_max(htn_registered, month) AS htn_registered, arg_max(dm_registered, month) AS dm_registered,
         arg_max(smi_registered, month) AS smi_registered, arg_max(residents_65_plus, month) AS residents_65_plus,
         arg_max(children_0_6, month) AS children_0_6
  FROM mart_public_health.register_monthly WHERE year(month) IN (SELECT year FROM affected_years) GROUP BY ALL
)
SELECT coalesce(m.year, g.year) AS year, coalesce(m.institution_code, g.institution_code) AS institution_code,
       coalesce(htn_followed, 0) AS htn_followed, coalesce(htn_standard, 0) AS htn_standard,
       coalesce(htn_controlled, 0) AS htn_controlled, coalesce(htn_registered, 0) AS htn_registered,
       coalesce(dm_followed, 0) AS dm_followed, coalesce(dm_standard, 0) AS dm_standard,
       coalesce(dm_controlled, 0) AS dm_controlled, coalesce(dm_registered, 0) AS dm_registered,
       coalesce(smi_followed, 0) AS smi_followed, coalesce(smi_standard, 0) AS smi_standard, coalesce(smi_registered, 0) AS smi_registered,
       coalesce(elderly_checked, 0) AS elderly_checked, coalesce(residents_65_plus, 0) AS residents_65_plus,
       coalesce(children_checked, 0) AS children_checked, coalesce(children_0_6, 0) AS children_0_6
FROM measures m FULL JOIN registers g ON g.year = m.year AND g.institution_code = m.institution_code
ORDER BY ALL;

-- Response times the public-health side reports (remote ECG, 120): the service mart's histograms.
CREATE OR REPLACE VIEW mart_public_health.response_times_daily AS
SELECT * FROM mart_services.durations_daily WHERE measure IN ('ecg_report', 'ems_dispatch', 'ems_arrival');
