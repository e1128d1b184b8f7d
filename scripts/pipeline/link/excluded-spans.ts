/**
 * Spans of a paragraph where names must not be linked: URLs, bare domains
 * ("chathamhouse.org", "pic.twitter.com/…") and @handles ("@white_lenka").
 */

export interface Span {
  start: number;
  end: number;
}

/**
 * Scheme or www URLs; bare domains need a lower-case TLD of 2+ letters so that
 * "U.S." or "e.g." are not mistaken for one; handles are "@" + word characters.
 * The lookbehind starts a domain only at a word start, so the regex is not
 * retried at every letter of every word (that alone made it ~10× slower).
 */
export const NON_PROSE = /(?:https?:\/\/|www\.)\S+|(?<![\p{L}\p{N}_.-])[\p{L}\p{N}_-]+(?:\.[\p{L}\p{N}_-]+)*\.[a-z]{2,}(?![\p{L}\p{N}])(?:\/\S*)?|@[\p{L}\p{N}_]+/gu;
/**
 * Cheap pre-check, what any match of NON_PROSE contains: "://" or "www." (a URL), ".xy" (a
 * domain's TLD) or "@" (a handle). Most paragraphs have none, so the full regex is skipped.
 * Not a bare ":", which news text uses everywhere ("said:", "10:30").
 */
const MAYBE_NON_PROSE = /@|:\/\/|www\.|\.[a-z]{2}/;

/** Sorted, non-overlapping spans (regex matches never overlap). */
export function findExcludedSpans(text: string): Span[] {
  const spans: Span[] = [];
  if (!MAYBE_NON_PROSE.test(text)) return spans;
  for (const match of text.matchAll(NON_PROSE)) spans.push({ start: match.index, end: match.index + match[0].length });
  return spans;
}
