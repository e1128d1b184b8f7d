/**
 * Build `DateValue`s from the compact date forms editors write in the registry
 * ("2026-01-28", "2026-01", "2015", `{ from, to }`), and the label helpers other
 * stages reuse for dates they resolve from article text.
 *
 * Hand-written rather than chrono-node: chrono parses free text and happily
 * invents a day for "2026-01"; here the input is a strict, tiny grammar and the
 * precision must survive exactly.
 */
import type { DatePrecision, DateValue } from '../model.ts';

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

/** Days in `month` (1-12) of `year`, proleptic Gregorian. */
export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids DST surprises.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isoDay(year: number, month: number, day: number): string {
  return `${pad4(year)}-${pad2(month)}-${pad2(day)}`;
}

interface DayParts {
  year: number;
  month: number;
  day: number;
}

/** Split a strict `YYYY-MM-DD` into numbers, or undefined if it is not a real calendar day. */
export function parseIsoDay(iso: string): DayParts | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/**
 * The human label for a span at a precision: "28 January 2026", "January 2026",
 * "2015", and for ranges the shortest unambiguous form: "23–27 January 2026",
 * "28 January – 3 February 2026", "28 December 2025 – 3 January 2026".
 * Expects valid ISO days; anything else is echoed back rather than thrown on.
 */
export function formatDateLabel(precision: DatePrecision, start: string, end: string = start): string {
  const a = parseIsoDay(start);
  const b = parseIsoDay(end) ?? a;
  if (!a || !b) return start === end ? start : `${start} – ${end}`;
  switch (precision) {
    case 'day':
      return `${a.day} ${monthName(a.month)} ${a.year}`;
    case 'month':
      return `${monthName(a.month)} ${a.year}`;
    case 'year':
      return String(a.year);
    case 'range':
      if (start === end) return `${a.day} ${monthName(a.month)} ${a.year}`;
      if (a.year === b.year && a.month === b.month) return `${a.day}–${b.day} ${monthName(a.month)} ${a.year}`;
      if (a.year === b.year) return `${a.day} ${monthName(a.month)} – ${b.day} ${monthName(b.month)} ${b.year}`;
      return `${a.day} ${monthName(a.month)} ${a.year} – ${b.day} ${monthName(b.month)} ${b.year}`;
  }
}

/** A single day. `iso` must be a valid `YYYY-MM-DD` (use `parseRegistryDate` for untrusted input). */
export function dayValue(iso: string): DateValue {
  return { precision: 'day', start: iso, end: iso, label: formatDateLabel('day', iso) };
}

/** A whole month (1-12): start and end span the month, no invented day. */
export function monthValue(year: number, month: number): DateValue {
  const start = isoDay(year, month, 1);
  const end = isoDay(year, month, daysInMonth(year, month));
  return { precision: 'month', start, end, label: formatDateLabel('month', start, end) };
}

/** A whole year. */
export function yearValue(year: number): DateValue {
  const start = isoDay(year, 1, 1);
  const end = isoDay(year, 12, 31);
  return { precision: 'year', start, end, label: formatDateLabel('year', start, end) };
}

/** A span of days; the label defaults to the shortest readable form. */
export function rangeValue(startIso: string, endIso: string, label?: string): DateValue {
  return { precision: 'range', start: startIso, end: endIso, label: label ?? formatDateLabel('range', startIso, endIso) };
}

export type DateParseResult = { ok: true; value: DateValue } | { ok: false; error: string };

const DATE_FORMS = '"YYYY-MM-DD", "YYYY-MM", "YYYY" or {from: "YYYY-MM-DD", to: "YYYY-MM-DD"}';

/** Parse one of the single-point forms: "YYYY-MM-DD", "YYYY-MM" or "YYYY". */
export function parseDateString(text: string): DateParseResult {
  const trimmed = text.trim();
  if (/^\d{4}-\d{2}-\d{2}$/.test(trimmed)) {
    return parseIsoDay(trimmed)
      ? { ok: true, value: dayValue(trimmed) }
      : { ok: false, error: `"${trimmed}" is not a real calendar day` };
  }
  const month = /^(\d{4})-(\d{2})$/.exec(trimmed);
  if (month) {
    const m = Number(month[2]);
    if (m < 1 || m > 12) return { ok: false, error: `"${trimmed}" has no month ${month[2]}` };
    return { ok: true, value: monthValue(Number(month[1]), m) };
  }
  if (/^\d{4}$/.test(trimmed)) return { ok: true, value: yearValue(Number(trimmed)) };
  return { ok: false, error: `expected ${DATE_FORMS}, got "${trimmed.slice(0, 40)}"` };
}

/**
 * Parse a registry `date` field. Accepts a number too, because YAML reads an
 * unquoted `2015` as an integer and editors should not have to quote years.
 */
export function parseRegistryDate(raw: unknown): DateParseResult {
  if (typeof raw === 'number' && Number.isInteger(raw)) return parseDateString(String(raw));
  if (typeof raw === 'string') return parseDateString(raw);
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    const { from, to } = raw as { from?: unknown; to?: unknown };
    if (from === undefined || to === undefined) return { ok: false, error: `a range needs both "from" and "to"` };
    const a = parseRegistryDate(from);
    if (!a.ok) return { ok: false, error: `from: ${a.error}` };
    const b = parseRegistryDate(to);
    if (!b.ok) return { ok: false, error: `to: ${b.error}` };
    // ISO strings of equal length compare correctly as text.
    if (b.value.end < a.value.start) return { ok: false, error: `range ends (${b.value.end}) before it starts (${a.value.start})` };
    return { ok: true, value: rangeValue(a.value.start, b.value.end) };
  }
  return { ok: false, error: `expected ${DATE_FORMS}` };
}
