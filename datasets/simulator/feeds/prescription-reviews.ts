// The rational-drug-use engine reviewing prescriptions before dispensing at all 575
// institutions: most pass, some warn the prescriber, about 4-5% are intercepted.
import { clinicSeconds, at, dayRng, idMaker, patientOf, type DayContext, type FeedRecord } from './common';

const ISSUES = ['dosage', 'interaction', 'contraindication', 'duplication', 'indication', 'route', 'other'];
const ISSUE_WEIGHTS = [0.31, 0.17, 0.09, 0.16, 0.15, 0.05, 0.07];
const DEPARTMENTS = [
  'internal_medicine',
  'surgery',
  'pediatrics',
  'obstetrics_gynecology',
  'tcm',
  'general_practice',
  'emergency',
  'other'
];
const DEPARTMENT_WEIGHTS = [0.34, 0.1, 0.14, 0.08, 0.1, 0.16, 0.05, 0.03];

export function generatePrescriptionReviews(ctx: DayContext): FeedRecord[] {
  const { world, plan, date, day } = ctx;
  const rng = dayRng(ctx, 'prescription_reviews');
  const nextId = idMaker('SF', date);
  const count = plan.count('prescription_reviews', date);
  // Rules and prescriber feedback lower the problem rate over the year.
  const problemRate = 0.12 - (0.02 * Math.max(0, day.sinceLaunch)) / 390;
  const records: FeedRecord[] = new Array(count);
  for (let n = 0; n < count; n++) {
    const inst = world.outpatientAnywhere.pick(rng);
    const person = patientOf(world, rng, inst);
    const problem = rng.chance(inst.isPrimaryCare ? problemRate * 1.25 : problemRate);
    const issue = problem ? rng.choose(ISSUES, ISSUE_WEIGHTS) : 'none';
    const intercept = problem && rng.chance(issue === 'contraindication' || issue === 'interaction' ? 0.7 : 0.36);
    records[n] = {
      review_id: nextId(),
      reviewed_at: at(date, clinicSeconds(rng)),
      institution_code: inst.institutionCode,
      department: rng.choose(DEPARTMENTS, DEPARTMENT_WEIGHTS),
      drug_count: 1 + Math.min(14, Math.floor(rng.exponential(1.8))),
      issue_type: issue,
      action: !problem ? 'passed' : intercept ? 'intercepted' : 'warned',
      id_number: person.idNumber,
      person_name: person.name
    };
  }
  return records;
}
