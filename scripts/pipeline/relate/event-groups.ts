/**
 * Event groups: the statements that report a registry event, and the
 * conflicting dates sources give for it.
 */
import type { Conflict, DateMention, DateValue, Entity, Statement } from '../model.ts';
import { dayLabel, overlaps, shiftDays, spanDays } from './dates.ts';
import { eventKeyword, keywordHits } from './event-keywords.ts';

/** A statement date longer than this never matches a day event (a year is not evidence for a day). */
export const MAX_SPAN_FOR_DAY_EVENT = 31;
/**
 * For a day event, a day date this close (in days) whose nearest keyword is the
 * event's own ("met … on 27 January" for a 28 January meeting) is a report of
 * the event with a different date: a member of the group and a conflict
 * candidate. Further away it is about something else.
 */
export const CONFLICT_WINDOW_DAYS = 3;
/** A date belongs to the event keyword nearest to it, if that keyword is this close (characters). */
export const KEYWORD_DISTANCE = 80;

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Does a statement date fit the event date?
 * Day events: the statement date must overlap that day and span at most a month
 * ("on 28 January", "earlier in January", "this week"). Longer events: any
 * overlap, with the statement date no longer than the event (or a month).
 */
export function dateFitsEvent(date: DateValue, event: DateValue): boolean {
  if (!overlaps(date, event)) return false;
  const span = spanDays(date);
  if (event.precision === 'day') return span <= MAX_SPAN_FOR_DAY_EVENT;
  return span <= Math.max(spanDays(event), MAX_SPAN_FOR_DAY_EVENT);
}

function mentionsAny(statement: Statement, ids: ReadonlySet<string>): boolean {
  return statement.entityIds.some((id) => ids.has(id));
}

function keywordMatches(event: Entity, text: string): boolean {
  const pattern = eventKeyword(event.subtype);
  return pattern ? pattern.test(text) : true;
}

/**
 * Statements reporting `event`: (a) linked to the event entity; (b) a fitting
 * date + a participant or the place + a subtype keyword; (b') for day events, a
 * day within CONFLICT_WINDOW_DAYS tied to a subtype keyword; (c) same-paragraph
 * undated context naming a participant with a subtype keyword.
 */
export function eventStatements(event: Entity, index: StatementIndex): Statement[] {
  const chosen = new Map<string, Statement>();
  for (const statement of index.byEntity.get(event.id) ?? []) chosen.set(statement.id, statement);

  const actors = new Set([...event.participants, ...(event.place ? [event.place] : [])]);
  const eventDate = event.date;
  if (eventDate && actors.size > 0) {
    const window = conflictWindow(event)!;
    // A fitting date overlaps the event and spans at most `longest` days, so it starts no
    // earlier than `longest` days before the event; a nearby day starts inside the window.
    const longest = eventDate.precision === 'day' ? MAX_SPAN_FOR_DAY_EVENT : Math.max(spanDays(eventDate), MAX_SPAN_FOR_DAY_EVENT);
    const earliest = Number.isFinite(longest) ? shiftDays(cmp(eventDate.start, window.from) < 0 ? eventDate.start : window.from, -longest) : '';
    const latest = cmp(eventDate.end, window.to) > 0 ? eventDate.end : window.to;
    const candidates = datedBetween(index, actors, earliest, latest);
    const matchedParagraphs = new Set<string>();
    for (const statement of candidates.values()) {
      if (chosen.has(statement.id)) continue;
      const fits = statement.dates.some((d) => dateFitsEvent(d.value, eventDate)) && keywordMatches(event, statement.text);
      // (b') a nearby, different day for a day event: kept so the conflict shows.
      const nearbyDay = !fits && eventDate.precision === 'day' && eventDays(statement, event, window).length > 0;
      if (!fits && !nearbyDay) continue;
      chosen.set(statement.id, statement);
      matchedParagraphs.add(`${statement.articleSlug}\u0000${statement.paragraphId}`);
    }
    // (c) Conservative context: an undated sentence next to a dated match, naming a
    // participant and using the subtype's own word ("The meeting focused on …").
    const pattern = eventKeyword(event.subtype);
    if (pattern) {
      for (const key of matchedParagraphs) {
        for (const statement of index.byParagraph.get(key) ?? []) {
          if (chosen.has(statement.id) || statement.dates.length > 0) continue;
          if (mentionsAny(statement, actors) && pattern.test(statement.text)) chosen.set(statement.id, statement);
        }
      }
    }
  }
  // (d) Nothing dated matched: a sentence that names two of the event's actors and
  // a distinctive word of its name ("… Assad, whom Putin granted asylum in Moscow"
  // for "Russia grants Bashar al-Assad asylum"). Only then, so a well-reported
  // event never collects undated look-alikes; an event page never shows 0 sources
  // when a source does report it.
  if (chosen.size === 0) for (const statement of namedReports(event, actors, index)) chosen.set(statement.id, statement);
  const order = index.order;
  return [...chosen.values()].sort((p, q) => (order.get(p.id) ?? 0) - (order.get(q.id) ?? 0));
}

/** Words of an event's name too common to identify it. */
const NAME_STOP_WORDS = new Set(['about', 'after', 'before', 'between', 'during', 'meeting', 'their', 'there', 'these', 'where', 'which', 'while', 'report', 'reports', 'plans']);

function namedReports(event: Entity, actors: ReadonlySet<string>, index: StatementIndex): Statement[] {
  const words = event.name
    .toLowerCase()
    .split(/[^\p{L}]+/u)
    .filter((word) => word.length >= 5 && !NAME_STOP_WORDS.has(word));
  // Stems: "grants" also finds "granted", "withdrawal" finds "withdrew" only through the keyword table.
  const stems = words.map((word) => word.slice(0, Math.max(5, word.length - 2)));
  if (stems.length === 0 || actors.size < 2) return [];
  const found = new Map<string, Statement>();
  for (const actor of actors) {
    for (const statement of index.byEntity.get(actor) ?? []) {
      if (found.has(statement.id)) continue;
      const named = new Set(statement.entityIds.filter((id) => actors.has(id)));
      if (named.size < 2) continue;
      const text = statement.text.toLowerCase();
      if (stems.some((stem) => new RegExp(`\\b${stem}`, 'u').test(text) && !actorWord(stem, event))) found.set(statement.id, statement);
    }
  }
  return [...found.values()];
}

/** A stem that comes from a participant's name is no evidence ("assad" in "Bashar al-Assad"). */
function actorWord(stem: string, event: Entity): boolean {
  return event.participants.some((id) => id.includes(stem)) || (event.place ?? '').includes(stem);
}

export interface StatementIndex {
  byEntity: Map<string, Statement[]>;
  /** Per entity, one entry per date its statements give, in order of the date's first day. */
  datedByEntity: Map<string, { start: string; statement: Statement }[]>;
  byParagraph: Map<string, Statement[]>;
  order: Map<string, number>;
}

export function indexStatements(statements: readonly Statement[]): StatementIndex {
  const byEntity = new Map<string, Statement[]>();
  const byParagraph = new Map<string, Statement[]>();
  const order = new Map<string, number>();
  const datedByEntity = new Map<string, { start: string; statement: Statement }[]>();
  statements.forEach((statement, position) => {
    if (!order.has(statement.id)) order.set(statement.id, position);
    for (const id of new Set(statement.entityIds)) {
      const list = byEntity.get(id);
      if (list) list.push(statement);
      else byEntity.set(id, [statement]);
      if (statement.dates.length === 0) continue;
      const dated = datedByEntity.get(id) ?? datedByEntity.set(id, []).get(id)!;
      for (const mention of statement.dates) dated.push({ start: mention.value.start, statement });
    }
    const key = `${statement.articleSlug}\u0000${statement.paragraphId}`;
    const list = byParagraph.get(key);
    if (list) list.push(statement);
    else byParagraph.set(key, [statement]);
  });
  for (const list of datedByEntity.values()) list.sort((a, b) => cmp(a.start, b.start));
  return { byEntity, datedByEntity, byParagraph, order };
}

/**
 * The statements of `actors` giving a date that starts within [from, to]: a
 * binary search into each actor's dated list instead of a scan of all its
 * statements (a state named in thousands of statements, for each of hundreds of events).
 */
function datedBetween(index: StatementIndex, actors: ReadonlySet<string>, from: string, to: string): Map<string, Statement> {
  const found = new Map<string, Statement>();
  for (const actor of actors) {
    const list = index.datedByEntity.get(actor) ?? [];
    let low = 0;
    let high = list.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (list[mid]!.start < from) low = mid + 1;
      else high = mid;
    }
    for (let i = low; i < list.length && list[i]!.start <= to; i++) found.set(list[i]!.statement.id, list[i]!.statement);
  }
  return found;
}

/** The days around an event where a source's differing day is a conflict, not another happening. */
export function conflictWindow(event: Entity): { from: string; to: string } | undefined {
  const eventDate = event.date;
  if (!eventDate) return undefined;
  return { from: shiftDays(eventDate.start, -CONFLICT_WINDOW_DAYS), to: shiftDays(eventDate.end, CONFLICT_WINDOW_DAYS) };
}

/**
 * The day dates a statement gives for the event: exact day mentions near the
 * event window whose nearest event keyword is of the event's subtype ("met …
 * on 28 January", not "announced on 27 January").
 *
 * `window`: pass conflictWindow(event) when calling for many statements of one
 * event (an actor in thousands of statements made this the build's hot spot).
 */
export function eventDays(statement: Statement, event: Entity, window = conflictWindow(event)): DateMention[] {
  if (!window) return [];
  const { from, to } = window;
  const days = statement.dates.filter(
    (d) => d.value.precision === 'day' && !d.value.approximate && d.value.start >= from && d.value.start <= to,
  );
  if (days.length === 0) return [];
  const hasOwnKeyword = eventKeyword(event.subtype) !== undefined;
  const hits = keywordHits(statement.text);
  return days.filter((mention) => {
    if (!hasOwnKeyword) return true;
    let best: { distance: number; subtype: string } | undefined;
    for (const hit of hits) {
      const distance = hit.end <= mention.start ? mention.start - hit.end : hit.start >= mention.end ? hit.start - mention.end : 0;
      const better =
        !best || distance < best.distance || (distance === best.distance && hit.subtype === event.subtype);
      if (better) best = { distance, subtype: hit.subtype };
    }
    return best !== undefined && best.distance <= KEYWORD_DISTANCE && best.subtype === event.subtype;
  });
}

/**
 * Day events only: sources that put the event on different days. Events that
 * span days (a withdrawal over January) have phases on different days, so two
 * days there are not a contradiction; a month next to a day is compatible.
 */
export function eventDateConflicts(event: Entity, members: readonly Statement[]): Conflict[] {
  if (event.date?.precision !== 'day') return [];
  const byDay = new Map<string, { statementIds: Set<string>; articleSlugs: Set<string> }>();
  const window = conflictWindow(event);
  for (const statement of members) {
    for (const mention of eventDays(statement, event, window)) {
      const day = mention.value.start;
      let variant = byDay.get(day);
      if (!variant) {
        variant = { statementIds: new Set(), articleSlugs: new Set() };
        byDay.set(day, variant);
      }
      variant.statementIds.add(statement.id);
      variant.articleSlugs.add(statement.articleSlug);
    }
  }
  if (byDay.size < 2) return [];
  const variants = [...byDay.entries()]
    .sort(([a], [b]) => cmp(a, b))
    .map(([day, v]) => ({
      value: dayLabel(day),
      statementIds: [...v.statementIds].sort(cmp),
      articleSlugs: [...v.articleSlugs].sort(cmp),
    }));
  // Which source says which is listed beside the summary by outlet; file ids never enter it.
  const summary = `Sources give different dates: ${variants.map((v) => v.value).join(' vs ')}`;
  return [{ kind: 'date', summary, variants }];
}
