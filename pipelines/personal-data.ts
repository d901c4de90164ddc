// What personal data in free text looks like, declared once for the two places that need it: the
// masking of free text in SQL when facts are loaded (DuckDB, RE2 syntax) and the PII gate that scans
// core and the marts before publish (JavaScript). Nothing here knows what names the simulator makes:
// a name is found by its record (the person's own identifiers) or by its shape and context.
import { isValidIdNumber } from '../datasets/contract/id-number';
import type { FeedSpec } from '../datasets/contract/field';
import { ident, literal } from './sql';

/** What replaces each kind. Worded so that no pattern finds a mask (a label such as 姓名 is never followed by Han text). */
export const MASKS = {
  id: '[已脱敏身份证号]',
  phone: '[已脱敏电话]',
  address: '[已脱敏地址]',
  name: '[已脱敏姓名]',
  birth: '[已脱敏出生日期]'
} as const;

/**
 * One kind of personal data: the text before it and after it that must be there (kept by the
 * masking), and the part that is masked. Written once, rendered for RE2 and for JavaScript (they
 * differ only in how a Han character is named); no group may capture inside the parts.
 */
interface Pattern {
  kind: string;
  before: string;
  pii: string;
  after: string;
  mask: string;
}

const HAN = '{HAN}';
const NOT_HAN = '{NOT_HAN}';
const DIGIT = '[0-9０-９]';
const NUMERAL = '[0-9０-９一二三四五六七八九十百零〇]';
/**
 * Common Chinese surnames (public knowledge, as in every census table), the compound ones first.
 * Left out: those that after 患者 begin clinical words more often than names (于, 全, 左, 单, 凌, 车 …).
 */
const SURNAMES =
  '(?:欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|[王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞柳甘祝包宁尚符阮柯纪梅童毕季裴霍涂苗谷盛曲翁冉骆蓝路游辛靳柴蒙鲍华喻祁蒲房滕屈饶牟艾尤阳时穆司卓古吉缪项连芦麦褚娄窦戚岑景党宫费卜晏席卫米柏宗瞿桂佟臧闵苟邬边卞姬师仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池苑迟邝])';
/**
 * Characters that do not occur in given names but begin or continue the clinical and everyday words
 * that follow a cue (家属签字, 患者高热, 其父已故): a name is not read through them, and one ends there.
 */
const NOT_GIVEN = [
  '血压痛疼热烧病症炎癌瘤肿疸胞菌毒滋糖脂酸尿便痰咳嗽喘吐泻晕麻痹瘫痪颤染疹痒闷悸胀梗塞死折伤疲乏困倦渴汗咯患灸钾钠钙', // findings
  '体身侧部腹胸背腰颈脑肺肝胆脾胃肾肠骨节皮肤眼耳鼻口舌齿喉乳宫肢手足腿臂肩膝髋踝头面膏', // body
  '检查验测治疗药服用针注射输液术醉切除诊院科室床护规费请', // care
  '复发作现感觉醒睡眠食饮油差好稳定恢状态况恶常显著渐续重轻急慢性阴危龄度型级期次岁量率值数高低长短多少正化情怒缓缩', // states
  '今昨早晚夜时日年周午前后末季久分中内外上下左右间村', // time and place
  '之的了着过得地把被对往将来去到至入出等及与和或因于由从自在已未无有不没否是为其所以而并且也又再仍均各每该此本我你他她它可能需要应曾即就才都还只何走', // function words
  '陪同诉述称说代签字拒绝意求表示告知某者人属父母夫妻儿孙女先', // people and what they do; 某 is already anonymous
  '甲乙丙黑括片细电话详' // and the words of a form
].join('');
const GIVEN = `[^${NOT_HAN}${NOT_GIVEN}]`;
/** A name label: what follows is a name, whatever it looks like; without a colon, it must read like one. */
const LABELS = '(?:姓名|联系人|监护人|家属|陪同人|签字人|代诉人|患者姓名)';
/** People a clinical note names beside the patient; a name after them needs a surname and an ending. */
const PEOPLE =
  '(?:患者|病人|病员|其父|其母|其妻|其夫|其子|其女|之父|之母|之子|之女|父亲|母亲|妻子|丈夫|儿子|女儿|爱人|老伴|配偶|孙子|孙女|家长)[：:为是叫]?\\s*';
/** What may follow a name in a note: punctuation, a space, a number, the end, or a character no given name has. */
const NAME_END = `(?:[，,。.、；;：:（(\\s0-9]|[${NOT_GIVEN}]|联系|$)`;

const PATTERNS: Pattern[] = [
  { kind: 'ID number', before: '', pii: '[0-9]{17}[0-9Xx]', after: '', mask: MASKS.id },
  // The 15-digit numbers issued before 1999: a region, a two-digit year, a real month and day.
  {
    kind: 'ID number',
    before: '(?:^|[^0-9A-Za-z])',
    pii: '[1-9][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}',
    after: '(?:[^0-9A-Za-z]|$)',
    mask: MASKS.id
  },
  {
    kind: 'mobile number',
    before: '(?:^|[^0-9])',
    pii: '(?:\\+?86[- ]?)?1[3-9][0-9](?:[- ]?[0-9]{4}){2}',
    after: '(?:[^0-9]|$)',
    mask: MASKS.phone
  },
  {
    kind: 'landline number',
    before: '(?:^|[^0-9])',
    pii: '(?:0[0-9]{2,3}-[0-9]{7,8}|\\(0[0-9]{2,3}\\)[0-9]{7,8})',
    after: '(?:[^0-9]|$)',
    mask: MASKS.phone
  },
  {
    kind: 'address',
    before: '',
    pii: `[${HAN}0-9A-Za-z]{1,20}?(?:路|街|巷|弄|大道|胡同)${NUMERAL}+号(?:院|楼)?`,
    after: '',
    mask: MASKS.address
  },
  { kind: 'address', before: '', pii: `${HAN}{1,10}村${NUMERAL}+(?:组|队|号)`, after: '', mask: MASKS.address },
  {
    kind: 'address',
    before: '',
    pii: `${HAN}{1,12}(?:小区|花园|公寓|家园|新村|社区)${NUMERAL}+(?:号楼|栋|幢|单元|号)`,
    after: '',
    mask: MASKS.address
  },
  {
    kind: 'address',
    before: '',
    pii: `${DIGIT}+(?:号楼|栋|幢)(?:${DIGIT}+单元)?(?:${DIGIT}+室?)?|${DIGIT}+单元${DIGIT}+室?|${DIGIT}{3,4}室`,
    after: '',
    mask: MASKS.address
  },
  // After a residence cue, what follows is an address even without a house number.
  {
    kind: 'address',
    before: '(?:家庭住址|现住址|户籍地址|住址|家住|居住于)[：:]?\\s*',
    pii: `[${HAN}0-9A-Za-z#-]{2,20}`,
    after: '',
    mask: MASKS.address
  },
  // Uyghur, Kazakh and other transliterated names: given name · father's name.
  { kind: 'a personal name', before: '', pii: `${HAN}{2,8}[·•・]${HAN}{2,8}`, after: '', mask: MASKS.name },
  { kind: 'a personal name', before: `${LABELS}[：:]\\s*`, pii: `${HAN}{2,4}`, after: '', mask: MASKS.name },
  { kind: 'a personal name', before: `${LABELS}\\s*`, pii: `${GIVEN}{2,4}`, after: '', mask: MASKS.name },
  { kind: 'a personal name', before: PEOPLE, pii: `${SURNAMES}${GIVEN}{1,2}`, after: NAME_END, mask: MASKS.name },
  { kind: 'a personal name', before: '', pii: `${SURNAMES}${HAN}?(?:先生|女士|老人|师傅)`, after: '', mask: MASKS.name }
];

/** RE2 and JavaScript differ only in how they name the Han script. */
const render = (p: Pattern, script: string) =>
  `(${p.before})(${p.pii})(${p.after})`.replaceAll(HAN, `\\p{${script}}`).replaceAll(NOT_HAN, `\\P{${script}}`);
const RE2_HAN = 'Han';
const JS_HAN = 'Script=Han';
/** Masking order, in DuckDB and here: every pattern, then again those that keep a character after the match (adjacent matches share it). */
const MASKING_ORDER = [...PATTERNS, ...PATTERNS.filter((p) => p.after !== '')];

/** One RE2 pattern matching anything any pattern matches: the gate's cheap pre-filter in SQL. */
export const ANY_PERSONAL_DATA_RE2 = PATTERNS.map((p) => render(p, RE2_HAN)).join('|');

const JS_PATTERNS = PATTERNS.map((p) => ({ ...p, regex: new RegExp(render(p, JS_HAN), 'gu') }));

/** The first kind of personal data found in a value, or null. An 18-digit number counts only with a valid check digit. */
export function findPersonalData(value: string, options: { ignore?: readonly string[] } = {}): string | null {
  for (const p of JS_PATTERNS) {
    if (options.ignore?.includes(p.kind)) continue;
    p.regex.lastIndex = 0;
    for (const m of value.matchAll(p.regex)) {
      if (p.pii.startsWith('[0-9]{17}') && !isValidIdNumber(m[2].toUpperCase())) continue;
      return p.kind;
    }
  }
  return null;
}

/** The same masking in JavaScript, for tests and for text masked outside DuckDB. */
export function maskPersonalData(value: string): string {
  return MASKING_ORDER.reduce(
    (text, p) =>
      text.replace(new RegExp(render(p, JS_HAN), 'gu'), (_, before: string, _pii: string, after: string) => `${before}${p.mask}${after}`),
    value
  );
}

/** SQL masking every general pattern in `expr`. */
export function maskPatternsSql(expr: string): string {
  return MASKING_ORDER.reduce(
    (text, p) => `regexp_replace(${text}, ${literal(render(p, RE2_HAN))}, ${literal(`\\1${p.mask}\\3`)}, 'g')`,
    expr
  );
}

/**
 * SQL masking a feed's free text: first the record's own identifiers (the person's name, ID number,
 * phone, address and birth date, as staged in `s.v_<field>`), wherever they appear, then the general
 * patterns. A name joined with · is masked whole and part by part. A one-character value is not
 * masked everywhere it occurs: replacing '' leaves the text as it is.
 */
export function maskFreeTextSql(feed: FeedSpec, expr: string): string {
  let text = expr;
  const own = (value: string, mask: string) => {
    text = `replace(${text}, CASE WHEN length(${value}) >= 2 THEN ${value} ELSE '' END, ${literal(mask)})`;
  };
  for (const [name, spec] of Object.entries(feed.fields)) {
    const v = `s.${ident(`v_${name}`)}`;
    if (spec.pii === 'name') for (const part of [v, `split_part(${v}, '·', 1)`, `split_part(${v}, '·', 2)`]) own(part, MASKS.name);
    if (spec.pii === 'id_number') own(v, MASKS.id);
    if (spec.pii === 'phone') own(v, MASKS.phone);
    if (spec.pii === 'address') own(v, MASKS.address);
    if (spec.pii === 'birth_date') {
      own(`strftime(${v}, '%Y-%m-%d')`, MASKS.birth);
      own(`strftime(${v}, '%Y%m%d')`, MASKS.birth);
      own(`strftime(${v}, '%Y年') || month(${v}) || '月' || day(${v}) || '日'`, MASKS.birth);
    }
  }
  return maskPatternsSql(text);
}
