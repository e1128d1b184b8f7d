import type { Entity, Mention } from '../../model.ts';

/**
 * Registry lookups for speakers: which entity a speaker phrase names, and whom a
 * pronoun ("he said") stands for. Mention lists passed in must be sorted by
 * `start`; lookups use binary search so a paragraph with thousands of quotes and
 * mentions stays near-linear.
 */

/** How many mentions a pronoun look-back inspects at most (bounds pathological input). */
const MAX_SCAN = 200;
/** Longest mention we expect; used to bound the backwards scan in `entityInSpan`. */
const MAX_MENTION_LENGTH = 200;

export interface OffsetRange {
  start: number;
  end: number;
}

export function isPerson(entity: Entity | undefined): boolean {
  return entity !== undefined && entity.kind === 'actor' && entity.subtype === 'person';
}

/** Index of the first item whose `start` is >= `offset`. */
function lowerBound(items: readonly OffsetRange[], offset: number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether `item` lies inside one of the sorted, non-overlapping `ranges`. */
export function insideAny(item: OffsetRange, ranges: readonly OffsetRange[]): boolean {
  const index = lowerBound(ranges, item.start + 1) - 1;
  const range = ranges[index];
  return range !== undefined && item.start >= range.start && item.end <= range.end;
}

/** The registry entity named inside `[start, end)`, preferring people over states or groups. */
export function entityInSpan(
  sortedMentions: readonly Mention[],
  start: number,
  end: number,
  entityById: ReadonlyMap<string, Entity>,
): Mention | undefined {
  let best: Mention | undefined;
  for (let i = lowerBound(sortedMentions, end) - 1; i >= 0; i--) {
    const mention = sortedMentions[i]!;
    if (mention.start < start - MAX_MENTION_LENGTH) break;
    if (mention.end <= start || mention.start >= end) continue;
    // "Russian media" is not Russia: a demonym qualifies the speaker, it does not name it.
    if (mention.via === 'demonym') continue;
    // Walking backwards: a person beats a non-person; among equals the earlier mention wins.
    const person = isPerson(entityById.get(mention.entityId));
    const bestIsPerson = best !== undefined && isPerson(entityById.get(best.entityId));
    if (!best || person || !bestIsPerson) best = mention;
  }
  return best;
}

/**
 * The most recent person mentioned before `before` in a sentence (its sorted
 * mentions), ignoring names inside quotations (“they feared he [al-Sharaa]…”).
 */
export function lastPersonBefore(
  sentenceMentions: readonly Mention[],
  before: number,
  quoted: readonly OffsetRange[],
  entityById: ReadonlyMap<string, Entity>,
): Mention | undefined {
  const last = lowerBound(sentenceMentions, before) - 1;
  for (let i = last; i >= 0 && last - i < MAX_SCAN; i--) {
    const mention = sentenceMentions[i]!;
    if (isPerson(entityById.get(mention.entityId)) && !insideAny(mention, quoted)) return mention;
  }
  return undefined;
}

/** The first person named in a sentence before `before`: the subject of "X said …, adding, “…”". */
export function firstPersonBefore(
  sentenceMentions: readonly Mention[],
  before: number,
  quoted: readonly OffsetRange[],
  entityById: ReadonlyMap<string, Entity>,
): Mention | undefined {
  for (let i = 0; i < sentenceMentions.length && i < MAX_SCAN; i++) {
    const mention = sentenceMentions[i]!;
    if (mention.start >= before) break;
    if (isPerson(entityById.get(mention.entityId)) && !insideAny(mention, quoted)) return mention;
  }
  return undefined;
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
