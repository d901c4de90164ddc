// The 8 county medical communities (县域医共体), one per county plus a second in 昌吉市.
import type { MedicalCommunity } from '../schemas';
import { HOSPITALS, MEDICAL_COMMUNITIES, institutionCode } from './hospitals';

export function buildMedicalCommunities(): MedicalCommunity[] {
  return MEDICAL_COMMUNITIES.map((m) => {
    const lead = HOSPITALS.find((h) => h.countyCode === m.countyCode && h.serial === m.leadSerial);
    if (!lead) throw new Error(`no lead hospital for ${m.mcCode}`);
    return {
      mcCode: m.mcCode,
      nameZh: `${lead.nameZh}医共体`,
      nameEn: `${lead.nameEn} Medical Community`,
      countyCode: m.countyCode,
      leadInstitutionCode: institutionCode(m.countyCode, m.leadSerial)
    };
  });
}
