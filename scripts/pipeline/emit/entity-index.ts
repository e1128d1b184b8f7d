import type { EntityKind } from '../model.ts';
import type { EntityPage } from '../assemble/entity-page.ts';
import { kindFolder } from '../shared/paths.ts';
import { dataBlock } from './component-data.ts';
import { block, imports, paragraph, root } from './nodes.ts';
import type { GeneratedPage } from './page.ts';

const titles: Record<EntityKind, { title: string; intro: string }> = {
  actor: { title: 'Actors', intro: 'People, states, armed groups and organisations the sources name, with how often and by how many sources.' },
  base: { title: 'Bases', intro: 'Air bases, naval bases, airports and outposts the sources discuss.' },
  event: { title: 'Events', intro: 'Meetings, calls, withdrawals and other dated events, in date order.' },
  place: { title: 'Places', intro: 'Cities and regions the sources name.' },
};

/** What an index row reads of a briefing page. */
export type IndexedPage = Pick<EntityPage, 'path' | 'entity' | 'stats'>;

/** The index page of one kind: name, subtype, mentions, sources, latest dated statement. */
export function emitEntityIndex(kind: EntityKind, pages: readonly IndexedPage[]): GeneratedPage {
  const sorted = [...pages].sort((a, b) =>
    kind === 'event'
      ? (a.entity.date?.start ?? '9999').localeCompare(b.entity.date?.start ?? '9999') || a.entity.name.localeCompare(b.entity.name)
      : b.stats.mentions - a.stats.mentions || a.entity.name.localeCompare(b.entity.name),
  );
  const { title, intro } = titles[kind];
  return {
    path: `/${kindFolder[kind]}/`,
    // No "On this page" column (the page has no sections): the table takes its width.
    frontmatter: { title, description: intro, kind: 'index', tableOfContents: false },
    tree: root([
      imports(['IndexTable', 'SearchFilters']),
      block('SearchFilters', { kind: 'index' }),
      paragraph(intro),
      dataBlock('IndexTable', {
          caption: `${title} (${pages.length})`,
          columns: ['Name', kind === 'event' ? 'Type and date' : 'Type', 'Mentions', 'Sources', 'Latest dated statement'],
          numeric: [2, 3],
          rows: sorted.map((page) => [
            { text: page.entity.name, path: page.path },
            { text: page.entity.subtype.replace(/-/g, ' ') + (page.entity.date ? `, ${page.entity.date.label}` : '') },
            { text: String(page.stats.mentions), sort: page.stats.mentions },
            { text: page.stats.independent === page.stats.sources ? String(page.stats.sources) : `${page.stats.sources} (${page.stats.independent} independent)`, sort: page.stats.sources },
            { text: page.stats.latest?.label ?? '—', sort: page.stats.latest?.start ?? '' },
          ]),
      }),
    ]),
  };
}
