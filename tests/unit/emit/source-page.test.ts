import { describe, expect, it } from 'vitest';
import type { SourcePage, SourceParagraph } from '../../../scripts/pipeline/assemble/source-page.ts';
import type { Reuse } from '../../../scripts/pipeline/assemble/source-profile.ts';
import { PAGE_LIMITS } from '../../../scripts/pipeline/assemble/page-limits.ts';
import { emitArticleBody, emitSourcePage } from '../../../scripts/pipeline/emit/source-page.ts';
import { renderPrebuiltPage, renderPrebuiltSourcePage } from '../../../scripts/pipeline/emit/page.ts';

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

describe('a source page whose article body came serialised', () => {
  const paragraph = (id: string, kind: SourceParagraph['kind'], text: string): SourceParagraph => ({
    id,
    kind,
    line: 1,
    runs: [{ sentenceId: `s-${id}`, inlines: [{ type: 'text', value: text }, { type: 'link', value: 'Türkiye', path: '/actors/turkiye/' }] }],
  });
  const bodies: Record<string, SourceParagraph[]> = {
    'no article text': [],
    'plain text': [paragraph('p-1', 'paragraph', 'A plain "quoted" sentence <b>not markup</b> & more.')],
    'headings and text past Latin-1 and the BMP': [
      paragraph('p-1', 'heading', 'Łódź — «talks» 🇷🇺'),
      paragraph('p-2', 'paragraph', 'Al-Sharaa’s visit\u2028and a line separator'),
      paragraph('p-3', 'list-item', '日本語のテキスト'),
    ],
  };
  const pages: Record<string, SourcePage> = {
    'nothing after the article': sourcePage([]),
    'sections after the article': { ...sourcePage([reuse(1, 2)]), references: [{ text: 'Ministry statement “in full”', line: 3 }], citedBy: [{ path: '/actors/turkiye/', name: 'Türkiye' }] },
  };

  for (const [bodyCase, paragraphs] of Object.entries(bodies)) {
    for (const [pageCase, page] of Object.entries(pages)) {
      it(`is byte for byte the text of the whole page as one object (${bodyCase}; ${pageCase})`, () => {
        const body = emitArticleBody({ path: page.path, paragraphs });
        const whole = renderPrebuiltPage(emitSourcePage(page, body, 'Site'));
        // As the worker sends it: the blocks' JSON, as UTF-8.
        const serialised = { headings: body.headings, blocksJson: new TextEncoder().encode(JSON.stringify(body.blocks)) };
        const spliced = renderPrebuiltSourcePage(emitSourcePage(page, { headings: body.headings, blocks: [] }, 'Site'), serialised);
        expect(spliced.file).toBe(whole.file);
        expect(Buffer.from(spliced.bytes).equals(Buffer.from(whole.source, 'utf8'))).toBe(true);
      });
    }
  }

  it('refuses bytes that are not a serialised list', () => {
    const page = emitSourcePage(sourcePage([]), { headings: [], blocks: [] });
    expect(() => renderPrebuiltSourcePage(page, { headings: [], blocksJson: new TextEncoder().encode('{"type":"html"}') })).toThrow(/not a serialised list/);
  });
});
