/**
 * Actor, base, event and place pages as mdast: headings in Markdown (so
 * Starlight builds the table of contents and heading anchors), content blocks
 * as components fed with data props.
 */
import type { RootContent } from 'mdast';
import type { OmittedCounts } from '../assemble/page-limits.ts';
import type { EntityPage, PageRef } from '../assemble/entity-page.ts';
import { Notes, statementData } from './statements.ts';
import { MODEL_PATH, relativeHref } from '../shared/paths.ts';
import { block, heading, imports, link, paragraph, root, text } from './nodes.ts';
import type { GeneratedPage } from './page.ts';
import { entityJsonLd } from './json-ld.ts';

/** What each cut list shows when it is cut (see assemble/page-limits.ts). */
const cutRules: Record<keyof OmittedCounts, string> = {
  descriptors: 'sources, those with the most descriptions shown',
  quotesBy: 'quotes, those from the newest sources shown',
  quotesAbout: 'quotes, those from the newest sources shown',
  timeline: 'dated statements, the latest shown',
  mentionedIn: 'sources, those with the most mentions shown',
  mentionedParagraphs: 'paragraphs of the sources shown, on their source pages',
  bySource: 'sources, those with the most statements shown',
  bySourceStatements: 'statements of the sources shown, on their source pages',
  supported: 'statements, the best supported shown',
  conflicts: 'disagreements',
};

/** "N more …" under a cut list, with links to where everything is: the sources index and the model as JSON. */
function more(page: EntityPage, list: keyof OmittedCounts): RootContent[] {
  const count = page.omitted?.[list];
  if (!count) return [];
  return [
    paragraph([
      text(`${count.toLocaleString('en')} more ${cutRules[list]}. Every source is in the `),
      link(relativeHref(page.path, '/sources/'), 'sources index'),
      text('; the full data is in '),
      link(relativeHref(page.path, MODEL_PATH), 'briefing.json'),
      text('.'),
    ]),
  ];
}

function refData(ref: PageRef) {
  return { path: ref.path, name: ref.name };
}

function subtypeLabel(subtype: string): string {
  return subtype.replace(/-/g, ' ');
}

const sectionTitles = {
  map: 'On the map',
  describe: 'How sources describe them',
  quotesBy: 'Quotes',
  quotesAbout: 'Quotes about them',
  timeline: 'Timeline',
  status: 'Status history',
  reports: 'What each source reports',
  says: 'What each source says',
  support: 'Statements and their support',
  conflicts: 'Where sources disagree',
  eventsHere: 'Events here',
  neighbours: 'Before and after',
  connected: 'Connections',
  mentioned: 'Mentioned in',
  notes: 'Notes',
};

export function emitEntityPage(page: EntityPage, names: ReadonlyMap<string, string>): GeneratedPage {
  const { entity } = page;
  const notes = new Notes();
  const children: RootContent[] = [];
  const components = new Set(['SearchFilters', 'Infobox', 'NoteList']);
  const section = (title: string, ...content: RootContent[]) => children.push(heading(2, title), ...content);
  const component = (name: string, props: Record<string, unknown>) => {
    components.add(name);
    return block(name, props as Record<string, object>);
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
  children.push(
    block('Infobox', {
      data: {
        kind: entity.kind,
        subtype: subtypeLabel(entity.subtype),
        aliases: entity.aliases,
        affiliation: page.affiliation.map(refData),
        members: page.members.map(refData),
        operator: page.operator && refData(page.operator),
        place: page.place && refData(page.place),
        participants: page.participants.map(refData),
        coordinates: entity.coordinates,
        date: entity.date && { label: entity.date.label, precision: entity.date.precision, start: entity.date.start, end: entity.date.end },
        stats: page.stats && { ...page.stats, latest: page.stats.latest?.label },
        ...(discovery && {
          discovered: {
            roles: discovery.roles,
            ...(discovery.firstMentioned && { first: discovery.firstMentioned.label }),
            ...(discovery.lastMentioned && { last: discovery.lastMentioned.label }),
          },
        }),
      },
    }),
  );

  if (page.map) section(sectionTitles.map, component('charts/BaseMap', { data: { chart: page.map.chart, highlight: page.map.highlight } }));
  if (page.descriptors.length > 0) {
    section(
      sectionTitles.describe,
      component('DescriptorTable', {
        data: page.descriptors.map((row) => ({ source: { path: row.source.path, title: row.source.title, outlet: row.source.outlet }, phrases: row.phrases })),
      }),
      ...more(page, 'descriptors'),
    );
  }
  if (page.quotesBy.length > 0) {
    section(sectionTitles.quotesBy, component('QuoteList', { data: page.quotesBy.map((quote) => ({ ...quote, citation: notes.cite(quote.citation) })) }), ...more(page, 'quotesBy'));
  }

  if (entity.kind === 'event') {
    if (page.bySource.length > 0) {
      section(
        sectionTitles.reports,
        component('SourceColumns', {
          data: page.bySource.map((column) => ({ source: column.source, statements: statementData(notes, column.statements) })),
        }),
        ...more(page, 'bySource'),
        ...more(page, 'bySourceStatements'),
      );
    }
    if (page.supported.length > 0) section(sectionTitles.support, component('StatementList', { data: statementData(notes, page.supported), filter: true }), ...more(page, 'supported'));
  }
  if (page.conflicts.length > 0) section(sectionTitles.conflicts, component('ConflictList', { data: page.conflicts }), ...more(page, 'conflicts'));

  if ((page.timeline.length > 0 || page.timelineChart) && entity.kind !== 'event') {
    section(
      entity.kind === 'base' ? sectionTitles.status : sectionTitles.timeline,
      ...(page.timelineChart ? [component('charts/Timeline', { data: { timeline: page.timelineChart, subject: entity.name }, id: 'timeline-chart' })] : []),
      ...(page.timeline.length > 0 ? [component('StatementList', { data: statementData(notes, page.timeline), filter: true }), ...more(page, 'timeline')] : []),
    );
  }
  if (page.eventsHere.length > 0) {
    section(sectionTitles.eventsHere, {
      type: 'list',
      ordered: false,
      spread: false,
      children: page.eventsHere.map((event) => ({ type: 'listItem', spread: false, children: [paragraph([link(relativeHref(page.path, event.path), event.name)])] })),
    });
  }
  if ((entity.kind === 'base' || entity.kind === 'place' || entity.kind === 'actor') && page.bySource.length > 0) {
    section(
      sectionTitles.says,
      component('SourceColumns', {
        data: page.bySource.map((column) => ({ source: column.source, statements: statementData(notes, column.statements) })),
        collapsed: entity.kind === 'actor',
      }),
      ...more(page, 'bySource'),
      ...more(page, 'bySourceStatements'),
    );
  }
  if (page.quotesAbout.length > 0) {
    section(sectionTitles.quotesAbout, component('QuoteList', { data: page.quotesAbout.map((quote) => ({ ...quote, citation: notes.cite(quote.citation) })) }), ...more(page, 'quotesAbout'));
  }
  if (page.before || page.after) {
    const parts = [];
    if (page.before) parts.push(text('Before: '), link(relativeHref(page.path, page.before.path), page.before.name), text(page.before.date ? ` (${page.before.date.label})` : ''));
    if (page.before && page.after) parts.push(text('. '));
    if (page.after) parts.push(text('After: '), link(relativeHref(page.path, page.after.path), page.after.name), text(page.after.date ? ` (${page.after.date.label})` : ''));
    section(sectionTitles.neighbours, paragraph(parts));
  }
  if (page.connected.length > 0) {
    section(
      sectionTitles.connected,
      ...(page.network ? [component('charts/Network', { data: { chart: page.network, focus: entity.id } })] : []),
      component('ConnectionList', {
        data: page.connected.map((connection) => ({
          ref: refData(connection.ref),
          kind: connection.ref.kind,
          weight: connection.weight,
          statement: connection.statement && statementData(notes, [connection.statement])[0],
        })),
      }),
    );
  }
  if (page.mentionedIn.length > 0) section(sectionTitles.mentioned, component('BacklinkList', { data: page.mentionedIn }), ...more(page, 'mentionedIn'), ...more(page, 'mentionedParagraphs'));
  if (notes.items.length > 0) section(sectionTitles.notes, block('NoteList', { data: notes.items }));

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
