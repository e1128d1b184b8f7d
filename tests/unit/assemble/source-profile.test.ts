import { describe, expect, it } from 'vitest';
import type { SegmentedArticle, SharedPassage, Statement } from '../../../scripts/pipeline/model.ts';
import { basisShares, countBasis, profileSources, sharedParagraphCount } from '../../../scripts/pipeline/assemble/source-profile.ts';

const article = (slug: string, outlet: string) => ({ slug, meta: { title: `Title ${slug}`, outlet }, paragraphs: [] }) as unknown as SegmentedArticle;
const statement = (articleSlug: string, basis: Statement['basis']) => ({ articleSlug, basis }) as Statement;
const shared = (origin: string, a: [string, string], b: [string, string], similarity = 0.9): SharedPassage => ({
  origin,
  a: { articleSlug: a[0], paragraphId: a[1] },
  b: { articleSlug: b[0], paragraphId: b[1] },
  similarity,
});

describe('source profiles', () => {
  it('counts statements per basis and gives shares that add up to 100', () => {
    const counts = countBasis([statement('a', 'quote'), statement('a', 'opinion'), statement('a', 'opinion')]);
    expect(counts).toEqual({ quote: 1, attributed: 0, assertion: 0, opinion: 2, total: 3 });
    const shares = basisShares(counts);
    expect(shares).toEqual({ quote: 33, attributed: 0, assertion: 0, opinion: 67 });
    expect(basisShares(countBasis([]))).toEqual({ quote: 0, attributed: 0, assertion: 0, opinion: 0 });
  });

  it('lists shared paragraphs from both sides with the role of each article', () => {
    const profiles = profileSources({
      articles: [article('wire', 'Wire'), article('copy', 'Copy Site'), article('other', 'Other')],
      statements: [statement('wire', 'assertion'), statement('copy', 'attributed')],
      sharedPassages: [shared('wire', ['wire', 'p1'], ['copy', 'q1']), shared('wire', ['wire', 'p2'], ['copy', 'q2']), shared('undetermined', ['other', 'r1'], ['copy', 'q3'])],
    });
    const wire = profiles.get('wire')!;
    expect(wire.reuse).toHaveLength(1);
    expect(wire.reuse[0]!.role).toBe('origin');
    expect(wire.reuse[0]!.other.outlet).toBe('Copy Site');
    expect(sharedParagraphCount(wire.reuse[0]!)).toBe(2);
    expect(wire.reuse[0]!.passages[0]).toEqual({ here: '/sources/wire/#p1', there: '/sources/copy/#q1', similarity: 0.9 });

    const copy = profiles.get('copy')!;
    expect(copy.reuse.map((reuse) => [reuse.other.slug, reuse.role, reuse.passages.length])).toEqual([
      ['wire', 'copy', 2],
      ['other', 'undetermined', 1],
    ]);
    expect(copy.basis.attributed).toBe(1);
    expect(profiles.get('other')!.reuse[0]!.role).toBe('undetermined');
  });
});
