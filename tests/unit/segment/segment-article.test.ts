import { describe, expect, it } from 'vitest';
import type { Block } from '../../../scripts/pipeline/model.ts';
import { segmentArticle } from '../../../scripts/pipeline/segment/index.ts';
import { SEED_FILES, articleFromBlocks, paragraphs, seedArticle } from './seed-article.ts';

const PARAGRAPH_ID = /^p-(?:[a-z0-9]+(?:-[a-z0-9]+)*-)?[0-9a-f]{6}(?:-\d+)?$/;
const SENTENCE_ID = /^s-[0-9a-f]{8}(?:-\d+)?$/;

describe('segmentArticle on the seed articles', () => {
  const segmented = SEED_FILES.map((file) => segmentArticle(seedArticle(file)));

  it('gives sentence offsets that slice the paragraph text exactly', () => {
    let sentences = 0;
    for (const article of segmented) {
      for (const paragraph of article.paragraphs) {
        expect(paragraph.sentences.length).toBeGreaterThan(0);
        for (const sentence of paragraph.sentences) {
          expect(paragraph.text.slice(sentence.start, sentence.end)).toBe(sentence.text);
          expect(sentence.paragraphId).toBe(paragraph.id);
          sentences++;
        }
      }
    }
    expect(sentences).toBeGreaterThan(150);
  });

  it('gives well-formed paragraph ids unique per article and sentence ids unique across the corpus', () => {
    const allSentenceIds = new Set<string>();
    let sentenceCount = 0;
    for (const article of segmented) {
      const ids = article.paragraphs.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(PARAGRAPH_ID);
      for (const paragraph of article.paragraphs) {
        for (const sentence of paragraph.sentences) {
          expect(sentence.id).toMatch(SENTENCE_ID);
          allSentenceIds.add(sentence.id);
          sentenceCount++;
        }
      }
    }
    expect(allSentenceIds.size).toBe(sentenceCount);
  });

  it('derives the paragraph id from the first words and the text', () => {
    const article = segmented[0]!;
    const paragraph = article.paragraphs.find((p) => p.text.startsWith('Vladimir Putin hosted'));
    expect(paragraph?.id).toBe('p-vladimir-putin-hosted-syrias-e6033f');
    expect(paragraph?.sentences.map((s) => s.text)).toEqual([
      'Vladimir Putin hosted Syria’s interim President Ahmed al-Sharaa at the Kremlin on January 28, 2026, marking a dramatic shift from Russia’s decade-long support of Bashar al-Assad.',
      'The meeting focused on restoring bilateral relations and Syria’s territorial integrity while addressing the future of Russian military installations.',
      'Putin praised Sharaa’s unity efforts and congratulated him on territorial gains against Kurdish forces.',
      'This represents Moscow’s second engagement with Sharaa since rebel forces ousted Assad in 2024, forcing Russia to recalibrate its Middle Eastern strategy after investing heavily in propping up the former dictator’s regime.',
    ]);
  });

  it('splits a quote that ends a sentence before its attribution, not inside it', () => {
    const paragraph = segmented[1]!.paragraphs.find((p) => p.text.startsWith('"Russia has supported'));
    expect(paragraph?.sentences.map((s) => s.text)).toEqual([
      '"Russia has supported Syria’s territorial integrity and unity, and has also played a historic role in the stability of the region," President Putin stated during the meeting.',
      '"I would like to emphasise the need to preserve Syria\'s unity and territorial integrity."',
    ]);
  });

  it('keeps the leading ellipsis, "U.S." and source citations where they belong', () => {
    const ellipsis = segmented[1]!.paragraphs.find((p) => p.text.startsWith('...The final stage'));
    expect(ellipsis?.sentences[0]?.text).toMatch(/^\.\.\.The final stage involved .* stationed at the airport\.$/);
    expect(ellipsis?.sentences).toHaveLength(2);

    const us = segmented[3]!.paragraphs.flatMap((p) => p.sentences).find((s) => s.text.includes('U.S. interests'));
    expect(us?.text).toBe(
      'Sharaa has been consolidating power and extending state control into previously contested areas, including regions in the northeast where U.S. interests remain significant.',
    );

    const cited = segmented[4]!.paragraphs.flatMap((p) => p.sentences).filter((s) => s.text.includes('(csis.org)'));
    expect(cited.map((s) => s.text)).toEqual([
      'Its military intervention in Syria since 2015 served to prop up Assad, project power in the eastern Mediterranean, and assert Russia as a global player. (csis.org)',
    ]);
  });

  it('gives the same text in two articles different sentence ids', () => {
    // Seeds 001 and 002 share the wire paragraph "Days before the scheduled meeting…".
    const find = (i: number) => segmented[i]!.paragraphs.find((p) => p.text.startsWith('Days before the scheduled'))!;
    expect(find(1).id).toBe(find(2).id);
    expect(find(1).sentences[0]!.id).not.toBe(find(2).sentences[0]!.id);
  });

  it('is deterministic', () => {
    const again = SEED_FILES.map((file) => segmentArticle(seedArticle(file)));
    expect(JSON.stringify(again)).toBe(JSON.stringify(segmented));
  });
});

describe('segmentArticle ids', () => {
  const ids = (blocks: Block[]) => segmentArticle(articleFromBlocks('a-1', blocks)).paragraphs.map((p) => p.id);

  it('does not change when other paragraphs are added or removed', () => {
    const [first, second, third] = ids(paragraphs('Alpha one here.', 'Beta two here.', 'Gamma three here.'));
    expect(ids(paragraphs('Beta two here.', 'Gamma three here.'))).toEqual([second, third]);
    expect(ids(paragraphs('New paragraph.', 'Alpha one here.', 'Gamma three here.', 'Beta two here.'))).toEqual([
      expect.any(String),
      first,
      third,
      second,
    ]);
  });

  it('does not change when the text is re-wrapped or differently normalised', () => {
    const [wrapped] = ids(paragraphs('  Türkiye   and\nSyria met.\tThen left. '));
    const [plain] = ids(paragraphs('Tu\u0308rkiye and Syria met. Then left.'));
    expect(wrapped).toBe(plain);
    const sentenceIds = (text: string) =>
      segmentArticle(articleFromBlocks('a-1', paragraphs(text))).paragraphs[0]!.sentences.map((s) => s.id);
    expect(sentenceIds('  Türkiye   and\nSyria met.\tThen left. ')).toEqual(sentenceIds('Türkiye and Syria met. Then left.'));
  });

  it('suffixes only exact duplicates, in order of appearance', () => {
    const result = ids(paragraphs('Share on social media', 'Real text.', 'Share on social media', 'Share  on social media'));
    expect(result[0]).toMatch(/^p-share-on-social-media-[0-9a-f]{6}$/);
    expect(result[2]).toBe(`${result[0]}-2`);
    expect(result[3]).toBe(`${result[0]}-3`);
    expect(result[1]).toMatch(/^p-real-text-[0-9a-f]{6}$/);

    const segmented = segmentArticle(articleFromBlocks('a-1', paragraphs('Yes. No. Yes.')));
    const [yes1, no, yes2] = segmented.paragraphs[0]!.sentences.map((s) => s.id);
    expect(yes2).toBe(`${yes1}-2`);
    expect(no).not.toBe(yes1);
  });

  it('falls back to a hash-only id when the first words have no ASCII slug', () => {
    expect(ids(paragraphs('وصل الرئيس إلى موسكو.'))[0]).toMatch(/^p-[0-9a-f]{6}$/);
    expect(ids(paragraphs('🇷🇺 🇸🇾'))[0]).toMatch(/^p-[0-9a-f]{6}$/);
  });

  it('caps the slug at about 28 characters', () => {
    const [id] = ids(paragraphs('Extraordinarily-long-hyphenated-compound-words everywhere.'));
    expect(id!.length).toBeLessThanOrEqual(2 + 28 + 1 + 6);
  });
});

describe('segmentArticle blocks', () => {
  it('turns tweet blocks into tweet paragraphs and keeps kind, line and tweet index', () => {
    const article = articleFromBlocks('a-1', [
      { kind: 'heading', text: 'A heading', line: 3 },
      { kind: 'tweet', text: 'ISIS/Daesh hits the Kremlin. After being normalized.', line: 7, tweet: 0 },
      { kind: 'list-item', text: 'An item.', line: 9 },
    ]);
    const result = segmentArticle(article);
    expect(result.paragraphs.map((p) => [p.kind, p.line, p.tweet])).toEqual([
      ['heading', 3, undefined],
      ['tweet', 7, 0],
      ['list-item', 9, undefined],
    ]);
    expect(result.paragraphs[1]!.sentences.map((s) => s.text)).toEqual(['ISIS/Daesh hits the Kremlin.', 'After being normalized.']);
    expect('tweet' in result.paragraphs[0]!).toBe(false);
  });

  it('skips empty blocks with an info diagnostic and keeps the article fields', () => {
    const article = articleFromBlocks('a-1', [
      { kind: 'paragraph', text: '   ', line: 4 },
      { kind: 'paragraph', text: 'Real.', line: 5 },
    ]);
    const result = segmentArticle(article);
    expect(result.paragraphs).toHaveLength(1);
    expect(result.diagnostics).toEqual([
      { severity: 'info', code: 'segment/empty-block', file: 'content/articles/a-1.txt', line: 4, message: 'empty paragraph block skipped' },
    ]);
    expect(result.slug).toBe('a-1');
    expect(result.blocks).toBe(article.blocks);
  });

  it('survives hostile input: markup, braces, RTL, emoji, and a 2 MB paragraph without line breaks', () => {
    const hostile = paragraphs('<script>alert("x")</script> {{ braces }} ${x}.', 'مرحبا. 👋🏽 Hi.', '\u0000\uFFFF\uD800 odd.');
    const result = segmentArticle(articleFromBlocks('a-1', hostile));
    for (const paragraph of result.paragraphs) {
      for (const s of paragraph.sentences) expect(paragraph.text.slice(s.start, s.end)).toBe(s.text);
    }
    expect(result.paragraphs).toHaveLength(3);

    const huge = 'Putin met Sharaa in Moscow on Wednesday, and the U.S. said Dr. Smith agreed. '.repeat(26_000);
    expect(huge.length).toBeGreaterThan(2_000_000);
    const big = segmentArticle(articleFromBlocks('a-2', paragraphs(huge)));
    expect(big.paragraphs[0]!.sentences).toHaveLength(26_000);
    expect(new Set(big.paragraphs[0]!.sentences.map((s) => s.id)).size).toBe(26_000);
  });
});
