import { describe, expect, it } from 'vitest';
import { articleReuse, detectSharedPassages, fingerprintArticle } from '../../../scripts/pipeline/relate/shared-passages.ts';
import { article, findParagraph, paragraph, seeds } from './fixtures.ts';

const ORIGINAL = [
  'The source said the evacuation began on 23 January under a decision to clear the site of Russian presence, starting with two Ilyushin cargo aircraft transporting heavy equipment, followed by vehicles and individual soldiers.',
  'The final stage involved the relocation of what the source described as an “elite team,” marking the departure of the last Russian contingent stationed at the airport. The redeployment was carried out in coordination with both Syrian and US sides, according to the same account. Officials in Damascus declined to comment on the timing of the operation when asked by reporters.',
  'An unrelated closing paragraph about regional diplomacy and the economy of the coastal provinces in the coming year.',
];

describe('detectSharedPassages on the seeds', () => {
  const s = seeds();
  const passages = detectSharedPassages(Object.values(s));

  it('finds exactly the three paragraphs 001 reuses from 002, with 002 as origin', () => {
    expect(passages).toHaveLength(3);
    for (const p of passages) {
      expect(p.origin).toBe('002-e060aad4f616cf48');
      expect(p.a.articleSlug).toBe('002-e060aad4f616cf48');
      expect(p.b.articleSlug).toBe('001-61cb9f6024de31c1');
      expect(p.similarity).toBe(1);
      expect(p.match).toBe('paragraph');
    }
    expect(passages.map((p) => p.b.paragraphId)).toEqual([
      findParagraph(s.a001, 'Days before the scheduled meeting').id,
      findParagraph(s.a001, '...The final stage involved').id,
      findParagraph(s.a001, 'AP journalists who visited').id,
    ]);
    expect(passages.map((p) => p.a.paragraphId)).toEqual([
      findParagraph(s.a002, 'Days before the scheduled meeting').id,
      findParagraph(s.a002, 'The final stage involved').id,
      findParagraph(s.a002, 'AP journalists who visited').id,
    ]);
  });

  it('gives the same passages from fingerprints computed beforehand, for all articles or some', () => {
    const articles = Object.values(s);
    const all = new Map(articles.map((item) => [item.slug, fingerprintArticle(item)]));
    expect(detectSharedPassages(articles, all)).toEqual(passages);
    const some = new Map([...all].filter((_, index) => index % 2 === 0));
    expect(detectSharedPassages(articles, some)).toEqual(passages);
  });

  it('does not match two independent articles on the same story (000/004, 003/004, 000/003)', () => {
    const pairs = (x: string, y: string) =>
      detectSharedPassages([x, y].map((k) => s[k as keyof typeof s]));
    expect(pairs('a000', 'a004')).toEqual([]);
    expect(pairs('a003', 'a004')).toEqual([]);
    expect(pairs('a000', 'a003')).toEqual([]);
  });

  it('summarises reuse per ordered pair', () => {
    expect(articleReuse(passages)).toEqual([
      { copy: '001-61cb9f6024de31c1', source: '002-e060aad4f616cf48', paragraphs: 3, determined: true },
    ]);
  });

  it('is deterministic and independent of input order', () => {
    const reversed = detectSharedPassages(Object.values(s).reverse());
    expect(JSON.stringify(reversed)).toBe(JSON.stringify(passages));
  });
});

describe('detectSharedPassages on edited copies', () => {
  it('matches an elision, curly-vs-straight quotes and re-wrapped lines', () => {
    const origin = article('wire', ORIGINAL, '2026-01-27');
    const edited = ORIGINAL[1]!
      .replace('The final stage', '...The final stage')
      .replace(/“elite team,”/, '"elite team,"')
      .replace(/ (?=marking|The redeployment|according)/g, '\n');
    const copy = article('copy', ['A fresh introduction written by the republishing outlet for its own readers today.', edited], '2026-01-28');
    const found = detectSharedPassages([copy, origin]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      origin: 'wire',
      a: { articleSlug: 'wire', paragraphId: origin.paragraphs[1]!.id },
      b: { articleSlug: 'copy', paragraphId: copy.paragraphs[1]!.id },
      similarity: 1,
      match: 'paragraph',
    });
  });

  it('matches a paragraph that dropped a sentence through containment', () => {
    const origin = article('wire', ORIGINAL, '2026-01-27');
    const shortened = ORIGINAL[1]!.replace(/ Officials in Damascus.*$/, '');
    const copy = article('copy', [shortened], '2026-01-28');
    const [found, ...rest] = detectSharedPassages([origin, copy]);
    expect(rest).toEqual([]);
    expect(found?.match).toBe('paragraph');
    expect(found?.containment).toBe(1);
    expect(found?.similarity).toBeLessThan(0.8);
    expect(found?.similarity).toBeGreaterThan(0.5);
  });

  it('matches one paragraph split into two (re-wrapped into separate blocks)', () => {
    const origin = article('wire', ORIGINAL, '2026-01-27');
    const [first, ...others] = ORIGINAL[1]!.split(/(?<=\.) (?=The redeployment)/);
    const copy = article('copy', [first!, others.join(' ')], '2026-01-28');
    const found = detectSharedPassages([origin, copy]);
    expect(found.map((p) => p.b.paragraphId)).toEqual(copy.paragraphs.map((p) => p.id));
    expect(articleReuse(found)).toEqual([{ copy: 'copy', source: 'wire', paragraphs: 2, determined: true }]);
  });

  it('reports a sentence-level match when only one sentence of a paragraph is reused', () => {
    const origin = article('wire', ORIGINAL, '2026-01-27');
    const reused = 'The redeployment was carried out in coordination with both Syrian and US sides, according to the same account.';
    const mixed = `Our correspondent spent three days near the northern border talking to farmers about the harvest. ${reused} Most farmers said they had not noticed any change in the number of patrols this winter. Prices for fuel have doubled since the autumn, they added, and many fields are left unplanted.`;
    const copy = article('copy', [mixed], '2026-01-28');
    const [found, ...rest] = detectSharedPassages([origin, copy]);
    expect(rest).toEqual([]);
    expect(found?.match).toBe('sentence');
    const originSentence = origin.paragraphs[1]!.sentences.find((x) => x.text.startsWith('The redeployment'))!;
    const copySentence = copy.paragraphs[0]!.sentences.find((x) => x.text.startsWith('The redeployment'))!;
    expect(found?.sentences).toEqual([{ a: originSentence.id, b: copySentence.id }]);
  });

  it('leaves origin undetermined for equal or missing dates, listing reuse both ways', () => {
    const x = article('x', ORIGINAL, '2026-01-27');
    const y = article('y', ORIGINAL.slice(0, 1));
    const found = detectSharedPassages([y, x]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ origin: 'undetermined', a: { articleSlug: 'x' }, b: { articleSlug: 'y' } });
    expect(articleReuse(found).map((r) => `${r.copy}->${r.source}:${r.determined}`)).toEqual(['x->y:false', 'y->x:false']);
  });

  it('skips short paragraphs, headings and same-article repeats', () => {
    const heading = 'Strategic Base Preservation Amid Withdrawals In Northern Syria Today';
    const x = article('x', ['Putin met Sharaa in Moscow.', ORIGINAL[0]!, ORIGINAL[0]!], '2026-01-27');
    x.paragraphs.push(paragraph('x', heading, 9, 'heading'));
    const y = article('y', ['Putin met Sharaa in Moscow.'], '2026-01-28');
    y.paragraphs.push(paragraph('y', heading, 9, 'heading'));
    expect(detectSharedPassages([x, y])).toEqual([]);
  });

  it('never throws on hostile input', () => {
    const weird = article('weird', [
      '',
      '<script>alert(1)</script> {{ braces }} ${x} 🇷🇺🇸🇾 😀😀😀 — … “ ” \u0000',
      'روسيا تسحب قواتها من مطار القامشلي في شمال شرق سوريا بحسب مصدر أمني اليوم',
      'word '.repeat(200_000),
    ]);
    const twin = article('twin', ['روسيا تسحب قواتها من مطار القامشلي في شمال شرق سوريا بحسب مصدر أمني اليوم']);
    const broken = { ...article('broken', []), paragraphs: undefined } as unknown as ReturnType<typeof article>;
    const found = detectSharedPassages([weird, twin, broken]);
    expect(found).toHaveLength(1);
    expect(found[0]?.origin).toBe('undetermined');
    expect(detectSharedPassages([])).toEqual([]);
  });
});
