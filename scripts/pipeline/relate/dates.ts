/** Date-range arithmetic on the model's ISO `YYYY-MM-DD` strings (UTC, no clock). */

interface Span {
  start: string;
  end: string;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAY_MS = 86_400_000;

function toUtc(iso: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
}

/** True when two day ranges share at least one day (ISO strings compare in date order). */
export function overlaps(a: Span, b: Span): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Number of days a range covers (1 for a day); Infinity when unparsable. */
export function spanDays(span: Span): number {
  const start = toUtc(span.start);
  const end = toUtc(span.end);
  if (start === undefined || end === undefined) return Number.POSITIVE_INFINITY;
  return Math.round((end - start) / DAY_MS) + 1;
}

/** `iso` moved by `days` (negative for earlier); unchanged when unparsable. */
export function shiftDays(iso: string, days: number): string {
  const time = toUtc(iso);
  if (time === undefined) return iso;
  return new Date(time + days * DAY_MS).toISOString().slice(0, 10);
}

/** "27 January 2026" — one label format for all sources, whatever they wrote. */
export function dayLabel(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return iso;
  return `${Number(match[3])} ${MONTHS[Number(match[2]) - 1] ?? match[2]} ${match[1]}`;
}
