// The shape of an indicator catalogue entry, as a zod schema whose fields say what they mean
// (Evidence's metric-schema.ts is the model). Entries are validated when the catalogue loads; an
// invalid one is reported with its id and left out, the others stay.
import { z } from 'zod';
import { INSTITUTION_TYPES } from '../../../../datasets/reference/schemas';
import { ORG_KINDS, type Applicability, type Grain, type Indicator, type OrgKind } from '../../contract/contract';
import { IndicatorSchema, TextSchema } from '../../contract/schemas';
import { dimension } from './dimensions';
import { INSTITUTION_FLAGS, martTable, orgDimensions, type MartTable } from './tables';

const filterValues = z.array(z.union([z.string(), z.number(), z.boolean()])).min(1);

export const measureSchema = z
  .object({
    column: z.string().describe('A summable column of the table'),
    where: z.record(z.string(), filterValues).optional().describe('Only rows whose column holds one of these values'),
    whereNot: z.record(z.string(), filterValues).optional().describe('Only rows whose column holds none of these values'),
    stock: z
      .boolean()
      .optional()
      .describe('A stock (register size, balance): taken at the latest time of each period, never summed over time'),
    scale: z.number().positive().optional().describe('Factor applied to the sum (1/60 turns seconds into minutes)')
  })
  .strict();

export const computeSchema = z
  .object({
    table: z.string().describe('Mart table id (src/lib/server/metrics/tables.ts)'),
    numerator: measureSchema,
    denominator: measureSchema.optional().describe('Absent for counts and sums: value = numerator'),
    median: z
      .object({ scale: z.number().positive().describe('Factor from bucket minutes to the unit (1/60 for hours)') })
      .strict()
      .optional()
      .describe('Value = median of the histogram buckets, weighted by the numerator'),
    coverage: z
      .object({ of: z.enum(INSTITUTION_FLAGS).describe('Flag of core.dim_institution marking the institutions counted') })
      .strict()
      .optional()
      .describe(
        'Value = institutions with the flag whose numerator over the period is positive / all institutions with the flag in the selection'
      )
  })
  .strict();

export const appliesToSchema = z
  .object({
    levels: z
      .array(z.enum(ORG_KINDS))
      .min(1)
      .optional()
      .describe("Org levels whose figure means something (default: every level the table's org level allows)"),
    institutionTypes: z
      .array(z.enum(INSTITUTION_TYPES))
      .min(1)
      .optional()
      .describe('At institution level, only institutions of these types (default: every type)'),
    why: TextSchema.describe('Why the figure means nothing elsewhere: what the pages and the API say there')
  })
  .strict();

/**
 * A catalogue entry: the indicator as /api/indicators shows it (the contract's IndicatorSchema),
 * without what the table decides (grains, org level, feeds), and with how it is computed and
 * protected. Its texts must not be empty.
 */
export const indicatorEntrySchema = IndicatorSchema.omit({ grains: true, orgLevel: true, appliesTo: true, feeds: true })
  .extend({
    id: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, 'lower-case letters, digits and _'),
    countsPersons: z
      .boolean()
      .describe('Numerator or denominator counts persons or their visits and events: small counts are suppressed for most roles'),
    compute: computeSchema,
    appliesTo: appliesToSchema
      .optional()
      .describe('Where the indicator means something, when that is narrower than where its table has figures')
  })
  .strict()
  .superRefine((entry, ctx) => {
    const issue = (message: string) => ctx.addIssue({ code: 'custom', message });
    for (const path of emptyTexts(entry)) ctx.addIssue({ code: 'custom', path, message: 'an empty text' });
    const table = martTable(entry.compute.table);
    if (!table) return issue(`unknown table ${entry.compute.table}`);
    const { numerator, denominator, median, coverage } = entry.compute;
    for (const m of [numerator, denominator]) if (m) measureIssues(table, m).forEach(issue);
    // A coverage's denominator is the flagged institutions, not a measure.
    const hasDenominator = denominator !== undefined || coverage !== undefined;
    if (!hasDenominator !== (entry.denominator === null))
      issue('denominator text and measure (or coverage) must both be given or both be null');
    if (median && !table.buckets) issue(`table ${entry.compute.table} has no histogram buckets for a median`);
    if (median && denominator) issue('a median has no denominator');
    if (coverage && (denominator || median)) issue('a coverage has no denominator measure and no median');
    if (coverage && table.org.level !== 'institution')
      issue(`a coverage counts institutions: table ${entry.compute.table} is not per institution`);
    if ((entry.format === 'percent' || entry.format === 'per100') && !hasDenominator) issue(`format ${entry.format} needs a denominator`);
    // Institutions are counted per org unit: a coverage has no other breakdowns.
    const allowed = new Set([...orgDimensions(table), ...(coverage ? [] : Object.keys(table.dims))]);
    for (const b of entry.breakdowns) {
      if (!dimension(b)) issue(`unknown dimension ${b}`);
      else if (!allowed.has(b)) issue(`table ${entry.compute.table} cannot be broken down by ${b}`);
    }
    if (new Set(entry.breakdowns).size !== entry.breakdowns.length) issue('breakdowns repeat a dimension');
    const levels = entry.appliesTo?.levels ?? [];
    for (const level of levels.filter((l) => !tableLevels(table).includes(l)))
      issue(`table ${entry.compute.table} has no ${level} figures`);
    if (entry.appliesTo?.institutionTypes && !applicability(entry, table).levels.includes('institution'))
      issue('institution types restrict an indicator that does not apply to institutions');
  });

/** The org levels a table has figures for: one measured per county has none below a county. */
function tableLevels(table: MartTable): OrgKind[] {
  return table.org.level === 'county' ? ['prefecture', 'county'] : [...ORG_KINDS];
}

/** Where the entry means something (/api/indicators `appliesTo`), the table's org levels by default. */
export function appliesToOf(entry: IndicatorEntry): Applicability {
  return applicability(entry, martTable(entry.compute.table)!);
}

function applicability(entry: Pick<IndicatorEntry, 'appliesTo'>, table: MartTable): Applicability {
  const { levels, institutionTypes, why } = entry.appliesTo ?? {};
  const allowed = levels ?? tableLevels(table);
  return { levels: ORG_KINDS.filter((k) => allowed.includes(k)), institutionTypes: institutionTypes ?? null, why: why ?? null };
}

/** Paths of the texts ({ zh, en }) of an entry with an empty language. */
function emptyTexts(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const o = value as Record<string, unknown>;
  if (typeof o.zh === 'string' && typeof o.en === 'string') {
    return (['zh', 'en'] as const).filter((lang) => o[lang] === '').map((lang) => [...path, lang]);
  }
  return Object.entries(o).flatMap(([key, v]) => emptyTexts(v, [...path, key]));
}

function measureIssues(table: MartTable, m: z.infer<typeof measureSchema>): string[] {
  const issues: string[] = [];
  if (!table.measures.includes(m.column)) issues.push(`${m.column} is not a measure of its table`);
  const filterable = new Set([...Object.values(table.dims).map((d) => d.column), ...(table.filters ?? [])]);
  for (const column of [...Object.keys(m.where ?? {}), ...Object.keys(m.whereNot ?? {})]) {
    if (!filterable.has(column)) issues.push(`${column} cannot be filtered on`);
  }
  return issues;
}

export type IndicatorEntry = z.infer<typeof indicatorEntrySchema>;
export type Measure = z.infer<typeof measureSchema>;

export interface CatalogueError {
  id: string;
  message: string;
}

/** Validates every entry on its own: the valid ones, and an error naming each invalid one. */
export function validateCatalogue(entries: readonly unknown[]): { entries: IndicatorEntry[]; errors: CatalogueError[] } {
  const valid: IndicatorEntry[] = [];
  const errors: CatalogueError[] = [];
  const seen = new Set<string>();
  entries.forEach((raw, index) => {
    const rawId = (raw as { id?: unknown } | null)?.id;
    const id = typeof rawId === 'string' ? rawId : `#${index}`;
    const result = indicatorEntrySchema.safeParse(raw);
    if (!result.success) {
      errors.push({
        id,
        message: result.error.issues.map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message)).join('; ')
      });
    } else if (seen.has(id)) {
      errors.push({ id, message: 'duplicate id' });
    } else {
      seen.add(id);
      valid.push(result.data);
    }
  });
  return { entries: valid, errors };
}

/** Grains a table can answer: days and weeks need daily rows; a yearly table answers years only. */
export function grainsOf(table: MartTable): Grain[] {
  if (table.tables.day) return ['day', 'week', 'month', 'quarter', 'year', 'all'];
  if (table.tables.month) return ['month', 'quarter', 'year', 'all'];
  return ['year', 'all'];
}

/** What /api/indicators shows: the entry without how it is computed and protected. */
export function publicIndicator(entry: IndicatorEntry): Indicator {
  const table = martTable(entry.compute.table)!;
  const { compute: _compute, countsPersons: _countsPersons, ...rest } = entry;
  return { ...rest, grains: grainsOf(table), orgLevel: table.org.level, appliesTo: appliesToOf(entry), feeds: table.feeds };
}
