// Column headers and value names for the human formats (CSV, XLSX): Chinese by default, English
// with lang=en, the words from the i18n dictionaries ('export.*'). Org codes are named from the
// warehouse's tree, categories from the catalogue. The typed downloads (Arrow, Parquet) keep their
// columns' ids and types and get the same labels beside them: period_label, <breakdown>_name.
import { NONE_CODE, NOTE_COLUMNS, OTHER_CODE, TOO_FEW, type Lang, type NormalizedQuery } from '../../contract/contract';
import { formatRange } from '../../format/date';
import { periodLabel } from '../../format/period';
import { translate } from '../../i18n';
import { dimension, valueName, type IndicatorEntry } from '../metrics';
import type { Batch, Cell } from '../query/result';
import { isNote } from '../suppression/query-result';
import type { Snapshot } from '../warehouse';

export interface Column {
  key: string;
  header: string;
  /** A column of labels: the namer that writes its cells (a breakdown's id, or 'period'). */
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
    if (key === 'period') columns.push({ key, header: translate(lang, 'export.period'), namesOf: 'period' });
    else if (by.includes(key)) {
      const name = dimension(key)!.name[lang];
      columns.push({ key, header: translate(lang, 'export.code', { name }) }, { key, header: name, namesOf: key });
    } else if (isNote(key)) {
      // Why a rate is null, in words (样本不足): named like a breakdown's codes.
      const note = translate(lang, 'export.valueNote');
      columns.push({ key, header: key.startsWith('compare_') ? translate(lang, 'export.compare', { measure: note }) : note, namesOf: key });
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

/** Each row's period as its grain names it (2025Q1, 2025-W01; the whole range for grain=all). */
export function periodNamer(query: Pick<NormalizedQuery, 'grain' | 'to'>): (day: string) => string {
  return (day) => periodLabel(day, query.grain, query.to);
}

/** The namers of a download's label columns: its period and each breakdown. */
export function namers(query: NormalizedQuery, snapshot: Snapshot): Record<string, (code: string) => string> {
  const note = (code: string) => (code === TOO_FEW ? translate(query.lang, 'figure.tooFew') : '');
  return {
    period: periodNamer(query),
    ...Object.fromEntries(query.by.map((d) => [d, namer(d, snapshot, query.lang)])),
    ...Object.fromEntries(Object.values(NOTE_COLUMNS).map((c) => [c, note]))
  };
}

/** What a download holds, in words for its notes: the area, the period, grain, breakdowns, comparison and ranking. */
export function queryNotes(query: NormalizedQuery, snapshot: Snapshot): [label: string, value: string][] {
  const lang = query.lang;
  const notes: [string, string][] = [
    [translate(lang, 'export.about.org'), snapshot.org.get(query.org)?.name[lang] ?? query.org],
    [translate(lang, 'export.about.range'), formatRange(query.from, query.to, lang)],
    [translate(lang, 'export.about.grain'), translate(lang, `grain.${query.grain}`)]
  ];
  if (query.by.length > 0)
    notes.push([translate(lang, 'export.about.by'), query.by.map((d) => dimension(d)?.name[lang] ?? d).join(lang === 'zh' ? '、' : ', ')]);
  if (query.compare !== 'none') notes.push([translate(lang, 'export.about.compare'), translate(lang, `compare.${query.compare}`)]);
  if (query.top !== null) notes.push([translate(lang, 'export.about.top'), translate(lang, 'chart.top', { n: query.top })]);
  return notes;
}

/** The column a typed download (Arrow, Parquet) adds beside a labelled one: period_label, county_name. */
export function labelColumn(key: string): string {
  return key === 'period' ? 'period_label' : `${key}_name`;
}

/** The columns of a batch with, after each one `namers` labels, its labels (the typed downloads' names beside codes). */
export function labelledColumns(columns: readonly string[], namers: Record<string, unknown>): string[] {
  return columns.flatMap((c) => (Object.hasOwn(namers, c) ? [c, labelColumn(c)] : [c]));
}

/** `batch` with its labels added as labelledColumns places them. */
export function withLabels(batch: Batch, namers: Record<string, (code: string) => string>): Batch {
  const data: Cell[][] = [];
  batch.columns.forEach((c, i) => {
    data.push(batch.data[i]);
    if (Object.hasOwn(namers, c)) data.push(batch.data[i].map((v) => namers[c](String(v))));
  });
  return { ...batch, columns: labelledColumns(batch.columns, namers), data };
}
