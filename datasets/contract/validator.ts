// zod validators derived from the feed declarations. The simulator asserts its clean output
// with them; the pipeline uses the same rules (see duckdb.ts) when it loads landing files.
import { z } from 'zod';
import { DATE_PATTERN, TIMESTAMP_PATTERN, type FeedSpec, type FieldSpec } from './field';
import { isRequired } from './feeds';

function fieldSchema(spec: FieldSpec): z.ZodType {
  switch (spec.type) {
    case 'string': {
      const s = z.string().min(1);
      return spec.pattern ? s.regex(spec.pattern) : s;
    }
    case 'enum':
      return z.enum(spec.values as [string, ...string[]]);
    case 'integer':
      return bounded(z.number().int(), spec);
    case 'number':
      return bounded(z.number(), spec);
    case 'boolean':
      return z.boolean();
    case 'date':
      return z
        .string()
        .regex(DATE_PATTERN)
        .refine((v) => !Number.isNaN(Date.parse(v)), 'not a calendar date');
    case 'timestamp':
      return z
        .string()
        .regex(TIMESTAMP_PATTERN)
        .refine((v) => !Number.isNaN(Date.parse(v)), 'not a valid time');
  }
}

function bounded(schema: z.ZodNumber, spec: FieldSpec): z.ZodNumber {
  let s = schema;
  if (spec.min !== undefined) s = s.min(spec.min);
  if (spec.max !== undefined) s = s.max(spec.max);
  return s;
}

const cache = new WeakMap<FeedSpec, z.ZodType<Record<string, unknown>>>();

/** The zod schema of one feed's records; type-specific required fields are checked per record. */
export function feedValidator(feed: FeedSpec): z.ZodType<Record<string, unknown>> {
  const cached = cache.get(feed);
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {};
  for (const [name, spec] of Object.entries(feed.fields)) {
    shape[name] = spec.required === true ? fieldSchema(spec) : fieldSchema(spec).nullish();
  }
  const schema = z.object(shape).superRefine((record, ctx) => {
    if (!feed.typeField) return;
    const recordType = record[feed.typeField] as string | undefined;
    for (const name of Object.keys(feed.fields)) {
      if (feed.fields[name].required === true) continue;
      if (isRequired(feed, name, recordType) && (record[name] === null || record[name] === undefined)) {
        ctx.addIssue({ code: 'custom', path: [name], message: `required for ${feed.typeField}=${recordType}` });
      }
    }
  }) as unknown as z.ZodType<Record<string, unknown>>;
  cache.set(feed, schema);
  return schema;
}

/** One line of text per problem, naming the field: what a quarantine reason shows. */
export function describeIssues(error: z.ZodError): string {
  return error.issues.map((issue) => `${issue.path.join('.') || '(record)'}: ${issue.message}`).join('; ');
}
