// The general detector of personal data: the same patterns mask free text in DuckDB and judge
// values in the PII gate. Names and addresses here appear in no list of ours.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { referrals } from '../../datasets/contract/feeds';
import { makeIdNumber } from '../../datasets/contract/id-number';
import { ANY_PERSONAL_DATA_RE2, findPersonalData, maskFreeTextSql, maskPatternsSql, maskPersonalData } from '../../pipelines/personal-data';
import { Database } from '../../pipelines/warehouse';

const id18 = makeIdNumber('652323', '1962-11-30', 41);
const FOUND: [string, string][] = [
  ['患者热合曼·买买提，男，58岁', 'a personal name'],
  ['其女张晓燕陪同来院', 'a personal name'],
  ['联系人：司马懿', 'a personal name'],
  ['家属努尔古丽签字同意', 'a personal name'],
  ['由阿依江•沙吾提代诉', 'a personal name'],
  ['患者欧阳修，胸闷2天', 'a personal name'],
  ['马师傅送来', 'a personal name'],
  ['住昌吉市延安北路126号3单元502室', 'address'],
  ['榆树沟镇下营村5组', 'address'],
  ['宁边小区12栋2单元', 'address'],
  ['电话0994-2345678', 'landline number'],
  ['手机13899001234', 'mobile number'],
  [`身份证${id18}`, 'ID number'],
  ['旧证号652323621130412', 'ID number'],
  // A name that runs on into the note, an address after a residence cue, a mobile written with separators.
  ['患者王伟头晕3天', 'a personal name'],
  ['其父马建国已故', 'a personal name'],
  ['患者叶尔兰胸痛', 'a personal name'],
  ['家住：三工镇头屯河村', 'address'],
  ['手机138-9900-1234', 'mobile number'],
  ['电话+8613899001234', 'mobile number']
];
const CLEAN = [
  '高血压',
  '胸痛待查',
  '冠心病',
  '3号床',
  '转诊至昌吉州人民医院',
  '三工镇头屯河村卫生室',
  '呼图壁县人民医院',
  '2型糖尿病',
  '血压160/95mmHg',
  '心率88次/分',
  '母亲高血压病史',
  '患者发热3天',
  '父亲糖尿病',
  '急性心肌梗死，建议PCI',
  'ST202503140000001',
  '家属签字同意',
  '家属要求转上级医院',
  '监护人同意手术',
  '联系人电话不详',
  '患者家属陪同',
  '患者高热，体温39℃',
  '患者黄疸，皮肤巩膜黄染',
  '患者于家中摔倒',
  '患者余无特殊。',
  '患者白细胞升高，',
  '患者车祸伤2小时',
  '患者明确诊断后转回',
  '其父已故',
  '其子女均体健',
  '[已脱敏姓名]',
  '[已脱敏身份证号]',
  '[已脱敏电话]',
  '[已脱敏地址]',
  '[已脱敏出生日期]',
  '2025-03-04 随访'
];

let db: Database;
beforeAll(async () => {
  db = await Database.open(':memory:');
});
afterAll(() => db.close());

const sqlMask = async (text: string) => (await db.rows<{ t: string }>(`SELECT ${maskPatternsSql('?')} AS t`, [text]))[0].t;

describe('general personal-data detector', () => {
  it.each(FOUND)('finds %s (%s)', (text, kind) => {
    expect(findPersonalData(text)).toBe(kind);
  });

  it.each(CLEAN)('leaves clinical and public text alone: %s', (text) => {
    expect(findPersonalData(text)).toBeNull();
  });

  it('an 18-digit number counts as an ID number only with a valid check digit', () => {
    const wrong = `${id18.slice(0, 17)}${id18[17] === '0' ? '1' : '0'}`;
    expect(findPersonalData(`编号${wrong}`)).toBeNull();
  });

  it('DuckDB masks what the detector finds, as the JavaScript masking does, and leaves clean text as it was', async () => {
    for (const [text] of FOUND) {
      const masked = await sqlMask(text);
      expect(findPersonalData(masked), `${text} -> ${masked}`).toBeNull();
      expect(masked).toBe(maskPersonalData(text));
    }
    for (const text of CLEAN) expect(await sqlMask(text)).toBe(text);
  });

  it("masks a record's own identifiers in its free text, even with no cue around them", async () => {
    await db.run(
      `CREATE OR REPLACE TEMP TABLE s AS SELECT '古丽娜尔今日复诊 ' || ? || ' 生日1962年11月30日' AS v_diagnosis_text,
      '古丽娜尔' AS v_person_name, ? AS v_id_number, DATE '1962-11-30' AS v_birth_date, '13012345678' AS v_phone`,
      [id18, id18]
    );
    const [row] = await db.rows<{ t: string }>(`SELECT ${maskFreeTextSql(referrals, 's.v_diagnosis_text')} AS t FROM s`);
    expect(row.t).toBe('[已脱敏姓名]今日复诊 [已脱敏身份证号] 生日[已脱敏出生日期]');
  });

  it("masks each part of a record's own name joined with ·, and a one-character name nowhere", async () => {
    const mask = async (name: string, text: string) => {
      await db.run(
        `CREATE OR REPLACE TEMP TABLE s AS SELECT ? AS v_diagnosis_text, ? AS v_person_name, NULL::VARCHAR AS v_id_number, NULL::DATE AS v_birth_date, NULL::VARCHAR AS v_phone`,
        [text, name]
      );
      return (await db.rows<{ t: string }>(`SELECT ${maskFreeTextSql(referrals, 's.v_diagnosis_text')} AS t FROM s`))[0].t;
    };
    expect(await mask('古丽娜尔·努尔兰', '古丽娜尔复诊，努尔兰陪同')).toBe('[已脱敏姓名]复诊，[已脱敏姓名]陪同');
    expect(await mask('王', '王某复诊')).toBe('王某复诊');
  });

  it("the gate's pre-filter in DuckDB passes every value the detector flags", async () => {
    for (const [text] of FOUND) expect(await db.value(`SELECT regexp_matches(?, ?)`, [text, ANY_PERSONAL_DATA_RE2]), text).toBe(true);
  });
});
