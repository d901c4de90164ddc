-- 20_mart_services: the platform's own business by day x institution x the dimensions each KPI
-- needs. Every table is rebuilt for the run's affected event days only (TEMP affected_dates).
-- Counts and sums only: every KPI is a numerator and a denominator summed, then divided.

-- Insurance settlements by channel. A face attempt that failed verification falls back to another
-- channel: attempts and passes are counted apart for the verification pass rate.
CREATE TABLE IF NOT EXISTS mart_services.settlements_daily (
  day DATE, institution_code VARCHAR, visit_type VARCHAR, channel VARCHAR, insurance_type VARCHAR,
  settlements BIGINT, face_attempts BIGINT, face_passes BIGINT, platform_payments BIGINT,
  total_amount DECIMAL(18,2), fund_amount DECIMAL(18,2), self_amount DECIMAL(18,2), drug_amount DECIMAL(18,2),
  material_amount DECIMAL(18,2), exam_amount DECIMAL(18,2), service_amount DECIMAL(18,2)
);
DELETE FROM mart_services.settlements_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.settlements_daily BY NAME
SELECT event_date AS day, institution_code, visit_type, channel, insurance_type,
       count(*) AS settlements, count(face_verify) AS face_attempts, count(*) FILTER (WHERE face_verify = 'pass') AS face_passes,
       count(*) FILTER (WHERE paid_via_platform) AS platform_payments,
       sum(total_amount) AS total_amount, sum(fund_amount) AS fund_amount, sum(self_amount) AS self_amount,
       sum(drug_amount) AS drug_amount, sum(material_amount) AS material_amount, sum(exam_amount) AS exam_amount,
       sum(service_amount) AS service_amount
FROM core.fact_settlements WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Appointments by the day they were booked (the published figures count bookings).
CREATE TABLE IF NOT EXISTS mart_services.appointments_daily (
  day DATE, institution_code VARCHAR, department VARCHAR, booking_channel VARCHAR,
  booked BIGINT, attended BIGINT, cancelled BIGINT, no_show BIGINT
);
DELETE FROM mart_services.appointments_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.appointments_daily BY NAME
SELECT event_date AS day, institution_code, department, booking_channel, count(*) AS booked,
       count(*) FILTER (WHERE status = 'attended') AS attended, count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE status = 'no_show') AS no_show
FROM core.fact_appointments WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

CREATE TABLE IF NOT EXISTS mart_services.report_queries_daily (
  day DATE, institution_code VARCHAR, report_type VARCHAR, query_channel VARCHAR, queries BIGINT
);
DELETE FROM mart_services.report_queries_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.report_queries_daily BY NAME
SELECT event_date AS day, institution_code, report_type, query_channel, count(*) AS queries
FROM core.fact_report_queries WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Referrals by application day. Succeeded = admitted at the receiving institution (the
-- published 8,793 of 9,175). Minutes to admission are summed for means; medians use durations_daily.
CREATE TABLE IF NOT EXISTS mart_services.referrals_daily (
  day DATE, from_institution VARCHAR, to_institution VARCHAR, direction VARCHAR, urgent BOOLEAN, within_mc BOOLEAN,
  applications BIGINT, accepted BIGINT, succeeded BIGINT, rejected BIGINT, cancelled BIGINT, expired BIGINT,
  minutes_to_admission BIGINT
);
DELETE FROM mart_services.referrals_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.referrals_daily BY NAME
SELECT event_date AS day, from_institution, to_institution, direction, urgent, mc_code IS NOT NULL AS within_mc,
       count(*) AS applications, count(accepted_at) AS accepted, count(*) FILTER (WHERE status = 'admitted') AS succeeded,
       count(*) FILTER (WHERE status = 'rejected') AS rejected, count(*) FILTER (WHERE status = 'cancelled') AS cancelled,
       count(*) FILTER (WHERE status = 'expired') AS expired,
       coalesce(sum(date_diff('minute', applied_at, admitted_at)) FILTER (WHERE status = 'admitted'), 0) AS minutes_to_admission
FROM core.fact_referrals WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Result recognition. A patient visit (人次) is counted once, on its first item, so visits add
-- up over any breakdown; savings are the catalogue price of each recognised item.
CREATE TABLE IF NOT EXISTS mart_services.recognition_daily (
  day DATE, recognising_institution VARCHAR, original_institution VARCHAR, item_category VARCHAR, mode VARCHAR, xpcc BOOLEAN,
  items BIGINT, visits BIGINT, savings DECIMAL(18,2)
);
DELETE FROM mart_services.recognition_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.recognition_daily BY NAME
SELECT r.event_date AS day, r.recognising_institution, r.original_institution, i.category AS item_category, r.mode, r.xpcc,
       count(*) AS items, count(*) FILTER (WHERE r.first_of_visit) AS visits, sum(r.price_yuan) AS savings
FROM (
  SELECT *, row_number() OVER (PARTITION BY visit_id ORDER BY recognition_id) = 1 AS first_of_visit
  FROM core.fact_result_recognition WHERE event_date IN (SELECT d FROM affected_dates)
) r JOIN core.dim_item i ON i.item_code = r.item_code
GROUP BY ALL ORDER BY ALL;

-- Internet-hospital consultations by start day; deliveries by the carrier that brought the drugs.
CREATE TABLE IF NOT EXISTS mart_services.consultations_daily (
  day DATE, institution_code VARCHAR, mode VARCHAR, specialty VARCHAR, delivery_carrier VARCHAR,
  consultations BIGINT, e_prescriptions BIGINT, deliveries BIGINT
);
DELETE FROM mart_services.consultations_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.consultations_daily BY NAME
SELECT event_date AS day, institution_code, mode, specialty, delivery_carrier,
       count(*) AS consultations, count(*) FILTER (WHERE e_prescription) AS e_prescriptions, count(delivered_at) AS deliveries
FROM core.fact_internet_consultations WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Prescription review: flagged = any problem found; intercepted = stopped before dispensing.
CREATE TABLE IF NOT EXISTS mart_services.prescription_reviews_daily (
  day DATE, institution_code VARCHAR, issue_type VARCHAR, action VARCHAR, reviews BIGINT, flagged BIGINT, intercepted BIGINT
);
DELETE FROM mart_services.prescription_reviews_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.prescription_reviews_daily BY NAME
SELECT event_date AS day, institution_code, issue_type, action, count(*) AS reviews,
       count(*) FILTER (WHERE issue_type <> 'none') AS flagged, count(*) FILTER (WHERE action = 'intercepted') AS intercepted
FROM core.fact_prescription_reviews WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

CREATE TABLE IF NOT EXISTS mart_services.remote_diagnosis_daily (
  day DATE, requesting_institution VARCHAR, reading_institution VARCHAR, kind VARCHAR, requests BIGINT, critical BIGINT,
  report_minutes BIGINT
);
DELETE FROM mart_services.remote_diagnosis_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.remote_diagnosis_daily BY NAME
SELECT event_date AS day, requesting_institution, reading_institution, kind, count(*) AS requests,
       count(*) FILTER (WHERE critical_finding) AS critical, sum(date_diff('minute', uploaded_at, reported_at)) AS report_minutes
FROM core.fact_remote_diagnosis WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- 120 calls by the county of the scene.
CREATE TABLE IF NOT EXISTS mart_services.emergency_calls_daily (
  day DATE, county_code VARCHAR, category VARCHAR, outcome VARCHAR, calls BIGINT, dispatched BIGINT, arrived BIGINT,
  dispatch_seconds BIGINT, arrival_seconds BIGINT
);
DELETE FROM mart_services.emergency_calls_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.emergency_calls_daily BY NAME
SELECT event_date AS day, county_code, category, outcome,
       count(*) AS calls, count(dispatched_at) AS dispatched, count(arrived_at) AS arrived,
       coalesce(sum(date_diff('second', call_at, dispatched_at)), 0) AS dispatch_seconds,
       coalesce(sum(date_diff('second', call_at, arrived_at)), 0) AS arrival_seconds
FROM core.fact_emergency_calls WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Platform registrations: users (people: each resident registers once) and family-account links.
CREATE TABLE IF NOT EXISTS mart_services.registrations_daily (
  day DATE, residence_county VARCHAR, channel VARCHAR, record_type VARCHAR, registrations BIGINT
);
DELETE FROM mart_services.registrations_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.registrations_daily BY NAME
SELECT event_date AS day, residence_county, channel, record_type, count(*) AS registrations
FROM core.fact_registrations WHERE event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Durations as histograms (minutes, core.duration_bucket) so a median over any org unit and
-- period is read from summed buckets. org_code is the institution (or county for 120) that owns it.
CREATE TABLE IF NOT EXISTS mart_services.durations_daily (
  day DATE, measure VARCHAR, org_code VARCHAR, bucket_minutes INTEGER, events BIGINT
);
DELETE FROM mart_services.durations_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_services.durations_daily BY NAME
SELECT day, measure, org_code, core.duration_bucket(minutes) AS bucket_minutes, count(*) AS events
FROM (
  SELECT event_date AS day, CASE WHEN urgent THEN 'referral_admission_urgent' ELSE 'referral_admission' END AS measure,
         to_institution AS org_code, date_diff('second', applied_at, admitted_at) / 60.0 AS minutes
  FROM core.fact_referrals WHERE status = 'admitted' AND event_date IN (SELECT d FROM affected_dates)
  UNION ALL
  SELECT event_date, 'drug_delivery', institution_code, date_diff('second', prescribed_at, delivered_at) / 60.0
  FROM core.fact_internet_consultations WHERE delivered_at IS NOT NULL AND event_date IN (SELECT d FROM affected_dates)
  UNION ALL
  SELECT event_date, CASE kind WHEN 'ecg' THEN 'ecg_report' ELSE 'imaging_report' END, reading_institution,
         date_diff('second', uploaded_at, reported_at) / 60.0
  FROM core.fact_remote_diagnosis WHERE event_date IN (SELECT d FROM affected_dates)
  UNION ALL
  SELECT event_date, 'ems_dispatch', county_code, date_diff('second', call_at, dispatched_at) / 60.0
  FROM core.fact_emergency_calls WHERE dispatched_at IS NOT NULL AND event_date IN (SELECT d FROM affected_dates)
  UNION ALL
  SELECT event_date, 'ems_arrival', county_code, date_diff('second', call_at, arrived_at) / 60.0
  FROM core.fact_emergency_calls WHERE arrived_at IS NOT NULL AND event_date IN (SELECT d FROM affected_dates)
)
GROUP BY ALL ORDER BY ALL;
