import { describe, expect, it } from 'vitest';
import { excerpt, MAX_PASSAGE_CHARS } from '../../../scripts/pipeline/shared/excerpt.ts';

describe('citation passages', () => {
  it('keeps a paragraph of ordinary length whole', () => {
    const text = 'Russia began withdrawing from Qamishli airport on 23 January 2026.';
    expect(excerpt(text)).toBe(text);
  });

  it('cuts a very long paragraph to a window that contains the cited sentence', () => {
    const filler = 'Putin met Sharaa. '.repeat(200);
    const cited = 'The convoy reached Hmeimim air base on Monday.';
    const text = `${filler}${cited} ${filler}`.trim();
    const start = text.indexOf(cited);
    const passage = excerpt(text, { start, end: start + cited.length });
    expect(passage).toContain(cited);
    expect(passage.length).toBeLessThanOrEqual(MAX_PASSAGE_CHARS + 4);
    expect(passage.startsWith('… ')).toBe(true);
    expect(passage.endsWith(' …')).toBe(true);
    // Cut on word boundaries, not inside a word.
    expect(passage).toMatch(/^… [A-Z]/);
  });

  it('starts at the beginning when the focus is the first sentence', () => {
    const text = `First sentence here. ${'More words follow. '.repeat(100)}`;
    const passage = excerpt(text, { start: 0, end: 20 });
    expect(passage.startsWith('First sentence here.')).toBe(true);
    expect(passage.endsWith(' …')).toBe(true);
  });
});
