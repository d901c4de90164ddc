// The static world a simulation runs in: reference data, residents, calendar and the weighted
// choices of institutions each feed draws from. Built once per process.
import type { Institution, Reference } from '../reference/index';
import { Calendar } from './calendar';
import { Population } from './population';
import { WeightedPicker } from './random';
import type { Scale } from './scales';

export const HOSPITAL_TYPES = new Set(['general_hospital', 'tcm_hospital', 'maternal_child_hospital']);

export class World {
  readonly calendar: Calendar;
  readonly population: Population;
  readonly institutions: Institution[];
  readonly byCode: Map<string, Institution>;
  readonly designated: Institution[];
  readonly hospitals: Institution[];
  readonly recognitionHospitals: Institution[];
  readonly internetHospitals: Institution[];
  /** Weighted by outpatient volume; used by settlements, reviews and report queries. */
  readonly outpatientAtDesignated: WeightedPicker<Institution>;
  readonly inpatientAtDesignated: WeightedPicker<Institution>;
  readonly outpatientAnywhere: WeightedPicker<Institution>;
  readonly hospitalOutpatient: WeightedPicker<Institution>;
  readonly countyByPopulation: WeightedPicker<string>;
  /** Primary-care institutions per township, and per county as a fallback. */
  readonly primaryByTownship = new Map<string, Institution[]>();
  readonly primaryByCounty = new Map<string, Institution[]>();
  readonly mcLeadByMc = new Map<string, Institution>();
  readonly countyHospital = new Map<string, Institution>();
  readonly prefectureHospitals: Institution[];

  constructor(
    readonly reference: Reference,
    readonly scale: Scale
  ) {
    this.calendar = new Calendar(reference.calendar);
    this.population = new Population(reference, scale.factor);
    this.institutions = reference.institutions;
    this.byCode = new Map(this.institutions.map((i) => [i.institutionCode, i]));
    this.designated = this.institutions.filter((i) => i.isDesignated);
    this.hospitals = this.institutions.filter((i) => HOSPITAL_TYPES.has(i.type) && i.isPublic);
    this.recognitionHospitals = this.institutions.filter((i) => i.isRecognition);
    this.internetHospitals = this.institutions.filter((i) => i.isInternetHospital);
    this.outpatientAtDesignated = weighted(this.designated, (i) => i.annualOutpatientVisits);
    this.inpatientAtDesignated = weighted(
      this.designated.filter((i) => i.annualDischarges > 0),
      (i) => i.annualDischarges
    );
    this.outpatientAnywhere = weighted(this.institutions, (i) => i.annualOutpatientVisits);
    this.hospitalOutpatient = weighted(this.hospitals, (i) => i.annualOutpatientVisits);
    this.countyByPopulation = new WeightedPicker(
      reference.population.map((p) => p.countyCode),
      reference.population.map((p) => p.population)
    );
    for (const i of this.institutions) {
      if (i.isMcLead && i.mcCode) this.mcLeadByMc.set(i.mcCode, i);
      if (!i.isPrimaryCare || !i.isPublic) continue;
      push(this.primaryByTownship, i.townshipCode, i);
      push(this.primaryByCounty, i.countyCode, i);
    }
    const prefectureCounty = '652301';
    this.prefectureHospitals = this.hospitals.filter((h) => h.nameZh.startsWith('昌吉回族自治州'));
    for (const mc of reference.medicalCommunities) {
      const lead = this.byCode.get(mc.leadInstitutionCode);
      if (lead && !this.countyHospital.has(mc.countyCode)) this.countyHospital.set(mc.countyCode, lead);
    }
    if (!this.countyHospital.has(prefectureCounty) && this.prefectureHospitals[0]) {
      this.countyHospital.set(prefectureCounty, this.prefectureHospitals[0]);
    }
  }

  institution(code: string): Institution {
    const found = this.byCode.get(code);
    if (!found) throw new Error(`unknown institution ${code}`);
    return found;
  }

  /** A public primary-care institution near a resident (their township, else their county). */
  primaryFor(townshipCode: string, countyCode: string, u: number): Institution {
    const list = this.primaryByTownship.get(townshipCode) ?? this.primaryByCounty.get(countyCode)!;
    return list[Math.floor(u * list.length)];
  }

  isHospital(i: Institution): boolean {
    return HOSPITAL_TYPES.has(i.type) || i.type === 'private_hospital';
  }
}

function weighted(list: Institution[], weight: (i: Institution) => number): WeightedPicker<Institution> {
  return new WeightedPicker(list, list.map(weight));
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
