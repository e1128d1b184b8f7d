import { describe, expect, it } from 'vitest';
import { itemKeys, placeOrdinal } from '../../../scripts/pipeline/relate/item-keys.ts';

const item = (articleSlug: string, paragraphId: string, sentenceId: string) => ({ id: sentenceId, articleSlug, paragraphId, sentenceId, text: 'A sentence.' });

describe('itemKeys', () => {
  it('gives the same place the same number wherever it comes from, and different places different numbers', () => {
    const one = itemKeys(item('article-a', 'p1', 'p1-s1'));
    const again = itemKeys(item('article-a', 'p1', 'p1-s1'));
    const sibling = itemKeys(item('article-a', 'p1', 'p1-s2'));
    const elsewhere = itemKeys(item('article-b', 'p1', 'p1-s1'));
    expect(again).toEqual(one);
    expect(sibling.paragraph).toBe(one.paragraph);
    expect(sibling.sentence).not.toBe(one.sentence);
    expect(elsewhere.paragraph).not.toBe(one.paragraph);
    expect(elsewhere.sentence).not.toBe(one.sentence);
    expect(placeOrdinal('article-a', 'p1-s1')).toBe(one.sentence);
  });

  it('does not join an article and id that only run together the same ("ab"+"c" and "a"+"bc")', () => {
    expect(placeOrdinal('ab', 'c')).not.toBe(placeOrdinal('a', 'bc'));
  });

  it('makes the keys again when the item has been changed since', () => {
    const changing = item('article-c', 'p1', 'p1-s1');
    const before = itemKeys(changing);
    changing.sentenceId = 'p1-s9';
    expect(itemKeys(changing).sentence).toBe(placeOrdinal('article-c', 'p1-s9'));
    expect(itemKeys(changing).sentence).not.toBe(before.sentence);
  });
});
