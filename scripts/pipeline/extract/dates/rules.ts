/**
 * Hand-written recognisers for what chrono-node either misses or gets at the
 * wrong precision. Each rule says why it exists. All are single linear
 * regular-expression scans (no nested quantifiers), so a 2 MB paragraph
 * without line breaks costs one pass per rule.
 */
import type { CalendarDay } from './calendar.ts';
import {
  type Candidate,
  dateCandidate,
  resolveOrMissing,
  unresolvedCandidate,
  type Resolution,
} from './candidate.ts';
import {
  MONTH_SOURCE,
  NON_YEAR_AFTER,
  NON_YEAR_BEFORE,
  YEAR_SOURCE,
  isCapitalised,
  monthNumber,
  wordAfter,
  wordBefore,
} from './patterns.ts';
import {
  type Period,
  type YearPart,
  inferYearOfMonth,
  partOfCurrentPeriod,
  partOfMonth,
  partOfYear,
  relativePeriod,
  sinceValue,
} from './relative.ts';
import { monthLabel, monthValue, rangeValue, yearValue } from './value.ts';
import { tenseAround } from './tense.ts';

/** `bound`: the last day the article can have been written (publication's end), for "since …" when the publication day is unknown. */
type Rule = (text: string, anchor: CalendarDay | undefined, bound?: CalendarDay) => Candidate[];

/** Start/end of capture group `group`, from a match made with the `d` flag. */
function groupSpan(match: RegExpExecArray, group: number): [number, number] {
  const span = match.indices?.[group];
  return span ? [span[0], span[1]] : [match.index, match.index + match[0].length];
}

function matchEnd(match: RegExpExecArray): number {
  return match.index + match[0].length;
}

function yearPartOf(word: string): YearPart {
  const lower = word.toLowerCase();
  if (lower === 'early' || lower === 'start' || lower === 'beginning') return 'early';
  if (lower === 'mid' || lower === 'middle') return 'mid';
  return 'late';
}

function dateOrInvalid(value: ReturnType<typeof sinceValue>): Resolution {
  return value ? { kind: 'date', value } : { kind: 'unresolved', reason: 'vague' };
}

/**
 * "December 2024", "since December 2024", "earlier in January 2026",
 * "late December 2024". chrono parses "December 2024" but pins it to the
 * 1st, and drops the modifiers; this rule keeps month precision and the
 * modifier's meaning.
 */
const MONTH_YEAR = new RegExp(
  `\\b(?:(since)\\s+|(earlier|later)\\s+in\\s+|(early|mid|late)[\\s-]+)?(${MONTH_SOURCE})\\.?,?\\s+(${YEAR_SOURCE})`,
  'dgi',
);

function monthYearRule(text: string, anchor: CalendarDay | undefined, bound?: CalendarDay): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(MONTH_YEAR)) {
    const [, since, earlierLater, part, monthWord = '', yearText] = match;
    const month = monthNumber(monthWord);
    if (!month || !isCapitalised(monthWord)) continue;
    const year = Number(yearText);
    const start = match.index;
    const end = matchEnd(match);
    if (since) {
      const resolution = resolveOrMissing(anchor ?? bound, (day) =>
        dateOrInvalid(sinceValue({ year, month, day: 1 }, day, `since ${monthLabel(year, month)}`)),
      );
      found.push({ start, end, resolution, priority: 0 });
    } else if (earlierLater) {
      found.push(dateCandidate(start, end, monthValue(year, month, { approximate: true })));
    } else if (part) {
      const label = `${part.toLowerCase()} ${monthLabel(year, month)}`;
      found.push(dateCandidate(start, end, partOfMonth(yearPartOf(part), year, month, label)));
    } else {
      const [monthStart] = groupSpan(match, 4);
      found.push(dateCandidate(monthStart, end, monthValue(year, month)));
    }
  }
  return found;
}

/**
 * A month without a year, introduced by a word that makes it a date:
 * "in December", "since March", "mid-January", "last December". The
 * introducing word is required because a bare capitalised "May" or "March"
 * can still be a name or a headline verb. Followed by a digit, it is a full
 * date that chrono or the rule above handles.
 */
const BARE_MONTH = new RegExp(
  `\\b(in|since|until|till|by|during|of|early|mid|late|earlier\\s+in|later\\s+in|last|next|this)[\\s-]+(${MONTH_SOURCE})\\b(?!\\.?,?\\s*\\d)`,
  'dgi',
);

/** Words that are part of the date's meaning and so part of the mention text. */
const MEANINGFUL_MONTH_PREFIX = /^(?:since|early|mid|late|earlier|later|last|next|this)/i;

function bareMonthRule(text: string, anchor: CalendarDay | undefined): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(BARE_MONTH)) {
    const [, prefixRaw = '', monthWord = ''] = match;
    const month = monthNumber(monthWord);
    if (!month || !isCapitalised(monthWord)) continue;
    const prefix = prefixRaw.toLowerCase().replace(/\s+/g, ' ');
    const [monthStart, monthEnd] = groupSpan(match, 2);
    const start = MEANINGFUL_MONTH_PREFIX.test(prefix) ? match.index : monthStart;
    const resolution = resolveOrMissing(anchor, (day): Resolution => {
      let year = inferYearOfMonth(month, day);
      // "will be wound down by December": the coming December, not the last one.
      if (year < day.year && prefix !== 'last' && prefix !== 'since' && tenseAround(text, monthStart, monthEnd) === 'future') year = day.year;
      if (prefix === 'last' && (year > day.year || (year === day.year && month >= day.month))) year -= 1;
      if (prefix === 'next') year = month > day.month ? day.year : day.year + 1;
      if (prefix === 'since') {
        return dateOrInvalid(sinceValue({ year, month, day: 1 }, day, `since ${monthLabel(year, month)}`));
      }
      if (prefix === 'early' || prefix === 'mid' || prefix === 'late') {
        const value = partOfMonth(yearPartOf(prefix), year, month, `${prefix} ${monthLabel(year, month)}`);
        return { kind: 'date', value };
      }
      const approximate = prefix.startsWith('earlier') || prefix.startsWith('later');
      // "later in August" written in August: from publication to the month's end ("earlier in": its start to publication).
      if (approximate && year === day.year && month === day.month) {
        return { kind: 'date', value: partOfCurrentPeriod('month', prefix.startsWith('earlier') ? 'earlier' : 'later', day) };
      }
      return { kind: 'date', value: monthValue(year, month, { approximate }) };
    });
    found.push({ start, end: monthEnd, resolution, priority: 0 });
  }
  return found;
}

/**
 * "at the end of June", "the beginning of August 2025", "by the middle of
 * March": a part of a month. chrono reads "end of June" as 30 June, which
 * invents a day; this keeps the approximate third of the month.
 */
const PART_OF_NAMED_MONTH = new RegExp(
  `\\bthe\\s+(start|beginning|middle|end|close)\\s+of\\s+(${MONTH_SOURCE})\\b(?:,?\\s+(${YEAR_SOURCE}))?`,
  'dgi',
);

function partOfNamedMonthRule(text: string, anchor: CalendarDay | undefined): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(PART_OF_NAMED_MONTH)) {
    const [, partWord = '', monthWord = '', yearText] = match;
    const month = monthNumber(monthWord);
    if (!month || !isCapitalised(monthWord)) continue;
    const part = yearPartOf(partWord === 'close' ? 'end' : partWord);
    const resolve = (year: number): Resolution => ({
      kind: 'date',
      value: partOfMonth(part, year, month, `${part} ${monthLabel(year, month)}`),
    });
    const resolution = yearText ? resolve(Number(yearText)) : resolveOrMissing(anchor, (day) => resolve(inferYearOfMonth(month, day)));
    found.push({ start: match.index, end: matchEnd(match), resolution, priority: 0 });
  }
  return found;
}

/**
 * "late 2025", "early 2026", "mid-2025", "the end of 2025": chrono has no
 * notion of parts of a year. Thirds of the year, approximate.
 */
const YEAR_PART = new RegExp(
  // Not "early 1990s": a decade (decadeRule).
  `\\b(?:(early|mid|late)[\\s-]+|(?:the\\s+)?(start|beginning|middle|end)\\s+of\\s+)(${YEAR_SOURCE})(?![0-9A-Za-z'’])`,
  'dgi',
);

function yearPartRule(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(YEAR_PART)) {
    const [, adjective, noun, yearText] = match;
    const value = partOfYear(yearPartOf(adjective ?? noun ?? 'late'), Number(yearText));
    found.push(dateCandidate(match.index, matchEnd(match), value));
  }
  return found;
}

/**
 * "since 2015": chrono ignores bare years. A range from 1 January to
 * publication, labelled "since 2015", because that is what the text claims
 * (a continuing state), not a single year.
 */
const SINCE_YEAR = new RegExp(`\\bsince\\s+(${YEAR_SOURCE})`, 'dgi');

function sinceYearRule(text: string, anchor: CalendarDay | undefined, bound?: CalendarDay): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(SINCE_YEAR)) {
    const year = Number(match[1]);
    if (NON_YEAR_AFTER.has(wordAfter(text, matchEnd(match)))) continue;
    // "Since 2015" runs up to publication; a publication month is precise enough for its end.
    const resolution = resolveOrMissing(anchor ?? bound, (day) =>
      dateOrInvalid(sinceValue({ year, month: 1, day: 1 }, day, `since ${year}`)),
    );
    found.push({ start: match.index, end: matchEnd(match), resolution, priority: 0 });
  }
  return found;
}

/** "2015–2020", "between 2015 and 2020", "from 2015 to 2020": chrono does not parse year spans. */
const YEAR_SPAN = new RegExp(
  `\\b(?:between\\s+(${YEAR_SOURCE})\\s+and\\s+(${YEAR_SOURCE})|from\\s+(${YEAR_SOURCE})\\s+(?:to|until|till|through)\\s+(${YEAR_SOURCE})|(${YEAR_SOURCE})\\s?[–—-]\\s?(${YEAR_SOURCE}))`,
  'dgi',
);

function yearSpanRule(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(YEAR_SPAN)) {
    const first = Number(match[1] ?? match[3] ?? match[5]);
    const last = Number(match[2] ?? match[4] ?? match[6]);
    // "2026-01-28" style digits never reach here (month is two digits); a
    // descending or century-long span is more likely an identifier.
    if (!(first < last) || last - first > 100) continue;
    const value = rangeValue({ year: first, month: 1, day: 1 }, { year: last, month: 12, day: 31 });
    found.push(dateCandidate(match.index, matchEnd(match), value));
  }
  return found;
}

/** "the 1990s", "the early 1990s": a decade or a third of one, which chrono does not parse. */
const DECADE = /\b(?:(early|mid|late)[\s-]+)?((?:18|19|20)\d0)s\b/dgi;
const DECADE_PART = { early: [0, 3], mid: [3, 6], late: [6, 9] } as const;

function decadeRule(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(DECADE)) {
    const part = match[1]?.toLowerCase() as keyof typeof DECADE_PART | undefined;
    const first = Number(match[2]);
    const [from, to] = part ? DECADE_PART[part] : [0, 9];
    const value = rangeValue({ year: first + from, month: 1, day: 1 }, { year: first + to, month: 12, day: 31 }, { label: part ? `${part} ${first}s` : `${first}s` });
    found.push(dateCandidate(match.index, matchEnd(match), part ? { ...value, approximate: true } : value));
  }
  return found;
}

/**
 * A bare year: "in 2015", "the 2015 intervention", "weaker than in 2015".
 * chrono skips bare years on purpose because most four-digit numbers are
 * not years; the guards below reject the common non-year shapes: currency
 * ("$2015"), parts of bigger numbers ("12,2015", "2015.5"), percentages,
 * labels ("Resolution 2254") and quantities ("2000 troops").
 */
const BARE_YEAR = new RegExp(`(?<![\\p{L}\\p{N}$€£¥#.,/\\-–—_])(${YEAR_SOURCE})(?![%\\p{L}_]|[.,]\\d)`, 'gu');

function bareYearRule(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(BARE_YEAR)) {
    const start = match.index;
    const end = matchEnd(match);
    if (NON_YEAR_BEFORE.has(wordBefore(text, start))) continue;
    if (NON_YEAR_AFTER.has(wordAfter(text, end))) continue;
    found.push(dateCandidate(start, end, yearValue(Number(match[1]))));
  }
  return found;
}

/**
 * "last week", "this month", "next year": chrono returns a single day for
 * these ("last week" → exactly seven days ago), which invents precision.
 * "the last week of January" is not last week, so a preceding "the" makes it
 * a vague expression instead.
 */
const RELATIVE_PERIOD = /\b(last|this|next|past|previous|coming)\s+(week|month|year)\b/dgi;

function relativePeriodRule(text: string, anchor: CalendarDay | undefined): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(RELATIVE_PERIOD)) {
    const which = (match[1] ?? '').toLowerCase();
    const period = (match[2] ?? 'week').toLowerCase() as Period;
    const start = match.index;
    const end = matchEnd(match);
    if (wordBefore(text, start) === 'the' && which !== 'this') {
      found.push(unresolvedCandidate(start, end, 'vague'));
      continue;
    }
    const offset = which === 'this' ? 0 : which === 'next' || which === 'coming' ? 1 : -1;
    const resolution = resolveOrMissing(anchor, (day): Resolution => ({
      kind: 'date',
      value: relativePeriod(period, offset, day),
    }));
    found.push({ start, end, resolution, priority: 0 });
  }
  return found;
}

/** "earlier this week", "later this year": part of the current period, split at publication. */
const PART_OF_CURRENT_PERIOD = /\b(earlier|later)\s+this\s+(week|month|year)\b/dgi;

function partOfCurrentPeriodRule(text: string, anchor: CalendarDay | undefined): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(PART_OF_CURRENT_PERIOD)) {
    const part = (match[1] ?? '').toLowerCase() === 'earlier' ? 'earlier' : 'later';
    const period = (match[2] ?? 'week').toLowerCase() as Period;
    const resolution = resolveOrMissing(anchor, (day): Resolution => ({
      kind: 'date',
      value: partOfCurrentPeriod(period, part, day),
    }));
    found.push({ start: match.index, end: matchEnd(match), resolution, priority: 0 });
  }
  return found;
}

/**
 * Expressions relative to another event ("days before the meeting", "two
 * weeks later", "the next day"): temporal, but the anchor is an event the
 * text names, not the publication date, so they are reported as unresolved.
 * chrono would otherwise read "two weeks later" relative to publication.
 */
const EVENT_RELATIVE =
  /\b(?:(?:a\s+few|a|one|two|three|four|five|six|seven|eight|nine|ten|several|some|many|\d{1,3})\s+)?(?:hours?|days?|weeks?|months?|years?)\s+(?:before|after|earlier|later|prior|ahead\s+of)\b|\bthe\s+(?:same|next|following|previous|preceding)\s+(?:day|week|month|year|morning|evening|night)\b|\bthe\s+(?:day|week|month|year|night)\s+(?:before|after)\b|\bthat\s+(?:same\s+)?(?:day|morning|evening|night)\b/gi;

/** Periods too fuzzy to place: "in the past decade", "in recent years", "decades ago". */
const VAGUE =
  /\b(?:(?:in|over|during)\s+)?the\s+(?:past|last)\s+(?:few\s+|several\s+)?(?:decades?|years|months|weeks)\b|\bin\s+recent\s+(?:years|months|weeks|days)\b|\b(?:a|one|two|three|several)\s+decades?\s+ago\b|\bdecades\s+ago\b/gi;

function unresolvableRule(text: string): Candidate[] {
  const found: Candidate[] = [];
  for (const match of text.matchAll(EVENT_RELATIVE)) {
    found.push(unresolvedCandidate(match.index, matchEnd(match), 'relative-to-event'));
  }
  for (const match of text.matchAll(VAGUE)) {
    found.push(unresolvedCandidate(match.index, matchEnd(match), 'vague'));
  }
  return found;
}

const RULES: readonly Rule[] = [
  partOfNamedMonthRule,
  monthYearRule,
  bareMonthRule,
  yearPartRule,
  sinceYearRule,
  yearSpanRule,
  decadeRule,
  bareYearRule,
  relativePeriodRule,
  partOfCurrentPeriodRule,
  unresolvableRule,
];

/** Every hand-rule candidate in `text`, overlapping ones included (the caller settles overlaps). */
export function handRuleCandidates(text: string, anchor: CalendarDay | undefined, bound: CalendarDay | undefined = anchor): Candidate[] {
  return RULES.flatMap((rule) => rule(text, anchor, bound));
}
