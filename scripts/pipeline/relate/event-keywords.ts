/**
 * Words that report an event of a given subtype. A new event type needs one
 * line here. Patterns match at word starts so that "withdr" covers withdrew,
 * withdrawal, withdrawing; they are case-insensitive and never global (callers
 * that need positions build a global copy).
 *
 * Subtypes without an entry fall back to participants + date only.
 */
export const EVENT_KEYWORDS: Readonly<Record<string, RegExp>> = {
  meeting: /\b(?:met|meets?|meetings?|summit\w*|talks|host\w*|visit\w*|trips?)\b/i,
  call: /\b(?:spoke|speaks?|speaking|call(?:s|ed|ing)?|phone\w*)\b/i,
  withdrawal: /\b(?:withdr\w*|evacuat\w*|relocat\w*|redeploy\w*|departure|exit\w*)/i,
  ouster: /\b(?:oust\w*|overthr\w*|fall|fell|toppl\w*|collaps\w*)/i,
  announcement: /\b(?:announc\w*|said the talks|will focus)/i,
  intervention: /\binterven\w*/i,
  asylum: /\b(?:asylum|exile\w*)/i,
};

export function eventKeyword(subtype: string): RegExp | undefined {
  return Object.hasOwn(EVENT_KEYWORDS, subtype) ? EVENT_KEYWORDS[subtype] : undefined;
}

export interface KeywordHit {
  subtype: string;
  start: number;
  end: number;
}

const GLOBAL_KEYWORDS = Object.entries(EVENT_KEYWORDS).map(
  ([subtype, pattern]) => [subtype, new RegExp(pattern.source, 'gi')] as const,
);

/** Every event keyword in `text`, with its subtype and offsets, in text order. */
export function keywordHits(text: string): KeywordHit[] {
  const hits: KeywordHit[] = [];
  for (const [subtype, pattern] of GLOBAL_KEYWORDS) {
    for (const match of text.matchAll(pattern)) {
      hits.push({ subtype, start: match.index, end: match.index + match[0].length });
    }
  }
  return hits.sort((a, b) => a.start - b.start || (a.subtype < b.subtype ? -1 : 1));
}
