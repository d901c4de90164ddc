-- 30_mart_reform (医改监测): the reform-monitoring KPIs as numerator and denominator columns by
-- day x institution, built from mart_services and the institution dimension.

CREATE TABLE IF NOT EXISTS mart_reform.reform_daily (
  day DATE, institution_code VARCHAR,
  outpatient_visits BIGINT, primary_outpatient_visits BIGINT, inpatient_discharges BIGINT,
  outpatient_cost DECIMAL(18,2), inpatient_cost DECIMAL(18,2), medical_cost DECIMAL(18,2),
  drug_cost DECIMAL(18,2), material_cost DECIMAL(18,2), service_cost DECIMAL(18,2), medical_cost_excl_drugs DECIMAL(18,2),
  fund_paid DECIMAL(18,2), primary_fund_paid DECIMAL(18,2),
  insured_settlements BIGINT, face_settlements BIGINT,
  referral_applications BIGINT, referrals_succeeded BIGINT, down_referrals BIGINT,
  lead_down_referrals BIGINT, lead_discharges BIGINT,
  recognised_items BIGINT, recognition_savings DECIMAL(18,2),
  prescriptions_reviewed BIGINT, prescriptions_intercepted BIGINT
);
DELETE FROM mart_reform.reform_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_reform.reform_daily BY NAME
WITH s AS (
  SELECT day, institution_code,
         sum(settlements) FILTER (WHERE visit_type = 'outpatient') AS outpatient_visits,
         sum(settlements) FILTER (WHERE visit_type = 'inpatient') AS inpatient_discharges,
         sum(total_amount) FILTER (WHERE visit_type = 'outpatient') AS outpatient_cost,
         sum(total_amount) FILTER (WHERE visit_type = 'inpatient') AS inpatient_cost,
         sum(total_amount) AS medical_cost, sum(drug_amount) AS drug_cost, sum(material_amount) AS material_cost,
         sum(service_amount) AS service_cost, sum(fund_amount) AS fund_paid,
         -- Cash bills are settled without insurance: they are not insured settlements.
         sum(settlements) FILTER (WHERE channel <> 'cash') AS insured_settlements,
         sum(settlements) FILTER (WHERE channel = 'face') AS face_settlements
  FROM mart_services.settlements_daily WHERE day IN (SELECT d FROM affected_dates) GROUP BY ALL
), r AS (
  SELECT day, from_institution AS institution_code, sum(applications) AS referral_applications,
         sum(succeeded) AS referrals_succeeded, sum(applications) FILTER (WHERE direction = 'down') AS down_referrals
  FROM mart_services.referrals_daily WHERE day IN (SELECT d FROM affected_dates) GROUP BY ALL
), g AS (
  SELECT day, recognising_institution AS institution_code, sum(items) AS recognised_items, sum(savings) AS recognition_savings
  FROM mart_services.recognition_daily WHERE day IN (SELECT d FROM affected_dates) GROUP BY ALL
), p AS (
  SELECT day, institution_code, sum(reviews) AS prescriptions_reviewed, sum(intercepted) AS prescriptions_intercepted
  FROM mart_services.prescription_reviews_daily WHERE day IN (SELECT d FROM affected_dates) GROUP BY ALL
), keys AS (
  SELECT day, institution_code FROM s UNION SELECT day, institution_code FROM r
  UNION SELECT day, institution_code FROM g UNION SELECT day, institution_code FROM p
)
SELECT k.day, k.institution_code,
       coalesce(s.outpatient_visits, 0) AS outpatient_visits,
       -- 基层: township and community centres and stations, village clinics, clinics.
       CASE WHEN i.is_primary_care THEN coalesce(s.outpatient_visits, 0) ELSE 0 END AS primary_outpatient_visits,
       coalesce(s.inpatient_discharges, 0) AS inpatient_discharges,
       coalesce(s.outpatient_cost, 0) AS outpatient_cost, coalesce(s.inpatient_cost, 0) AS inpatient_cost,
       coalesce(s.medical_cost, 0) AS medical_cost, coalesce(s.drug_cost, 0) AS drug_cost,
       coalesce(s.material_cost, 0) AS material_cost, coalesce(s.service_cost, 0) AS service_cost,
       coalesce(s.medical_cost, 0) - coalesce(s.drug_cost, 0) AS medical_cost_excl_drugs,
       coalesce(s.fund_paid, 0) AS fund_paid,
       CASE WHEN i.is_primary_care THEN coalesce(s.fund_paid, 0) ELSE 0 END AS primary_fund_paid,
       coalesce(s.insured_settlements, 0) AS insured_settlements, coalesce(s.face_settlements, 0) AS face_settlements,
       coalesce(r.referral_applications, 0) AS referral_applications, coalesce(r.referrals_succeeded, 0) AS referrals_succeeded,
       coalesce(r.down_referrals, 0) AS down_referrals,
       -- 牵头医院下转患者占比: down-referrals of a medical community's lead hospital over its discharges.
       CASE WHEN i.is_mc_lead THEN coalesce(r.down_referrals, 0) ELSE 0 END AS lead_down_referrals,
       CASE WHEN i.is_mc_lead THEN coalesce(s.inpatient_discharges, 0) ELSE 0 END AS lead_discharges,
       coalesce(g.recognised_items, 0) AS recognised_items, coalesce(g.recognition_savings, 0) AS recognition_savings,
       coalesce(p.prescriptions_reviewed, 0) AS prescriptions_reviewed, coalesce(p.prescriptions_intercepted, 0) AS prescriptions_intercepted
FROM keys k
JOIN core.dim_institution i ON i.institution_code = k.institution_code
LEFT JOIN s ON s.day = k.day AND s.institution_code = k.institution_code
LEFT JOIN r ON r.day = k.day AND r.institution_code = k.institution_code
LEFT JOIN g ON g.day = k.day AND g.institution_code = k.institution_code
LEFT JOIN p ON p.day = k.day AND p.institution_code = k.institution_code
ORDER BY k.day, k.institution_code;

-- 县域内住院人次占比: inpatient stays of a county's residents, and those inside their own county.
-- The org unit here is the patient's county of residence, not the hospital's.
CREATE TABLE IF NOT EXISTS mart_reform.in_county_daily (
  day DATE, residence_county VARCHAR, stays BIGINT, stays_in_county BIGINT
);
DELETE FROM mart_reform.in_county_daily WHERE day IN (SELECT d FROM affected_dates);
INSERT INTO mart_reform.in_county_daily BY NAME
SELECT f.event_date AS day, f.residence_county, count(*) AS stays,
       count(*) FILTER (WHERE i.county_code = f.residence_county) AS stays_in_county
FROM core.fact_settlements f JOIN core.dim_institution i ON i.institution_code = f.institution_code
WHERE f.visit_type = 'inpatient' AND f.event_date IN (SELECT d FROM affected_dates)
GROUP BY ALL ORDER BY ALL;
