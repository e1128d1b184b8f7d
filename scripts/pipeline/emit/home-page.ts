import type { ListItem, RootContent } from 'mdast';
import type { HomePage } from '../assemble/home-page.ts';
import { relativeHref } from '../shared/paths.ts';
import { block, heading, imports, link, paragraph, root, text } from './nodes.ts';
import type { GeneratedPage } from './page.ts';
import { plural } from '../shared/text.ts';
import { Notes } from './statements.ts';
import { dataBlock } from './component-data.ts';

function listItem(children: ListItem['children']): ListItem {
  return { type: 'listItem', spread: false, children };
}

const kindHeadings = { actor: 'Actors', base: 'Bases', event: 'Events', place: 'Places' } as const;

/** Linked names with their kind, date and number of sources (events come newest first from assemble). */
function entityList(page: HomePage, entities: HomePage['leading']): RootContent {
  return {
    type: 'list',
    ordered: false,
    spread: false,
    children: entities.map((entity) =>
      listItem([
        paragraph([
          ...(entity.kind === 'event' && entity.date ? [text(`${entity.date.label}: `)] : []),
          link(relativeHref(page.path, entity.path), entity.name),
          text(` — ${entity.subtype.replace(/-/g, ' ')}${entity.kind !== 'event' && entity.date ? `, ${entity.date.label}` : ''}, ${plural(entity.sources, 'source', 'sources')}`),
        ]),
      ]),
    ),
  };
}

export function emitHomePage(page: HomePage): GeneratedPage {
  const { counts } = page;
  const coverage = counts.source === 0 ? 'There are no sources yet: the site fills in as articles are added.' : [
    `This briefing draws on ${plural(counts.source, 'source article', 'source articles')}`,
    page.span ? ` published between ${page.span.from.label} and ${page.span.to.label}` : '',
    `. It follows ${plural(counts.actor, 'actor', 'actors')}, ${plural(counts.base, 'base', 'bases')} and ${plural(counts.event, 'event', 'events')}.`,
  ].join('');

  const notes = new Notes();
  const events = page.leading.filter((entity) => entity.kind === 'event');
  const children: RootContent[] = [
    imports([
      'SearchFilters',
      ...(page.lede?.length ? ['StatementList', 'NoteList'] : []),
      ...(page.map ? ['charts/BaseMap'] : []),
      ...(page.network ? ['charts/Network'] : []),
      ...(page.timeline ? ['charts/Timeline'] : []),
      ...(page.coverage ? ['charts/CoverageMatrix'] : []),
    ]),
    block('SearchFilters', { kind: 'home' }),
    paragraph(page.description),
    // What happened first, in the sources' own words; then when; then where and who (the charts).
    ...(page.lede?.length ? [heading(2, 'What happened'), block('StatementList', { data: notes.statements(page.lede), indexed: true })] : []),
    ...(events.length > 0 ? [heading(2, 'Key dates'), entityList(page, events)] : []),
    paragraph(coverage),
    ...(page.timeline ? [heading(2, 'When it happened'), dataBlock('charts/Timeline', { timeline: page.timeline }, { id: 'timeline-chart' })] : []),
  ];
  if (page.map) children.push(heading(2, 'Where the bases are'), dataBlock('charts/BaseMap', { chart: page.map }));
  if (page.network) children.push(heading(2, 'Who is connected to whom'), dataBlock('charts/Network', { chart: page.network }));

  for (const kind of ['actor', 'base'] as const) {
    const entities = page.leading.filter((entity) => entity.kind === kind);
    if (entities.length > 0) children.push(heading(2, `Most covered ${kindHeadings[kind].toLowerCase()}`), entityList(page, entities));
  }

  if (page.coverage) children.push(heading(2, 'Who mentions whom'), dataBlock('charts/CoverageMatrix', { coverage: page.coverage }, { id: 'coverage-chart' }));
  if (page.sources.length > 0) children.push(heading(2, 'Sources, newest first'), {
    type: 'list',
    ordered: false,
    spread: false,
    children: page.sources.map((source) =>
      listItem([
        paragraph([
          link(relativeHref(page.path, source.path), source.title),
          text(` — ${source.outlet}${source.published ? `, ${source.published.label}` : ''}`),
        ]),
      ]),
    ),
  });

  if (notes.items.length > 0) children.push(heading(2, 'Notes'), block('NoteList', { data: notes.items }));

  return {
    path: page.path,
    frontmatter: {
      title: page.title,
      description: page.tagline ?? page.description,
      kind: 'home',
      tableOfContents: false,
    },
    tree: root(children),
  };
}
