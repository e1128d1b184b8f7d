/**
 * Publication dates as news pages print them, beyond a line that is only a date:
 *
 * - a wire dateline opening the first paragraph: "WASHINGTON, Aug 8 (Reuters) - …",
 *   "YEREVAN, 9 August 2025 – …" (the year is often left out: the caller takes it
 *   from the text);
 * - a dated byline: "By Anna Petrosyan | 3 September 2025";
 * - numeric dates by convention: dotted dates are day-first (European and
 *   post-Soviet pages: "11.08.2025, 09:40"); slashed or dashed ones are read
 *   only when one of the two numbers cannot be a month, otherwise they are
 *   reported as ambiguous rather than guessed.
 *
 * Hand-written because chrono-node reads "11.08.2025" month-first (8 November)
 * and does not know datelines or wire tags. Every pattern is anchored and
 * linear, and the input is cut to a short prefix, so hostile text costs little.
 */
import type { DateValue } from '../model.ts';
import { dayValue } from './date-value.ts';

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const MONTH_WORD = 'January|February|March|April|May|June|July|August|September|October|November|December|Sept|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec';

function monthOf(word: string): number | undefined {
  return MONTHS[word.slice(0, 3).toLowerCase()];
}

/** A calendar date that may lack its year (datelines often do). */
export interface PartialDay {
  year?: number;
  month: number;
  day: number;
}

/** Outcome of reading a numeric date: a day, or two readings the text does not choose between. */
export type NumericDate = { value: DateValue } | { ambiguous: [DateValue, DateValue] } | undefined;

/** Dotted, slashed or dashed day and month with a four-digit year, optionally followed by a time. */
const NUMERIC = /^(\d{1,2})([./-])(\d{1,2})\2(\d{4})(?:\s*,?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?)?[\s.]*$/i;

/**
 * "11.08.2025" → 11 August (dotted is day-first by convention); "25/08/2025"
 * → 25 August and "08/25/2025" → 25 August (only one reading exists);
 * "08/11/2025" → ambiguous (8 November or 11 August).
 */
export function readNumericDate(text: string): NumericDate {
  const match = NUMERIC.exec(text.trim().slice(0, 60));
  if (!match) return undefined;
  const first = Number(match[1]);
  const second = Number(match[3]);
  const year = Number(match[4]);
  if (match[2] === '.') {
    const value = dayValue(year, second, first);
    return value ? { value } : undefined;
  }
  const dayFirst = dayValue(year, second, first);
  const monthFirst = dayValue(year, first, second);
  if (dayFirst && monthFirst && first !== second) return { ambiguous: [dayFirst, monthFirst] };
  const value = dayFirst ?? monthFirst;
  return value ? { value } : undefined;
}

export interface LeadDateline {
  /** The place as printed: "WASHINGTON", "Yerevan". */
  place: string;
  date: PartialDay;
  /** Wire agency in brackets after the date: "Reuters", "AFP". */
  agency?: string;
  /** Length of the dateline prefix, separator included. */
  length: number;
}

/**
 * "WASHINGTON, Aug 8 (Reuters) - ", "YEREVAN, 9 August 2025 — ", "Baku, August 11, 2025 (AP) – ".
 * The place is one to four capitalised words; a separator dash must follow.
 */
const LEAD_DATELINE = new RegExp(
  String.raw`^(\p{Lu}[\p{L}.'’-]*(?:[ -]\p{Lu}[\p{L}.'’-]*){0,3})(?:,\s*\p{Lu}[\p{L}.'’-]*(?:\s\p{Lu}[\p{L}.'’-]*){0,2})?,\s+` +
    String.raw`(?:(${MONTH_WORD})\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?|(\d{1,2})(?:st|nd|rd|th)?\s+(${MONTH_WORD})\.?(?:,?\s+(\d{4}))?)` +
    String.raw`\s*(?:\(([\p{L}][\p{L} .&'’-]{0,40})\))?\s*[-–—]+\s+`,
  'u',
);

export function readLeadDateline(paragraph: string): LeadDateline | undefined {
  const match = LEAD_DATELINE.exec(paragraph.slice(0, 160));
  if (!match) return undefined;
  const [whole, place = '', monthA, dayA, yearA, dayB, monthB, yearB, agency] = match;
  const month = monthOf(monthA ?? monthB ?? '');
  const day = Number(dayA ?? dayB);
  if (!month || !(day >= 1 && day <= 31)) return undefined;
  const yearText = yearA ?? yearB;
  return {
    place,
    date: { month, day, ...(yearText ? { year: Number(yearText) } : {}) },
    ...(agency ? { agency: agency.trim() } : {}),
    length: whole.length,
  };
}

export interface DatedByline {
  author: string;
  /** The date part, for the caller's full-date parser. */
  dateText: string;
}

/** "By Anna Petrosyan | 3 September 2025", "By A. Rossi, 12 August 2025 - 14:25", "By Staff · Aug 9, 2025". */
const DATED_BYLINE = /^By\s+(\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|al|bin|van|von)){0,5})\s*[|·•,–—-]\s*(\S.{5,60})$/u;

export function readDatedByline(line: string): DatedByline | undefined {
  if (line.length > 140) return undefined;
  const match = DATED_BYLINE.exec(line.trim());
  if (!match) return undefined;
  return { author: match[1]!.trim(), dateText: match[2]!.trim() };
}

/**
 * The year to complete a year-less dateline with: the year of a full date in
 * the text in the dateline's month ("on 8 August 2025"), else the latest year
 * the text names (background years are earlier than the report). Undefined
 * when the text names no year, so the caller can say so instead of guessing.
 */
const YEAR_IN_TEXT = /(?<![\d.,/$€£-])((?:19|20)\d\d)(?![\d%]|[.,]\d)/g;
const FULL_DATE = new RegExp(
  String.raw`\b(?:(${MONTH_WORD})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(${MONTH_WORD})\.?,?\s+((?:19|20)\d\d))\b`,
  'g',
);
const TEXT_LIMIT = 20_000;

export function yearFromText(month: number, texts: readonly string[]): number | undefined {
  let latest: number | undefined;
  for (const text of texts) {
    const head = text.slice(0, TEXT_LIMIT);
    for (const match of head.matchAll(FULL_DATE)) {
      if (monthOf(match[1] ?? match[3] ?? '') === month) return Number(match[2] ?? match[4]);
    }
    for (const match of head.matchAll(YEAR_IN_TEXT)) latest = Math.max(latest ?? 0, Number(match[1]));
  }
  return latest;
}
