// Typed, zod-validated loader of the shipped reference data (used by the simulator and the
// pipeline). The CSVs are small (~2k rows in all), so everything is read eagerly and cached.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import {
  TABLES,
  columnToField,
  type CalendarDay,
  type CountyPopulation,
  type Equipment,
  type ExamItem,
  type Institution,
  type MedicalCommunity,
  type OrgUnit,
  type TableName,
  type XpccHospital
} from './schemas';

export * from './schemas';

export interface Reference {
  orgUnits: OrgUnit[];
  population: CountyPopulation[];
  medicalCommunities: MedicalCommunity[];
  institutions: Institution[];
  xpccHospitals: XpccHospital[];
  examItems: ExamItem[];
  equipment: Equipment[];
  calendar: CalendarDay[];
}

/** The directory holding this file and the CSVs beside it. */
export const defaultReferenceDir: string = fileURLToPath(new URL('.', import.meta.url));

/** Thrown for any unreadable file, wrong header, invalid row or duplicate key. */
export class ReferenceDataError extends Error {
  constructor(
    readonly file: string,
    readonly row: number | null,
    detail: string
  ) {
    // row is the 1-based data row; the file line is row + 1 because of the header.
    super(row === null ? `${file}: ${detail}` : `${file} row ${row} (line ${row + 1}): ${detail}`);
    this.name = 'ReferenceDataError';
  }
}

function loadTable<T>(dir: string, name: TableName): T[] {
  const { file, columns, schema, key } = TABLES[name];
  const path = resolve(dir, file);
  let records: string[][];
  try {
    records = parse(readFileSync(path, 'utf8'), { bom: true, skip_empty_lines: true });
  } catch (err) {
    throw new ReferenceDataError(file, null, `cannot read/parse ${path}: ${String(err)}`);
  }
  const [header, ...rows] = records;
  if (!header || header.join(',') !== columns.join(',')) {
    throw new ReferenceDataError(file, null, `header must be "${columns.join(',')}", got "${(header ?? []).join(',')}"`);
  }
  const fields = columns.map(columnToField);
  const seen = new Set<unknown>();
  return rows.map((cells, i) => {
    const rowNo = i + 1;
    if (cells.length !== fields.length) {
      throw new ReferenceDataError(file, rowNo, `expected ${fields.length} cells, got ${cells.length}`);
    }
    const raw = Object.fromEntries(fields.map((f, j) => [f, cells[j]]));
    const result = schema.safeParse(raw);
    if (!result.success) {
      const issues = result.error.issues
        .map((iss) => `${iss.path.join('.') || '(row)'}: ${iss.message} (value ${JSON.stringify(raw[String(iss.path[0])])})`)
        .join('; ');
      throw new ReferenceDataError(file, rowNo, issues);
    }
    const keyValue = (result.data as Record<string, unknown>)[key];
    if (seen.has(keyValue)) {
      throw new ReferenceDataError(file, rowNo, `duplicate ${key} ${String(keyValue)}`);
    }
    seen.add(keyValue);
    return result.data as T;
  });
}

const cache = new Map<string, Reference>();

/** Load and validate all reference tables from `dir` (cached per resolved directory). */
export function loadReference(dir: string = defaultReferenceDir): Reference {
  const abs = resolve(dir);
  const hit = cache.get(abs);
  if (hit) return hit;
  const ref: Reference = {
    orgUnits: loadTable<OrgUnit>(abs, 'orgUnits'),
    population: loadTable<CountyPopulation>(abs, 'population'),
    medicalCommunities: loadTable<MedicalCommunity>(abs, 'medicalCommunities'),
    institutions: loadTable<Institution>(abs, 'institutions'),
    xpccHospitals: loadTable<XpccHospital>(abs, 'xpccHospitals'),
    examItems: loadTable<ExamItem>(abs, 'examItems'),
    equipment: loadTable<Equipment>(abs, 'equipment'),
    calendar: loadTable<CalendarDay>(abs, 'calendar')
  };
  cache.set(abs, ref);
  return ref;
}

/** Forget cached tables (tests that rewrite CSVs in a temp dir). */
export function clearReferenceCache(): void {
  cache.clear();
}
