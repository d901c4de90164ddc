// Roster of the 575 connected institutions: the 16 public hospitals, one health centre per
// rural township (镇/乡) and urban subdistrict (街道), stations and village clinics placed on
// real communities/villages, and a synthetic private sector. Metrics are filled in later.
import type { CountyCode, Institution, OrgUnit } from '../schemas';
import { COUNTIES, townshipKind, villageKind } from './org-units';
import { HOSPITALS, MEDICAL_COMMUNITIES, SEAT_TOWNSHIP, institutionCode, mcForTownship } from './hospitals';
import type { NameTranslator } from './names-en';
import type { Rng } from './rng';

export const TOTAL_INSTITUTIONS = 575;
const STATIONS = 36;
/** Private hospitals per county (the prefecture seat attracts most). */
const PRIVATE_HOSPITALS: Record<CountyCode, number> = {
  '652301': 6, '652302': 2, '652323': 1, '652324': 2, '652325': 2, '652327': 1, '652328': 0
};
/** Private clinics per county, roughly proportional to population. */
const PRIVATE_CLINICS: Record<CountyCode, number> = {
  '652301': 26, '652302': 8, '652323': 10, '652324': 8, '652325': 10, '652327': 5, '652328': 3
};

const BRANDS = ['仁和', '康宁', '博爱', '济民', '仁爱', '康华', '华康', '安康', '惠民', '德仁', '民康', '益康', '瑞康', '福康', '同心', '康泰', '永康', '健民'];
const HOSPITAL_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['医院', 'Hospital'],
  ['骨科医院', 'Orthopaedic Hospital'],
  ['眼科医院', 'Eye Hospital'],
  ['口腔医院', 'Dental Hospital'],
  ['妇产医院', 'Obstetrics and Gynaecology Hospital'],
  ['康复医院', 'Rehabilitation Hospital'],
  ['中西医结合医院', 'Integrated Chinese and Western Medicine Hospital']
];
const CLINIC_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['口腔诊所', 'Dental Clinic'],
  ['内科诊所', 'Internal Medicine Clinic'],
  ['诊所', 'Clinic'],
  ['中西医结合诊所', 'Integrated Medicine Clinic'],
  ['皮肤科诊所', 'Dermatology Clinic']
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '马', '赵', '黄', '周', '吴', '徐', '孙', '胡', '朱', '高', '何', '郭', '罗', '韩'];

/** Roster entry: the institution plus how many villages/communities its township has. */
export interface Draft {
  inst: Institution;
  townshipSize: number;
  prefectureLevel: boolean;
}

function blank(code: string, countyCode: CountyCode, townshipCode: string): Institution {
  return {
    institutionCode: code, nameZh: '', nameEn: '', type: 'village_clinic', grade: 'none',
    isPublic: true, isPrimaryCare: true, isDesignated: false, countyCode, townshipCode,
    villageCode: null, mcCode: null, isMcLead: false, isRecognition: false, isInternetHospital: false,
    deliversDrugs: false, deliveryCarrier: null, faceScanGoLive: null, beds: 0,
    annualOutpatientVisits: 0, annualDischarges: 0
  };
}

export function buildRoster(townships: OrgUnit[], villages: OrgUnit[], tr: NameTranslator, rng: Rng): Draft[] {
  const byCode = new Map(townships.map((t) => [t.code, t]));
  const size = new Map<string, number>();
  for (const v of villages) size.set(v.parentCode ?? '', (size.get(v.parentCode ?? '') ?? 0) + 1);
  const kindOf = (code: string) => townshipKind(byCode.get(code)?.nameZh ?? '');

  // Candidate villages: 村 in rural townships get clinics; 社区 in streets/towns get stations.
  const clinicCandidates = villages.filter((v) => {
    const k = kindOf(v.parentCode ?? '');
    return (k === 'town' || k === 'xiang') && villageKind(tr.villageShortZh(v.nameZh)) === 'village';
  });
  const stationCandidates = villages.filter((v) => {
    const k = kindOf(v.parentCode ?? '');
    return (k === 'street' || k === 'town') && villageKind(tr.villageShortZh(v.nameZh)) === 'community';
  });
  const ruralTownships = townships.filter((t) => ['town', 'xiang'].includes(kindOf(t.code)));
  const streets = townships.filter((t) => kindOf(t.code) === 'street');
  const privateCount = [...Object.values(PRIVATE_HOSPITALS), ...Object.values(PRIVATE_CLINICS)].reduce((a, b) => a + b, 0);
  const clinicCount =
    TOTAL_INSTITUTIONS - HOSPITALS.length - ruralTownships.length - streets.length - STATIONS - privateCount;
  if (clinicCount < 0 || clinicCount > clinicCandidates.length) {
    throw new Error(`cannot place ${clinicCount} village clinics on ${clinicCandidates.length} villages`);
  }
  const stationSet = new Set(rng.shuffle(stationCandidates).slice(0, STATIONS).map((v) => v.code));
  const clinicSet = new Set(rng.shuffle(clinicCandidates).slice(0, clinicCount).map((v) => v.code));
  const usedNames = new Set<string>();

  const drafts: Draft[] = [];
  for (const c of COUNTIES) {
    const cc = c.code;
    const hospitals = HOSPITALS.filter((hd) => hd.countyCode === cc);
    let serial = Math.max(0, ...hospitals.map((hd) => hd.serial));
    const next = (townshipCode: string): Institution => blank(institutionCode(cc, ++serial), cc, townshipCode);
    const push = (inst: Institution, prefectureLevel = false): void => {
      if (usedNames.has(inst.nameZh)) throw new Error(`duplicate institution name ${inst.nameZh}`);
      usedNames.add(inst.nameZh);
      drafts.push({ inst, townshipSize: size.get(inst.townshipCode) ?? 0, prefectureLevel });
    };

    for (const hd of hospitals) {
      const seat = SEAT_TOWNSHIP[cc];
      const lead = MEDICAL_COMMUNITIES.find((m) => m.countyCode === cc && m.leadSerial === hd.serial);
      push(
        {
          ...blank(institutionCode(cc, hd.serial), cc, seat),
          nameZh: hd.nameZh, nameEn: hd.nameEn, type: hd.type, grade: hd.grade,
          isPrimaryCare: false,
          // Prefecture hospitals are the referral tier above the county communities.
          mcCode: hd.prefectureLevel ? null : (lead?.mcCode ?? mcForTownship(cc, seat)),
          isMcLead: lead !== undefined, isRecognition: true, isInternetHospital: hd.internet,
          deliversDrugs: hd.carrier !== null, deliveryCarrier: hd.carrier
        },
        hd.prefectureLevel
      );
    }
    const mine = (t: OrgUnit) => t.parentCode === cc;
    for (const t of ruralTownships.filter(mine)) {
      push({
        ...next(t.code), nameZh: `${c.shortZh}${t.nameZh}卫生院`, nameEn: `${t.nameEn} Health Centre`,
        type: 'township_health_centre', grade: 'primary', mcCode: mcForTownship(cc, t.code)
      });
    }
    for (const t of streets.filter(mine)) {
      push({
        ...next(t.code), nameZh: `${c.shortZh}${t.nameZh}社区卫生服务中心`,
        nameEn: `${t.nameEn} Community Health Service Centre`,
        type: 'community_health_centre', grade: 'primary', mcCode: mcForTownship(cc, t.code)
      });
    }
    const placed = (set: Set<string>) =>
      villages.filter((v) => set.has(v.code) && v.code.startsWith(cc));
    for (const v of placed(stationSet)) {
      const t = byCode.get(v.parentCode ?? '')!;
      push({
        ...next(t.code), villageCode: v.code,
        nameZh: `${t.nameZh}${tr.villageShortZh(v.nameZh)}卫生服务站`,
        nameEn: `${v.nameEn} Health Service Station, ${t.nameEn}`,
        type: 'community_health_station', mcCode: mcForTownship(cc, t.code)
      });
    }
    for (const v of placed(clinicSet)) {
      const t = byCode.get(v.parentCode ?? '')!;
      push({
        ...next(t.code), villageCode: v.code,
        nameZh: `${t.nameZh}${tr.villageShortZh(v.nameZh)}卫生室`,
        nameEn: `${v.nameEn} Clinic, ${t.nameEn}`,
        type: 'village_clinic', mcCode: mcForTownship(cc, t.code)
      });
    }

    // Private sector: mostly in the seat or urban subdistricts, some in larger towns.
    const urban = streets.filter(mine).map((t) => t.code);
    const towns = ruralTownships.filter(mine).map((t) => t.code);
    // Private hospitals only in the urban core; clinics also in the larger towns.
    const privateTownship = (allowTowns: boolean): string =>
      allowTowns && rng.next() < 0.3 ? rng.pick(towns) : urban.length > 0 ? rng.pick(urban) : SEAT_TOWNSHIP[cc];
    const uniqueName = (make: () => [string, string]): [string, string] => {
      for (let i = 0; i < 200; i++) {
        const n = make();
        if (!usedNames.has(n[0])) return n;
      }
      throw new Error('could not find a unique private institution name');
    };
    for (let i = 0; i < PRIVATE_HOSPITALS[cc]; i++) {
      const [zh, en] = uniqueName(() => {
        const brand = rng.pick(BRANDS);
        const [kZh, kEn] = rng.pick(HOSPITAL_KINDS);
        return [`${c.placeZh}${brand}${kZh}`, `${c.placeEn} ${tr.word(brand)} ${kEn}`];
      });
      push({
        ...next(privateTownship(false)), nameZh: zh, nameEn: en, type: 'private_hospital',
        grade: rng.next() < 0.75 ? 'primary' : 'none', isPublic: false, isPrimaryCare: false
      });
    }
    for (let i = 0; i < PRIVATE_CLINICS[cc]; i++) {
      const [zh, en] = uniqueName(() => {
        if (rng.next() < 0.3) {
          const s = rng.pick(SURNAMES);
          return [`${c.placeZh}${s}氏中医诊所`, `${c.placeEn} ${tr.word(s)}'s TCM Clinic`];
        }
        const brand = rng.pick(BRANDS);
        const [kZh, kEn] = rng.pick(CLINIC_KINDS);
        return [`${c.placeZh}${brand}${kZh}`, `${c.placeEn} ${tr.word(brand)} ${kEn}`];
      });
      push({ ...next(privateTownship(true)), nameZh: zh, nameEn: en, type: 'private_clinic', isPublic: false });
    }
  }
  if (drafts.length !== TOTAL_INSTITUTIONS) throw new Error(`built ${drafts.length} institutions, expected ${TOTAL_INSTITUTIONS}`);
  return drafts;
}
