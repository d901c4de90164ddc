// Quoting in one place. Only names and values the project itself defines (contract fields,
// enum values, file paths it listed) are ever written into SQL text; quoting doubles the quote
// character so even a hostile file name cannot break out of its literal.

export function literal(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

export function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export function list(values: readonly string[]): string {
  return `[${values.map(literal).join(', ')}]`;
}

/** Splits a .sql file into statements (no semicolons inside our literals or comments). */
export function statements(sql: string): string[] {
  return sql
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.replace(/^\s*--.*$/gm, '').trim())
    .filter((s) => s.length > 0);
}
