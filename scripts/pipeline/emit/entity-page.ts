/**
 * Actor, base, event and place pages as mdast: headings in Markdown (so
 * Starlight builds the table of contents and heading anchors), content blocks
 * as components fed with data props.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import type { EntityKind } from '../model.ts';
import type { OmittedCounts } from '../assemble/page-limits.ts';
import type { EntityPage, QuoteView } from '../assemble/entity-page.ts';
import { MODEL_PATH, relativeHref } from '../shared/paths.ts';
import { Notes } from './statements.ts';
import { block, heading, imports, link, paragraph, root, text } from './nodes.ts';
import type { GeneratedPage } from './page.ts';
import type { EntityComponentData, InfoboxData } from './entity-data.ts';
import { entityJsonLd } from './json-ld.ts';

function subtypeLabel(subtype: string): string {
  return subtype.replace(/-/g, ' ');
}

/** What a section's body is built with: typed components and the page's notes. */
interface SectionTools {
  notes: Notes;
  component<K extends keyof EntityComponentData>(name: K, data: EntityComponentData[K], props?: Record<string, string | boolean>): RootContent;
  /** Charts take their chart types as props (src/components/charts/). */
  chart(name: string, props: Record<string, object | string>): RootContent;
}

/**
 * One section of an entity page: its title, the kinds of page it appears on,
 * the cut lists it shows (each with what is kept when cut; the limits are in
 * assemble/page-limits.ts) and its body (empty: no section). Sections appear
 * in this order; adding one is adding an entry here, its view in assemble and
 * its component.
 */
interface EntitySection {
  title: string | ((page: EntityPage) => string);
  kinds: readonly EntityKind[];
  cutRules?: Partial<Record<keyof OmittedCounts, string>>;
  body(page: EntityPage, tools: SectionTools): RootContent[];
}

const ALL_KINDS: readonly EntityKind[] = ['actor', 'base', 'event', 'place'];

const sourceColumns = (page: EntityPage, { notes, component }: SectionTools, collapsed: boolean): RootContent[] =>
  page.bySource.length > 0
    ? [component('SourceColumns', page.bySource.map((column) => ({ ...column, statements: notes.statements(column.statements) })), collapsed ? { collapsed: true } : {})]
    : [];
const bySourceCuts = {
  bySource: 'sources, those with the most statements shown',
  bySourceStatements: 'statements of the sources shown, on their source pages',
};
const quoteList = (quotes: readonly QuoteView[], { notes, component }: SectionTools): RootContent[] =>
  quotes.length > 0 ? [component('QuoteList', quotes.map((quote) => ({ ...quote, citation: notes.cite(quote.citation) })))] : [];

export const ENTITY_SECTIONS: readonly EntitySection[] = [
  {
    title: 'On the map',
    kinds: ['base', 'place'],
    body: (page, { chart }) => (page.map ? [chart('charts/BaseMap', { data: { chart: page.map.chart, highlight: page.map.highlight } })] : []),
  },
  {
    title: 'How sources describe them',
    kinds: ALL_KINDS,
    cutRules: { descriptors: 'sources, those with the most descriptions shown' },
    body: (page, { component }) => (page.descriptors.length > 0 ? [component('DescriptorTable', page.descriptors)] : []),
  },
  {
    title: 'Quotes',
    kinds: ALL_KINDS,
    cutRules: { quotesBy: 'quotes, those from the newest sources shown' },
    body: (page, tools) => quoteList(page.quotesBy, tools),
  },
  {
    title: 'What each source reports',
    kinds: ['event'],
    cutRules: bySourceCuts,
    body: (page, tools) => sourceColumns(page, tools, false),
  },
  {
    title: 'Statements and their support',
    kinds: ['event'],
    cutRules: { supported: 'statements, the best supported shown' },
    body: (page, { notes, component }) => (page.supported.length > 0 ? [component('StatementList', notes.statements(page.supported), { filter: true })] : []),
  },
  {
    title: 'Where sources disagree',
    kinds: ALL_KINDS,
    cutRules: { conflicts: 'disagreements' },
    body: (page, { component }) => (page.conflicts.length > 0 ? [component('ConflictList', page.conflicts)] : []),
  },
  {
    title: (page) => (page.kind === 'base' ? 'Status history' : 'Timeline'),
    kinds: ['actor', 'base', 'place'],
    cutRules: { timeline: 'dated statements, the latest shown' },
    body: (page, { notes, component, chart }) => [
      ...(page.timelineChart ? [chart('charts/Timeline', { data: { timeline: page.timelineChart, subject: page.entity.name }, id: 'timeline-chart' })] : []),
      ...(page.timeline.length > 0 ? [component('StatementList', notes.statements(page.timeline), { filter: true })] : []),
    ],
  },
  {
    title: 'Events here',
    kinds: ['base', 'place'],
    body: (page) =>
      page.eventsHere.length > 0
        ? [
            {
              type: 'list',
              ordered: false,
              spread: false,
              children: page.eventsHere.map((event) => ({ type: 'listItem', spread: false, children: [paragraph([link(relativeHref(page.path, event.path), event.name)])] })),
            },
          ]
        : [],
  },
  {
    title: 'What each source says',
    kinds: ['actor', 'base', 'place'],
    cutRules: bySourceCuts,
    body: (page, tools) => sourceColumns(page, tools, page.kind === 'actor'),
  },
  {
    title: 'Quotes about them',
    kinds: ALL_KINDS,
    cutRules: { quotesAbout: 'quotes, those from the newest sources shown' },
    body: (page, tools) => quoteList(page.quotesAbout, tools),
  },
  {
    title: 'Before and after',
    kinds: ['event'],
    body: (page) => {
      const parts: PhrasingContent[] = [];
      if (page.before) parts.push(text('Before: '), link(relativeHref(page.path, page.before.path), page.before.name), text(page.before.date ? ` (${page.before.date.label})` : ''));
      if (page.before && page.after) parts.push(text('. '));
      if (page.after) parts.push(text('After: '), link(relativeHref(page.path, page.after.path), page.after.name), text(page.after.date ? ` (${page.after.date.label})` : ''));
      return parts.length > 0 ? [paragraph(parts)] : [];
    },
  },
  {
    title: 'Connections',
    kinds: ALL_KINDS,
    body: (page, { notes, component, chart }) =>
      page.connected.length > 0
        ? [
            ...(page.network ? [chart('charts/Network', { data: { chart: page.network, focus: page.entity.id } })] : []),
            component(
              'ConnectionList',
              page.connected.map(({ statement, ...connection }) => ({ ...connection, ...(statement && { statement: notes.statements([statement])[0]! }) })),
            ),
          ]
        : [],
  },
  {
    title: 'Mentioned in',
    kinds: ALL_KINDS,
    cutRules: { mentionedIn: 'sources, those with the most mentions shown', mentionedParagraphs: 'paragraphs of the sources shown, on their source pages' },
    body: (page, { component }) => (page.mentionedIn.length > 0 ? [component('BacklinkList', page.mentionedIn)] : []),
  },
];

/** "N more …" under a cut list, with links to where everything is: the sources index and the model as JSON. */
function more(page: EntityPage, list: keyof OmittedCounts, rule: string): RootContent[] {
  const count = page.omitted?.[list];
  if (!count) return [];
  return [
    paragraph([
      text(`${count.toLocaleString('en')} more ${rule}. Every source is in the `),
      link(relativeHref(page.path, '/sources/'), 'sources index'),
      text('; the full data is in '),
      link(relativeHref(page.path, MODEL_PATH), 'briefing.json'),
      text('.'),
    ]),
  ];
}

function infoboxData(page: EntityPage): InfoboxData {
  const { entity, discovery } = page;
  return {
    kind: entity.kind,
    subtype: subtypeLabel(entity.subtype),
    aliases: entity.aliases,
    affiliation: page.affiliation,
    members: page.members,
    ...(page.operator && { operator: page.operator }),
    ...(page.place && { place: page.place }),
    participants: page.participants,
    ...(entity.coordinates && { coordinates: entity.coordinates }),
    ...(entity.date && { date: { label: entity.date.label, precision: entity.date.precision, start: entity.date.start, end: entity.date.end } }),
    stats: { mentions: page.stats.mentions, sources: page.stats.sources, independent: page.stats.independent, ...(page.stats.latest && { latest: page.stats.latest.label }) },
    ...(discovery && {
      discovered: {
        roles: discovery.roles,
        ...(discovery.firstMentioned && { first: discovery.firstMentioned.label }),
        ...(discovery.lastMentioned && { last: discovery.lastMentioned.label }),
      },
    }),
  };
}

export function emitEntityPage(page: EntityPage, names: ReadonlyMap<string, string>): GeneratedPage {
  const { entity } = page;
  const notes = new Notes();
  const children: RootContent[] = [];
  const components = new Set(['SearchFilters', 'Infobox', 'NoteList']);
  const tools: SectionTools = {
    notes,
    component: (name, data, props = {}) => {
      components.add(name);
      return block(name, { data, ...props });
    },
    chart: (name, props) => {
      components.add(name);
      return block(name, props);
    },
  };

  children.push(block('SearchFilters', { kind: entity.kind }));
  const discovery = page.discovery;
  if (discovery && !discovery.reviewed) {
    // Nothing invented: the lead is a sentence of a source, quoted and linked to its paragraph.
    children.push(paragraph([text('Found in the texts, not yet reviewed by an editor.')]));
    if (discovery.lead) {
      children.push(paragraph([text(`“${discovery.lead.text}” — `), link(relativeHref(page.path, discovery.lead.citation.path), discovery.lead.citation.outlet)]));
    }
  } else children.push(paragraph(entity.description));
  children.push(block('Infobox', { data: infoboxData(page) satisfies EntityComponentData['Infobox'] }));

  for (const section of ENTITY_SECTIONS) {
    if (!section.kinds.includes(page.kind)) continue;
    const body = section.body(page, tools);
    if (body.length === 0) continue;
    const cuts = Object.entries(section.cutRules ?? {}).flatMap(([list, rule]) => more(page, list as keyof OmittedCounts, rule));
    children.push(heading(2, typeof section.title === 'string' ? section.title : section.title(page)), ...body, ...cuts);
  }
  if (notes.items.length > 0) children.push(heading(2, 'Notes'), block('NoteList', { data: notes.items satisfies EntityComponentData['NoteList'] }));

  return {
    path: page.path,
    frontmatter: {
      title: entity.name,
      description: entity.description,
      kind: entity.kind,
      head: [entityJsonLd(entity, names)],
    },
    tree: root([imports([...components]), ...children]),
  };
}
