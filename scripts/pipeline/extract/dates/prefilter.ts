/**
 * One cheap scan that rules out most sentences before any recogniser runs:
 * a sentence with no month, weekday, year-like number or time word cannot
 * hold a date. Over-matching is harmless (the recognisers decide); missing a
 * shape here would hide it, so every recogniser's trigger word is listed.
 */
import { MONTH_SOURCE } from './patterns.ts';

const MAY_HOLD_DATE = new RegExp(
  `\\b(?:${MONTH_SOURCE}|mon|tues?|wed|thu|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|tomorrow|ago|since|early|mid|late|earlier|later|hours?|days?|weeks?|months?|years?|decades?|recent)\\b|(?:18|19|20)\\d\\d`,
  'i',
);

export function mayHoldDate(text: string): boolean {
  return MAY_HOLD_DATE.test(text);
}
