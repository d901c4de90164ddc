// English names for places and institutions: hand-written where the name is institutional,
// otherwise Hanyu Pinyin of the proper-name part plus a translated generic suffix.
import type { PinyinApi } from './deps';

/** Hand-written English for the non-standard township-level units (parks, farms, stations). */
const FULL_NAMES: Record<string, string> = {
  新疆昌吉国家农业科技园区管理委员会:
    'Xinjiang Changji National Agricultural Science and Technology Park Administrative Committee',
  昌吉市北部荒漠生态保护管理站: 'Changji City Northern Desert Ecological Protection Station',
  昌吉国家高新技术产业开发区: 'Changji National High-tech Industrial Development Zone',
  国有林管理中心: 'State Forest Management Centre',
  自治区林业厅玛纳斯平原林场: 'Manas Plain Forest Farm (Regional Forestry Department)',
  新疆农业科学院玛纳斯县试验站: 'Manas Experiment Station, Xinjiang Academy of Agricultural Sciences'
};

/** Generic suffixes, longest first so 哈萨克民族乡 wins over 乡. */
const SUFFIXES: ReadonlyArray<readonly [string, string]> = [
  ['哈萨克民族乡', 'Kazakh Ethnic Township'],
  ['哈萨克族乡', 'Kazakh Ethnic Township'],
  ['乌孜别克乡', 'Uzbek Ethnic Township'],
  ['民族乡', 'Ethnic Township'],
  ['街道', 'Subdistrict'],
  ['工业区', 'Industrial Zone'],
  ['种牛场', 'Cattle Breeding Farm'],
  ['总场', 'Head Farm'],
  ['农场', 'Farm'],
  ['牧场', 'Ranch'],
  ['林场', 'Forest Farm'],
  ['分部', 'Branch'],
  ['镇', 'Town'],
  ['乡', 'Township']
];

const CN_DIGITS: Record<string, string> = {
  零: '0', 〇: '0', 一: '1', 二: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9'
};

export interface NameTranslator {
  word(zh: string): string;
  township(zh: string): string;
  village(zh: string): string;
  /** Proper-name part of a village/community name ("下营村委会" -> "下营村"). */
  villageShortZh(zh: string): string;
}

const COMMITTEE = /(社区居民委员会|社区居委会|社区委员会|村民委员会|村民委员|村民委会|村委会|居民委员会|居委会)$/;

export function createTranslator(py: PinyinApi): NameTranslator {
  const word = (zh: string): string => {
    // Apostrophe before a/o/e syllables, as in standard pinyin (Yan'an, not Yanan).
    const joined = py.syllables(zh).reduce((acc, syl, i) => (i > 0 && /^[aoe]/.test(syl) ? `${acc}'${syl}` : acc + syl), '');
    return joined.charAt(0).toUpperCase() + joined.slice(1);
  };

  const township = (zh: string): string => {
    if (FULL_NAMES[zh]) return FULL_NAMES[zh];
    let rest = zh;
    const parts: string[] = [];
    if (rest.startsWith('兵团')) {
      parts.push('XPCC');
      rest = rest.slice(2);
    }
    if (rest.startsWith('农六师')) {
      parts.push('6th Division');
      rest = rest.slice(3);
    }
    // XPCC regiments are numbered in Chinese digits: 一四七团 -> Regiment 147.
    const regiment = /^([零〇一二三四五六七八九]+)团(.*)$/.exec(rest);
    if (regiment) {
      parts.push(`Regiment ${[...regiment[1]].map((c) => CN_DIGITS[c]).join('')}`);
      rest = regiment[2];
    }
    if (rest) {
      const suffix = SUFFIXES.find(([s]) => rest.endsWith(s) && rest.length > s.length);
      if (suffix) parts.push(`${word(rest.slice(0, -suffix[0].length))} ${suffix[1]}`);
      else if (rest === '农场') parts.push('Farm');
      else parts.push(word(rest));
    }
    return parts.join(' ');
  };

  const villageShortZh = (zh: string): string => {
    const stripped = zh.replace(COMMITTEE, '');
    // 居委会 without 社区 is still a residents' community; keep the name readable.
    if (stripped !== zh && /居/.test(zh.slice(stripped.length)) && !stripped.endsWith('社区')) {
      return `${stripped}社区`;
    }
    if (stripped !== zh && /村/.test(zh.slice(stripped.length)) && !stripped.endsWith('村')) {
      return `${stripped}村`;
    }
    return stripped;
  };

  const village = (zh: string): string => {
    const base = villageShortZh(zh);
    if (base.endsWith('社区') && base.length > 2) return `${word(base.slice(0, -2))} Community`;
    if (base.endsWith('生活区') && base.length > 3) return `${word(base.slice(0, -3))} Residential Area`;
    if (base.endsWith('村') && base.length > 1) return `${word(base.slice(0, -1))} Village`;
    return word(base);
  };

  return { word, township, village, villageShortZh };
}
