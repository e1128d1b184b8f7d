import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseExpected } from '../../../scripts/eval/expected.ts';
import { interval } from '../../../scripts/eval/match.ts';

const read = (corpus: string) => {
  const file = `tests/fixtures/${corpus}/expected.yaml`;
  return parseExpected(readFileSync(new URL(`../../../${file}`, import.meta.url), 'utf8'), file);
};

describe('the reference files', () => {
  for (const corpus of ['second-story', 'seed-story']) {
    it(`${corpus}: every item names a listed article, a phrase inside its snippet and a date the format allows`, () => {
      const expected = read(corpus);
      const articles = new Set(expected.articles.map((article) => article.file));
      for (const item of [...expected.quotes, ...expected.relativeDates]) expect(articles.has(item.article), item.article).toBe(true);
      for (const item of expected.relativeDates) expect(item.snippet).toContain(item.phrase);
      for (const date of [...expected.events.map((event) => event.date), ...expected.relativeDates.map((item) => item.resolved), ...expected.articles.flatMap((article) => article.published ?? [])]) {
        expect(() => interval(date), date).not.toThrow();
      }
      const text = (file: string) => readFileSync(new URL(`../../fixtures/${corpus}/articles/${file}`, import.meta.url), 'utf8').replace(/\u00a0/g, ' ');
      for (const quote of expected.quotes) expect(text(quote.article), quote.opening).toContain(quote.opening);
    });
  }

  it('second-story: a different story with ≥ 5 articles, the cast the issue asks for, and people and places by kind', () => {
    const expected = read('second-story');
    expect(expected.articles.length).toBeGreaterThanOrEqual(5);
    const kinds = (kind: string) => expected.entities!.filter((entity) => entity.kind === kind);
    expect(kinds('person').length).toBeGreaterThanOrEqual(12);
    expect(kinds('state')).toHaveLength(6);
    expect(kinds('organisation').length).toBeGreaterThanOrEqual(3);
    expect(kinds('base').length).toBeGreaterThanOrEqual(2);
    for (const entity of [...kinds('place'), ...kinds('base')]) expect(entity.coordinates, entity.name).toBeDefined();
    expect(expected.relativeDates.some((item) => item.weekday)).toBe(true);
  });

  it('refuses a malformed reference rather than scoring against a gap', () => {
    expect(() => parseExpected('entities:\n  - kind: person\n', 'x.yaml')).toThrow(/x.yaml: entity needs a name/);
    expect(() => parseExpected('quotes:\n  - { article: a.txt, opening: Hi }\n', 'x.yaml')).toThrow(/quote needs/);
    expect(parseExpected('corpus: c\n', 'x.yaml').entities).toBeUndefined();
  });
});
