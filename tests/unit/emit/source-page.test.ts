import { describe, expect, it } from 'vitest';
import type { SourcePage } from '../../../scripts/pipeline/assemble/source-page.ts';
import type { Reuse } from '../../../scripts/pipeline/assemble/source-profile.ts';
import { PAGE_LIMITS } from '../../../scripts/pipeline/assemble/page-limits.ts';
import { emitArticleBody, emitSourcePage } from '../../../scripts/pipeline/emit/source-page.ts';

function reuse(index: number, pairs: number): Reuse {
  return {
    other: { slug: `other-${index}`, path: `/sources/other-${index}/`, title: `Other ${index}`, outlet: `Outlet ${index}`, named: true },
    role: 'origin',
    passages: Array.from({ length: pairs }, (_, k) => ({ here: `/sources/a/#p-${k}`, there: `/sources/other-${index}/#p-${k}`, similarity: 0.9 })),
  };
}

function sourcePage(shared: Reuse[]): SourcePage {
  return {
    kind: 'source',
    path: '/sources/a/',
    slug: 'a',
    title: 'A',
    description: 'd',
    outletLabel: 'Outlet A',
    file: 'content/articles/a.txt',
    removed: [],
    references: [],
    citedBy: [],
    profile: { basis: { quote: 0, attributed: 0, assertion: 0, opinion: 0, total: 0 }, reuse: shared },
  };
}

interface ProfilePanel {
  reuse: { other: { slug: string }; paragraphs: number; passages: unknown[]; morePassages: number }[];
  moreSources: number;
}

const profileOf = (page: SourcePage) => emitSourcePage(page, emitArticleBody({ path: page.path, paragraphs: [] })).panels.profile as unknown as ProfilePanel;

describe('source page profile', () => {
  it('lists every source it shares text with when there are few', () => {
    const profile = profileOf(sourcePage([reuse(1, 2), reuse(2, 1)]));
    expect(profile.reuse.map((item) => item.other.slug)).toEqual(['other-1', 'other-2']);
    expect(profile.moreSources).toBe(0);
    expect(profile.reuse[0]).toMatchObject({ paragraphs: 2, morePassages: 0 });
  });

  it('bounds the sources and paragraph pairs it lists, and counts the rest', () => {
    const many = Array.from({ length: PAGE_LIMITS.sharedWith + 7 }, (_, index) => reuse(index, index === 0 ? PAGE_LIMITS.sharedPassages + 3 : 1));
    const profile = profileOf(sourcePage(many));
    expect(profile.reuse).toHaveLength(PAGE_LIMITS.sharedWith);
    expect(profile.moreSources).toBe(7);
    // The count of shared paragraphs is of all of them; the pairs listed are bounded.
    expect(profile.reuse[0]).toMatchObject({ paragraphs: PAGE_LIMITS.sharedPassages + 3, morePassages: 3 });
    expect(profile.reuse[0]!.passages).toHaveLength(PAGE_LIMITS.sharedPassages);
  });
});
