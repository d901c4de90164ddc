import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONTRACT_PAGE, renderContract, renderContractPage } from '../../../datasets/contract/docs';
import { FEEDS } from '../../../datasets/contract/feeds';

describe('docs/contract.md documents the feed contract', () => {
  it('is the page as rendered from the declarations (run npm run contract:docs when this fails)', () => {
    expect(readFileSync(CONTRACT_PAGE, 'utf8')).toBe(renderContractPage());
  });

  it('documents every field of every feed', () => {
    const text = renderContract();
    for (const feed of FEEDS) for (const field of Object.keys(feed.fields)) expect(text).toContain(`| \`${field}\` |`);
  });
});
