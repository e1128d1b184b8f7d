/**
 * Resolving expressions that only make sense relative to the publication day
 * ("on 23 January", "on Wednesday", "last week", "late 2025").
 */
import type { DateValue } from '../../model.ts';
import {
  type CalendarDay,
  addDays,
  addMonths,
  compareDays,
  daysInMonth,
  startOfWeek,
  weekdayOf,
} from './calendar.ts';
import { monthValue, rangeValue, yearValue } from './value.ts';

/**
 * How far after publication a year-less date may fall. News mostly reports
 * the past, but also announces what is scheduled: "on 3 February" written on
 * 27 January means the coming one, while "on 15 December" means the last one.
 * The rule: take the most recent occurrence no later than two months after
 * publication.
 */
export const FUTURE_TOLERANCE_DAYS = 60;

/** Year for a day-and-month without a year ("on 23 January"), or undefined if no such day exists nearby (29 February). */
export function inferYearOfDay(month: number, day: number, anchor: CalendarDay): number | undefined {
  const latest = addDays(anchor, FUTURE_TOLERANCE_DAYS);
  for (let year = latest.year; year >= anchor.year - 4; year--) {
    if (day > daysInMonth(year, month)) continue;
    if (compareDays({ year, month, day }, latest) <= 0) return year;
  }
  return undefined;
}

/** Year for a bare month ("in December"): the latest such month starting no later than the tolerance. */
export function inferYearOfMonth(month: number, anchor: CalendarDay): number {
  const latest = addDays(anchor, FUTURE_TOLERANCE_DAYS);
  return month <= latest.month ? latest.year : latest.year - 1;
}

export type WeekdayDirection = 'past' | 'future' | 'nearest' | 'reported-past';

/**
 * The given weekday (0 = Sunday) near publication. "last Wednesday" is the
 * previous one and "next Wednesday" (or a future-tense "will meet on
 * Wednesday") the following one; a past-tense "met on Wednesday" is the
 * latest one on or before publication (`reported-past`); a tenseless "is in
 * Moscow on Wednesday" the nearest one (at most three days away; the same
 * day counts). The caller reads the tense (tense.ts).
 */
export function resolveWeekday(weekday: number, anchor: CalendarDay, direction: WeekdayDirection): CalendarDay {
  const forward = (weekday - weekdayOf(anchor) + 7) % 7; // 0..6 days ahead
  if (direction === 'future') return addDays(anchor, forward === 0 ? 7 : forward);
  if (direction === 'past') return addDays(anchor, forward === 0 ? -7 : forward - 7);
  if (direction === 'reported-past') return addDays(anchor, forward === 0 ? 0 : forward - 7);
  return addDays(anchor, forward <= 3 ? forward : forward - 7);
}

export type Period = 'week' | 'month' | 'year';
export type PeriodOffset = -1 | 0 | 1;

/** "last/this/next week|month|year". Weeks run Monday–Sunday and are flagged approximate. */
export function relativePeriod(period: Period, offset: PeriodOffset, anchor: CalendarDay): DateValue {
  if (period === 'week') {
    const monday = addDays(startOfWeek(anchor), offset * 7);
    return rangeValue(monday, addDays(monday, 6), { approximate: true });
  }
  if (period === 'month') {
    const { year, month } = addMonths(anchor.year, anchor.month, offset);
    return monthValue(year, month);
  }
  return yearValue(anchor.year + offset);
}

/** "earlier this week|month|year": from the period's start to the day before publication. "later this …": from the day after publication to its end. */
export function partOfCurrentPeriod(period: Period, part: 'earlier' | 'later', anchor: CalendarDay): DateValue {
  let first: CalendarDay;
  let last: CalendarDay;
  if (period === 'week') {
    first = startOfWeek(anchor);
    last = addDays(first, 6);
  } else if (period === 'month') {
    first = { year: anchor.year, month: anchor.month, day: 1 };
    last = { year: anchor.year, month: anchor.month, day: daysInMonth(anchor.year, anchor.month) };
  } else {
    first = { year: anchor.year, month: 1, day: 1 };
    last = { year: anchor.year, month: 12, day: 31 };
  }
  // "Earlier" happened before the day of writing, "later" comes after it (unless the period has no such day left).
  const dayBefore = compareDays(anchor, first) > 0 ? addDays(anchor, -1) : anchor;
  const dayAfter = compareDays(anchor, last) < 0 ? addDays(anchor, 1) : anchor;
  return part === 'earlier'
    ? rangeValue(first, dayBefore, { approximate: true })
    : rangeValue(dayAfter, last, { approximate: true });
}

export type YearPart = 'early' | 'mid' | 'late';

/** Thirds of a year, so the three parts tile it: early = Jan–Apr, mid = May–Aug, late = Sep–Dec. */
const YEAR_PART_MONTHS: Record<YearPart, [number, number]> = { early: [1, 4], mid: [5, 8], late: [9, 12] };

/** "late 2025" → 2025-09-01..2025-12-31, label "late 2025", approximate. */
export function partOfYear(part: YearPart, year: number): DateValue {
  const [firstMonth, lastMonth] = YEAR_PART_MONTHS[part];
  return rangeValue(
    { year, month: firstMonth, day: 1 },
    { year, month: lastMonth, day: daysInMonth(year, lastMonth) },
    { approximate: true, label: part === 'mid' ? `mid-${year}` : `${part} ${year}` },
  );
}

/** "late December 2024" → 21–31 December, approximate; early = 1–10, mid = 11–20. */
export function partOfMonth(part: YearPart, year: number, month: number, label: string): DateValue {
  const last = daysInMonth(year, month);
  const [firstDay, lastDay] = part === 'early' ? [1, 10] : part === 'mid' ? [11, 20] : [21, last];
  return rangeValue({ year, month, day: firstDay }, { year, month, day: lastDay }, { approximate: true, label });
}

/** "since 2015", "since December 2024": from the start up to publication; undefined if the start is after publication. */
export function sinceValue(first: CalendarDay, anchor: CalendarDay, label: string): DateValue | undefined {
  if (compareDays(first, anchor) > 0) return undefined;
  return rangeValue(first, anchor, { label });
}
