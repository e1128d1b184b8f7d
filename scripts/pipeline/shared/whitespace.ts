/**
 * Whitespace as JavaScript's `\s` and `String.prototype.trim` define it, for
 * the hot paths of segmentation. Every paragraph and sentence of the corpus
 * has its whitespace collapsed for its id; `text.replace(/\s+/gu, ' ')`
 * matches, and rewrites, every single space between words, which made the
 * ids about 2.5 s of a 5,000-article build's main thread. Most texts have
 * nothing to collapse, and one scan of their character codes says so.
 */

/** Whether the UTF-16 code unit `code` is whitespace (`/\s/`: the same set `trim` removes). */
export function isWhitespaceCode(code: number): boolean {
  if (code <= 32) return code === 32 || (code >= 9 && code <= 13);
  if (code < 0xa0) return false;
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** Whether collapsing would change `text` between its ends: it has whitespace other than single spaces. */
function hasLooseWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 32) {
      if (text.charCodeAt(i + 1) === 32) return true;
    } else if (isWhitespaceCode(code)) return true;
  }
  return false;
}

/** Each run of whitespace as one space, and none at the ends: `text.replace(/\s+/g, ' ').trim()`. */
export function collapseWhitespace(text: string): string {
  return (hasLooseWhitespace(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** How many whitespace code units `text` ends with (`/\s+$/`, without its scan from every space). */
export function trailingWhitespaceLength(text: string): number {
  let end = text.length;
  while (end > 0 && isWhitespaceCode(text.charCodeAt(end - 1))) end--;
  return text.length - end;
}
