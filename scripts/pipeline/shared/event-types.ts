/**
 * The trigger words of event types, one line per type, with the verb used in
 * generated names. Shared by the stage that finds event mentions
 * (relate/event-mentions.ts) and by discovery, which counts a place named as
 * the site of a happening ("a police raid in Yekaterinburg").
 */

export interface EventType {
  type: string;
  pattern: RegExp;
  /** Verb for a generated name, third person: "hosts", "meets", "threatens". */
  verb: string;
}

/** Order matters on ties: the first type whose trigger is nearest the date wins. */
export const EVENT_TYPES: readonly EventType[] = [
  { type: 'meeting', pattern: /\b(?:hosted|hosts|hosting|host|received|receives)\b/gi, verb: 'hosts' },
  { type: 'meeting', pattern: /\b(?:met|meets|meeting|summit|talks)\b/gi, verb: 'meet' },
  { type: 'visit', pattern: /\b(?:visit(?:s|ed|ing)?|travell?ed to|trip to|arrived in)\b/gi, verb: 'visits' },
  { type: 'call', pattern: /\b(?:(?:spoke|speaking|speaks|talked)\s+(?:by (?:tele)?phone\s+)?(?:with|to)|phoned|phone call|telephoned|called)\b/gi, verb: 'speaks with' },
  { type: 'sign', pattern: /\b(?:sign(?:s|ed|ing)?|initial(?:l)?(?:ed|s)|initial(?:l)?ing)\b/gi, verb: 'sign' },
  { type: 'withdrawal', pattern: /\b(?:withdr(?:ew|aw|awal|awing|awn)|evacuat\w*|relocat\w*|pulled out)\b/gi, verb: 'withdraws' },
  { type: 'threat', pattern: /\b(?:threat(?:en|ened|ens|ening)?|vow(?:ed|s)? to|warn(?:ed|s)?|(?:would|will) (?:block|prevent|stop|retaliate))\b/gi, verb: 'threatens' },
  { type: 'decision', pattern: /\b(?:decid(?:ed|es)|decision|dissolv\w*|closed|closes|closure|froze|freez\w*|suspend\w*|scrapp?\w*|took effect)\b/gi, verb: 'decides' },
  { type: 'attack', pattern: /\b(?:attack(?:s|ed)?|offensive|struck|strikes?|raid(?:s|ed)?|bomb(?:ed|ing)|shell(?:ed|ing))\b/gi, verb: 'attack' },
  { type: 'election', pattern: /\b(?:elect(?:ed|ion|ions)|re-elected|voted)\b/gi, verb: 'election' },
  { type: 'war', pattern: /\bwar\b/gi, verb: 'war' },
  { type: 'announcement', pattern: /\bannounc(?:ed|es|ement)\b/gi, verb: 'announces' },
];

/** "raid in ", "summit at ": a trigger word right before a locative preposition, at the end of a text. */
const SITE_BEFORE = new RegExp(`\\b(?:${EVENT_TYPES.map((type) => type.pattern.source.replace(/^\\b|\\b$/g, '')).join('|')})\\s+(?:in|at|near|outside)\\s+$`, 'i');

/** Does `before` (the text up to a name) end with a happening and its preposition: "during a police raid in "? */
export function endsWithEventSite(before: string): boolean {
  return SITE_BEFORE.test(before.slice(-60));
}
