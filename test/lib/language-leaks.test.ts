// No English in the Chinese UI: every Chinese message, and the text the pages and components
// write themselves (outside {expressions}, which go through the i18n layer), is free of ASCII
// words but for codes and names read as they are (CT, PDF, JSON ...). A new hard-coded English
// label or an untranslated Chinese message fails here.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FEEDS } from '../../datasets/contract/feeds';
import { en } from '../../src/lib/i18n/en';
import { zh } from '../../src/lib/i18n/zh';
import { englishWords } from '../helpers/english-words';

const ROOT = join(import.meta.dirname, '../..');

function svelteFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? svelteFiles(join(dir, e.name)) : e.name.endsWith('.svelte') ? [join(dir, e.name)] : []
  );
}

/** Drops `{...}` expressions (nested braces included) from markup. */
function withoutExpressions(markup: string): string {
  let out = '';
  let depth = 0;
  for (const c of markup) {
    if (c === '{') depth++;
    else if (c === '}') depth = Math.max(0, depth - 1);
    else if (depth === 0) out += c;
  }
  return out;
}

/** What a reader may see that a file writes itself: text between tags and the static values of text attributes. */
function staticText(source: string): string[] {
  const markup = withoutExpressions(
    source
      .replace(/<script[\s\S]*?<\/script>/g, '')
      .replace(/<style[\s\S]*?<\/style>/g, '')
      .replace(/<!--[\s\S]*?-->/g, '')
  );
  const attributes = [...markup.matchAll(/\b(?:aria-label|title|placeholder|alt|aria-description)="([^"]*)"/g)].map((m) => m[1]);
  const texts = markup
    .replace(/<[^>]*>/g, '\n')
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  return [...texts, ...attributes];
}

describe('language leaks', () => {
  it('finds English words outside the allowlist, and only those', () => {
    expect(englishWords('数据来源 settlements')).toEqual(['settlements']);
    expect(englishWords('计算值来自 /api/query')).toEqual(['api', 'query']);
    expect(englishWords('CT 与 MRI 检查，{n} 项，下载 PDF')).toEqual([]);
    expect(staticText('<p title="About">{i18n.t("x")} visits <b>{n}</b></p><script>const a = "no";</script>')).toEqual(['visits', 'About']);
  });

  it('has no English in a Chinese message', () => {
    // The switch names the other language in that language, as language switches do.
    const leaks = Object.entries(zh)
      .filter(([key]) => key !== 'lang.switch')
      .map(([key, text]) => [key, englishWords(text)] as const)
      .filter(([, words]) => words.length > 0);
    expect(leaks).toEqual([]);
  });

  it('has every English message, and no Chinese in one', () => {
    const missing = Object.keys(zh).filter((key) => !(en as Record<string, string>)[key]?.trim());
    expect(missing).toEqual([]);
    const chinese = Object.entries(en).filter(([key, text]) => key !== 'lang.switch' && /[\u4e00-\u9fff]/.test(text));
    expect(chinese).toEqual([]);
  });

  it('names every feed in both languages, the Chinese name as the contract gives it', () => {
    for (const feed of FEEDS) {
      expect((zh as Record<string, string>)[`feed.${feed.name}`], feed.name).toBe(feed.titleZh);
      expect((en as Record<string, string>)[`feed.${feed.name}`], feed.name).toMatch(/^[\w -]+$/);
    }
  });

  it('writes no English in the markup of a page or component', () => {
    const files = [...svelteFiles(join(ROOT, 'src/routes')), ...svelteFiles(join(ROOT, 'src/lib/components'))];
    expect(files.length).toBeGreaterThan(30);
    const leaks = files.flatMap((file) =>
      staticText(readFileSync(file, 'utf8'))
        .filter((text) => englishWords(text).length > 0)
        .map((text) => `${relative(ROOT, file)}: ${text}`)
    );
    expect(leaks).toEqual([]);
  });
});
