// Column headers and value names for the human formats (CSV, XLSX): Chinese by default, English
// with lang=en, the words from the i18n dictionaries ('export.*'). Org codes are named from the
// warehouse's tree, categories from the catalogue.
import { NONE_CODE, OTHER_CODE, type Lang } from '../../contract/contract';
import { translate } from '../../i18n';
import { dimension, valueName, type IndicatorEntry } from '../metrics';
import type { Snapshot } from '../warehouse';

export interface Column {
  key: string;
  header: string;
  /** For a breakdown's name column: the dimension whose codes it names. */
  namesOf?: string;
}

/** The names of the codes the API adds to a breakdown (the rest, and no value). */
const CODE_NAMES = { [OTHER_CODE]: 'export.other', [NONE_CODE]: 'export.none' } as const;

/** period, then per breakdown its code and its name, then the measures (and their comparison). */
export function columnsFor(entry: IndicatorEntry, resultColumns: string[], by: string[], lang: Lang): Column[] {
  const measure: Record<string, string> = {
    numerator: entry.numerator[lang],
    denominator: entry.denominator?.[lang] ?? translate(lang, 'export.denominator'),
    value: entry.name[lang]
  };
  const columns: Column[] = [];
  for (const key of resultColumns) {
    if (key === 'period') columns.push({ key, header: translate(lang, 'export.period') });
    else if (by.includes(key)) {
      const name = dimension(key)!.name[lang];
      columns.push({ key, header: translate(lang, 'export.code', { name }) }, { key, header: name, namesOf: key });
    } else if (key.startsWith('compare_'))
      columns.push({ key, header: translate(lang, 'export.compare', { measure: measure[key.slice('compare_'.length)] }) });
    else columns.push({ key, header: measure[key] });
  }
  return columns;
}

/** A function naming the codes of one breakdown in `lang`. */
export function namer(dimensionId: string, snapshot: Snapshot, lang: Lang): (code: string) => string {
  const communities = new Map(snapshot.medicalCommunities.map((m) => [m.code, m[lang]]));
  return (code) => {
    if (code === OTHER_CODE || code === NONE_CODE) return translate(lang, CODE_NAMES[code]);
    if (dimensionId === 'medical_community') return communities.get(code) ?? code;
    return valueName(dimensionId, code, lang) ?? snapshot.org.get(code)?.name[lang] ?? code;
  };
}
