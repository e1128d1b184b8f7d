/**
 * Sentence boundaries inside one paragraph, as offsets into its text.
 *
 * Why not compromise: `nlp(text).sentences().json({ offset: true })` was
 * measured at ~200 ms per 1,000 words (far over the budget of 5,000 articles
 * in seconds) and its offsets skip leading punctuation (an opening quote or
 * "..." is missing from the sliced span), so `text.slice(start, end)` would
 * not equal the sentence.
 *
 * Instead: the platform's `Intl.Segmenter` (ICU, Unicode UAX #29 sentence
 * rules: exact offsets, quotes, decimals, ellipses, any script, linear time)
 * and a small repair pass for what UAX #29 does not know: English
 * abbreviations ("Dr.", "Jan."), initials ("J. R. Smith"), dotted acronyms
 * ("U.S. Army") and fragments that are only punctuation ("...The final stage"),
 * plus source citations written after the full stop ("…a global player. (csis.org) Now…").
 */
import { ACRONYM_SENTENCE_STARTERS, NON_TERMINAL_ABBREVIATIONS } from './abbreviations.ts';
import { trailingWhitespaceLength } from '../shared/whitespace.ts';

export interface SentenceSpan {
  /** Offset of the first non-space character, inclusive. */
  start: number;
  /** Offset after the last non-space character, exclusive. */
  end: number;
}

// One shared instance: constructing a segmenter is far costlier than using it, and it holds no state between calls.
const sentenceSegmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const LINE_SEPARATORS = /[\n\r\u0085\u2028\u2029]/gu;
const HAS_WORD_CHARACTER = /[\p{L}\p{N}]/u;
const LEADING_SPACE = /^\s+/u;

/** Split `text` into trimmed sentence spans; `text.slice(start, end)` is each sentence. Never throws. */
export function splitSentences(text: string): SentenceSpan[] {
  const raw: SentenceSpan[] = [];
  // UAX #29 always breaks at a line separator; inside a block that is only wrapping,
  // and ids must not depend on wrapping. Same-length replacement keeps offsets valid.
  const unwrapped = text.replace(LINE_SEPARATORS, ' ');
  for (const { segment, index } of sentenceSegmenter.segment(unwrapped)) {
    const lead = LEADING_SPACE.exec(segment)?.[0].length ?? 0;
    if (lead === segment.length) continue;
    const trail = trailingWhitespaceLength(segment);
    raw.push({ start: index + lead, end: index + segment.length - trail });
  }
  return reattachCitations(text, mergeFalseBreaks(text, raw));
}

function mergeFalseBreaks(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const merged: SentenceSpan[] = [];
  let current: SentenceSpan | undefined;
  for (const next of spans) {
    if (current && shouldJoin(text, current, next)) {
      current = { start: current.start, end: next.end };
    } else {
      if (current) merged.push(current);
      current = { ...next };
    }
  }
  if (current) merged.push(current);
  return merged;
}

function shouldJoin(text: string, current: SentenceSpan, next: SentenceSpan): boolean {
  // Only punctuation/emoji on either side ("...", "—", a stray ")"): not a sentence of its own.
  // Bounded slices keep this O(1) per boundary even for a 2 MB paragraph.
  if (!hasWordCharacter(text, current) || !hasWordCharacter(text, next)) return true;

  const nextStart = text.slice(next.start, next.start + 24);
  const firstChar = nextStart.replace(/^[\s"“‘'(\[]+/u, '').charAt(0);
  // UAX #29 breaks after "?"/"!" even before lowercase: `"Why?" he asked.`
  if (firstChar !== '' && firstChar !== firstChar.toUpperCase() && firstChar === firstChar.toLowerCase()) return true;

  const tail = text.slice(Math.max(current.start, current.end - 24), current.end);
  const lastToken = /(?:^|[\s(\[“"‘'])([\p{L}][\p{L}.]*)\.$/u.exec(tail)?.[1];
  if (lastToken === undefined) return false;
  if (NON_TERMINAL_ABBREVIATIONS.has(lastToken.toLowerCase())) return true;
  // A single capital is an initial ("J. R. Smith"); "Plan B." ending a sentence is rarer.
  if (/^\p{Lu}$/u.test(lastToken)) return true;
  // Dotted acronym ("U.S.", "U.N."): usually mid-sentence ("the U.S. Army"),
  // but a pronoun or article after it starts a new sentence ("…in the U.S. He said").
  if (/^(?:\p{L}\.)+\p{L}$/u.test(lastToken)) {
    const nextWord = /^[\p{L}']+/u.exec(nextStart.replace(/^[\s"“‘'(\[]+/u, ''))?.[0] ?? '';
    return !ACRONYM_SENTENCE_STARTERS.has(nextWord);
  }
  return false;
}

function hasWordCharacter(text: string, span: SentenceSpan): boolean {
  // Sentences with no letter or digit are short in practice; cap the scan so a huge emoji run stays cheap.
  return HAS_WORD_CHARACTER.test(text.slice(span.start, Math.min(span.end, span.start + 200)));
}

/** A short parenthesised source after a full stop: "(Reuters)", "(csis.org)", "(The Moscow Times)". */
const CITATION_AFTER_STOP = /[.!?]["”’']?\s+\([^()\n]{1,60}\)(?=\s+\S)/gu;
const LEADING_CITATION = /^\([^()\n]{1,60}\)(?=\s+\S)/u;
const ENDS_WITH_STOP = /[.!?]["”’']?$/u;

/**
 * Web articles cite a source after the full stop: "…strikes. (fdd.org) He is…".
 * UAX #29 either opens the next sentence with the citation or does not break at
 * all; the citation belongs to the sentence before it.
 */
function reattachCitations(text: string, spans: SentenceSpan[]): SentenceSpan[] {
  const split: SentenceSpan[] = [];
  for (const span of spans) {
    let start = span.start;
    const body = text.slice(span.start, span.end);
    for (const match of body.matchAll(CITATION_AFTER_STOP)) {
      const cut = span.start + match.index + match[0].length;
      const nextStart = cut + (LEADING_SPACE.exec(text.slice(cut, cut + 64))?.[0].length ?? 0);
      split.push({ start, end: cut });
      start = nextStart;
    }
    split.push({ start, end: span.end });
  }

  for (let i = 1; i < split.length; i++) {
    const previous = split[i - 1];
    const current = split[i];
    if (!previous || !current) continue;
    const citation = LEADING_CITATION.exec(text.slice(current.start, current.start + 64))?.[0];
    if (citation === undefined) continue;
    if (!ENDS_WITH_STOP.test(text.slice(Math.max(previous.start, previous.end - 4), previous.end))) continue;
    const afterCitation = current.start + citation.length;
    const rest = LEADING_SPACE.exec(text.slice(afterCitation, afterCitation + 64))?.[0].length ?? 0;
    previous.end = afterCitation;
    current.start = afterCitation + rest;
  }
  return split;
}
