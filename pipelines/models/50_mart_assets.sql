-- 50_mart_assets (资产运营): equipment use, beds, stays, finances and card-balance refunds.

-- 设备开机率 = days in use / working days; 单机日均检查人次 = exams / working days in use.
CREATE TABLE IF NOT EXISTS mart_assets.equipment_daily (
  day DATE, institution_code VARCHAR, equipment_code VARCHAR, kind VARCHAR, exams BIGINT, days_in_use INTEGER, working_days INTEGER
);
DELETE FROM mart_assets.equipment_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_assets.equipment_daily BY NAME
SELECT f.event_date AS day, f.institution_code, f.equipment_code, e.kind, f.exams,
       CAST(f.in_use AS INTEGER) AS days_in_use, CAST(d.is_workday AS INTEGER) AS working_days
FROM core.fact_assets f
JOIN core.dim_equipment e ON e.equipment_code = f.equipment_code
JOIN core.dim_date d ON d.day = f.event_date
WHERE f.record_type = 'equipment_day' AND f.event_date IN (SELECT d FROM affected_dates)
ORDER BY ALL;

-- 病床使用率 = occupied bed-days / open bed-days (summed over days and institutions).
CREATE TABLE IF NOT EXISTS mart_assets.beds_daily (
  day DATE, institution_code VARCHAR, beds_open BIGINT, beds_occupied BIGINT
);
DELETE FROM mart_assets.beds_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_assets.beds_daily BY NAME
SELECT event_date AS day, institution_code, sum(beds_open) AS beds_open, sum(beds_occupied) AS beds_occupied
FROM core.fact_assets WHERE record_type = 'beds_day' AND event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- 平均住院日 = bed-days of discharged patients / discharges (insured stays, by discharge day).
CREATE TABLE IF NOT EXISTS mart_assets.inpatient_daily (
  day DATE, institution_code VARCHAR, discharges BIGINT, bed_days BIGINT
);
DELETE FROM mart_assets.inpatient_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_assets.inpatient_daily BY NAME
SELECT event_date AS day, institution_code, count(*) AS discharges, sum(date_diff('day', admitted_on, discharged_on)) AS bed_days
FROM core.fact_settlements WHERE visit_type = 'inpatient' AND event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;

-- Monthly finances by the month reported. Balance-sheet items are stocks (latest month of a period).
CREATE TABLE IF NOT EXISTS mart_assets.finance_monthly (
  month DATE, institution_code VARCHAR, medical_revenue DECIMAL(18,2), drug_revenue DECIMAL(18,2), material_revenue DECIMAL(18,2),
  exam_revenue DECIMAL(18,2), service_revenue DECIMAL(18,2), staff_cost DECIMAL(18,2), operating_cost DECIMAL(18,2),
  fixed_assets DECIMAL(18,2), total_assets DECIMAL(18,2), liabilities DECIMAL(18,2)
);
CREATE OR REPLACE TEMP TABLE affected_finance AS
SELECT DISTINCT CAST(strptime(period, '%Y-%m') AS DATE) AS month
FROM core.fact_assets WHERE record_type = 'finance_month' AND event_date IN (SELECT d FROM affected_dates);
DELETE FROM mart_assets.finance_monthly WHERE month IN (SELECT month FROM affected_finance);
INSERT INTO mart_assets.finance_monthly BY NAME
SELECT CAST(strptime(period, '%Y-%m') AS DATE) AS month, institution_code,
       sum(medical_revenue) AS medical_revenue, sum(drug_revenue) AS drug_revenue, sum(material_revenue) AS material_revenue,
       sum(exam_revenue) AS exam_revenue, sum(service_revenue) AS service_revenue, sum(staff_cost) AS staff_cost,
       sum(operating_cost) AS operating_cost, sum(fixed_assets) AS fixed_assets, sum(total_assets) AS total_assets,
       sum(liabilities) AS liabilities
FROM core.fact_assets
WHERE record_type = 'finance_month' AND CAST(strptime(period, '%Y-%m') AS DATE) IN (SELECT month FROM affected_finance)
GROUP BY ALL ORDER BY ALL;

-- 诊卡余额退费: dormant patient-card balances refunded (cases and yuan).
CREATE TABLE IF NOT EXISTS mart_assets.card_refunds_daily (
  day DATE, institution_code VARCHAR, refunds BIGINT, refund_amount DECIMAL(18,2)
);
DELETE FROM mart_assets.card_refunds_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_assets.card_refunds_daily BY NAME
SELECT event_date AS day, institution_code, count(*) AS refunds, sum(refund_amount) AS refund_amount
FROM core.fact_assets WHERE record_type = 'card_refund' AND event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;
