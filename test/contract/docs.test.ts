import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderContract } from '../../datasets/contract/docs';
import { FEEDS } from '../../datasets/contract/feeds';

describe('the README documents the feed contract', () => {
  it('holds the contract as rendered from the declarations (run npm run contract:docs when this fails)', () => {
    expect(readFileSync('README.md', 'utf8')).toContain(renderContract());
  });

  it('documents every field of every feed', () => {
    const text = renderContract();
    for (const feed of FEEDS) for (const field of Object.keys(feed.fields)) expect(text).toContain(`| \`${field}\` |`);
  });
});
