import type { Entity, Mention } from '../../model.ts';

/**
 * Registry lookups for speakers: which entity a speaker phrase names, and whom a
 * pronoun ("he said") stands for.
 */

export function isPerson(entity: Entity | undefined): boolean {
  return entity !== undefined && entity.kind === 'actor' && entity.subtype === 'person';
}

/** The registry entity named inside `[start, end)`, preferring people over states or groups. */
export function entityInSpan(
  mentions: readonly Mention[],
  start: number,
  end: number,
  entityById: ReadonlyMap<string, Entity>,
): Mention | undefined {
  let best: Mention | undefined;
  for (const mention of mentions) {
    if (mention.end <= start || mention.start >= end) continue;
    if (!best) best = mention;
    else if (isPerson(entityById.get(mention.entityId)) && !isPerson(entityById.get(best.entityId))) best = mention;
  }
  return best;
}

export interface OffsetRange {
  start: number;
  end: number;
}

function inside(mention: Mention, ranges: readonly OffsetRange[]): boolean {
  return ranges.some((range) => mention.start >= range.start && mention.end <= range.end);
}

/**
 * The most recent person mentioned before `before` in the same sentence, ignoring
 * names inside quotations (“they feared he [al-Sharaa]…” is not the speaker).
 */
export function lastPersonBefore(
  mentions: readonly Mention[],
  sentenceId: string,
  before: number,
  quoted: readonly OffsetRange[],
  entityById: ReadonlyMap<string, Entity>,
): Mention | undefined {
  let last: Mention | undefined;
  for (const mention of mentions) {
    if (mention.sentenceId !== sentenceId || mention.start >= before) continue;
    if (!isPerson(entityById.get(mention.entityId)) || inside(mention, quoted)) continue;
    if (!last || mention.start > last.start) last = mention;
  }
  return last;
}

/** The first person named in a sentence before `before`: the subject of "X said …, adding, “…”". */
export function firstPersonBefore(
  mentions: readonly Mention[],
  sentenceId: string,
  before: number,
  quoted: readonly OffsetRange[],
  entityById: ReadonlyMap<string, Entity>,
): Mention | undefined {
  let first: Mention | undefined;
  for (const mention of mentions) {
    if (mention.sentenceId !== sentenceId || mention.start >= before) continue;
    if (!isPerson(entityById.get(mention.entityId)) || inside(mention, quoted)) continue;
    if (!first || mention.start < first.start) first = mention;
  }
  return first;
}

/** A tweet author in the registry: an alias equal to the handle (with or without @) or the display name. */
export function entityForTweetAuthor(author: string, handle: string, entities: readonly Entity[]): Entity | undefined {
  const wanted = new Set([handle.toLowerCase(), `@${handle.toLowerCase()}`, author.trim().toLowerCase()].filter(Boolean));
  let found: Entity | undefined;
  for (const entity of entities) {
    const names = [entity.name, ...entity.aliases].map((name) => name.toLowerCase());
    if (!names.some((name) => wanted.has(name))) continue;
    if (!found || (isPerson(entity) && !isPerson(found))) found = entity;
  }
  return found;
}
