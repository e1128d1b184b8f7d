/**
 * Actor, base, event and place pages, prebuilt for src/pages/[section]/[slug].astro:
 * prose (leads, headings, link lists) as HTML serialised from a checked tree
 * (emit/html.ts), content blocks as components with their typed data. At 1,000
 * articles Astro took about 16 ms to compile and render each of these pages as
 * MDX, against 7 ms for a bare Markdown page (docs/bench.md); a page rendered
 * from data skips the compile, and the MDX safety check with it.
 */
import type { PhrasingContent, RootContent } from 'mdast';
import { toHast } from 'mdast-util-to-hast';
import type { ElementContent, RootContent as HtmlContent } from 'hast';
import type { EntityKind } from '../model.ts';
import type { OmittedCounts } from '../assemble/page-limits.ts';
import type { EntityPage, PageRef, QuoteView, SupportedStatement } from '../assemble/entity-page.ts';
import { MODEL_FILE, MODEL_PATH, relativeHref } from '../shared/paths.ts';
import { Notes } from './statements.ts';
import { heading, link, paragraph, strong, text } from './nodes.ts';
import { componentBlock, type ComponentBlock, type ComponentData, type InfoboxData } from './component-data.ts';
import { entityJsonLd, type HeadEntry } from './json-ld.ts';
import { prebuildBlocks, type BodyBlock, type PageHeading } from './html.ts';

/** What a page's body is made of before it is serialised: Markdown prose, and components. */
type Content = RootContent | ComponentBlock;

/** Everything src/pages/[section]/[slug].astro needs to render one entity page. */
export interface EntityPageData {
  /** Site-relative path, `/actors/<slug>/`. */
  path: string;
  /** Starlight frontmatter for `<StarlightPage>`. */
  frontmatter: { title: string; description: string; kind: EntityKind; head: HeadEntry[] };
  /** The table of contents. */
  headings: PageHeading[];
  /** HTML, headings (rendered with their permalinks by SectionHeading.astro) and components, in page order. */
  blocks: (BodyBlock | ComponentBlock)[];
}

function subtypeLabel(subtype: string): string {
  return subtype.replace(/-/g, ' ');
}

/** What a section's body is built with: typed components and the page's notes. */
interface SectionTools {
  notes: Notes;
  /** Entity pages already linked in this section (the page itself from the start): later mentions stay plain text. */
  linked: Set<string>;
  component<K extends keyof ComponentData>(name: K, data: ComponentData[K], props?: Record<string, string | boolean>): ComponentBlock;
}

/**
 * One section of an entity page: its title, the kinds of page it appears on,
 * the cut lists it shows (each with what is kept when cut; the limits are in
 * assemble/page-limits.ts) and its body (empty: no section). Sections appear
 * in this order; adding one is adding an entry here, its view in assemble and
 * its component.
 */
type CutRules = Partial<Record<keyof OmittedCounts, string>>;

interface EntitySection {
  title: string | ((page: EntityPage) => string);
  kinds: readonly EntityKind[];
  cutRules?: CutRules | ((page: EntityPage) => CutRules);
  body(page: EntityPage, tools: SectionTools): Content[];
}

const ALL_KINDS: readonly EntityKind[] = ['actor', 'base', 'event', 'place'];

const sourceColumns = (page: EntityPage, { notes, component, linked }: SectionTools, collapsed: boolean): Content[] =>
  page.bySource.length > 0
    ? [component('SourceColumns', page.bySource.map((column) => ({ ...column, statements: notes.statements(column.statements, linked) })), collapsed ? { collapsed: true } : {})]
    : [];
const bySourceCuts = {
  bySource: 'sources, those with the most statements shown',
  bySourceStatements: 'statements of the sources shown, on their source pages',
};
/**
 * How many items of a long list show before its "more" disclosure, so that a
 * page ends (issue: the longest actor page at most 8,000 px at 1,280 wide with
 * every section at its first items). The rest is one click away, in the page.
 */
export const VISIBLE = { quotes: 2, timeline: 3, claims: 8, connections: 3, sources: 3, sentencesPerSource: 1 } as const;

const quoteList = (quotes: readonly QuoteView[], { notes, component }: SectionTools): Content[] =>
  quotes.length > 0 ? [component('QuoteList', quotes.map((quote) => ({ ...quote, citation: notes.cite(quote.citation) })), { visible: String(VISIBLE.quotes) })] : [];

const claimList = (claims: readonly SupportedStatement[], { notes, component, linked }: SectionTools, props: Record<string, string | boolean> = {}): Content[] =>
  claims.length > 0 ? [component('StatementList', notes.claims(claims, linked), props)] : [];

/** A plain list of links to other briefing pages. */
const pageList = (page: EntityPage, refs: readonly PageRef[]): RootContent[] =>
  refs.length > 0
    ? [
        {
          type: 'list',
          ordered: false,
          spread: false,
          children: refs.map((ref) => ({ type: 'listItem', spread: false, children: [paragraph([link(relativeHref(page.path, ref.path), ref.name)])] })),
        },
      ]
    : [];

export const ENTITY_SECTIONS: readonly EntitySection[] = [
  {
    title: (page) => (page.kind === 'event' ? 'What happened' : 'Key facts'),
    kinds: ALL_KINDS,
    // The page's own summary is indexed for search; the lines below it are indexed on their source pages.
    body: (page, tools) => claimList(page.keyFacts, tools, { indexed: true }),
  },
  {
    title: 'Where sources differ',
    kinds: ALL_KINDS,
    cutRules: { conflicts: 'disagreements' },
    body: (page, { component }) => (page.conflicts.length > 0 ? [component('ConflictList', page.conflicts)] : []),
  },
  {
    title: 'On the map',
    kinds: ['base', 'place'],
    body: (page, { component }) => (page.map ? [component('charts/BaseMap', { chart: page.map.chart, highlight: page.map.highlight })] : []),
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
    // An event says nothing: its quotes are those of the people it concerns.
    cutRules: (page) => (page.kind === 'event' ? { quotesAbout: 'quotes, those from the newest sources shown' } : { quotesBy: 'quotes, those from the newest sources shown' }),
    body: (page, tools) => quoteList(page.kind === 'event' ? page.quotesAbout : page.quotesBy, tools),
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
    title: 'Every report and its support',
    kinds: ['event'],
    cutRules: { supported: 'claims, the best supported shown' },
    body: (page, tools) => claimList(page.supported, tools, { filter: true, visible: String(VISIBLE.claims) }),
  },
  {
    title: (page) => (page.kind === 'base' ? 'Status history' : 'Timeline'),
    kinds: ['actor', 'base', 'place'],
    cutRules: { timeline: 'dated claims, the latest shown' },
    body: (page, tools) => [
      ...(page.timelineChart ? [tools.component('charts/Timeline', { timeline: page.timelineChart, subject: page.entity.name }, { id: 'timeline-chart' })] : []),
      ...claimList(page.timeline, tools, { filter: true, visible: String(VISIBLE.timeline) }),
    ],
  },
  {
    title: 'Bases here',
    kinds: ['place'],
    body: (page) => pageList(page, page.basesHere),
  },
  {
    title: 'Events here',
    kinds: ['base', 'place'],
    body: (page) => pageList(page, page.eventsHere),
  },
  {
    title: 'What each source says',
    kinds: ['actor', 'base', 'place'],
    cutRules: bySourceCuts,
    body: (page, tools) => {
      const columns = sourceColumns(page, tools, page.kind === 'actor');
      if (columns.length === 0 || page.shownAbove === 0) return columns;
      const shown = page.shownAbove === 1 ? 'One statement' : `${page.shownAbove.toLocaleString('en')} statements`;
      return [paragraph([text(`${shown} shown above ${page.shownAbove === 1 ? 'is' : 'are'} not repeated here.`)]), ...columns];
    },
  },
  {
    title: 'Quotes about them',
    kinds: ['actor', 'base', 'place'],
    cutRules: { quotesAbout: 'quotes, those from the newest sources shown' },
    body: (page, tools) => quoteList(page.quotesAbout, tools),
  },
  {
    title: 'Connections',
    kinds: ALL_KINDS,
    body: (page, { notes, component, linked }) =>
      page.connected.length > 0
        ? [
            ...(page.network ? [component('charts/Network', { chart: page.network, focus: page.entity.id })] : []),
            component(
              'ConnectionList',
              page.connected.map(({ statement, ...connection }) => ({ ...connection, ...(statement && { statement: notes.statements([statement], linked)[0]! }) })),
              { visible: String(VISIBLE.connections) },
            ),
          ]
        : [],
  },
  {
    title: 'Mentioned in',
    kinds: ALL_KINDS,
    cutRules: { mentionedIn: 'sources, those with the most mentions shown', mentionedParagraphs: 'paragraphs of the sources shown, on their source pages' },
    body: (page, { component }) => (page.mentionedIn.length > 0 ? [component('BacklinkList', page.mentionedIn, { visible: String(VISIBLE.sentencesPerSource), sources: String(VISIBLE.sources) })] : []),
  },
];

/** "N more …" under a cut list, with links to where everything is: the sources index and the model as compressed JSON. */
function more(page: EntityPage, list: keyof OmittedCounts, rule: string): RootContent[] {
  const count = page.omitted?.[list];
  if (!count) return [];
  return [
    paragraph([
      text(`${count.toLocaleString('en')} more ${rule}. Every source is in the `),
      link(relativeHref(page.path, '/sources/'), 'sources index'),
      text('; the full data is in '),
      link(relativeHref(page.path, MODEL_PATH), MODEL_FILE),
      text(' (JSON, gzip-compressed).'),
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

/** Markdown prose as HTML nodes (as Astro's Markdown pipeline would convert it); components stay as they are. */
function toHtmlContent(content: Content): HtmlContent | ComponentBlock {
  return content.type === 'component' ? content : (toHast(content) as ElementContent);
}

export function emitEntityPage(page: EntityPage, names: ReadonlyMap<string, string>): EntityPageData {
  const { entity } = page;
  const notes = new Notes();
  const children: Content[] = [];
  const tools: SectionTools = { notes, linked: new Set(), component: componentBlock };

  children.push(componentBlock('SearchFilters', undefined, { kind: entity.kind }));
  const discovery = page.discovery;
  if (discovery && !discovery.reviewed) {
    // Nothing invented: the lead is a sentence of a source, quoted and linked to its paragraph.
    children.push(paragraph([text('Found in the texts, not yet reviewed by an editor.')]));
    if (discovery.lead) {
      children.push(paragraph([text(`“${discovery.lead.text}” — `), link(relativeHref(page.path, discovery.lead.citation.path), discovery.lead.citation.outlet)]));
    }
  } else children.push(paragraph(entity.description));
  if (page.status) {
    // One line a reader can act on; the evidence is the cited sentence, and the history is in "Status history".
    const { state, asOf, citation } = page.status;
    children.push(
      paragraph([
        strong(`Status: ${state}`),
        text(`, as of ${asOf.label}, according to `),
        link(relativeHref(page.path, citation.path), citation.outlet),
        text('.'),
      ]),
    );
  }
  children.push(componentBlock('Infobox', infoboxData(page)));

  for (const section of ENTITY_SECTIONS) {
    if (!section.kinds.includes(page.kind)) continue;
    tools.linked = new Set([page.path]);
    const body = section.body(page, tools);
    if (body.length === 0) continue;
    const rules = typeof section.cutRules === 'function' ? section.cutRules(page) : section.cutRules;
    const cuts = Object.entries(rules ?? {}).flatMap(([list, rule]) => more(page, list as keyof OmittedCounts, rule));
    children.push(heading(2, typeof section.title === 'string' ? section.title : section.title(page)), ...body, ...cuts);
  }
  if (notes.items.length > 0) children.push(heading(2, 'Notes'), componentBlock('NoteList', notes.items));

  const { blocks, headings } = prebuildBlocks(children.map(toHtmlContent));
  return {
    path: page.path,
    frontmatter: { title: entity.name, description: entity.description, kind: entity.kind, head: [entityJsonLd(entity, names)] },
    headings,
    blocks,
  };
}
