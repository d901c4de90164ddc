// The code lists each reference kind of the contract resolves against.
import type { Reference } from '../reference/index';
import type { FieldRef } from './field';

export function referenceSets(reference: Reference): Record<FieldRef, ReadonlySet<string>> {
  const codes = (list: { institutionCode: string }[]) => new Set(list.map((i) => i.institutionCode));
  const institutions = reference.institutions;
  return {
    institution: codes(institutions),
    designated_institution: codes(institutions.filter((i) => i.isDesignated)),
    internet_hospital: codes(institutions.filter((i) => i.isInternetHospital)),
    recognition_peer: new Set([...codes(institutions.filter((i) => i.isRecognition)), ...codes(reference.xpccHospitals)]),
    county: new Set(reference.orgUnits.filter((u) => u.levelName === 'county').map((u) => u.code)),
    township: new Set(reference.orgUnits.filter((u) => u.levelName === 'township').map((u) => u.code)),
    medical_community: new Set(reference.medicalCommunities.map((m) => m.mcCode)),
    exam_item: new Set(reference.examItems.map((i) => i.itemCode)),
    equipment: new Set(reference.equipment.map((e) => e.equipmentCode))
  };
}
