// Feed name -> the generator of one day's records of that feed.
import { generateAppointments } from './appointments';
import { generateAssets } from './assets';
import type { DayContext, FeedRecord } from './common';
import { generateConsultations } from './consultations';
import { generateEmergencyCalls } from './emergency-calls';
import { generatePrescriptionReviews } from './prescription-reviews';
import { generatePublicHealth, type GenerationRange } from './public-health';
import { generateRecognition } from './recognition';
import { generateReferrals } from './referrals';
import { generateRegistrations } from './registrations';
import { generateRemoteDiagnosis } from './remote-diagnosis';
import { generateReportQueries } from './report-queries';
import { generateSettlements } from './settlements';

export type GeneratorContext = DayContext & { range: GenerationRange };

export const GENERATORS: Record<string, (ctx: GeneratorContext) => FeedRecord[]> = {
  appointments: generateAppointments,
  settlements: generateSettlements,
  referrals: generateReferrals,
  result_recognition: generateRecognition,
  report_queries: generateReportQueries,
  internet_consultations: generateConsultations,
  prescription_reviews: generatePrescriptionReviews,
  remote_diagnosis: generateRemoteDiagnosis,
  emergency_calls: generateEmergencyCalls,
  public_health: generatePublicHealth,
  assets: generateAssets,
  registrations: generateRegistrations
};
