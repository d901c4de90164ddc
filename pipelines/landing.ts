// The landing zone as the pipeline sees it: <landing>/<feed>/dt=YYYY-MM-DD/*.ndjson(.gz). Every
// entry is either used (a feed's data file, an encoding declaration) or listed as skipped with the
// reason, so nothing an exporter put there is ignored without a word.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { FEEDS } from '../datasets/contract/feeds';
import { ENCODINGS, type Encoding } from './landing-file';

export interface LandingFile {
  feed: string;
  path: string;
  folderDate: string;
  encoding: Encoding;
}

export interface SkippedPath {
  /** Relative to the landing zone. */
  path: string;
  reason: string;
  /** Hidden entries (names starting with _ or ., as Hadoop and Spark writers leave them) are listed
   * but are no reason for a warning; anything else skipped is. */
  warning: boolean;
}

export interface LandingZone {
  /** Landing days present for any feed, sorted. */
  dates: string[];
  skipped: SkippedPath[];
  /** A feed's data files for the given days, in folder and name order. */
  files(feed: string, dates: string[]): LandingFile[];
}

/** The file that declares a feed's or a folder's encoding: one word, e.g. gb18030. */
export const ENCODING_FILE = '_encoding';
const DATA_FILE = /\.(ndjson|jsonl)(\.gz)?$/i;
const PARTITION = /^dt=(\d{4}-\d{2}-\d{2})$/;
const hidden = (name: string) => name.startsWith('_') || name.startsWith('.');

/** A real calendar day: 2025-02-30 matches the pattern but is not one. */
function isRealDate(date: string): boolean {
  const d = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === date;
}

function readEncoding(file: string, landing: string): Encoding | null {
  if (!existsSync(file)) return null;
  const declared = readFileSync(file, 'utf8')
    .trim()
    .toLowerCase()
    .replace(/^utf8$/, 'utf-8');
  if (!(ENCODINGS as readonly string[]).includes(declared)) {
    throw new Error(`${relative(landing, file)} declares "${declared}": supported encodings are ${ENCODINGS.join(', ')}`);
  }
  return declared as Encoding;
}

const isDirectory = (path: string) => statSync(path).isDirectory();

/** Reads the landing zone's layout (not the files' contents). Throws on an invalid encoding declaration. */
export function scanLanding(landing: string): LandingZone {
  const skipped: SkippedPath[] = [];
  const skip = (path: string, reason: string, name: string) =>
    skipped.push({ path: relative(landing, path), reason: hidden(name) ? `hidden (${reason})` : reason, warning: !hidden(name) });
  const partitions = new Map<string, Map<string, LandingFile[]>>();
  const known = new Set(FEEDS.map((f) => f.name));
  if (!existsSync(landing)) return { dates: [], skipped, files: () => [] };

  for (const name of readdirSync(landing).sort()) {
    const feedDir = join(landing, name);
    if (!isDirectory(feedDir)) {
      skip(feedDir, 'not a feed folder', name);
      continue;
    }
    if (!known.has(name)) {
      skip(feedDir, 'not a feed of the data contract', name);
      continue;
    }
    const feedEncoding = readEncoding(join(feedDir, ENCODING_FILE), landing);
    const days = new Map<string, LandingFile[]>();
    partitions.set(name, days);
    for (const folder of readdirSync(feedDir).sort()) {
      const dir = join(feedDir, folder);
      if (folder === ENCODING_FILE) continue;
      const m = PARTITION.exec(folder);
      if (!isDirectory(dir)) {
        skip(dir, 'not a partition folder', folder);
        continue;
      }
      if (!m) {
        skip(dir, 'partition folder not named dt=YYYY-MM-DD', folder);
        continue;
      }
      if (!isRealDate(m[1])) {
        skip(dir, `dt=${m[1]} is not a calendar date`, folder);
        continue;
      }
      const encoding = readEncoding(join(dir, ENCODING_FILE), landing) ?? feedEncoding ?? 'utf-8';
      const files: LandingFile[] = [];
      for (const file of readdirSync(dir).sort()) {
        const path = join(dir, file);
        if (file === ENCODING_FILE) continue;
        if (isDirectory(path)) skip(path, 'a folder inside a partition', file);
        else if (hidden(file) || !DATA_FILE.test(file)) skip(path, 'not a data file (*.ndjson, *.ndjson.gz, *.jsonl, *.jsonl.gz)', file);
        else files.push({ feed: name, path, folderDate: m[1], encoding });
      }
      days.set(m[1], files);
    }
  }
  const dates = [...new Set([...partitions.values()].flatMap((days) => [...days.keys()]))].sort();
  return {
    dates,
    skipped,
    files: (feed, wanted) => wanted.flatMap((d) => partitions.get(feed)?.get(d) ?? [])
  };
}
