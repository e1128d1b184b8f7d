import { describe, expect, it } from 'vitest';
import { CITATION_PASSAGE_CHARS, citationFor, indexModel, sentenceFocus } from '../../../scripts/pipeline/assemble/citations.ts';
import { segmentArticle } from '../../../scripts/pipeline/segment/index.ts';
import { articleFromBlocks, paragraphs } from '../segment/seed-article.ts';

const before = 'The talks opened in the morning with a long list of grievances from both delegations, read out in full. '.repeat(4);
const cited = 'The convoy reached the northern port on Monday, officials said.';
const after = ' Observers noted that the mood in the hall changed several times during the afternoon session. '.repeat(4);
const short = 'The harbour reopened to trade on Tuesday.';
const article = segmentArticle(articleFromBlocks('a01-talks', paragraphs(`${before}${cited}${after}`.trim(), short)));
const index = indexModel({ articles: [article], mentions: [], entities: [], statements: [] });
const [long, whole] = article.paragraphs;

describe("a citation's tooltip passage", () => {
  it('shows a long paragraph as the cited sentence with some context, marked … where cut', () => {
    const sentence = long!.sentences.find((item) => long!.text.slice(item.start, item.end).startsWith('The convoy'))!;
    const { passage } = citationFor(index, article.slug, long!.id, sentenceFocus(index, sentence.id));
    expect(long!.text.length).toBeGreaterThan(2 * CITATION_PASSAGE_CHARS);
    expect(passage).toContain(cited);
    expect(passage.length).toBeLessThanOrEqual(CITATION_PASSAGE_CHARS + 4);
    expect(passage.length).toBeGreaterThan(cited.length + 100);
    expect(passage).toMatch(/^… .* …$/);
  });

  it('shows a paragraph of ordinary length whole', () => {
    expect(citationFor(index, article.slug, whole!.id).passage).toBe(short);
  });
});
