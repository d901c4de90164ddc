// Every catalogue indicator with a target is on some dashboard page: nav.ts declares which page
// shows it (the overview's target panel links there), and that page's source names it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NAV, targetPage } from '../../src/lib/components/nav';
import { INDICATORS } from '../../src/lib/server/metrics';

const source = (path: string) => readFileSync(`src/routes${path === '/' ? '' : path}/+page.svelte`, 'utf8');
const names = (src: string, id: string) => src.includes(`'${id}'`) || src.includes(`"${id}"`);
const targeted = INDICATORS.filter((i) => i.target).map((i) => i.id);

describe('indicators with a target on the pages', () => {
  it.each(targeted)('%s has a page that shows it', (id) => {
    const item = targetPage(id);
    expect(item, `${id} has a target but no page in nav.ts: add it to a page's tiles or charts and to that page's targets`).toBeDefined();
    expect(names(source(item!.path), id), `${item!.path} does not show ${id}`).toBe(true);
  });

  it('declares only catalogue indicators with a target, each on one page', () => {
    const declared = NAV.flatMap((item) => item.targets ?? []);
    expect(declared.filter((id) => !targeted.includes(id))).toEqual([]);
    expect(new Set(declared).size).toBe(declared.length);
  });

  it('includes 120急救反应时间, which no page used to show', () => {
    expect(targetPage('ems_arrival_minutes')?.path).toBe('/referral');
  });
});
