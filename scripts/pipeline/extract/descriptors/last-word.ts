/**
 * The word ending just before an offset, then only white space: what
 * `LAST_WORD` finds in the text up to that offset, found by walking back
 * from it instead.
 *
 * Why not the pattern: an end-anchored pattern is tried at every position of
 * what it is given. Over the whole paragraph before each name that was
 * quadratic (a tenth of the pipeline at 5,000 articles); over a window of the
 * last 120 characters it was still about 0.7 s of a cold build's per-article
 * stages, for a word and a space or two that a walk back reads directly.
 */

/** The definition, kept as the tests' oracle: a letter, then letters, digits and `.'’-`, then white space to the end. */
export const LAST_WORD = /([\p{L}][\p{L}\p{N}.'’-]*)\s+$/u;

const SPACE = /^\s$/u;
const LETTER = /^\p{L}$/u;
const IN_WORD = /^[\p{L}\p{N}.'’-]$/u;

// ASCII answered without a pattern; anything else by the same classes as LAST_WORD.
const isSpace = (code: number, character: string) => (code < 128 ? code === 32 || (code >= 9 && code <= 13) : SPACE.test(character));
const isAsciiLetter = (code: number) => (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
const isLetter = (code: number, character: string) => (code < 128 ? isAsciiLetter(code) : LETTER.test(character));
const isInWord = (code: number, character: string) =>
  code < 128 ? isAsciiLetter(code) || (code >= 48 && code <= 57) || code === 46 || code === 39 || code === 45 : IN_WORD.test(character);

/** Where the code point ending at `at` starts: a surrogate pair is one code point, as under the `u` flag. */
function startBefore(text: string, at: number): number {
  const low = text.charCodeAt(at - 1);
  if (low >= 0xdc00 && low <= 0xdfff && at >= 2) {
    const high = text.charCodeAt(at - 2);
    if (high >= 0xd800 && high <= 0xdbff) return at - 2;
  }
  return at - 1;
}

/** Walks back from `at` while `test` holds of each code point; returns where the run starts. */
function runBefore(text: string, at: number, test: (code: number, character: string) => boolean): number {
  let start = at;
  while (start > 0) {
    const previous = startBefore(text, start);
    const code = text.codePointAt(previous)!;
    if (!test(code, String.fromCodePoint(code))) break;
    start = previous;
  }
  return start;
}

/**
 * `LAST_WORD.exec(text.slice(0, end))`, as its group and index. The white
 * space must run to `end`, so the word is the run of word characters right
 * before it, from its first letter (the pattern's leftmost match).
 */
export function lastWordBefore(text: string, end: number): { 1: string; index: number } | undefined {
  const wordEnd = runBefore(text, end, isSpace);
  if (wordEnd === end) return undefined;
  for (let at = runBefore(text, wordEnd, isInWord); at < wordEnd; ) {
    const code = text.codePointAt(at)!;
    if (isLetter(code, String.fromCodePoint(code))) return { 1: text.slice(at, wordEnd), index: at };
    at += code > 0xffff ? 2 : 1;
  }
  return undefined;
}
