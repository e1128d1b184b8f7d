/**
 * Small, strict date helpers for ingest: turning explicit calendar dates
 * (metadata fields, datelines) into `DateValue`s.
 *
 * Free-text date resolution ("on Wednesday", "last week") belongs to the
 * extract stage; ingest only ever accepts dates the text states in full.
 */
import * as chrono from 'chrono-node';
import type { DateValue } from '../model.ts';

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/**
 * chrono needs a reference instant for relative expressions; we only accept
 * fully specified dates, but pass a fixed one anyway so that results never
 * depend on the clock (determinism rule).
 */
const FIXED_REFERENCE = new Date(Date.UTC(2000, 0, 1));

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A day-precision `DateValue`, or undefined when the day does not exist (2026-02-30). */
export function dayValue(year: number, month: number, day: number): DateValue | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  if (!Number.isInteger(day) || day < 1 || day > daysInMonth(year, month)) return undefined;
  const iso = `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
  return { precision: 'day', start: iso, end: iso, label: `${day} ${MONTH_NAMES[month - 1]} ${year}` };
}

/** A month-precision `DateValue` spanning the whole month (never an invented day). */
export function monthValue(year: number, month: number): DateValue | undefined {
  if (!Number.isInteger(year) || year < 1 || year > 9999) return undefined;
  if (!Number.isInteger(month) || month < 1 || month > 12) return undefined;
  return {
    precision: 'month',
    start: `${pad(year, 4)}-${pad(month)}-01`,
    end: `${pad(year, 4)}-${pad(month)}-${pad(daysInMonth(year, month))}`,
    label: `${MONTH_NAMES[month - 1]} ${year}`,
  };
}

/**
 * `YYYY-MM-DD` → day precision, `YYYY-MM` → month precision. A full ISO
 * timestamp keeps its calendar date (frontmatter often carries one).
 */
export function parseIsoDate(text: string): DateValue | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?)?$/.exec(text.trim());
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  return match[3] === undefined ? monthValue(year, month) : dayValue(year, month, Number(match[3]));
}

/** Longest line we hand to chrono: datelines are short, and this bounds the work on hostile input. */
const MAX_DATELINE_LENGTH = 60;

/**
 * Parse a line that is *only* a full calendar date, as in a dateline:
 * "JAN 27, 2026", "January 27, 2026", "27 January 2026", "Tuesday, 27 Jan 2026",
 * optionally prefixed by "Published"/"Updated"/"Posted" (with "on" and/or a colon).
 * Returns undefined when the line says anything else or the day/year is missing.
 */
export function parseDatelineText(line: string): DateValue | undefined {
  const text = line
    .trim()
    .replace(/^(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*/i, '');
  if (text.length === 0 || text.length > MAX_DATELINE_LENGTH) return undefined;
  const iso = parseIsoDate(text);
  if (iso) return iso;
  const results = chrono.en.parse(text, FIXED_REFERENCE);
  const [first] = results;
  if (results.length !== 1 || !first) return undefined;
  // The date must be the whole line (allowing a trailing time or punctuation), not a phrase inside a sentence.
  const before = text.slice(0, first.index);
  const after = text.slice(first.index + first.text.length);
  if (before.trim() !== '' || !/^[\s,.|–—-]*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?[\s.]*$/i.test(after)) {
    return undefined;
  }
  if (!first.start.isCertain('day') || !first.start.isCertain('month') || !first.start.isCertain('year')) return undefined;
  const year = first.start.get('year');
  const month = first.start.get('month');
  const day = first.start.get('day');
  if (year === null || month === null || day === null) return undefined;
  return dayValue(year, month, day);
}
