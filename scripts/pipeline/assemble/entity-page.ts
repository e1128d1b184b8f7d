/**
 * Page models for actors, bases, events and places: everything a briefing
 * page shows, each statement with its citation. Pure; emit turns these into MDX.
 */
import { entityCounts, referencesOf, type ReferenceIndex } from './counts.ts';
import type {
  ClaimGroup,
  DateValue,
  Descriptor,
  Entity,
  EntityKind,
  KnowledgeModel,
  Mention,
  Quote,
  Relation,
  SharedPassage,
  Statement,
} from '../model.ts';
import { countIndependentSupport } from '../relate/index.ts';
import { citationFor, indexModel, paragraphKey, sentenceFocus, viewStatement, type Citation, type ModelIndex, type StatementView } from './citations.ts';
import { excerpt } from '../shared/excerpt.ts';
import { statementDate } from '../shared/statement-date.ts';
import { entityPath, sourcePath } from '../shared/paths.ts';
import { buildMapChart, onMap, type MapChart } from '../charts/map.ts';
import type { NetworkChart } from '../charts/network.ts';
import { eventsFor, timelineData, type TimelineData } from '../charts/timeline.ts';
import { outletLabel } from '../shared/outlet.ts';
import { groupBy, groupByEach } from '../shared/group-by.ts';
import { PAGE_LIMITS, firstOfSorted, keepBest, lastOfSorted, shareOut, type OmittedCounts } from './page-limits.ts';
import { baseStatus, type BaseState } from './base-status.ts';
import { groupByWording, plainness, reportsFact, type Claim } from './claims.ts';

export interface PageRef {
  path: string;
  name: string;
  kind: EntityKind;
  subtype: string;
}

/** An entity the registry knows but the site has no page for. */
export interface UnlinkedName {
  name: string;
  path?: undefined;
}

export interface SourceRef {
  path: string;
  title: string;
  outlet: string;
  published?: DateValue;
}

export interface DescriptorRow {
  source: SourceRef;
  phrases: { phrase: string; path: string }[];
}

export interface QuoteView {
  id: string;
  text: string;
  speaker: string;
  speakerRef?: PageRef;
  citation: Citation;
}

export interface Connection {
  ref: PageRef;
  weight: number;
  statement?: StatementView;
  /** The connecting sentence is already a line higher up the page: the id of that line. */
  shownAt?: string;
}

/** "Mentioned in": for each source, the sentences that name the entity, each linked to its paragraph. */
export interface Backlink {
  source: SourceRef;
  paragraphs: {
    id: string;
    /** The source paragraph, opened at the sentence. */
    path: string;
    /** The sentence that names the entity (not the whole paragraph). */
    text: string;
    /** Where the name is in `text`, to mark it. */
    mark?: { start: number; end: number };
  }[];
}

export interface SourceColumn {
  source: SourceRef;
  statements: StatementView[];
}

export interface Support {
  sources: number;
  independent: number;
  /**
   * Who reprints whom, one entry per original: the first `REPRINTS_NAMED` outlets
   * that carry its text (`by`), and how many more do (`more`).
   */
  copies: { of: string; by: string[]; more: number }[];
}

/** One claim as one line: its plainest report, with every outlet that reports it in near-identical words (claims.ts). */
export interface SupportedStatement extends StatementView {
  support: Support;
  /** The other outlets that report the claim, one citation each (the lead's is `citation`). */
  also: Citation[];
  /** Every statement of the claim, the lead first: a page shows each statement once. */
  statementIds: string[];
}

export interface ConflictView {
  summary: string;
  variants: { value: string; wording: { outlet: string; text: string; path: string }[] }[];
}

/** What the texts say about an entity found in them: its cited lead, roles by source, when the sources name it. */
export interface DiscoveryView {
  /** False: found in the texts and not yet reviewed (no registry entry confirms it). */
  reviewed: boolean;
  lead?: { text: string; citation: Citation };
  /** Each title or role once, with the sources that give it. */
  roles: { phrase: string; sources: { outlet: string; path: string }[] }[];
  firstMentioned?: DateValue;
  lastMentioned?: DateValue;
}

export interface EntityPage {
  kind: EntityKind;
  path: string;
  entity: Entity;
  affiliation: PageRef[];
  members: PageRef[];
  operator?: PageRef;
  /** Without a path where the place has no page (the texts name it only as this base's place): its name, unlinked. */
  place?: PageRef | UnlinkedName;
  participants: PageRef[];
  stats: { mentions: number; sources: number; independent: number; latest?: DateValue };
  descriptors: DescriptorRow[];
  quotesBy: QuoteView[];
  quotesAbout: QuoteView[];
  /** Dated claims in date order. */
  timeline: SupportedStatement[];
  connected: Connection[];
  mentionedIn: Backlink[];
  /** Events and bases: what each source says, side by side. */
  bySource: SourceColumn[];
  /** The best-supported claims, plainest report first: "What happened" on events, "Key facts" elsewhere. */
  keyFacts: SupportedStatement[];
  /** Events: the other claims, each with the number of sources supporting it. */
  supported: SupportedStatement[];
  /** Actors, bases, places: statements already shown higher up the page are left out of `bySource`. */
  shownAbove: number;
  conflicts: ConflictView[];
  before?: PageRef & { date?: DateValue };
  after?: PageRef & { date?: DateValue };
  /** Bases: events that happened there. */
  eventsHere: PageRef[];
  /** Places: the bases and installations located there (a base's statements are on its own page). */
  basesHere: PageRef[];
  /** Bases and places: the map of bases and places, with this one highlighted. */
  map?: { chart: MapChart; highlight: string };
  /**
   * Actors: the entity and the entities the sources most often name with it.
   * Laid out apart from the rest of the page (site.ts), on a second thread
   * when the build has one: the layouts were half of all page assembly.
   */
  network?: NetworkChart;
  /** How many items each cut list left out (page-limits.ts); the model keeps them all. */
  omitted?: OmittedCounts;
  /** Actors and bases: the timeline chart of their events and dated statements. */
  timelineChart?: TimelineData;
  /** Entities the texts name (discovered, or registry entries the texts confirm). */
  discovery?: DiscoveryView;
  /** Bases: held, withdrawn or under negotiation, as of the latest date a source confirms it (base-status.ts). */
  status?: { state: BaseState; asOf: DateValue; citation: Citation };
}

/** Everything shared across page assemblers in one build. */
export interface AssemblyContext {
  model: KnowledgeModel;
  index: ModelIndex;
  statementsByEntity: Map<string, Statement[]>;
  mentionsByEntity: Map<string, Mention[]>;
  mentionsByArticle: Map<string, Mention[]>;
  descriptorsByEntity: Map<string, Descriptor[]>;
  quotesBySpeaker: Map<string, Quote[]>;
  quotesBySentence: Map<string, Quote[]>;
  relationsByEntity: Map<string, Relation[]>;
  groupsBySubject: Map<string, ClaimGroup[]>;
  quotesById: Map<string, Quote>;
  membersByEntity: Map<string, Entity[]>;
  basesByPlace: Map<string, Entity[]>;
  /** Events in date order, for "before" and "after". */
  events: Entity[];
  /** The map of bases and places, laid out once per build. */
  map?: MapChart;
  /** What counts.ts reads: the sentences that name, report or quote each entity. */
  references: ReferenceIndex;
  /**
   * Support of each claim counted so far, by its statement ids: a sentence names
   * several entities, so the same claim is on each of their pages, and counting
   * its independent sources is the costliest step of page assembly.
   */
  supportByClaim: Map<string, Support>;
}


/** Index the model once so that each page is assembled in time proportional to its own content. */
export function createContext(model: KnowledgeModel): AssemblyContext {
  const events = model.entities
    .filter((entity) => entity.kind === 'event')
    .sort((a, b) => compareIso(a.date?.start, b.date?.start) || a.name.localeCompare(b.name));
  const mentionsByEntity = groupByEach(model.mentions, (mention) => [mention.entityId]);
  const index = indexModel(model);
  const statementsByEntity = groupByEach(model.statements, (statement) => statement.entityIds);
  const quotesBySpeaker = groupByEach(model.quotes, (quote) => [quote.speakerId]);
  const reportsByEvent = new Map<string, Statement[]>();
  for (const group of model.claimGroups) {
    if (group.kind !== 'event') continue;
    const list = reportsByEvent.get(group.subjectId) ?? reportsByEvent.set(group.subjectId, []).get(group.subjectId)!;
    for (const id of group.statementIds) {
      const statement = index.statements.get(id);
      if (statement) list.push(statement);
    }
  }
  const references: ReferenceIndex = { statementsByEntity, reportsByEvent, quotesBySpeaker };
  return {
    model,
    index,
    references,
    statementsByEntity,
    mentionsByEntity,
    mentionsByArticle: groupByEach(model.mentions, (mention) => [mention.articleSlug]),
    descriptorsByEntity: groupByEach(model.descriptors, (descriptor) => [descriptor.entityId]),
    quotesBySpeaker,
    quotesBySentence: groupByEach(model.quotes, (quote) => [quote.sentenceId]),
    relationsByEntity: groupByEach(model.relations, (relation) => [relation.source, relation.target]),
    groupsBySubject: groupByEach(model.claimGroups, (group) => [group.subjectId]),
    quotesById: new Map(model.quotes.map((quote) => [quote.id, quote])),
    membersByEntity: groupByEach(model.entities, (entity) => entity.affiliation),
    basesByPlace: groupByEach(
      model.entities.filter((entity) => entity.kind === 'base'),
      (entity) => [entity.place],
    ),
    events,
    supportByClaim: new Map(),
    map: buildMapChart(model.entities, new Map(model.entities.map((entity) => [entity.id, referencesOf(references, entity).length]))),
  };
}

function compareIso(a: string | undefined, b: string | undefined): number {
  const left = a ?? '9999';
  const right = b ?? '9999';
  return left < right ? -1 : left > right ? 1 : 0;
}

export function refOf(entity: Entity): PageRef {
  return { path: entityPath(entity.kind, entity.id), name: entity.name, kind: entity.kind, subtype: entity.subtype };
}

function refsOf(context: AssemblyContext, ids: readonly string[]): PageRef[] {
  return ids.flatMap((id) => {
    const entity = context.index.entities.get(id);
    return entity ? [refOf(entity)] : [];
  });
}

/** A base's or event's place: its page, or its registry name where it has none. */
function placeRef(context: AssemblyContext, id: string): PageRef | UnlinkedName | undefined {
  const paged = refsOf(context, [id])[0];
  if (paged) return paged;
  const entry = context.model.curation?.unmentioned.find((candidate) => candidate.id === id);
  return entry && { name: entry.name };
}

export function sourceRef(context: AssemblyContext, slug: string): SourceRef {
  const article = context.index.articles.get(slug);
  return {
    path: sourcePath(slug),
    title: article?.meta.title ?? slug,
    outlet: article ? outletLabel(article) : slug,
    ...(article?.meta.published && { published: article.meta.published }),
  };
}

/** Statements that belong on the page: those naming the entity, and for events those grouped with it. */
export function statementsFor(context: AssemblyContext, entity: Entity): Statement[] {
  const ids = new Set<string>();
  const result: Statement[] = [];
  const add = (statement: Statement | undefined) => {
    if (statement && !ids.has(statement.id)) {
      ids.add(statement.id);
      result.push(statement);
    }
  };
  for (const statement of context.statementsByEntity.get(entity.id) ?? []) add(statement);
  for (const statement of context.references.reportsByEvent.get(entity.id) ?? []) add(statement);
  return result;
}

/** Lines in "Key facts" (and an event's "What happened"). */
export const KEY_FACTS = 3;

/** A claim one statement makes needs no counting. */
function claimSupport(context: AssemblyContext, claim: Claim): Support {
  return claim.statements.length === 1 ? { sources: 1, independent: 1, copies: [] } : supportOf(context, claim.statements);
}

function supportOf(context: AssemblyContext, statements: Statement[]): Support {
  // The count reads the statements in its own order, so any order of the same ids gives the same support.
  const key = statements
    .map((statement) => statement.id)
    .sort()
    .join(' ');
  const known = context.supportByClaim.get(key);
  if (known) return known;
  const support = countIndependentSupport(statements, context.model.sharedPassages as SharedPassage[]);
  const outlet = (slug: string) => sourceRef(context, slug).outlet;
  const result = {
    sources: support.sources,
    independent: support.independent,
    copies: reprintsByOrigin(support.copies.map((copy) => ({ copy: outlet(copy.copy), of: outlet(copy.of) }))),
  };
  context.supportByClaim.set(key, result);
  return result;
}

/** Outlets named as carrying one original's text; the rest are a count ("and 40 others"). */
export const REPRINTS_NAMED = 3;

export function reprintsByOrigin(pairs: readonly { copy: string; of: string }[]): Support['copies'] {
  return [...groupBy(pairs, (pair) => pair.of)].map(([of, group]) => ({
    of,
    by: group.slice(0, REPRINTS_NAMED).map((pair) => pair.copy),
    more: Math.max(0, group.length - REPRINTS_NAMED),
  }));
}

function quoteView(context: AssemblyContext, quote: Quote): QuoteView {
  const speaker = quote.speakerId ? context.index.entities.get(quote.speakerId) : undefined;
  return {
    id: quote.id,
    text: quote.text,
    speaker: speaker?.name ?? quote.speakerText,
    ...(speaker && { speakerRef: refOf(speaker) }),
    citation: citationFor(context.index, quote.articleSlug, quote.paragraphId, sentenceFocus(context.index, quote.sentenceId)),
  };
}

function conflictViews(context: AssemblyContext, groups: readonly ClaimGroup[]): ConflictView[] {
  return groups.flatMap((group) =>
    group.conflicts.map((conflict) => ({
      summary: conflict.summary,
      variants: conflict.variants.map((variant) => ({
        value: variant.value,
        wording: variant.statementIds.flatMap((id) => {
          const statement = context.index.statements.get(id);
          if (!statement) {
            const quote = context.quotesById.get(id);
            if (!quote) return [];
            const citation = citationFor(context.index, quote.articleSlug, quote.paragraphId, sentenceFocus(context.index, quote.sentenceId));
            return [{ outlet: citation.outlet, text: quote.text, path: citation.path }];
          }
          const citation = citationFor(context.index, statement.articleSlug, statement.paragraphId, sentenceFocus(context.index, statement.sentenceId));
          return [{ outlet: citation.outlet, text: statement.text, path: citation.path }];
        }),
      })),
    })),
  );
}

/** The timeline chart's marks for an actor or base page, when it has any (one mark is shown as a sentence, not a chart). */
function timelineChartOf(context: AssemblyContext, entity: Entity, statements: readonly Statement[]): { timelineChart: TimelineData } | undefined {
  const chart = timelineData(eventsFor(entity, context.events, statements), statements, context.index.articles);
  return chart.events.length + chart.statements.length > 0 ? { timelineChart: chart } : undefined;
}

/** Roles are cut to this many on a page (the model keeps them all). */
const MAX_ROLES = 8;

function discoveryView(context: AssemblyContext, entity: Entity): DiscoveryView | undefined {
  const evidence = entity.discovery;
  if (!evidence) return undefined;
  const cite = (ref: { articleSlug: string; paragraphId: string; sentenceId: string }) =>
    citationFor(context.index, ref.articleSlug, ref.paragraphId, sentenceFocus(context.index, ref.sentenceId));
  const roles = evidence.roles.filter((role, k) => evidence.roles.findIndex((other) => other.phrase === role.phrase && other.articleSlug === role.articleSlug) === k);
  return {
    reviewed: evidence.reviewed,
    ...(evidence.lead && { lead: { text: evidence.lead.text, citation: cite(evidence.lead) } }),
    roles: [
      ...groupByEach(roles, (role) => [role.phrase.toLowerCase()]).values(),
    ]
      .slice(0, MAX_ROLES)
      .map((same) => ({
      phrase: same[0]!.phrase,
      sources: same.map((role) => {
        const citation = cite(role);
        return { outlet: citation.outlet, path: citation.path };
      }),
    })),
    ...(evidence.firstMentioned && { firstMentioned: evidence.firstMentioned }),
    ...(evidence.lastMentioned && { lastMentioned: evidence.lastMentioned }),
  };
}

function statusOf(context: AssemblyContext, statements: readonly Statement[]): { status: NonNullable<EntityPage['status']> } | undefined {
  const status = baseStatus(statements, (slug) => context.index.articles.get(slug)?.meta.published);
  if (!status) return undefined;
  const { statement } = status;
  const citation = citationFor(context.index, statement.articleSlug, statement.paragraphId, sentenceFocus(context.index, statement.sentenceId));
  return { status: { state: status.state, asOf: status.asOf, citation } };
}

export function assembleEntityPage(context: AssemblyContext, entity: Entity): EntityPage {
  const { index } = context;
  const statements = statementsFor(context, entity);
  // Lists are cut to PAGE_LIMITS (page-limits.ts) before their views are built,
  // so a page costs time in proportion to what it shows.
  const omitted: OmittedCounts = {};
  const cut = <T>(list: keyof OmittedCounts, items: readonly T[], limit: number, rank: (a: T, b: T) => number): T[] => {
    if (items.length > limit) omitted[list] = items.length - limit;
    return keepBest(items, limit, rank);
  };
  const published = (slug: string) => index.articles.get(slug)?.meta.published?.start;
  const newestFirst = (a: string, b: string) => -compareIso(published(a) ?? '0000', published(b) ?? '0000');

  // One line per claim (claims.ts). The best-supported claims lead the page;
  // after them every statement is shown once, in the first section that has it.
  const outlets = new Map<string, string>();
  const outletOf = (slug: string) => outlets.get(slug) ?? outlets.set(slug, sourceRef(context, slug).outlet).get(slug)!;
  const claims = groupByWording(statements).map((claim) => ({ claim, support: claimSupport(context, claim) }));
  const lineOf = new Map<string, string>();
  const claimView = ({ claim, support }: { claim: Claim; support: Support }, prefix: string): SupportedStatement => {
    const [lead, ...others] = claim.statements;
    const view = viewStatement(index, lead!, prefix);
    for (const statement of claim.statements) lineOf.set(statement.id, view.id);
    // One citation per outlet: a source that repeats the claim in three paragraphs is still one source.
    const sources = new Set([lead!.articleSlug]);
    const also = others.flatMap((statement) => {
      if (sources.has(statement.articleSlug)) return [];
      sources.add(statement.articleSlug);
      return [citationFor(index, statement.articleSlug, statement.paragraphId, sentenceFocus(index, statement.sentenceId))];
    });
    return { ...view, support, also, statementIds: claim.statements.map((statement) => statement.id) };
  };
  const strongest = (a: { claim: Claim; support: Support }, b: { claim: Claim; support: Support }) =>
    b.support.independent - a.support.independent || b.support.sources - a.support.sources || plainness(a.claim.statements[0]!) - plainness(b.claim.statements[0]!);
  const keyFacts = firstOfSorted(
    claims.filter(({ claim }) => reportsFact(claim.statements[0]!)),
    KEY_FACTS,
    strongest,
  )
    .sort((a, b) => compareIso(statementDate(a.claim.statements[0]!)?.start, statementDate(b.claim.statements[0]!)?.start))
    .map((item) => claimView(item, 'kf'));
  const remaining = claims.filter(({ claim }) => !lineOf.has(claim.statements[0]!.id));

  // Timeline: dated claims in date order; when cut, the most recent.
  const dated =
    entity.kind === 'event'
      ? []
      : remaining
          .filter(({ claim }) => claim.statements[0]!.dates.length > 0)
          .map((item) => {
            const lead = item.claim.statements[0]!;
            return { item, date: statementDate(lead)?.start, outlet: outletOf(lead.articleSlug), id: lead.id };
          });
  if (dated.length > PAGE_LIMITS.timeline) omitted.timeline = dated.length - PAGE_LIMITS.timeline;
  const timeline = lastOfSorted(dated, PAGE_LIMITS.timeline, (a, b) => compareIso(a.date, b.date) || a.outlet.localeCompare(b.outlet) || a.id.localeCompare(b.id)).map(({ item }) =>
    claimView(item, 'tl'),
  );

  // How each source describes the entity (people above all).
  const descriptorRows = new Map<string, DescriptorRow>();
  for (const descriptor of context.descriptorsByEntity.get(entity.id) ?? []) {
    const row = descriptorRows.get(descriptor.articleSlug) ?? { source: sourceRef(context, descriptor.articleSlug), phrases: [] };
    if (!row.phrases.some((item) => item.phrase === descriptor.phrase)) {
      row.phrases.push({ phrase: descriptor.phrase, path: `${sourcePath(descriptor.articleSlug)}#${descriptor.sentenceId}` });
    }
    descriptorRows.set(descriptor.articleSlug, row);
  }
  const descriptors = cut('descriptors', [...descriptorRows.values()], PAGE_LIMITS.sources, (a, b) => b.phrases.length - a.phrases.length);

  const byNewestSource = (a: Quote, b: Quote) => newestFirst(a.articleSlug, b.articleSlug);
  const quotesBy = cut('quotesBy', context.quotesBySpeaker.get(entity.id) ?? [], PAGE_LIMITS.quotes, byNewestSource).map((quote) => quoteView(context, quote));
  const aboutQuotes = statements
    .flatMap((statement) => context.quotesBySentence.get(statement.sentenceId) ?? [])
    .filter((quote) => quote.speakerId !== entity.id);
  const quotesAbout = cut('quotesAbout', aboutQuotes, PAGE_LIMITS.quotes, byNewestSource).map((quote) => quoteView(context, quote));

  // "Mentioned in": paragraphs that mention the entity, grouped by source; when
  // cut, the sources with the most such paragraphs. Only sentences whose
  // statement is about the entity, the ones its counts read: "the base at
  // Tartus" names the town but is about the base.
  const about = new Set((context.statementsByEntity.get(entity.id) ?? []).map((statement) => statement.sentenceId));
  const mentionedParagraphs = new Map<string, Mention[]>();
  for (const mention of context.mentionsByEntity.get(entity.id) ?? []) {
    if (!about.has(mention.sentenceId)) continue;
    const list = mentionedParagraphs.get(mention.articleSlug) ?? mentionedParagraphs.set(mention.articleSlug, []).get(mention.articleSlug)!;
    if (!list.some((first) => first.paragraphId === mention.paragraphId)) list.push(mention);
  }
  const mentionedSources = cut('mentionedIn', [...mentionedParagraphs], PAGE_LIMITS.sources, ([slugA, a], [slugB, b]) => b.length - a.length || newestFirst(slugA, slugB));
  const mentionedShares = shareOut(mentionedSources.map(([, mentions]) => mentions.length), PAGE_LIMITS.mentionedParagraphs);
  const mentionedCut = mentionedSources.reduce((sum, [, mentions], position) => sum + mentions.length - mentionedShares[position]!, 0);
  if (mentionedCut > 0) omitted.mentionedParagraphs = mentionedCut;
  const mentionedIn: Backlink[] = mentionedSources.map(
    ([slug, mentions], position) => ({
      source: sourceRef(context, slug),
      paragraphs: mentions.slice(0, mentionedShares[position]).map((mention) => {
        const citation = citationFor(index, mention.articleSlug, mention.paragraphId, mention);
        const sentence = index.sentences.get(mention.sentenceId);
        const paragraph = index.paragraphs.get(paragraphKey(mention.articleSlug, mention.paragraphId))?.text;
        if (!sentence || paragraph === undefined) return { id: mention.paragraphId, path: citation.path, text: citation.passage };
        const text = excerpt(paragraph.slice(sentence.start, sentence.end).trim(), { start: mention.start - sentence.start, end: mention.end - sentence.start });
        const offset = text.indexOf(paragraph.slice(mention.start, mention.end));
        return {
          id: mention.paragraphId,
          path: citation.path,
          text,
          ...(offset >= 0 && { mark: { start: offset, end: offset + (mention.end - mention.start) } }),
        };
      }),
    }),
  );

  // Events: every other claim with its support, the best supported first.
  const supported: SupportedStatement[] =
    entity.kind === 'event' ? cut('supported', remaining, PAGE_LIMITS.supported, strongest).map((item) => claimView(item, 'sp')) : [];

  // What each source says, less what the page already showed: when cut, the sources with the most statements.
  const unshown = entity.kind === 'event' ? [] : statements.filter((statement) => !lineOf.has(statement.id));
  const shownAbove = entity.kind === 'event' ? 0 : statements.length - unshown.length;
  const statementsBySource = groupByEach(unshown, (statement) => [statement.articleSlug]);
  const columnSources = cut('bySource', [...statementsBySource], PAGE_LIMITS.sources, ([slugA, a], [slugB, b]) => b.length - a.length || newestFirst(slugA, slugB));
  const columnShares = shareOut(columnSources.map(([, own]) => own.length), PAGE_LIMITS.sourceStatements);
  const columnCut = columnSources.reduce((sum, [, own], position) => sum + own.length - columnShares[position]!, 0);
  if (columnCut > 0) omitted.bySourceStatements = columnCut;
  const bySource: SourceColumn[] = columnSources
    .map(([slug, own], position) => ({
      source: sourceRef(context, slug),
      statements: own.slice(0, columnShares[position]).map((statement) => {
        const view = viewStatement(index, statement, 'st');
        lineOf.set(statement.id, view.id);
        return view;
      }),
    }))
    .sort((a, b) => compareIso(a.source.published?.start, b.source.published?.start) || a.source.title.localeCompare(b.source.title));

  // Connected entities, each once, with the first sentence that connects them;
  // a sentence the page already shows (or that connects an entity listed
  // before) is linked to, not repeated.
  const listed = new Set<string>();
  const connected: Connection[] = (context.relationsByEntity.get(entity.id) ?? [])
    .flatMap((relation) => {
      const other = index.entities.get(relation.source === entity.id ? relation.target : relation.source);
      return other ? [{ relation, other }] : [];
    })
    // Each entity once, at its first relation (a set: a state can have thousands of relations).
    .filter(({ other }) => {
      if (listed.has(other.id)) return false;
      listed.add(other.id);
      return true;
    })
    .slice(0, 24)
    .map(({ relation, other }) => {
      const statements = relation.sentenceIds.map((id) => index.statements.get(id)).filter((statement): statement is Statement => statement !== undefined);
      const fresh = statements.find((statement) => !lineOf.has(statement.id));
      if (fresh) {
        const view = viewStatement(index, fresh, `cx-${other.id}`);
        lineOf.set(fresh.id, view.id);
        return { ref: refOf(other), weight: relation.weight, statement: view };
      }
      const shownAt = statements.length > 0 ? lineOf.get(statements[0]!.id) : undefined;
      return { ref: refOf(other), weight: relation.weight, ...(shownAt && { shownAt }) };
    });

  const groups = context.groupsBySubject.get(entity.id) ?? [];
  const conflicts = cut('conflicts', conflictViews(context, groups), PAGE_LIMITS.conflicts, () => 0);

  const position = context.events.indexOf(entity);
  const neighbour = (offset: number) => {
    const event = position === -1 ? undefined : context.events[position + offset];
    return event ? { ...refOf(event), ...(event.date && { date: event.date }) } : undefined;
  };
  const before = entity.kind === 'event' ? neighbour(-1) : undefined;
  const after = entity.kind === 'event' ? neighbour(1) : undefined;

  const eventsHere =
    entity.kind === 'base' || entity.kind === 'place'
      ? context.events.filter((event) => event.place === entity.id || event.participants.includes(entity.id)).map(refOf)
      : [];
  const basesHere = entity.kind === 'place' ? (context.basesByPlace.get(entity.id) ?? []).map(refOf) : [];

  const members = (context.membersByEntity.get(entity.id) ?? []).map(refOf);
  // The latest date any statement gives (the same ordering the timeline uses).
  const latest = statements
    .map((statement) => (statement.dates.length > 0 ? statementDate(statement) : undefined))
    .reduce<DateValue | undefined>((best, date) => (date && (!best || compareIso(best.start, date.start) <= 0) ? date : best), undefined);

  return {
    kind: entity.kind,
    path: entityPath(entity.kind, entity.id),
    entity,
    affiliation: refsOf(context, entity.affiliation),
    members,
    ...(entity.operator && { operator: refsOf(context, [entity.operator])[0] }),
    ...(entity.place && { place: placeRef(context, entity.place) }),
    participants: refsOf(context, entity.participants),
    stats: {
      ...entityCounts(context.references, entity, context.model.sharedPassages),
      ...(latest && { latest }),
    },
    descriptors: descriptors.sort((a, b) => a.source.outlet.localeCompare(b.source.outlet)),
    quotesBy,
    quotesAbout,
    keyFacts,
    timeline,
    connected,
    mentionedIn,
    bySource,
    supported,
    shownAbove,
    conflicts,
    ...(before && { before }),
    ...(after && { after }),
    eventsHere,
    basesHere,
    omitted,
    ...((entity.kind === 'actor' || entity.kind === 'base') && timelineChartOf(context, entity, statements)),
    ...((entity.kind === 'base' || entity.kind === 'place') && context.map && onMap(context.map, entity.id) && { map: { chart: context.map, highlight: entity.id } }),
    ...(entity.discovery && { discovery: discoveryView(context, entity) }),
    ...(entity.kind === 'base' && statusOf(context, statements)),
  };
}
