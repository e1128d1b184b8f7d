/**
 * Claim groups: event reports, quotes said twice, and date facts, each with
 * the number of independent sources behind it and any conflicts.
 *
 * Group ids are `g-` + a hash of what the group is ABOUT (kind + subject, plus
 * the date for date facts and the wording for quote groups), never of its
 * members, so adding an unrelated article never renames a group.
 */
import type { Entity, Quote, SegmentedArticle, SharedPassage, Statement } from '../model.ts';
import { shortHash } from '../shared/hash.ts';
import { dateFacts } from './date-groups.ts';
import { eventDateConflicts, eventStatements, indexStatements } from './event-groups.ts';
import { countIndependentSupport } from './independence.ts';
import { analyseSpeakers, clusterQuotes } from './quote-groups.ts';
import type { ClaimGroupDetail, SupportItem } from './types.ts';

export interface GroupClaimsInput {
  entities: Entity[];
  statements: Statement[];
  quotes: Quote[];
  /** Tells embedded posts (tweet paragraphs) from article text in speaker conflicts. */
  articles: SegmentedArticle[];
  shared: SharedPassage[];
  /** Event id → statements found to report it (relate/detected-events.ts), besides the registry rules. */
  eventMembers?: ReadonlyMap<string, readonly string[]>;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function groupId(parts: readonly string[]): string {
  return `g-${shortHash(parts.join('\u0000'), 8)}`;
}

function distinctSorted(values: Iterable<string>): string[] {
  return [...new Set(values)].sort(cmp);
}

export function groupClaims(input: GroupClaimsInput): ClaimGroupDetail[] {
  const entities = [...(input.entities ?? [])].sort((a, b) => cmp(a.id, b.id));
  const statements = input.statements ?? [];
  const shared = input.shared ?? [];
  const entityById = new Map(entities.map((e) => [e.id, e]));
  const index = indexStatements(statements);
  const statementById = new Map(statements.map((statement) => [statement.id, statement]));
  const groups: ClaimGroupDetail[] = [];

  const support = (items: readonly SupportItem[]): number => countIndependentSupport(items, shared).independent;

  for (const event of entities) {
    if (event.kind !== 'event') continue;
    const found = eventStatements(event, index);
    const known = new Set(found.map((statement) => statement.id));
    const detected = (input.eventMembers?.get(event.id) ?? []).flatMap((id) => (known.has(id) ? [] : (statementById.get(id) ?? [])));
    const members = [...found, ...detected];
    if (members.length === 0) continue;
    groups.push({
      id: groupId(['event', event.id]),
      subjectId: event.id,
      kind: 'event',
      statementIds: distinctSorted(members.map((s) => s.id)),
      articleSlugs: distinctSorted(members.map((s) => s.articleSlug)),
      independentSources: support(members),
      conflicts: eventDateConflicts(event, members),
    });
  }

  const statementBySentence = new Map(statements.map((s) => [s.sentenceId, s]));
  const embeddedParagraphs = new Set(
    (input.articles ?? []).flatMap((article) => article.paragraphs.filter((paragraph) => paragraph.kind === 'tweet').map((paragraph) => `${article.slug}\u0000${paragraph.id}`)),
  );
  for (const cluster of clusterQuotes(input.quotes ?? [])) {
    const { conflict, mainSpeakerId } = analyseSpeakers(cluster.quotes, entityById, embeddedParagraphs);
    const articleSlugs = distinctSorted(cluster.quotes.map((q) => q.articleSlug));
    if (!conflict && articleSlugs.length < 2) continue;
    // Quote sentences may not be statements; the quote then supports itself with
    // no text, so only shared passages (not wording) can make two of them copies.
    const items: SupportItem[] = cluster.quotes.map((q) => ({
      id: q.sentenceId,
      articleSlug: q.articleSlug,
      paragraphId: q.paragraphId,
      sentenceId: q.sentenceId,
      text: statementBySentence.get(q.sentenceId)?.text ?? '',
    }));
    const id = groupId(['quote', cluster.text]);
    groups.push({
      id,
      subjectId: mainSpeakerId ?? `quote-${id.slice(2)}`,
      kind: 'quote',
      statementIds: distinctSorted(cluster.quotes.map((q) => q.sentenceId)),
      articleSlugs,
      independentSources: support(dedupeById(items)),
      conflicts: conflict ? [conflict] : [],
      quoteIds: distinctSorted(cluster.quotes.map((q) => q.id)),
      quoteText: cluster.text,
    });
  }

  for (const fact of dateFacts(statements, entityById)) {
    groups.push({
      id: groupId(['date', fact.entityId, fact.date.precision, fact.date.start, fact.date.end]),
      subjectId: fact.entityId,
      kind: 'date',
      statementIds: distinctSorted(fact.statements.map((s) => s.id)),
      articleSlugs: distinctSorted(fact.statements.map((s) => s.articleSlug)),
      independentSources: support(fact.statements),
      conflicts: [],
      date: fact.date,
    });
  }

  const kindOrder = { event: 0, quote: 1, date: 2 } as const;
  return groups.sort((a, b) => kindOrder[a.kind] - kindOrder[b.kind] || cmp(a.subjectId, b.subjectId) || cmp(a.id, b.id));
}

function dedupeById(items: readonly SupportItem[]): SupportItem[] {
  return [...new Map(items.map((item) => [item.id, item])).values()];
}

