// Reading a landing zone back in tests: folders, lines, parsed records.
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `hci-${prefix}-`));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface LandingFile {
  feed: string;
  date: string;
  file: string;
  path: string;
}

export function landingFiles(out: string): LandingFile[] {
  const files: LandingFile[] = [];
  for (const feed of readdirSync(out)
    .filter((f) => !f.startsWith('_'))
    .sort()) {
    for (const folder of readdirSync(join(out, feed)).sort()) {
      const date = folder.replace(/^dt=/, '');
      for (const file of readdirSync(join(out, feed, folder)).sort()) {
        files.push({ feed, date, file, path: join(out, feed, folder, file) });
      }
    }
  }
  return files;
}

/** The lines of an intact gzip file; null when the file is truncated or corrupt. */
export function readLines(path: string): string[] | null {
  try {
    const text = gunzipSync(readFileSync(path)).toString('utf8');
    return text === '' ? [] : text.replace(/\n$/, '').split('\n');
  } catch {
    return null;
  }
}

/** SHA-256 over every file's relative path and bytes: equal digests mean identical trees. */
export function treeDigest(out: string): string {
  const hash = createHash('sha256');
  for (const f of landingFiles(out)) {
    hash.update(`${f.feed}/${f.date}/${f.file}\n`);
    hash.update(readFileSync(f.path));
  }
  const manifest = join(out, '_manifest.json');
  if (existsSync(manifest)) hash.update(readFileSync(manifest));
  return hash.digest('hex');
}
