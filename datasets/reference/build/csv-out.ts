// Writes one reference table with csv-stringify, in the column order fixed by TABLES.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { TABLES, columnToField, type TableName } from '../schemas';

/** CSV cell text: null -> empty, booleans -> true/false, numbers as plain decimals. */
function cell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`non-finite number ${value}`);
    return String(value);
  }
  return String(value);
}

export function writeTable(dir: string, name: TableName, rows: readonly object[]): string {
  const { file, columns, schema } = TABLES[name];
  const fields = columns.map(columnToField);
  const records = rows.map((row, i) => {
    // Validate before writing so a bad builder never ships a file the loader would reject.
    const checked = schema.safeParse(row);
    if (!checked.success) {
      throw new Error(`${file} row ${i + 1}: ${checked.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    }
    const r = row as Record<string, unknown>;
    return fields.map((f) => cell(r[f]));
  });
  const text = stringify([columns as readonly string[] as string[], ...records], { record_delimiter: 'unix' });
  const path = join(dir, file);
  writeFileSync(path, text, 'utf8');
  return path;
}
