/**
 * Day-precision dates and weekdays, found by chrono-node.
 *
 * chrono fills every component the text does not give with the reference
 * date's, so "December 2024" comes back as 1 December and "on 23 January"
 * with the reference year. Only what chrono marks as certain is trusted
 * here: a day and month (→ a day), or a weekday alone (→ resolved against
 * publication below). Month-only and time-only results are left to the hand
 * rules or dropped.
 */
import * as chrono from 'chrono-node';
import type { ParsedComponents, ParsedResult } from 'chrono-node';
import { type CalendarDay, compareDays, isValidDay } from './calendar.ts';
import { type Candidate, CHRONO_PRIORITY, type Resolution } from './candidate.ts';
import { MONTH_SOURCE } from './patterns.ts';
import { type WeekdayDirection, inferYearOfDay, resolveWeekday } from './relative.ts';
import { dayValue, rangeValue } from './value.ts';
import { tenseAround } from './tense.ts';

/** Cheap test for anything chrono could turn into a date we keep; sentences without it skip chrono entirely. */
export const CHRONO_TRIGGER = new RegExp(
  `\\b(?:${MONTH_SOURCE}|mon|tues?|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|ago)\\b|\\d{4}-\\d\\d-\\d\\d|\\bin\\s+\\d+\\s+(?:days|weeks)`,
  'i',
);

const ISO_DATE = /\d{4}-\d\d-\d\d/;
const MONTH_WORD = new RegExp(`\\b(?:${MONTH_SOURCE})\\b`, 'i');
/** Lowercase words chrono accepts as months or weekdays but that are usually verbs or nouns: "may", "march", "sun". */
const AMBIGUOUS_LOWERCASE = /\b(?:may|march|mar|sun|sat|wed|mon)\b/;
const RELATIVE_FUZZY_UNIT = /\b(?:weeks?|months?|years?)\b/i;
const TRAILING_PUNCTUATION = /[\s,.;:–—-]+$/;

/** Texts longer than this are parsed in windows around triggers, bounding chrono's cost on huge paragraphs. */
const WHOLE_TEXT_LIMIT = 4_000;
const WINDOW_BEFORE = 60;
const WINDOW_AFTER = 80;
const WINDOW_LIMIT = 4_000;

/** Reference used when there is no publication date; only absolute results survive, so its value never leaks. */
const NEUTRAL_REFERENCE = new Date(Date.UTC(2000, 0, 1, 12));

/** "last"/"next" in the expression decide; otherwise the tense of its clause in the sentence. */
function directionOf(matched: string, sentence: string, start: number): WeekdayDirection {
  if (/\b(?:last|past|previous)\b/i.test(matched)) return 'past';
  if (/\b(?:next|coming)\b/i.test(matched)) return 'future';
  const tense = tenseAround(sentence, start, start + matched.length);
  return tense === 'past' ? 'reported-past' : tense === 'future' ? 'future' : 'nearest';
}

function componentsDay(components: ParsedComponents, year: number): CalendarDay {
  return { year, month: components.get('month') ?? 0, day: components.get('day') ?? 0 };
}

/** The day a day-certain component names, or undefined when the year cannot be known or the day is impossible. */
function dayOf(components: ParsedComponents, absolute: boolean, anchor: CalendarDay | undefined): CalendarDay | undefined {
  let year: number | undefined;
  if (!absolute) year = anchor ? components.get('year') ?? undefined : undefined; // computed by chrono from the anchor
  else if (components.isCertain('year')) year = components.get('year') ?? undefined;
  else if (anchor) year = inferYearOfDay(components.get('month') ?? 0, components.get('day') ?? 0, anchor);
  if (year === undefined) return undefined;
  const day = componentsDay(components, year);
  return isValidDay(day) ? day : undefined;
}

function resolveResult(result: ParsedResult, text: string, anchor: CalendarDay | undefined, direction: () => WeekdayDirection): Resolution | undefined {
  const start = result.start;
  if (start.isCertain('day') && start.isCertain('month')) {
    // "23 January", "2026-01-28" name the day; "yesterday", "3 days ago" are relative to publication.
    const absolute = MONTH_WORD.test(text) || ISO_DATE.test(text);
    const first = dayOf(start, absolute, anchor);
    if (!first) {
      // Without a publication date, a relative or year-less date cannot be placed; otherwise the day is impossible.
      const needsAnchor = !absolute || !start.isCertain('year');
      return !anchor && needsAnchor ? { kind: 'unresolved', reason: 'no-publication-date' } : undefined;
    }
    const approximate = !absolute && RELATIVE_FUZZY_UNIT.test(text);
    const end = result.end && result.end.isCertain('day') ? dayOf(result.end, absolute, anchor) : undefined;
    if (end && compareDays(first, end) < 0) return { kind: 'date', value: rangeValue(first, end, { approximate }) };
    return { kind: 'date', value: dayValue(first, { approximate }) };
  }
  if (start.isCertain('weekday') && !start.isCertain('day')) {
    if (!anchor) return { kind: 'unresolved', reason: 'no-publication-date' };
    const weekday = start.get('weekday') ?? 0;
    return { kind: 'date', value: dayValue(resolveWeekday(weekday, anchor, direction())) };
  }
  return undefined;
}

/** [start, end) spans of `text` to hand to chrono. */
function windowsOf(text: string): [number, number][] {
  if (text.length <= WHOLE_TEXT_LIMIT) return [[0, text.length]];
  const windows: [number, number][] = [];
  const trigger = new RegExp(CHRONO_TRIGGER.source, 'gi');
  for (const match of text.matchAll(trigger)) {
    const from = Math.max(0, match.index - WINDOW_BEFORE);
    const to = Math.min(text.length, match.index + match[0].length + WINDOW_AFTER);
    const last = windows[windows.length - 1];
    if (last && from <= last[1] && to - last[0] <= WINDOW_LIMIT) last[1] = Math.max(last[1], to);
    else windows.push([from, to]);
  }
  return windows;
}

function parseSafely(text: string, reference: Date): ParsedResult[] {
  try {
    return chrono.en.casual.parse(text, { instant: reference, timezone: 0 }, { forwardDate: false });
  } catch {
    // Untrusted text must never crash the build; a chrono failure only costs the dates in this window.
    return [];
  }
}

/** chrono-node candidates in `text`; offsets are in `text`. */
export function chronoCandidates(text: string, anchor: CalendarDay | undefined): Candidate[] {
  if (!CHRONO_TRIGGER.test(text)) return [];
  const reference = anchor ? new Date(Date.UTC(anchor.year, anchor.month - 1, anchor.day, 12)) : NEUTRAL_REFERENCE;
  const found: Candidate[] = [];
  for (const [from, to] of windowsOf(text)) {
    for (const result of parseSafely(text.slice(from, to), reference)) {
      const matched = result.text.replace(TRAILING_PUNCTUATION, '');
      if (matched === '') continue;
      // Bare numbers such as "2/3" are fractions far more often than dates.
      if (!/\p{L}/u.test(matched) && !ISO_DATE.test(matched)) continue;
      if (AMBIGUOUS_LOWERCASE.test(matched)) continue;
      const start = from + result.index;
      // "every Friday", "each Monday": a recurrence, not a date.
      if (/\b(?:every|each)\s+$/i.test(text.slice(Math.max(0, start - 8), start))) continue;
      const resolution = resolveResult(result, matched, anchor, () => directionOf(matched, text, start));
      if (!resolution) continue;
      found.push({ start, end: start + matched.length, resolution, priority: CHRONO_PRIORITY });
    }
  }
  return found;
}
