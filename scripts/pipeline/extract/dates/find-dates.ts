/**
 * Date extraction for one sentence: every temporal expression, resolved
 * against the article's publication date at the precision the text gives.
 *
 * Two kinds of recognisers propose candidate spans: chrono-node (full dates,
 * weekdays, "yesterday", "3 days ago") and hand rules (month and year
 * precision, parts of years, "since …", "last week", unresolvable phrases).
 * Overlaps are settled longest-first, so "since December 2024" beats the
 * "December 2024" inside it and "Wednesday, January 28, 2026" beats "2026".
 */
import type { DateMention, DateValue } from '../../model.ts';
import type { Candidate, UnresolvedDate } from './candidate.ts';
import { chronoCandidates } from './chrono-candidates.ts';
import { mayHoldDate } from './prefilter.ts';
import { handRuleCandidates } from './rules.ts';
import { anchorDay } from './value.ts';
import { fromIso, weekdayOf } from './calendar.ts';
import { anchoredOffset, resolveAnchored } from './anchored.ts';
import { tenseAround } from './tense.ts';

/** A date the text gives that disagrees with itself or with the publication date: kept, and reported. */
export interface DateWarning {
  text: string;
  start: number;
  end: number;
  message: string;
}

export interface DateExtraction {
  /** Resolved dates, in text order, non-overlapping. */
  mentions: DateMention[];
  /** Temporal expressions that produced no mention, in text order, for the build report. */
  unresolved: UnresolvedDate[];
  warnings: DateWarning[];
  /** The last exact day the sentence gives (or the one passed in): the anchor for "the same day" in what follows. */
  lastDay?: DateValue;
}

export interface DateContext {
  /** The nearest preceding exact day in the article, for "the same day", "the next day". */
  previous?: DateValue;
}

function byStartThenLongest(a: Candidate, b: Candidate): number {
  return a.start - b.start || b.end - a.end || a.priority - b.priority;
}

/**
 * Non-overlapping candidates, preferring the longer of two overlapping
 * spans (the earlier one on a tie). One sort and one sweep: with the list
 * ordered by start, a candidate can only overlap the last one kept.
 */
function settleOverlaps(candidates: Candidate[]): Candidate[] {
  const kept: Candidate[] = [];
  for (const candidate of [...candidates].sort(byStartThenLongest)) {
    if (candidate.end <= candidate.start) continue;
    const last = kept[kept.length - 1];
    if (!last || candidate.start >= last.end) kept.push(candidate);
    else if (candidate.end - candidate.start > last.end - last.start) kept[kept.length - 1] = candidate;
  }
  return kept;
}

const WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];
const WEEKDAY_WORD = /\b(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i;

/** Why a resolved day contradicts itself or the publication date, if it does. */
function contradiction(sentence: string, mention: DateMention, published: DateValue | undefined): string | undefined {
  const { value } = mention;
  if (value.precision !== 'day') return undefined;
  const day = fromIso(value.start);
  const named = WEEKDAY_WORD.exec(mention.text);
  if (day && named && WEEKDAYS[weekdayOf(day)] !== named[1]!.toLowerCase()) {
    return `"${mention.text}": ${value.label} is a ${WEEKDAYS[weekdayOf(day)]![0]!.toUpperCase()}${WEEKDAYS[weekdayOf(day)]!.slice(1)}, not a ${named[1]}`;
  }
  if (!published || published.precision !== 'day' || /\b(?:last|next|coming)\b/i.test(mention.text)) return undefined;
  // Tense is read only for a date on the wrong side of publication (cheap on a huge paragraph).
  if (value.start > published.end && tenseAround(sentence, mention.start, mention.end) === 'past') {
    return `"${mention.text}" (${value.label}) is reported as past but falls after the publication date (${published.label})`;
  }
  if (value.end < published.start && tenseAround(sentence, mention.start, mention.end) === 'future') {
    return `"${mention.text}" (${value.label}) is reported as still to come but falls before the publication date (${published.label})`;
  }
  return undefined;
}

/**
 * Dates in `sentence`, plus the temporal expressions that could not be
 * resolved. `published` anchors relative expressions; it is used only when
 * it has day precision (otherwise relative expressions are unresolved with
 * reason `no-publication-date`). `context.previous` anchors "the same day"
 * and its kin. Never throws; pure and deterministic.
 */
export function extractDates(sentence: string, published: DateValue | undefined, context: DateContext = {}): DateExtraction {
  const mentions: DateMention[] = [];
  const unresolved: UnresolvedDate[] = [];
  const warnings: DateWarning[] = [];
  let lastDay = context.previous;
  if (typeof sentence !== 'string' || !mayHoldDate(sentence)) return { mentions, unresolved, warnings, ...(lastDay ? { lastDay } : {}) };
  const anchor = anchorDay(published);
  const bound = published ? fromIso(published.end) : undefined;
  const candidates = [...handRuleCandidates(sentence, anchor, bound), ...chronoCandidates(sentence, anchor)];
  for (const { start, end, resolution } of settleOverlaps(candidates)) {
    const text = sentence.slice(start, end);
    if (resolution.kind === 'date') {
      const mention = { text, start, end, value: resolution.value };
      mentions.push(mention);
      const problem = contradiction(sentence, mention, published);
      if (problem) warnings.push({ text, start, end, message: problem });
      if (resolution.value.precision === 'day' && !resolution.value.approximate) lastDay = resolution.value;
      continue;
    }
    const offset = resolution.reason === 'relative-to-event' ? anchoredOffset(text, sentence.slice(end, end + 40)) : undefined;
    const value = offset ? resolveAnchored(lastDay, offset) : undefined;
    if (value) mentions.push({ text, start, end, value });
    else unresolved.push({ text, start, end, reason: resolution.reason });
  }
  return { mentions, unresolved, warnings, ...(lastDay ? { lastDay } : {}) };
}

/** The resolved dates in `sentence` (see `extractDates` for the unresolved ones). */
export function findDates(sentence: string, published: DateValue | undefined): DateMention[] {
  return extractDates(sentence, published).mentions;
}

/**
 * Drop date expressions that lie inside a linked name: "Today" in "Türkiye
 * Today" or "USA Today" is an outlet, not the publication day. Offsets of
 * `items` and `names` must be relative to the same text.
 */
export function outsideNames<T extends { start: number; end: number }>(items: readonly T[], names: readonly { start: number; end: number }[]): T[] {
  if (names.length === 0) return [...items];
  return items.filter((item) => !names.some((name) => item.start < name.end && name.start < item.end));
}
