/** Date extraction: public API of the `extract/dates` stage. */
export { extractDates, findDates, outsideNames, type DateExtraction } from './find-dates.ts';
export type { UnresolvedDate, UnresolvedReason } from './candidate.ts';
export { dayValue, monthValue, yearValue, rangeValue, dayLabel, monthLabel, rangeLabel, type ValueOptions } from './value.ts';
export { partOfYear, sinceValue, FUTURE_TOLERANCE_DAYS } from './relative.ts';
