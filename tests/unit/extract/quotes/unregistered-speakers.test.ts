import { describe, expect, it } from 'vitest';
import { extractQuotes } from '../../../../scripts/pipeline/extract/quotes/index.ts';
import { nameInPhrase, reportedSpeakerBefore, roleHolderBefore } from '../../../../scripts/pipeline/extract/quotes/antecedent.ts';
import type { Quote } from '../../../../scripts/pipeline/model.ts';
import { makeArticle } from './fixtures.ts';

/** No registry at all: every speaker here is someone the registry does not know. */
function speakers(paragraphs: string[]): [string, string][] {
  const article = makeArticle('unregistered', paragraphs, []);
  return extractQuotes(article, [], []).map((quote: Quote) => [quote.text, quote.speakerText]);
}

describe('speakers the registry does not know', () => {
  it('resolves "she said" to the person last reported as speaking', () => {
    expect(
      speakers([
        'The reaction in Lisbon was cooler. Portuguese foreign ministry spokeswoman Marta Lobo said Portugal backed any step towards peace. “Solutions must come from the region itself,” she said.',
      ]),
    ).toEqual([['Solutions must come from the region itself', 'Marta Lobo']]);
  });

  it('resolves "he said" across a paragraph break, and joins a split quote', () => {
    expect(
      speakers([
        'Tomas Varga, an adviser to the prime minister, told the state agency that the bridge would stay closed.',
        '“We will keep the crossing shut,” he said, “whatever the cost.”',
      ]),
    ).toEqual([['We will keep the crossing shut … whatever the cost.', 'Tomas Varga']]);
  });

  it('gives a role speaker the name of the role holder named earlier', () => {
    expect(
      speakers([
        'Jonas Berg, the spokesman of the Nordic interior ministry, said the review was under way.',
        '“The border must not become a corridor for smugglers,” the interior ministry spokesman told reporters.',
      ]),
    ).toEqual([['The border must not become a corridor for smugglers', 'Jonas Berg']]);
  });

  it('keeps a role speaker as written when no holder is named', () => {
    expect(speakers(['“Nothing has been decided yet,” the interior ministry spokesman told reporters.'])).toEqual([
      ['Nothing has been decided yet', 'the interior ministry spokesman'],
    ]);
  });

  it('drops a pronoun quote with nobody to refer to, rather than guessing', () => {
    expect(speakers(['“We will not move,” he said.'])).toEqual([]);
  });
});

describe('speaker helpers', () => {
  it('takes the name out of a titled phrase', () => {
    expect(nameInPhrase('Armenian Foreign Minister Ararat Mirzoyan')).toBe('Ararat Mirzoyan');
    expect(nameInPhrase('OSCE Chairperson-in-Office Elina Valtonen')).toBe('Elina Valtonen');
    expect(nameInPhrase('chief Kaja Kallas')).toBe('Kaja Kallas');
    expect(nameInPhrase('Ali Akbar Velayati')).toBe('Ali Akbar Velayati');
    expect(nameInPhrase('the source')).toBeUndefined();
  });
  it('finds the nearest named reporting subject, skipping pronoun subjects', () => {
    expect(reportedSpeakerBefore({ sentences: ['He then said more.', 'Ana Costa said the talks had failed.'] })).toBe('Ana Costa');
  });
  it('matches a role to a holder named in either word order', () => {
    expect(roleHolderBefore('the foreign ministry spokeswoman', 'Earlier, foreign ministry spokeswoman Ines Duarte spoke.')).toBe('Ines Duarte');
    expect(roleHolderBefore('the defence minister', 'Ines Duarte, the foreign ministry spokeswoman, spoke.')).toBeUndefined();
  });
});
