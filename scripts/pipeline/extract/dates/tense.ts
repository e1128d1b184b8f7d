/**
 * The tense of the clause around a date expression, so that "on Friday" is
 * read as a reader would: the latest Friday in a past-tense report ("met on
 * Friday"), the next one in a future-tense one ("will meet on Friday").
 *
 * Hand-written (a few word lists) because a part-of-speech tagger per
 * sentence would cost more than the whole date stage, and only the verb
 * group nearest the expression matters. Declarative: extend the lists.
 */
export type Tense = 'past' | 'future' | 'present';

/** Future markers: modal, scheduled and intended action. */
const FUTURE = /\b(?:is|are)\s+to\s+(?:be\s+)?\p{L}+|\b(?:will|shall|'ll|is|are|was|were)\s+(?:also\s+|now\s+)?(?:set|due|scheduled|expected|slated|poised|going)\s+to\b|\bwill\b|\bshall\b|\b(?:plans?|planned|intends?|aims?|hopes?)\s+to\b|\bto\s+be\s+held\b|\bupcoming\b|\bahead\s+of\b|\bscheduled\s+for\b|\bwould\s+(?:meet|hold|sign|visit|travel|host|attend)\b/iu;

/** Past markers: "-ed" forms and the irregular past forms news reports use most. */
const PAST_ED = /\b\p{Ll}{2,}ed\b/u; // lower case: "Ahmed" and "Mohammed" are names, not verbs
const PAST =
  /\b(?:met|said|told|held|took|made|spoke|gave|went|came|left|began|saw|sent|won|became|fled|struck|fought|wrote|brought|bought|sold|broke|chose|drove|flew|froze|hit|led|lost|paid|put|ran|rose|sat|shot|shut|stood|swore|threw|withdrew|was|were|had|did)\b/iu;

/** Words ending in "-ed" that are not past verbs. */
const NOT_PAST = /\b(?:need|speed|seed|feed|breed|creed|greed|bed|red|hundred|united|based|limited|related|armed|proposed|expected|scheduled|planned|so-called|advanced|alleged|detailed|continued)\b/gi;

/** Clause boundaries: a reporting clause's tense is not the reported one's ("said on Monday it will meet on Friday"). */
const CLAUSE_BOUNDARY = /[;:()]|,\s|\bthat\b|\bwhile\b|\bbut\b|\band\b|\bwhen\b|\bafter\b|\bbefore\b/giu;

function tenseOf(text: string): Tense | undefined {
  if (FUTURE.test(text)) return 'future';
  const verbs = text.replace(NOT_PAST, '');
  if (PAST_ED.test(verbs) || PAST.test(verbs)) return 'past';
  return undefined;
}

/**
 * Tense of the clause holding `text[start, end)`: the words from the last
 * clause boundary before it, then those up to the next boundary after it,
 * then the rest of the sentence near it. Present when nothing marks a tense.
 */
/** A verb group sits close to its date: looking further would only cost time on a huge paragraph. */
const WINDOW = 240;

export function tenseAround(text: string, start: number, end: number): Tense {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  let clauseStart = 0;
  for (const match of before.matchAll(CLAUSE_BOUNDARY)) clauseStart = match.index + match[0].length;
  const after = text.slice(end, end + WINDOW);
  const nextBoundary = after.search(CLAUSE_BOUNDARY);
  return (
    tenseOf(before.slice(clauseStart)) ??
    tenseOf(nextBoundary < 0 ? after : after.slice(0, nextBoundary)) ??
    tenseOf(before) ??
    tenseOf(after) ??
    'present'
  );
}
