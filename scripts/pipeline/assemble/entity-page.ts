/**
 * Page models for actors, bases, events and places: everything a briefing
 * page shows, each statement with its citation. Pure; emit turns these into MDX.
 */
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
import { citationFor, indexModel, sentenceFocus, statementDate, viewStatement, type Citation, type ModelIndex, type StatementView } from './citations.ts';
import { entityPath, sourcePath } from './paths.ts';
import { outletLabel } from './source-page.ts';

export interface PageRef {
  path: string;
  name: string;
  kind: EntityKind;
  subtype: string;
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
}

export interface Backlink {
  source: SourceRef;
  paragraphs: { id: string; path: string; text: string }[];
}

export interface SourceColumn {
  source: SourceRef;
  statements: StatementView[];
}

export interface Support {
  sources: number;
  independent: number;
  /** "copy is a copy of of", as outlet names. */
  copies: { copy: string; of: string }[];
}

export interface SupportedStatement extends StatementView {
  support: Support;
}

export interface ConflictView {
  summary: string;
  variants: { value: string; wording: { outlet: string; text: string; path: string }[] }[];
}

export interface EntityPage {
  kind: EntityKind;
  path: string;
  entity: Entity;
  affiliation: PageRef[];
  members: PageRef[];
  operator?: PageRef;
  place?: PageRef;
  participants: PageRef[];
  stats: { mentions: number; sources: number; independent: number; latest?: DateValue };
  descriptors: DescriptorRow[];
  quotesBy: QuoteView[];
  quotesAbout: QuoteView[];
  timeline: StatementView[];
  connected: Connection[];
  mentionedIn: Backlink[];
  /** Events and bases: what each source says, side by side. */
  bySource: SourceColumn[];
  /** Events: statements with the number of sources supporting each. */
  supported: SupportedStatement[];
  conflicts: ConflictView[];
  before?: PageRef & { date?: DateValue };
  after?: PageRef & { date?: DateValue };
  /** Bases: events that happened there. */
  eventsHere: PageRef[];
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
  /** Events in date order, for "before" and "after". */
  events: Entity[];
}

/** Group `items` by one or more keys each, keeping input order within a group. */
export function groupBy<T>(items: readonly T[], keys: (item: T) => readonly (string | undefined)[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keys(item)) {
      if (key === undefined) continue;
      const list = groups.get(key);
      if (list) list.push(item);
      else groups.set(key, [item]);
    }
  }
  return groups;
}

/** Index the model once so that each page is assembled in time proportional to its own content. */
export function createContext(model: KnowledgeModel): AssemblyContext {
  const events = model.entities
    .filter((entity) => entity.kind === 'event')
    .sort((a, b) => compareIso(a.date?.start, b.date?.start) || a.name.localeCompare(b.name));
  return {
    model,
    index: indexModel(model),
    statementsByEntity: groupBy(model.statements, (statement) => statement.entityIds),
    mentionsByEntity: groupBy(model.mentions, (mention) => [mention.entityId]),
    mentionsByArticle: groupBy(model.mentions, (mention) => [mention.articleSlug]),
    descriptorsByEntity: groupBy(model.descriptors, (descriptor) => [descriptor.entityId]),
    quotesBySpeaker: groupBy(model.quotes, (quote) => [quote.speakerId]),
    quotesBySentence: groupBy(model.quotes, (quote) => [quote.sentenceId]),
    relationsByEntity: groupBy(model.relations, (relation) => [relation.source, relation.target]),
    groupsBySubject: groupBy(model.claimGroups, (group) => [group.subjectId]),
    quotesById: new Map(model.quotes.map((quote) => [quote.id, quote])),
    membersByEntity: groupBy(model.entities, (entity) => entity.affiliation),
    events,
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
  for (const group of context.groupsBySubject.get(entity.id) ?? []) {
    if (group.kind !== 'event') continue;
    for (const id of group.statementIds) add(context.index.statements.get(id));
  }
  return result;
}

function supportOf(context: AssemblyContext, statements: Statement[]): Support {
  const support = countIndependentSupport(statements, context.model.sharedPassages as SharedPassage[]);
  const outlet = (slug: string) => sourceRef(context, slug).outlet;
  return {
    sources: support.sources,
    independent: support.independent,
    copies: support.copies.map((copy) => ({ copy: outlet(copy.copy), of: outlet(copy.of) })),
  };
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

function byDateThenSource(a: StatementView, b: StatementView): number {
  return compareIso(a.date?.start, b.date?.start) || a.citation.outlet.localeCompare(b.citation.outlet) || a.id.localeCompare(b.id);
}

/** Same date value, or near-identical wording: two statements report the same thing. */
function sameClaim(a: Statement, b: Statement): boolean {
  const dateA = statementDate(a);
  const dateB = statementDate(b);
  if (dateA && dateB && dateA.start === dateB.start && dateA.end === dateB.end) return true;
  return wordOverlap(a.text, b.text) >= 0.6;
}

function words(text: string): Set<string> {
  return new Set(text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []);
}

function wordOverlap(a: string, b: string): number {
  const left = words(a);
  const right = words(b);
  let shared = 0;
  for (const word of left) if (right.has(word)) shared++;
  return shared / Math.max(1, Math.min(left.size, right.size));
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

export function assembleEntityPage(context: AssemblyContext, entity: Entity): EntityPage {
  const { index, model } = context;
  const statements = statementsFor(context, entity);
  const views = statements.map((statement) => viewStatement(index, statement, 'st'));
  const articleSlugs = [...new Set(statements.map((statement) => statement.articleSlug))];
  const support = supportOf(context, statements);
  const timeline = statements
    .filter((statement) => statement.dates.length > 0)
    .map((statement) => viewStatement(index, statement, 'tl'))
    .sort(byDateThenSource);

  // How each source describes the entity (people above all).
  const descriptorRows = new Map<string, DescriptorRow>();
  for (const descriptor of context.descriptorsByEntity.get(entity.id) ?? []) {
    const row = descriptorRows.get(descriptor.articleSlug) ?? { source: sourceRef(context, descriptor.articleSlug), phrases: [] };
    if (!row.phrases.some((item) => item.phrase === descriptor.phrase)) {
      row.phrases.push({ phrase: descriptor.phrase, path: `${sourcePath(descriptor.articleSlug)}#${descriptor.sentenceId}` });
    }
    descriptorRows.set(descriptor.articleSlug, row);
  }

  const quotesBy = (context.quotesBySpeaker.get(entity.id) ?? []).map((quote) => quoteView(context, quote));
  const quotesAbout = statements
    .flatMap((statement) => context.quotesBySentence.get(statement.sentenceId) ?? [])
    .filter((quote) => quote.speakerId !== entity.id)
    .map((quote) => quoteView(context, quote));

  // Connected entities, each with the first sentence that connects them.
  const connected: Connection[] = (context.relationsByEntity.get(entity.id) ?? [])
    .flatMap((relation) => {
      const other = index.entities.get(relation.source === entity.id ? relation.target : relation.source);
      if (!other) return [];
      const statement = relation.sentenceIds.map((id) => index.statements.get(id)).find(Boolean);
      return [{ ref: refOf(other), weight: relation.weight, ...(statement && { statement: viewStatement(index, statement, `cx-${other.id}`) }) }];
    })
    .slice(0, 24);

  // "Mentioned in": paragraphs that mention the entity, grouped by source.
  const backlinks = new Map<string, Backlink>();
  for (const mention of context.mentionsByEntity.get(entity.id) ?? []) {
    const backlink = backlinks.get(mention.articleSlug) ?? { source: sourceRef(context, mention.articleSlug), paragraphs: [] };
    if (!backlink.paragraphs.some((paragraph) => paragraph.id === mention.paragraphId)) {
      const citation = citationFor(index, mention.articleSlug, mention.paragraphId, mention);
      backlink.paragraphs.push({ id: mention.paragraphId, path: citation.path, text: citation.passage });
    }
    backlinks.set(mention.articleSlug, backlink);
  }

  const bySource: SourceColumn[] = articleSlugs
    .map((slug) => ({
      source: sourceRef(context, slug),
      statements: views.filter((view) => view.citation.articleSlug === slug),
    }))
    .sort((a, b) => compareIso(a.source.published?.start, b.source.published?.start) || a.source.title.localeCompare(b.source.title));

  const groups = context.groupsBySubject.get(entity.id) ?? [];
  const supported: SupportedStatement[] =
    entity.kind === 'event'
      ? statements.map((statement) => {
          const agreeing = statements.filter((other) => other === statement || sameClaim(statement, other));
          return { ...viewStatement(index, statement, 'sp'), support: supportOf(context, agreeing) };
        })
      : [];

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

  const members = (context.membersByEntity.get(entity.id) ?? []).map(refOf);
  const latest = timeline.map((view) => view.date).filter((date): date is DateValue => Boolean(date)).at(-1);

  return {
    kind: entity.kind,
    path: entityPath(entity.kind, entity.id),
    entity,
    affiliation: refsOf(context, entity.affiliation),
    members,
    ...(entity.operator && { operator: refsOf(context, [entity.operator])[0] }),
    ...(entity.place && { place: refsOf(context, [entity.place])[0] }),
    participants: refsOf(context, entity.participants),
    stats: {
      mentions: context.mentionsByEntity.get(entity.id)?.length ?? 0,
      sources: support.sources,
      independent: support.independent,
      ...(latest && { latest }),
    },
    descriptors: [...descriptorRows.values()].sort((a, b) => a.source.outlet.localeCompare(b.source.outlet)),
    quotesBy,
    quotesAbout,
    timeline,
    connected,
    mentionedIn: [...backlinks.values()],
    bySource,
    supported,
    conflicts: conflictViews(context, groups),
    ...(before && { before }),
    ...(after && { after }),
    eventsHere,
  };
}
