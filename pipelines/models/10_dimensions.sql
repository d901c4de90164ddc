-- 10_dimensions: conformed dimensions from the shipped reference data (TEMP ref_* tables are
-- loaded from datasets/reference by the pipeline before this model runs). Rebuilt every run:
-- they are small, and a corrected reference file must reach every mart.

-- Org units with the path to the root, so any fact can roll up to county, prefecture, region.
CREATE OR REPLACE TABLE core.dim_org_unit AS
SELECT u.code, u.parent_code, u.level, u.level_name, u.name_zh, u.name_en,
       CASE WHEN u.level >= 3 THEN coalesce(c3.code, c4.code, u.code) END AS county_code,
       CASE WHEN u.level >= 4 THEN coalesce(c4.code, u.code) END AS township_code
FROM ref_org_units u
LEFT JOIN ref_org_units c4 ON u.level = 5 AND c4.code = u.parent_code
LEFT JOIN ref_org_units c3 ON c3.level = 3 AND c3.code = CASE WHEN u.level = 5 THEN c4.parent_code WHEN u.level = 4 THEN u.parent_code END
ORDER BY u.code;

-- Platform institutions and the XPCC hospitals of the recognition network (network = 'xpcc').
CREATE OR REPLACE TABLE core.dim_institution AS
SELECT institution_code, name_zh, name_en, type, grade, is_public, is_primary_care, is_designated,
       county_code, township_code, village_code, mc_code, is_mc_lead, is_recognition,
       is_internet_hospital, delivers_drugs, delivery_carrier, face_scan_go_live, beds,
       'platform' AS network, CAST(NULL AS INTEGER) AS xpcc_division
FROM ref_institutions
UNION ALL
SELECT institution_code, name_zh, name_en, 'xpcc_hospital', NULL, true, false, false,
       NULL, NULL, NULL, NULL, false, true, false, false, NULL, NULL, NULL, 'xpcc', xpcc_division
FROM ref_xpcc_hospitals
ORDER BY institution_code;

CREATE OR REPLACE TABLE core.dim_medical_community AS
SELECT * FROM ref_medical_communities ORDER BY mc_code;

CREATE OR REPLACE TABLE core.dim_item AS
SELECT * FROM ref_exam_items ORDER BY item_code;

CREATE OR REPLACE TABLE core.dim_equipment AS
SELECT * FROM ref_equipment ORDER BY equipment_code;

CREATE OR REPLACE TABLE core.dim_population AS
SELECT * FROM ref_population ORDER BY county_code;

-- Every day the calendar reference covers: workdays follow the State Council's holiday notices.
CREATE OR REPLACE TABLE core.dim_date AS
WITH days AS (
  SELECT CAST(d AS DATE) AS day FROM generate_series(DATE '2024-12-01', DATE '2026-12-31', INTERVAL 1 DAY) t(d)
)
SELECT day,
       CAST(year(day) AS SMALLINT) AS year,
       CAST(quarter(day) AS TINYINT) AS quarter,
       CAST(month(day) AS TINYINT) AS month,
       CAST(date_trunc('month', day) AS DATE) AS month_start,
       CAST(date_trunc('week', day) AS DATE) AS week_start,
       CAST(isodow(day) AS TINYINT) AS iso_weekday,
       -- A weekday is a workday unless it is a holiday; a weekend day only if it is a makeup workday.
       CASE WHEN c.kind = 'makeup_workday' THEN true
            WHEN c.kind IN ('holiday', 'regional_holiday') THEN false
            ELSE isodow(day) <= 5 END AS is_workday,
       c.name_zh AS holiday_zh,
       c.name_en AS holiday_en
FROM days LEFT JOIN ref_calendar c ON c.date = days.day
ORDER BY day;

-- Histogram buckets (minutes) for durations: medians over any selection come from summed buckets.
CREATE OR REPLACE MACRO core.duration_bucket(m) AS CASE
  WHEN m IS NULL OR m < 0 THEN NULL
  WHEN m < 1 THEN 0 WHEN m < 2 THEN 1 WHEN m < 3 THEN 2 WHEN m < 5 THEN 3 WHEN m < 10 THEN 5
  WHEN m < 15 THEN 10 WHEN m < 20 THEN 15 WHEN m < 30 THEN 20 WHEN m < 45 THEN 30 WHEN m < 60 THEN 45
  WHEN m < 90 THEN 60 WHEN m < 120 THEN 90 WHEN m < 180 THEN 120 WHEN m < 240 THEN 180
  WHEN m < 360 THEN 240 WHEN m < 480 THEN 360 WHEN m < 720 THEN 480 WHEN m < 1080 THEN 720
  WHEN m < 1440 THEN 1080 WHEN m < 2160 THEN 1440 WHEN m < 2880 THEN 2160 WHEN m < 4320 THEN 2880
  WHEN m < 5760 THEN 4320 ELSE 5760 END;
