// The vocabulary of the feed contract. A feed is declared once as plain data (feeds.ts);
// the zod validator, DuckDB's read_json column types and the README tables are derived
// from that one declaration so they can never drift apart.

export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'date' | 'timestamp' | 'enum';

/** Reference tables a code field must resolve against. */
export type FieldRef =
  | 'institution'
  | 'designated_institution'
  | 'internet_hospital'
  | 'recognition_peer'
  | 'county'
  | 'township'
  | 'medical_community'
  | 'exam_item'
  | 'equipment';

/** Raw personal data a real export carries; the pipeline must strip or mask it. */
export type PiiKind = 'name' | 'id_number' | 'phone' | 'birth_date' | 'address' | 'free_text';

export interface FieldSpec {
  type: FieldType;
  description: string;
  /** Required for every record (true), for some record types (list), or optional (false). */
  required: boolean | readonly string[];
  values?: readonly string[];
  min?: number;
  max?: number;
  pattern?: RegExp;
  ref?: FieldRef;
  pii?: PiiKind;
}

export interface FeedSpec {
  name: string;
  titleZh: string;
  description: string;
  /** Unique per event; duplicates of it are dropped by the pipeline. */
  idField: string;
  /** The timestamp or date that dates the business event (what the dashboard counts by). */
  eventField: string;
  /** The timestamp or date whose day names the landing partition an on-time record belongs to. */
  partitionField: string;
  /** Discriminator for feeds that carry several record kinds. */
  typeField?: string;
  fields: Record<string, FieldSpec>;
}

type Options = Partial<Omit<FieldSpec, 'type' | 'description'>>;

function field(type: FieldType, description: string, options: Options = {}): FieldSpec {
  return { type, description, required: true, ...options };
}

export const str = (description: string, options?: Options) => field('string', description, options);
export const int = (description: string, options?: Options) => field('integer', description, options);
export const num = (description: string, options?: Options) => field('number', description, options);
export const bool = (description: string, options?: Options) => field('boolean', description, options);
export const date = (description: string, options?: Options) => field('date', description, options);
export const ts = (description: string, options?: Options) => field('timestamp', description, options);
export const oneOf = (values: readonly string[], description: string, options?: Options) =>
  field('enum', description, { ...options, values });

/** Marks a field optional (nullable). */
export const optional = (spec: FieldSpec): FieldSpec => ({ ...spec, required: false });
/** Marks a field required only for the listed record types. */
export const requiredFor = (types: readonly string[], spec: FieldSpec): FieldSpec => ({ ...spec, required: types });

export const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;
export const PHONE_PATTERN = /^1\d{10}$/;
/** ISO 8601 local time of the prefecture with its offset, e.g. 2025-03-04T08:15:30+08:00. */
export const TIMESTAMP_PATTERN = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
export const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** The raw person fields a real export carries (all stripped downstream). */
export function personFields(options: { phone?: boolean; address?: boolean } = {}): Record<string, FieldSpec> {
  const fields: Record<string, FieldSpec> = {
    id_number: str('Resident ID number (GB 11643, 18 characters with check digit)', {
      pattern: ID_NUMBER_PATTERN,
      pii: 'id_number'
    }),
    person_name: str('Full name', { pii: 'name' }),
    sex: oneOf(['M', 'F'], 'Sex'),
    birth_date: date('Date of birth', { pii: 'birth_date' })
  };
  if (options.phone) fields.phone = optional(str('Mobile number', { pattern: PHONE_PATTERN, pii: 'phone' }));
  if (options.address) fields.address = optional(str('Home address', { pii: 'address' }));
  return fields;
}
