/**
 * Expressions anchored on a date the article gave just before: "the same
 * day", "that day", "the next day", "two days later", "a week earlier". A
 * reader takes the nearest preceding dated statement as the anchor; so does
 * this. One anchored on a named event instead ("hours before the Kremlin
 * meeting", "two days after the summit") is left to the relate stage, which
 * knows the events' dates, and reported as unresolved until then.
 */
import type { DateValue } from '../../model.ts';
import { addDays, fromIso } from './calendar.ts';
import { dayValue } from './value.ts';

const NUMBER_WORDS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };

interface Offset {
  days: number;
  approximate: boolean;
}

/** Offset in days from the anchor, or undefined when the expression is not anchored on a preceding date. */
export function anchoredOffset(expression: string, following: string): Offset | undefined {
  const text = expression.toLowerCase().replace(/\s+/g, ' ').trim();
  if (/^(?:the same|that|that same) (?:day|morning|evening|night)$/.test(text)) return { days: 0, approximate: false };
  if (/^the (?:next|following) (?:day|morning|evening|night)$|^the (?:day|night) after$/.test(text)) return { days: 1, approximate: false };
  if (/^the (?:previous|preceding) (?:day|evening|night)$|^the (?:day|night) before$/.test(text)) return { days: -1, approximate: false };
  const counted = /^(a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}) (days?|weeks?) (later|after|earlier|before|prior)$/.exec(text);
  if (!counted) return undefined;
  // "two days before the summit" counts from the summit, not from the previous date.
  if (/^(?:after|before|prior)$/.test(counted[3]!) && /^\s*(?:to\s+)?(?:the|a|an|his|her|their|its|this|that|[\p{Lu}\d])/u.test(following)) return undefined;
  const count = NUMBER_WORDS[counted[1]!] ?? Number(counted[1]);
  const unit = counted[2]!.startsWith('week') ? 7 : 1;
  const sign = /^(?:later|after)$/.test(counted[3]!) ? 1 : -1;
  return { days: sign * count * unit, approximate: unit === 7 };
}

/** The day `offset` from `anchor`, when the anchor is a single, exact day. */
export function resolveAnchored(anchor: DateValue | undefined, offset: Offset): DateValue | undefined {
  if (!anchor || anchor.precision !== 'day' || anchor.approximate) return undefined;
  const day = fromIso(anchor.start);
  return day ? dayValue(addDays(day, offset.days), { approximate: offset.approximate }) : undefined;
}
