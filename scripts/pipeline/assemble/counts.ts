/**
 * The one definition of an entity's counts, read by its page's infobox, the
 * index tables, link previews, the home page and the map's marker sizes
 * (issue 16: "1 mentions in 4 sources" came from counting names for one
 * number and reports for the other).
 *
 * - **mentions**: the sentences that refer to the entity — name it, report it
 *   (an event's grouped statements) or quote it (its own words, a post by it);
 * - **sources**: the articles those sentences are in;
 * - **independent**: those sources with copies of one text counted once.
 */
import type { Entity, Quote, SharedPassage, Statement } from '../model.ts';
import { countIndependentSupport } from '../relate/independence.ts';
import type { SupportItem } from '../relate/types.ts';
import { itemKeys } from '../relate/item-keys.ts';

export interface EntityCounts {
  mentions: number;
  sources: number;
  independent: number;
}

export interface ReferenceIndex {
  statementsByEntity: ReadonlyMap<string, readonly Statement[]>;
  /** Event claim groups' members, by event id. */
  reportsByEvent: ReadonlyMap<string, readonly Statement[]>;
  quotesBySpeaker: ReadonlyMap<string, readonly Quote[]>;
}

/** Every sentence referring to the entity, once each, in the order found. */
export function referencesOf(index: ReferenceIndex, entity: Pick<Entity, 'id'>): SupportItem[] {
  const bySentence = new Map<number, SupportItem>();
  const add = (item: SupportItem) => {
    const key = itemKeys(item).sentence;
    if (!bySentence.has(key)) bySentence.set(key, item);
  };
  for (const statement of index.statementsByEntity.get(entity.id) ?? []) add(statement);
  for (const statement of index.reportsByEvent.get(entity.id) ?? []) add(statement);
  for (const quote of index.quotesBySpeaker.get(entity.id) ?? []) add({ id: quote.sentenceId, articleSlug: quote.articleSlug, paragraphId: quote.paragraphId, sentenceId: quote.sentenceId, text: quote.text });
  return [...bySentence.values()];
}

export function entityCounts(index: ReferenceIndex, entity: Pick<Entity, 'id'>, shared: readonly SharedPassage[]): EntityCounts {
  const references = referencesOf(index, entity);
  const support = countIndependentSupport(references, shared);
  return { mentions: references.length, sources: support.sources, independent: support.independent };
}
