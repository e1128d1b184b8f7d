/**
 * What each recogniser (hand rules, chrono) proposes before overlaps are
 * settled: a span of the sentence that either resolves to a date or is
 * temporal but unresolvable.
 */
import type { DateValue } from '../../model.ts';

/** Why a temporal-looking expression produced no `DateMention`. */
export type UnresolvedReason =
  /** Relative to publication ("last week", "on 23 January") but the article has no day-precision publication date. */
  | 'no-publication-date'
  /** Relative to another event in the text ("days before", "the next day"): nothing to anchor it to. */
  | 'relative-to-event'
  /** Too fuzzy to place on a calendar ("in recent years", "in the past decade"). */
  | 'vague';

/** An expression that looks temporal but could not be resolved; offsets are in the sentence text. */
export interface UnresolvedDate {
  text: string;
  start: number;
  end: number;
  reason: UnresolvedReason;
}

export type Resolution = { kind: 'date'; value: DateValue } | { kind: 'unresolved'; reason: UnresolvedReason };

export interface Candidate {
  start: number;
  end: number;
  resolution: Resolution;
  /** Breaks ties between equal spans: lower wins. Hand rules beat chrono because they know more about precision. */
  priority: number;
}

export const HAND_RULE_PRIORITY = 0;
export const CHRONO_PRIORITY = 1;

export function dateCandidate(start: number, end: number, value: DateValue, priority = HAND_RULE_PRIORITY): Candidate {
  return { start, end, resolution: { kind: 'date', value }, priority };
}

export function unresolvedCandidate(
  start: number,
  end: number,
  reason: UnresolvedReason,
  priority = HAND_RULE_PRIORITY,
): Candidate {
  return { start, end, resolution: { kind: 'unresolved', reason }, priority };
}

/** A resolution that needs the publication date, or the `no-publication-date` marker when there is none. */
export function resolveOrMissing<T>(anchor: T | undefined, resolve: (anchor: T) => Resolution): Resolution {
  return anchor === undefined ? { kind: 'unresolved', reason: 'no-publication-date' } : resolve(anchor);
}
