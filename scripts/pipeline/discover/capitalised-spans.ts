/**
 * The primary candidate finder: runs of capitalised words in a sentence.
 *
 * compromise's people()/places()/organizations() ran at ~140 KB/s on the seeds
 * (82 KB in 574 ms: minutes for 5,000 articles) and still missed multiword names
 * ("Chatham House", "Aghiad Hegazi"), so this linear scan (~1.5–4 MB/s) finds the
 * spans and compromise only types each distinct span once (see classify.ts).
 */
import type { Span } from '../link/excluded-spans.ts';
import type { Token } from '../link/tokenize.ts';
import { FUNCTION_WORDS, LOCATIVES, MONTHS_AND_DAYS, NAME_PARTICLES, ORGANISATION_HEADS, PLACE_HEADS, TITLES } from './word-lists.ts';

export interface NameSpan {
  /** Offsets in the text the tokens came from. */
  start: number;
  end: number;
  /** Word count, for typing ("Aghiad Hegazi" has two). */
  words: number;
  /** The word before the span is a locative preposition ("in Latakia"). */
  locative: boolean;
  /** Indices of the span's first and last token in the token list it came from. */
  firstToken: number;
  lastToken: number;
}

const CAPITALISED = /^\p{Lu}/u;
/** Characters after which the next word starts a clause and may be capitalised for that reason alone. */
const CLAUSE_OPENERS = new Set([':', '“', '"', '‘', "'", '—', '–']);

function isCapitalisedWord(token: Token | undefined): boolean {
  return token !== undefined && token.isWord && CAPITALISED.test(token.text);
}

/** Words that can never be part of a name span (they split a run instead). */
/**
 * "of" joins only after an institution or feature head ("Ministry of Defence",
 * "Gulf of Aden"), never after a person ("Ahmed al-Sharaa of Syria").
 */
function joinsWith(particle: string, previous: Token): boolean {
  if (particle === 'of') return ORGANISATION_HEADS.has(previous.text) || PLACE_HEADS.has(previous.text);
  return NAME_PARTICLES.has(particle);
}

function isBreakWord(text: string): boolean {
  return MONTHS_AND_DAYS.has(text) || TITLES.has(text) || FUNCTION_WORDS.has(text);
}

/** Binary search in sorted, disjoint spans (see mergeSpans): no quadratic blow-up on huge sentences. */
function overlapsAny(token: Token, spans: Span[]): boolean {
  let low = 0;
  let high = spans.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const span = spans[mid] as Span;
    if (span.end <= token.start) low = mid + 1;
    else if (span.start >= token.end) high = mid - 1;
    else return true;
  }
  return false;
}

/** Sort and merge overlapping spans so they can be binary-searched. */
export function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}

/**
 * @param blocked sorted, disjoint spans (from mergeSpans) that no name may touch.
 * @param isCommonWord says whether a clause-initial capitalised word is just an
 *   ordinary word ("Indeed", "Engaging"); such a word is dropped from the run.
 */
export function findCapitalisedSpans(tokens: Token[], blocked: Span[], isCommonWord: (word: string) => boolean): NameSpan[] {
  const spans: NameSpan[] = [];
  let i = 0;
  while (i < tokens.length) {
    const token = tokens[i] as Token;
    const previous = tokens[i - 1];
    const clauseInitial = previous === undefined || (!previous.isWord && CLAUSE_OPENERS.has(previous.text));
    const usable =
      isCapitalisedWord(token) &&
      !isBreakWord(token.text) &&
      !overlapsAny(token, blocked) &&
      !(clauseInitial && isCommonWord(token.text));
    // A hyphenated particle may open a name: "al-Sharaa’s forces".
    const nameAfterParticle = tokens[i + 2];
    const particleStart =
      token.isWord &&
      NAME_PARTICLES.has(token.text) &&
      tokens[i + 1]?.text === '-' &&
      !tokens[i + 1]?.spaceBefore &&
      nameAfterParticle !== undefined &&
      isCapitalisedWord(nameAfterParticle) &&
      !nameAfterParticle.spaceBefore &&
      !overlapsAny(token, blocked) &&
      !overlapsAny(nameAfterParticle, blocked);
    if (!usable && !particleStart) {
      i++;
      continue;
    }
    const first = i;
    let last = particleStart ? i + 2 : i;
    let words = 1;
    // "post-Assad Syria": a name glued to a lower-case prefix is a modifier; it stands alone.
    const gluedToPrefix = !particleStart && previous?.text === '-' && !token.spaceBefore && !previous.spaceBefore;
    // Extend: " Capital", "-Capital", " particle Capital", " particle-Capital".
    while (!gluedToPrefix) {
      const next = tokens[last + 1];
      if (next === undefined) break;
      if (next.isWord && next.spaceBefore && isCapitalisedWord(next) && !isBreakWord(next.text) && !overlapsAny(next, blocked)) {
        last += 1;
        words++;
        continue;
      }
      const after = tokens[last + 2];
      if (next.text === '-' && !next.spaceBefore && after && !after.spaceBefore && isCapitalisedWord(after) && !overlapsAny(after, blocked)) {
        last += 2;
        continue;
      }
      if (next.isWord && next.spaceBefore && joinsWith(next.text, tokens[last] as Token) && after && isCapitalisedWord(after) && !isBreakWord(after.text) && !overlapsAny(after, blocked)) {
        last += 2;
        words++;
        continue;
      }
      const afterHyphen = tokens[last + 3];
      if (next.isWord && next.spaceBefore && NAME_PARTICLES.has(next.text) && after?.text === '-' && !after.spaceBefore && afterHyphen && !afterHyphen.spaceBefore && isCapitalisedWord(afterHyphen) && !overlapsAny(afterHyphen, blocked)) {
        last += 3;
        words++;
        continue;
      }
      break;
    }
    // "in Latakia", "in the Caucasus".
    const article = tokens[first - 1]?.isWord && /^the$/i.test(tokens[first - 1]!.text);
    const before = tokens[first - (article ? 2 : 1)];
    spans.push({
      start: (tokens[first] as Token).start,
      end: (tokens[last] as Token).end,
      words,
      locative: before !== undefined && before.isWord && LOCATIVES.has(before.text.toLowerCase()),
      firstToken: first,
      lastToken: last,
    });
    i = last + 1;
  }
  return spans;
}
