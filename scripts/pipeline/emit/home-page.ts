import type { ListItem, RootContent } from 'mdast';
import type { HomePage } from '../assemble/home-page.ts';
import { relativeHref } from '../assemble/paths.ts';
import { block, heading, imports, link, paragraph, root, text } from './nodes.ts';
import type { GeneratedPage } from './page.ts';
import { plural } from '../shared/text.ts';

function listItem(children: ListItem['children']): ListItem {
  return { type: 'listItem', spread: false, children };
}

const kindHeadings = { actor: 'Actors', base: 'Bases', event: 'Events', place: 'Places' } as const;

export function emitHomePage(page: HomePage): GeneratedPage {
  const { counts } = page;
  const coverage = counts.source === 0 ? 'There are no sources yet: the site fills in as articles are added.' : [
    `This briefing draws on ${plural(counts.source, 'source article', 'source articles')}`,
    page.span ? ` published between ${page.span.from.label} and ${page.span.to.label}` : '',
    `. It follows ${plural(counts.actor, 'actor', 'actors')}, ${plural(counts.base, 'base', 'bases')} and ${plural(counts.event, 'event', 'events')}.`,
  ].join('');

  const children: RootContent[] = [
    imports([
      'SearchFilters',
      ...(page.map ? ['charts/BaseMap'] : []),
      ...(page.network ? ['charts/Network'] : []),
      ...(page.timeline ? ['charts/Timeline'] : []),
      ...(page.coverage ? ['charts/CoverageMatrix'] : []),
    ]),
    block('SearchFilters', { kind: 'home' }),
    paragraph(page.description),
    paragraph(coverage),
    // When first, then where and who (the charts below).
    ...(page.timeline ? [heading(2, 'When it happened'), block('charts/Timeline', { data: { timeline: page.timeline }, id: 'timeline-chart' })] : []),
  ];
  if (page.map) children.push(heading(2, 'Where the bases are'), block('charts/BaseMap', { data: { chart: page.map } }));
  if (page.network) children.push(heading(2, 'Who is connected to whom'), block('charts/Network', { data: { chart: page.network } }));

  for (const kind of ['actor', 'base', 'event'] as const) {
    const entities = page.leading.filter((entity) => entity.kind === kind);
    if (entities.length === 0) continue;
    children.push(heading(2, kind === 'event' ? 'Latest events' : `Most covered ${kindHeadings[kind].toLowerCase()}`), {
      type: 'list',
      ordered: false,
      spread: false,
      children: entities.map((entity) =>
        listItem([
          paragraph([
            link(relativeHref(page.path, entity.path), entity.name),
            text(
              ` — ${entity.subtype.replace(/-/g, ' ')}${entity.date ? `, ${entity.date.label}` : ''}, ${plural(entity.sources, 'source', 'sources')}`,
            ),
          ]),
        ]),
      ),
    });
  }

  if (page.coverage) children.push(heading(2, 'Who mentions whom'), block('charts/CoverageMatrix', { data: { coverage: page.coverage }, id: 'coverage-chart' }));
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
