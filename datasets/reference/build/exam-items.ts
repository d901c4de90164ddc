// Examinations and tests of the mutual-recognition list (检查检验结果互认目录), with prices
// typical of Xinjiang public-hospital fee schedules and the usual validity windows.
// Prices are representative list prices, not an official fee schedule (see PROVENANCE.md).
import type { ExamCategory, ExamItem } from '../schemas';

type Row = readonly [nameZh: string, nameEn: string, price: number, validityDays: number, recognisable?: boolean];

const LAB: readonly Row[] = [
  ['血常规（五分类）', 'Complete blood count (5-part differential)', 22, 7],
  ['尿常规', 'Urinalysis', 12, 7],
  ['粪便常规+隐血', 'Stool routine and occult blood', 15, 7],
  ['肝功能（11项）', 'Liver function panel (11 items)', 68, 14],
  ['肾功能（尿素、肌酐、尿酸）', 'Renal function (urea, creatinine, uric acid)', 32, 14],
  ['血脂四项', 'Lipid panel (4 items)', 40, 30],
  ['空腹血糖', 'Fasting plasma glucose', 10, 7],
  ['糖化血红蛋白', 'Glycated haemoglobin (HbA1c)', 60, 30],
  ['凝血四项', 'Coagulation panel (PT, APTT, TT, FIB)', 72, 7],
  ['甲状腺功能五项', 'Thyroid function panel (5 items)', 118, 30],
  ['乙肝五项（定量）', 'Hepatitis B serology panel (quantitative)', 88, 30],
  ['电解质（钾钠氯钙）', 'Electrolytes (K, Na, Cl, Ca)', 28, 7],
  ['心肌酶谱', 'Cardiac enzyme panel', 58, 7],
  ['肌钙蛋白I', 'Troponin I', 80, 7, false],
  ['C反应蛋白', 'C-reactive protein', 25, 7],
  ['红细胞沉降率', 'Erythrocyte sedimentation rate', 10, 7],
  ['D-二聚体', 'D-dimer', 50, 7, false],
  ['B型钠尿肽前体', 'NT-proBNP', 115, 7, false],
  ['降钙素原', 'Procalcitonin', 110, 7, false],
  ['尿微量白蛋白', 'Urine microalbumin', 25, 14],
  ['丙型肝炎抗体', 'Hepatitis C antibody', 35, 30],
  ['梅毒螺旋体抗体', 'Treponema pallidum antibody', 20, 30],
  ['人类免疫缺陷病毒抗体', 'HIV antibody', 30, 30],
  ['甲胎蛋白', 'Alpha-fetoprotein', 40, 30],
  ['癌胚抗原', 'Carcinoembryonic antigen', 40, 30],
  ['ABO血型+RhD血型', 'ABO and RhD blood group', 20, 30],
  ['同型半胱氨酸', 'Homocysteine', 45, 30],
  ['血淀粉酶', 'Serum amylase', 18, 7]
];

const IMAGING: readonly Row[] = [
  ['DR胸部正侧位', 'DR chest PA and lateral', 85, 90],
  ['DR胸部正位', 'DR chest PA', 62, 90],
  ['DR腰椎正侧位', 'DR lumbar spine AP and lateral', 90, 90],
  ['DR颈椎正侧位', 'DR cervical spine AP and lateral', 85, 90],
  ['DR膝关节正侧位', 'DR knee AP and lateral', 75, 90],
  ['乳腺钼靶摄影', 'Mammography', 150, 180],
  ['CT头颅平扫', 'CT head, non-contrast', 180, 180],
  ['CT胸部平扫', 'CT chest, non-contrast', 220, 180],
  ['CT上腹部平扫', 'CT upper abdomen, non-contrast', 260, 180],
  ['CT腰椎平扫', 'CT lumbar spine, non-contrast', 240, 180],
  ['CT胸部增强', 'CT chest, contrast-enhanced', 340, 180],
  ['MRI头颅平扫', 'MRI head, non-contrast', 480, 180],
  ['MRI腰椎平扫', 'MRI lumbar spine, non-contrast', 520, 180],
  ['MRI膝关节平扫', 'MRI knee, non-contrast', 520, 180],
  ['MRI颈椎平扫', 'MRI cervical spine, non-contrast', 520, 180],
  ['MRI头颅增强', 'MRI head, contrast-enhanced', 690, 180]
];

const ULTRASOUND: readonly Row[] = [
  ['彩超腹部（肝胆胰脾）', 'Colour Doppler ultrasound, abdomen (liver, gallbladder, pancreas, spleen)', 110, 60],
  ['彩超心脏', 'Echocardiography', 180, 60],
  ['彩超甲状腺', 'Colour Doppler ultrasound, thyroid', 70, 90],
  ['彩超妇科（经腹）', 'Gynaecological ultrasound, transabdominal', 80, 30],
  ['彩超妇科（经阴道）', 'Gynaecological ultrasound, transvaginal', 100, 30],
  ['彩超泌尿系', 'Colour Doppler ultrasound, urinary tract', 80, 60],
  ['彩超乳腺', 'Colour Doppler ultrasound, breast', 80, 90],
  ['彩超颈部血管', 'Colour Doppler ultrasound, carotid arteries', 150, 90],
  ['彩超下肢血管', 'Colour Doppler ultrasound, lower-limb vessels', 190, 60],
  ['彩超浅表淋巴结', 'Colour Doppler ultrasound, superficial lymph nodes', 60, 30]
];

const ECG: readonly Row[] = [
  ['常规十二导联心电图', 'Standard 12-lead ECG', 25, 30],
  ['十八导联心电图', '18-lead ECG', 30, 30],
  // Holter is priced like an ECG workstation service, not a single tracing.
  ['动态心电图（24小时）', 'Holter ECG (24 h)', 150, 90]
];

const ENDOSCOPY: readonly Row[] = [
  ['电子胃镜检查', 'Gastroscopy', 220, 180],
  ['电子结肠镜检查', 'Colonoscopy', 300, 180],
  ['无痛胃镜检查', 'Gastroscopy under sedation', 400, 180],
  ['电子支气管镜检查', 'Bronchoscopy', 380, 180]
];

const GROUPS: ReadonlyArray<readonly [ExamCategory, string, readonly Row[]]> = [
  ['lab', 'LAB', LAB],
  ['imaging', 'IMG', IMAGING],
  ['ultrasound', 'US', ULTRASOUND],
  ['ecg', 'ECG', ECG],
  ['endoscopy', 'END', ENDOSCOPY]
];

export function buildExamItems(): ExamItem[] {
  return GROUPS.flatMap(([category, prefix, rows]) =>
    rows.map(([nameZh, nameEn, priceYuan, validityDays, recognisable = true], i) => ({
      itemCode: `${prefix}${String(i + 1).padStart(3, '0')}`,
      nameZh,
      nameEn,
      category,
      priceYuan,
      validityDays,
      recognisable
    }))
  );
}
