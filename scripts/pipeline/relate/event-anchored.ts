/**
 * Dates anchored on an event the article names: "hours before the summit",
 * "a day after Armenia and Azerbaijan initialled a peace agreement". The
 * date stage leaves them unresolved (it knows no events); here, once events
 * are known, the expression takes the date of the event of the named type
 * that the same article reports, when exactly one such event has an exact
 * day. Otherwise it stays unresolved and reported, never guessed.
 */
import type { DateMention, DateValue, Entity, Statement, UnresolvedDate } from '../model.ts';
import { shiftDays, dayLabel } from './dates.ts';
import { EVENT_TYPES } from '../shared/event-types.ts';

const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7 };
const EXPRESSION = /^(?:(a|an|one|two|three|four|five|six|seven|\d{1,2})\s+)?(hours?|days?|weeks?)\s+(before|after|ahead of|prior to)$/i;

/** Days from the event ("hours before" → 0, "a day after" → +1), or undefined for "days before" without a count. */
function offsetOf(expression: string): { days: number; approximate: boolean } | undefined {
  const match = EXPRESSION.exec(expression.trim().replace(/\s+/g, ' '));
  if (!match) return undefined;
  const unit = match[2]!.toLowerCase();
  const sign = /^after$/i.test(match[3]!) ? 1 : -1;
  if (unit.startsWith('hour')) return { days: 0, approximate: true };
  if (!match[1]) return undefined;
  const count = COUNT[match[1].toLowerCase()] ?? Number(match[1]);
  return { days: sign * count * (unit.startsWith('week') ? 7 : 1), approximate: unit.startsWith('week') };
}

/** The event type a phrase names: "the summit" → meeting, "Armenia and Azerbaijan initialled …" → sign. */
function typeNamed(phrase: string): string | undefined {
  let best: { type: string; at: number } | undefined;
  for (const { type, pattern } of EVENT_TYPES) {
    const match = new RegExp(pattern.source, 'i').exec(phrase);
    if (match && (!best || match.index < best.at)) best = { type, at: match.index };
  }
  return best?.type;
}

export interface AnchoredDate {
  sentenceId: string;
  articleSlug: string;
  mention: DateMention;
}

export function resolveEventAnchored(
  unresolved: readonly UnresolvedDate[],
  statements: readonly Statement[],
  events: readonly Entity[],
  /** Event id → the articles that report it (from the event claim groups). */
  reportedBy: ReadonlyMap<string, ReadonlySet<string>>,
): AnchoredDate[] {
  const statementById = new Map(statements.map((statement) => [statement.id, statement]));
  const resolved: AnchoredDate[] = [];
  for (const item of unresolved) {
    const offset = offsetOf(item.text);
    const statement = statementById.get(item.sentenceId);
    if (!offset || !statement) continue;
    const start = statement.text.indexOf(item.text);
    if (start < 0) continue;
    const type = typeNamed(statement.text.slice(start + item.text.length, start + item.text.length + 80));
    if (!type) continue;
    // Events of that type this article reports, with an exact day.
    const days = new Set<string>();
    for (const event of events) {
      if (event.subtype !== type || event.date?.precision !== 'day' || event.date.approximate) continue;
      if (reportedBy.get(event.id)?.has(statement.articleSlug)) days.add(event.date.start);
    }
    if (days.size !== 1) continue;
    const iso = shiftDays([...days][0]!, offset.days);
    const value: DateValue = { precision: 'day', start: iso, end: iso, label: dayLabel(iso), ...(offset.approximate ? { approximate: true } : {}) };
    resolved.push({ sentenceId: statement.sentenceId, articleSlug: statement.articleSlug, mention: { text: item.text, start, end: start + item.text.length, value } });
  }
  return resolved;
}
