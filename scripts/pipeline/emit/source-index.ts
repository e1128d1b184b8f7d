import type { HomeSource } from '../assemble/home-page.ts';
import { block, imports, paragraph, root } from './nodes.ts';
import type { GeneratedPage } from './page.ts';

/** The sources index: one row per article, newest first. It replaces a per-source sidebar. */
export function emitSourceIndex(sources: readonly HomeSource[]): GeneratedPage {
  return {
    path: '/sources/',
    frontmatter: {
      title: 'Sources',
      description: `The ${sources.length} news articles this briefing is built from, newest first.`,
      kind: 'index',
    },
    tree: root([
      imports(['IndexTable', 'SearchFilters']),
      block('SearchFilters', { kind: 'index' }),
      paragraph(
        'Every briefing statement cites a paragraph of one of these articles. Each source page shows the article as published, with the debris of the web page (share buttons, photo credits, donation pleas) set aside.',
      ),
      block('IndexTable', {
        data: {
          caption: 'Source articles',
          columns: ['Title', 'Outlet', 'Published'],
          rows: sources.map((source) => [
            { text: source.title, path: source.path },
            { text: source.outlet },
            { text: source.published?.label ?? 'Unknown', sort: source.published?.start ?? '' },
          ]),
        },
      }),
    ]),
  };
}
