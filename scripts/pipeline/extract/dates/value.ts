/**
 * Constructors for `DateValue`, the one shape every stage uses for dates.
 *
 * Each constructor fixes `start`/`end` at the precision the text gives, so a
 * month never carries an invented day, and writes the human label at that
 * same precision. (The registry has its own copy; the lead will merge them.)
 */
import type { DateValue } from '../../model.ts';
import { type CalendarDay, MONTH_NAMES, daysInMonth, toIso, fromIso } from './calendar.ts';

export interface ValueOptions {
  approximate?: boolean;
  /** Overrides the generated label, e.g. "late 2025" or "since 2015". */
  label?: string;
}

function withApproximate(value: DateValue, options: ValueOptions): DateValue {
  return options.approximate ? { ...value, approximate: true } : value;
}

function monthName(month: number): string {
  return MONTH_NAMES[month - 1] ?? String(month);
}

/** "28 January 2026". */
export function dayLabel(day: CalendarDay): string {
  return `${day.day} ${monthName(day.month)} ${day.year}`;
}

/** "January 2026". */
export function monthLabel(year: number, month: number): string {
  return `${monthName(month)} ${year}`;
}

/**
 * The shortest unambiguous label for a span: "23–27 January 2026",
 * "26 January – 1 February 2026", "29 December 2025 – 4 January 2026",
 * "2015–2020" for whole years, "December 2024" for a whole month.
 */
export function rangeLabel(start: CalendarDay, end: CalendarDay): string {
  const wholeMonths = start.day === 1 && end.day === daysInMonth(end.year, end.month);
  const wholeYears = wholeMonths && start.month === 1 && end.month === 12;
  if (wholeYears) return start.year === end.year ? String(start.year) : `${start.year}–${end.year}`;
  if (wholeMonths && start.year === end.year && start.month === end.month) return monthLabel(start.year, start.month);
  if (start.year === end.year && start.month === end.month) {
    if (start.day === end.day) return dayLabel(start);
    return `${start.day}–${end.day} ${monthName(end.month)} ${end.year}`;
  }
  if (start.year === end.year) return `${start.day} ${monthName(start.month)} – ${dayLabel(end)}`;
  return `${dayLabel(start)} – ${dayLabel(end)}`;
}

export function dayValue(day: CalendarDay, options: ValueOptions = {}): DateValue {
  const iso = toIso(day);
  return withApproximate({ precision: 'day', start: iso, end: iso, label: options.label ?? dayLabel(day) }, options);
}

export function monthValue(year: number, month: number, options: ValueOptions = {}): DateValue {
  return withApproximate(
    {
      precision: 'month',
      start: toIso({ year, month, day: 1 }),
      end: toIso({ year, month, day: daysInMonth(year, month) }),
      label: options.label ?? monthLabel(year, month),
    },
    options,
  );
}

export function yearValue(year: number, options: ValueOptions = {}): DateValue {
  return withApproximate(
    {
      precision: 'year',
      start: toIso({ year, month: 1, day: 1 }),
      end: toIso({ year, month: 12, day: 31 }),
      label: options.label ?? String(year),
    },
    options,
  );
}

/** A span of days; the caller guarantees `start <= end`. */
export function rangeValue(start: CalendarDay, end: CalendarDay, options: ValueOptions = {}): DateValue {
  return withApproximate(
    { precision: 'range', start: toIso(start), end: toIso(end), label: options.label ?? rangeLabel(start, end) },
    options,
  );
}

/** The publication day, when the article has a day-precision publication date. */
export function anchorDay(published: DateValue | undefined): CalendarDay | undefined {
  if (!published || published.precision !== 'day') return undefined;
  return fromIso(published.start);
}
