/**
 * Event mentions → events. Mentions of one type that share a participant and
 * have compatible dates (overlapping, or exact days at most a day apart: a
 * disagreement, kept visible as a date conflict) are one event. An event that
 * matches a registry event (compatible type, a shared actor, fitting date)
 * merges into it; the others become event entities with a generated name, so
 * they get pages, claim groups, timeline marks and network edges like
 * curated events.
 */
import type { DateValue, Entity, EventMention } from '../model.ts';
import { slugify } from '../shared/slug.ts';
import { groupBy } from '../shared/group-by.ts';
import { overlaps, shiftDays } from './dates.ts';
import { dateFitsEvent } from './event-groups.ts';
import { UnionFind } from './union-find.ts';
import { placeSpecificity } from './event-mentions.ts';

/** Registry subtypes each detected type may merge into. */
const COMPATIBLE_SUBTYPES: Readonly<Record<string, readonly string[]>> = {
  meeting: ['meeting', 'visit', 'summit'],
  visit: ['visit', 'meeting'],
  call: ['call'],
  withdrawal: ['withdrawal'],
  announcement: ['announcement'],
  decision: ['decision', 'announcement'],
  attack: ['attack', 'offensive', 'intervention'],
  war: ['war', 'intervention'],
  threat: ['threat', 'announcement'],
  sign: ['sign', 'agreement', 'meeting'],
  election: ['election'],
};

export interface DetectedEvents {
  /** New event entities (registry events are not repeated). */
  events: Entity[];
  /** Event id (registry or new) → the statement ids that report it. */
  members: Map<string, string[]>;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Dates of one happening: overlapping, or two exact days at most a day apart (sources that disagree). */
function compatibleDates(a: DateValue, b: DateValue): boolean {
  if (overlaps(a, b)) return a.precision === b.precision || a.precision !== 'day' || b.precision !== 'day';
  if (a.precision !== 'day' || b.precision !== 'day') return false;
  return shiftDays(a.start, 1) === b.start || shiftDays(b.start, 1) === a.start;
}

function shareParticipant(a: EventMention, b: EventMention): boolean {
  return a.participants.some((id) => b.participants.includes(id));
}

/** The date most sources give, at the finest precision any gives: exact days first, then the narrowest span. */
function eventDate(members: readonly EventMention[]): DateValue {
  const byValue = new Map<string, { value: DateValue; articles: Set<string> }>();
  for (const mention of members) {
    const key = `${mention.date.start}|${mention.date.end}`;
    const entry = byValue.get(key) ?? { value: mention.date, articles: new Set<string>() };
    entry.articles.add(mention.articleSlug);
    byValue.set(key, entry);
  }
  const rank = (value: DateValue) => (value.precision === 'day' && !value.approximate ? 0 : 1);
  const span = (value: DateValue) => Date.parse(value.end) - Date.parse(value.start);
  return [...byValue.values()].sort(
    (a, b) => rank(a.value) - rank(b.value) || b.articles.size - a.articles.size || span(a.value) - span(b.value) || cmp(a.value.start, b.value.start),
  )[0]!.value;
}

function shortName(entity: Entity | undefined, id: string): string {
  if (!entity) return id;
  if (entity.kind === 'actor' && entity.subtype === 'person') return entity.name.split(/\s+/).pop() ?? entity.name;
  return entity.name;
}

function list(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const NOUN_TYPES: Readonly<Record<string, string>> = { war: 'War', attack: 'Attack', election: 'Election' };

/** "Trump hosts Aliyev and Pashinyan in Washington, 8 August 2025". */
export function eventName(type: string, verb: string, participants: readonly string[], place: string | undefined, date: DateValue, entities: ReadonlyMap<string, Entity>): string {
  const people = participants.filter((id) => entities.get(id)?.subtype === 'person');
  const chosen = (people.length > 0 ? people : participants).slice(0, 3);
  const names = chosen.map((id) => shortName(entities.get(id), id));
  const where = place ? ` in ${entities.get(place)?.name ?? place}` : '';
  const noun = NOUN_TYPES[type];
  if (noun) return `${noun} ${type === 'war' ? 'between' : 'involving'} ${list(names)}${where}, ${date.label}`;
  if (verb === 'hosts' && names.length >= 2) return `${names[0]} hosts ${list(names.slice(1))}${where}, ${date.label}`;
  const symmetric = ['meet', 'sign', 'attack'].includes(verb) || verb === 'speaks with';
  if (symmetric && names.length >= 2) {
    return verb === 'speaks with' ? `${names[0]} speaks with ${list(names.slice(1))}${where}, ${date.label}` : `${list(names)} ${verb}${where}, ${date.label}`;
  }
  // Verbs are stored in the third person singular ("threatens"), "meet"/"sign"/"attack" in the plural.
  const singular = verb === 'hosts' ? 'hosts talks' : ['meet', 'sign', 'attack'].includes(verb) ? `${verb}s` : verb;
  const plural = singular.replace(/^(\w+?)e?s\b/, (word, stem: string) => (word.endsWith('es') && !/(?:ss|sh|ch|x)es$/.test(word) ? `${stem}e` : stem));
  return `${list(names)} ${names.length > 1 ? plural : singular}${where}, ${date.label}`;
}

/** A registry event this cluster reports, if one fits: compatible type, a shared actor, a fitting date. */
function registryMatch(type: string, participants: ReadonlySet<string>, date: DateValue, registryEvents: readonly Entity[]): Entity | undefined {
  const subtypes = COMPATIBLE_SUBTYPES[type] ?? [type];
  return registryEvents.find(
    (event) =>
      subtypes.includes(event.subtype) &&
      event.date !== undefined &&
      (dateFitsEvent(date, event.date) || overlaps(date, event.date)) &&
      event.participants.some((id) => participants.has(id)),
  );
}

/**
 * Cluster `mentions` into events. A cluster becomes a new event when its
 * mentions name two or more actors between them or come from two or more
 * sentences: a single sentence naming one actor is too thin to be a page.
 */
export function clusterEventMentions(mentions: readonly EventMention[], entities: readonly Entity[]): DetectedEvents {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const registryEvents = entities.filter((entity) => entity.kind === 'event').sort((a, b) => cmp(a.id, b.id));
  const sorted = [...mentions].sort((a, b) => cmp(a.type, b.type) || cmp(a.date.start, b.date.start) || cmp(a.id, b.id));
  const sets = new UnionFind();
  for (let i = 0; i < sorted.length; i++) {
    const { date } = sorted[i]!;
    // Sorted by start date, so no later mention can be compatible once one starts after this
    // one ends and after the day after it (compatibleDates): comparing every pair of a type
    // was most of the pipeline's time at 5,000 articles.
    const nextDay = shiftDays(date.start, 1);
    const latestStart = date.end > nextDay ? date.end : nextDay;
    for (let j = i + 1; j < sorted.length && sorted[j]!.type === sorted[i]!.type && sorted[j]!.date.start <= latestStart; j++) {
      if (compatibleDates(date, sorted[j]!.date) && shareParticipant(sorted[i]!, sorted[j]!)) sets.union(String(i), String(j));
    }
  }
  const clusters = groupBy(sorted.keys(), (index) => sets.find(String(index)));

  const events: Entity[] = [];
  const members = new Map<string, string[]>();
  const taken = new Set(entities.map((entity) => entity.id));
  const add = (id: string, statementIds: readonly string[]) => members.set(id, [...new Set([...(members.get(id) ?? []), ...statementIds])].sort(cmp));
  const byFirstId = [...clusters.values()].map((positions) => positions.map((position) => sorted[position]!)).sort((a, b) => cmp(a[0]!.id, b[0]!.id));
  for (const cluster of byFirstId) {
    const date = eventDate(cluster);
    const participants = new Set(cluster.flatMap((mention) => mention.participants));
    const statementIds = cluster.map((mention) => mention.statementId);
    const known = registryMatch(cluster[0]!.type, participants, date, registryEvents);
    if (known) {
      add(known.id, statementIds);
      continue;
    }
    if (participants.size < 2 && new Set(statementIds).size < 2) continue;
    // Participants by how many sentences name them, then first appearance: the host comes first in "X hosted Y".
    const counts = new Map<string, number>();
    for (const mention of cluster) for (const id of mention.participants) counts.set(id, (counts.get(id) ?? 0) + 1);
    const first = cluster[0]!;
    const ordered = [...participants].sort((a, b) => {
      const inFirst = (id: string) => (first.participants.includes(id) ? first.participants.indexOf(id) : Number.MAX_SAFE_INTEGER);
      return inFirst(a) - inFirst(b) || (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || cmp(a, b);
    });
    const places = cluster.map((mention) => mention.place).filter((place): place is string => place !== undefined);
    // The most specific place the reports give (a summit is "in Washington", not "in the
    // South Caucasus" it is about), then the one most reports give.
    const specificity = (id: string) => placeSpecificity(byId.get(id));
    const reports = new Map<string, number>();
    for (const id of places) reports.set(id, (reports.get(id) ?? 0) + 1);
    const place = places.sort((a, b) => specificity(b) - specificity(a) || reports.get(b)! - reports.get(a)! || cmp(a, b))[0];
    const verb = cluster.some((mention) => mention.verb === 'hosts') ? 'hosts' : first.verb;
    const name = eventName(first.type, verb, ordered, place, date, byId);
    let id = `event-${slugify(`${first.type} ${ordered.slice(0, 3).join(' ')} ${date.start}`, 72)}`;
    for (let n = 2; taken.has(id); n++) id = `${id.replace(/-\d+$/, '')}-${n}`;
    taken.add(id);
    events.push({
      id,
      kind: 'event',
      subtype: first.type,
      name,
      aliases: [],
      demonyms: [],
      metonyms: [],
      description: `Found in the sources' text: ${new Set(cluster.map((mention) => mention.articleSlug)).size} source(s) report it.`,
      affiliation: [],
      participants: ordered,
      ...(place ? { place } : {}),
      date,
      file: 'detected',
      line: 0,
    });
    add(id, statementIds);
  }
  return { events, members };
}
