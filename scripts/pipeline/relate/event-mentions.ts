/**
 * Event mentions: sentences that report a happening, read from the text.
 *
 * A statement is an event mention when it names at least one actor (curated
 * or discovered: any `actor` entity), carries a date, and a trigger word of
 * an event type stands near that date ("hosted … on Friday", "the 2020 war",
 * "froze its participation in 2024"). Participants are the actors the
 * sentence names, the place the first place (or base) it names. Quoted
 * sentences are left out: a quote reports what someone said, not what
 * happened.
 *
 * The trigger table is declarative: one line per type, with the verb used in
 * generated names.
 */
import { escapeRegExp } from '../shared/regexp.ts';
import type { DateMention, Entity, EventMention, Statement } from '../model.ts';
import { shortHash } from '../shared/hash.ts';
import { EVENT_TYPES, type EventType } from '../shared/event-types.ts';

/** A trigger further than this (characters) from a date is about something else. */
export const TRIGGER_DISTANCE = 120;
/**
 * A verb usually comes before its date ("hosted … on Friday, where … signed"):
 * a trigger after the date counts as this much further away.
 */
const AFTER_DATE_PENALTY = 30;

interface Trigger {
  type: EventType;
  start: number;
  end: number;
}

function triggersIn(text: string): Trigger[] {
  const found: Trigger[] = [];
  for (const type of EVENT_TYPES) {
    for (const match of text.matchAll(type.pattern)) found.push({ type, start: match.index, end: match.index + match[0].length });
  }
  return found.sort((a, b) => a.start - b.start);
}

function distance(a: { start: number; end: number }, b: { start: number; end: number }): number {
  return a.end <= b.start ? b.start - a.end : b.end <= a.start ? a.start - b.end : 0;
}

/**
 * For each date, the trigger nearest it (if close enough): "a six-week war in
 * 2020 and … a one-day offensive in September 2023" reports two happenings.
 * A trigger serves one date only, the nearest.
 */
function datedTriggers(dates: readonly DateMention[], triggers: readonly Trigger[]): { date: DateMention; trigger: Trigger }[] {
  const best = new Map<Trigger, { date: DateMention; gap: number }>();
  for (const date of dates) {
    // "Since 2015" is a continuing state, not the date of a happening.
    if (/^since\b/i.test(date.text)) continue;
    let nearest: { trigger: Trigger; gap: number } | undefined;
    for (const trigger of triggers) {
      const gap = distance(date, trigger) + (trigger.start >= date.end ? AFTER_DATE_PENALTY : 0);
      if (gap <= TRIGGER_DISTANCE && (!nearest || gap < nearest.gap)) nearest = { trigger, gap };
    }
    if (!nearest) continue;
    const taken = best.get(nearest.trigger);
    if (!taken || nearest.gap < taken.gap) best.set(nearest.trigger, { date, gap: nearest.gap });
  }
  return [...best.entries()].map(([trigger, { date }]) => ({ date, trigger })).sort((a, b) => a.trigger.start - b.trigger.start);
}

/**
 * Higher is more specific: a base or a town before a province, a province before a
 * region or a country. A route or corridor runs through places; nothing happens "in" it.
 */
export function placeSpecificity(entity: Pick<Entity, 'kind' | 'subtype'> | undefined): number {
  if (!entity) return 0;
  if (entity.kind === 'base') return /route|corridor|road|railway|pipeline/.test(entity.subtype) ? 1 : 4;
  if (/^(?:city|town|village|capital|district|port|airport)$/.test(entity.subtype)) return 3;
  if (/^(?:province|governorate|state|county|exclave|island)$/.test(entity.subtype)) return 2;
  return 1;
}

/** "in X", "at X", "in the X" for the entity's name or an alias; undefined when it has no usable name. */
export function locativePattern(entity: Pick<Entity, 'name' | 'aliases'>): RegExp | undefined {
  const names = [entity.name, ...entity.aliases].filter((name) => name.length > 1).map(escapeRegExp);
  return names.length > 0 ? new RegExp(`\\b(?:in|at)\\s+(?:the\\s+)?(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'u') : undefined;
}

/**
 * Event mentions in `statements`. `entities` gives each id's kind; ids the
 * map lacks are ignored. Pure; the output is in statement order.
 */
export function detectEventMentions(statements: readonly Statement[], entities: ReadonlyMap<string, Entity>): EventMention[] {
  const mentions: EventMention[] = [];
  // One pattern per place, compiled the first time a sentence with a happening names it.
  const locatives = new Map<string, RegExp | undefined>();
  const locatedAt = (text: string, entity: Entity) => {
    if (!locatives.has(entity.id)) locatives.set(entity.id, locativePattern(entity));
    return locatives.get(entity.id)?.test(text) ?? false;
  };
  for (const statement of statements) {
    if (statement.basis === 'quote' || statement.dates.length === 0) continue;
    const named = [...new Set(statement.entityIds)].map((id) => entities.get(id)).filter((entity): entity is Entity => entity !== undefined);
    const participants = named.filter((entity) => entity.kind === 'actor').map((entity) => entity.id);
    if (participants.length === 0) continue;
    const pairs = datedTriggers(statement.dates, triggersIn(statement.text));
    if (pairs.length === 0) continue;
    // Where it happened: a place the sentence puts it in or at ("in Washington"), the most
    // specific of those, the first of equals. A place merely named ("a route to Nakhchivan",
    // "the future of the region") is what the event is about, not where it was.
    const place = named
      .filter((entity) => (entity.kind === 'place' || entity.kind === 'base') && locatedAt(statement.text, entity))
      .reduce<Entity | undefined>((best, entity) => (best && placeSpecificity(best) >= placeSpecificity(entity) ? best : entity), undefined);
    for (const pair of pairs) mentions.push({
      id: `em-${shortHash(`${statement.id}|${pair.trigger.type.type}|${pair.trigger.start}`, 8)}`,
      type: pair.trigger.type.type,
      verb: pair.trigger.type.verb,
      trigger: statement.text.slice(pair.trigger.start, pair.trigger.end),
      statementId: statement.id,
      articleSlug: statement.articleSlug,
      paragraphId: statement.paragraphId,
      sentenceId: statement.sentenceId,
      participants,
      ...(place ? { place: place.id } : {}),
      date: pair.date.value,
      dateText: pair.date.text,
    });
  }
  return mentions;
}
