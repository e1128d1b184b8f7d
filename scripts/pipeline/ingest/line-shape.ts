/**
 * Shape tests on single trimmed lines: the cheap signals (length, final
 * punctuation, list markers) that tell a headline from a paragraph in a
 * scrape where every paragraph is one line.
 */

/** Headings are short: a few words, well under a sentence of body text. */
export const MAX_HEADING_LENGTH = 100;
const MAX_HEADING_WORDS = 14;
/** Headlines may run longer than section headings, but never paragraph-long. */
export const MAX_HEADLINE_LENGTH = 200;

const LIST_ITEM = /^[-*•]\s+(?=\S)/;
const MARKDOWN_HEADING = /^#{1,6}\s+(?=\S)/;
/** Sentence-final or clause-final punctuation, including closing quotes after it. */
const FINAL_PUNCTUATION = /[.!?:;,…]["'”’»)\]]*$/u;
const URL_LIKE = /\bhttps?:\/\/|\bwww\.|\.com\//i;

export function isListItem(trimmed: string): boolean {
  return LIST_ITEM.test(trimmed);
}

export function listItemText(trimmed: string): string {
  return trimmed.replace(LIST_ITEM, '');
}

export function isMarkdownHeading(trimmed: string): boolean {
  return MARKDOWN_HEADING.test(trimmed);
}

export function markdownHeadingText(trimmed: string): string {
  return trimmed.replace(MARKDOWN_HEADING, '').replace(/\s+#+\s*$/, '');
}

/** Ends like a sentence or an introduction ("According to Al Jazeera:"). */
export function hasFinalPunctuation(trimmed: string): boolean {
  return FINAL_PUNCTUATION.test(trimmed);
}

/** A line that introduces what follows ("Syrian President Ahmad al-Sharaa:"). */
export function isLeadIn(trimmed: string): boolean {
  return /:["'”’]?$/.test(trimmed);
}

function wordCount(trimmed: string): number {
  let count = 0;
  for (const _ of trimmed.matchAll(/\S+/g)) count++;
  return count;
}

/**
 * A section heading in a flattened scrape: short, no final punctuation,
 * starts with a capital or digit, and is not a link or list item.
 * ("Russia Adapts to Post-Assad Syria", "What Russia is Likely to Seek").
 */
export function isHeadingLike(trimmed: string): boolean {
  if (trimmed.length === 0 || trimmed.length > MAX_HEADING_LENGTH) return false;
  if (hasFinalPunctuation(trimmed) || isListItem(trimmed) || URL_LIKE.test(trimmed)) return false;
  if (!/^[\p{Lu}\p{N}"“'‘]/u.test(trimmed)) return false;
  return wordCount(trimmed) <= MAX_HEADING_WORDS;
}

/**
 * A headline on the first line: like a heading but allowed to be longer, and
 * allowed to end in "?" or "!" (question headlines); never ends in "." or ":".
 */
export function isHeadlineLike(trimmed: string): boolean {
  if (trimmed.length === 0 || trimmed.length >= MAX_HEADLINE_LENGTH) return false;
  if (/[.:;,…]["'”’]?$/.test(trimmed) || isListItem(trimmed) || URL_LIKE.test(trimmed)) return false;
  if (!/^[\p{Lu}\p{N}"“'‘#]/u.test(trimmed)) return false;
  return wordCount(trimmed) >= 2;
}

/** Length in code points, so emoji and flags count as a tweet counts them, roughly. */
export function codePointLength(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}
