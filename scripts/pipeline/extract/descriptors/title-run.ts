/**
 * Titles written before a name: "Syria’s interim President Ahmed al-Sharaa",
 * "Kremlin spokesman Dmitry Peskov", "the ousted Bashar al-Assad", and the
 * appositive form "Moscow’s long-time partner, Bashar al-Assad,".
 *
 * The scan walks backwards word by word from the name and never looks further
 * back than `floor` (the sentence start, at most a few hundred characters), so
 * its cost does not grow with the paragraph: a 2 MB paragraph without line
 * breaks costs the same per mention as a short one.
 */
import { isRelationNoun, isStatusOnly, isTitleNoun, isTitleWord } from './lexicon.ts';

export interface Span {
  start: number;
  end: number;
}

/** Non-person mentions (demonyms, states, organisations) indexed by end offset, for O(1) adjacency checks. */
export type AttachedIndex = ReadonlyMap<number, Span>;

export function indexAttached(spans: readonly Span[]): Map<number, Span> {
  const index = new Map<number, Span>();
  for (const span of spans) if (!index.has(span.end)) index.set(span.end, span);
  return index;
}

/** Longest look-back for a title run; titles are a handful of words. */
export const MAX_LOOKBACK = 160;
const MAX_TITLE_WORDS = 8;

/** The last word before `end` (callers pass word boundaries; only whitespace may sit between), or undefined. */
function wordBefore(text: string, end: number, floor: number): { word: string; start: number } | undefined {
  const local = text.slice(Math.max(floor, end - 60), end);
  const match = /([\p{L}][\p{L}\p{M}\p{N}.'’‐‑-]*)\s*$/u.exec(local);
  if (!match) return undefined;
  return { word: match[1]!, start: end - local.length + match.index };
}

/** A mention of a state, organisation or demonym ending right before `end` ("Kremlin spokesman"). */
function attachedBefore(text: string, end: number, attached: AttachedIndex): Span | undefined {
  for (let gap = 1; gap <= 2; gap++) {
    const span = attached.get(end - gap);
    if (span && /^\s+$/.test(text.slice(end - gap, end))) return span;
  }
  return undefined;
}

/** Include a leading "The" that belongs to an organisation's name ("The Cradle columnist"). */
function withLeadingThe(text: string, span: Span, floor: number): number {
  const before = text.slice(Math.max(floor, span.start - 5), span.start);
  const match = /(?:^|\s)(The)\s+$/.exec(before);
  return match ? span.start - before.length + match.index + match[0].indexOf('The') : span.start;
}

interface Run {
  start: number;
  hasTitle: boolean;
  hasStatus: boolean;
  words: number;
}

/** Walk back over title words and attached organisation/demonym mentions from `end`. */
function scanRun(text: string, end: number, floor: number, attached: AttachedIndex, firstIsHead: boolean): Run {
  const run: Run = { start: end, hasTitle: false, hasStatus: false, words: 0 };
  while (run.words < MAX_TITLE_WORDS) {
    // An organisation, state or demonym the linker found ("Kremlin", "Syrian",
    // "The Cradle") belongs to the title only once a title word is in.
    const span = run.hasTitle ? attachedBefore(text, run.start, attached) : undefined;
    if (span && span.start >= floor) {
      run.start = withLeadingThe(text, span, floor);
      run.words++;
      continue;
    }
    const previous = wordBefore(text, run.start, floor);
    if (!previous) break;
    const { word } = previous;
    const isHead = isTitleNoun(word) || (firstIsHead && run.words === 0 && isRelationNoun(word));
    if (!isHead && !isTitleWord(word)) break;
    if (isHead) run.hasTitle = true;
    if (isStatusOnly(word)) run.hasStatus = true;
    run.start = previous.start;
    run.words++;
  }
  return run;
}

/**
 * Title run that ends right before `nameStart` in `text`, or undefined.
 * `floor` bounds the look-back (pass the sentence start).
 */
export function titleBefore(text: string, nameStart: number, attached: AttachedIndex = new Map(), floor = 0): string | undefined {
  const lowest = Math.max(floor, nameStart - MAX_LOOKBACK);
  // "post-Assad", "al-Sharaa’s": a name glued to the previous word has no title.
  if (nameStart > 0 && /[\p{L}\p{N}‐‑-]/u.test(text[nameStart - 1]!)) return undefined;
  const run = scanRun(text, nameStart, lowest, attached, false);
  if (run.words === 0 || (!run.hasTitle && !run.hasStatus)) return undefined;
  return text.slice(run.start, nameStart).trim();
}

/**
 * "Moscow’s long-time partner, Bashar al-Assad, and …": a noun phrase ending
 * in a title or relation noun, a comma, then the name closed by a comma or the
 * sentence end. The possessive owner is kept ("Moscow’s"), a bare article is not.
 */
export function appositiveBefore(
  text: string,
  nameStart: number,
  nameEnd: number,
  attached: AttachedIndex = new Map(),
  floor = 0,
  ceiling = text.length,
): string | undefined {
  const lowest = Math.max(floor, nameStart - MAX_LOOKBACK);
  const comma = /,\s+$/.exec(text.slice(Math.max(lowest, nameStart - 4), nameStart));
  if (!comma) return undefined;
  if (!/^(?:,|\.|$)/.test(text.slice(nameEnd, Math.min(ceiling, nameEnd + 1)))) return undefined;
  const commaAt = nameStart - comma[0].length;
  const head = wordBefore(text, commaAt, lowest);
  if (!head || !(isTitleNoun(head.word) || isRelationNoun(head.word))) return undefined;
  const run = scanRun(text, commaAt, lowest, attached, true);
  if (run.words === 0) return undefined;
  let start = run.start;
  const owner = wordBefore(text, start, lowest);
  if (owner && /[’']s$/.test(owner.word)) start = owner.start;
  return text.slice(start, commaAt).trim();
}
