import type { HomeSource } from '../assemble/home-page.ts';
import { basisShares, shownReuse, type SourceProfile } from '../assemble/source-profile.ts';
import { dataBlock } from './component-data.ts';
import { block, imports, paragraph, root } from './nodes.ts';
import type { GeneratedPage } from './page.ts';

/** "Outlet A, Outlet B and 14 more": the sources a source shares the most paragraphs with first. */
function sharedWithText(profile: SourceProfile): string {
  const { shown, more } = shownReuse(profile.reuse);
  const named = shown.map((reuse) => reuse.other.outlet);
  return more > 0 ? `${named.join(', ')} and ${more.toLocaleString('en')} more` : named.join(', ');
}

/** The sources index: one row per article, newest first. It replaces a per-source sidebar. */
export function emitSourceIndex(sources: readonly HomeSource[], profiles: ReadonlyMap<string, SourceProfile> = new Map()): GeneratedPage {
  const profileCells = (source: HomeSource) => {
    const profile = profiles.get(source.path);
    if (!profile) return [{ text: '' }, { text: '' }, { text: '' }, { text: '' }];
    const shares = basisShares(profile.basis);
    const percent = (value: number) => (profile.basis.total === 0 ? { text: '–', sort: -1 } : { text: `${value} %`, sort: value });
    return [
      { text: String(profile.basis.total), sort: profile.basis.total },
      percent(shares.attributed + shares.quote),
      percent(shares.opinion),
      profile.reuse.length === 0
        ? { text: 'none', sort: 0 }
        : { text: sharedWithText(profile), sort: profile.reuse.length },
    ];
  };
  return {
    path: '/sources/',
    frontmatter: {
      title: 'Sources',
      description: `The ${sources.length} news articles this briefing is built from, newest first.`,
      kind: 'index',
      // No "On this page" column (the page has no sections): the table takes its width.
      tableOfContents: false,
    },
    tree: root([
      imports(['IndexTable', 'SearchFilters']),
      block('SearchFilters', { kind: 'index' }),
      paragraph(
        'Every briefing statement cites a paragraph of one of these articles. Each source page shows the article as published, with the debris of the web page (share buttons, photo credits, donation pleas) set aside. The last columns profile each source: how many of its statements appear on briefing pages, the share of them that are quotes or claims attributed to someone, the share that is analysis or opinion, and the sources it shares paragraphs with.',
      ),
      dataBlock('IndexTable', {
          caption: 'Source articles',
          columns: ['Title', 'Outlet', 'Published', 'Statements', 'Quoted or attributed', 'Analysis', 'Shares text with'],
          numeric: [3, 4, 5],
          rows: sources.map((source) => [
            { text: source.title, path: source.path },
            { text: source.outlet },
            { text: source.published?.label ?? 'Undated', sort: source.published?.start ?? '' },
            ...profileCells(source),
          ]),
      }),
    ]),
  };
}
