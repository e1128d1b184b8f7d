/**
 * Find registry entities in an article's paragraphs.
 *
 * Two passes per article: (1) scan every paragraph once with the token trie,
 * taking the longest surface form at each position, and resolve each match to
 * one entity; (2) resolve bare surnames, which need to know which people the
 * article names in full.
 *
 * Offsets: `start`/`end` wrap the name only. A possessive "’s" is never part of
 * a mention ("Syria’s" → text "Syria"), so a link wraps the name; the article
 * of a metonym is not either ("the Kremlin" → "Kremlin").
 */
import type { Mention, MentionVia, Paragraph, SegmentedArticle } from '../model.ts';
import { viaRank, type AliasIndex, type SurfaceEntry, type TrieNode } from './alias-index.ts';
import { isLocativeContext } from './context.ts';
import { findExcludedSpans } from './excluded-spans.ts';
import { normalizeForMatching } from './normalize.ts';
import { continuationKey, tokenize, type Token } from './tokenize.ts';
import { FUNCTION_WORDS, MONTHS_AND_DAYS, TITLES } from '../discover/word-lists.ts';

/** A longest match in one paragraph, before it is resolved to one entity. */
interface RawMatch {
  paragraph: Paragraph;
  start: number;
  end: number;
  entries: SurfaceEntry[];
  locative: boolean;
}

/**
 * A capitalised word right next to a match that could continue the name
 * ("White" + "House", "Ali" + "Akbar Velayati", "Akbar" + "Ali"). Titles,
 * function words and month names do not continue names ("President Putin",
 * "On Monday Putin").
 */
function continuesName(token: Token | undefined, adjacent: boolean): boolean {
  return token !== undefined && adjacent && token.isWord && /^\p{Lu}/u.test(token.text) && !TITLES.has(token.text) && !FUNCTION_WORDS.has(token.text) && !MONTHS_AND_DAYS.has(token.text);
}

/**
 * A multiword name is atomic: a form that is only part of a longer run of
 * capitalised words names something else ("White House" is never the
 * commentator White; "Ali Akbar Velayati" is never "Ali"). Demonyms are
 * exempt, being adjectives before names ("Russian Defence Ministry").
 * The word after a match counts for any form; the word before only for a
 * one-word form of a person ("Akbar Ali" is not the registry's Ahmed Ali),
 * and not when it opens the sentence.
 */
function partOfLongerName(tokens: Token[], first: number, last: number, entries: SurfaceEntry[], titleCase: boolean): boolean {
  // In a Title Case headline every word is capitalised: the rule cannot tell names apart there.
  if (titleCase || entries.every((entry) => entry.via === 'demonym')) return false;
  // "post-Assad Syria": a name glued to a lower-case prefix is a modifier of the next name, not part of it.
  const prefixed = tokens[first - 1]?.text === '-' && !tokens[first]?.spaceBefore && /^\p{Ll}/u.test(tokens[first - 2]?.text ?? '');
  const next = tokens[last + 1];
  if (!prefixed && continuesName(next, next?.spaceBefore === true)) return true;
  const previous = tokens[first - 1];
  // Only a one-word form of a person can be the tail of someone else's name ("Akbar Ali"); a full name is complete in itself.
  const personForm = first === last && entries.some((entry) => entry.via === 'surname' || entry.person);
  if (!personForm || !continuesName(previous, tokens[first]?.spaceBefore === true)) return false;
  // The word before only continues the name when it is not the sentence's opening word.
  const beforePrevious = tokens[first - 2];
  return beforePrevious !== undefined && !/^[.!?:;“"‘(—–]$/u.test(beforePrevious.text);
}

/** Index of the last item starting at or before `offset` (items sorted by start), or -1. */
function lastStartingAtOrBefore(items: readonly { start: number }[], offset: number): number {
  let low = 0;
  let high = items.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (items[mid]!.start <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** "Putin Hosts Syria's Sharaa": every word of four letters or more capitalised (at least three of them); prose always has a lower-case one. */
function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((token) => token.isWord && token.text.length >= 4 && /^\p{L}/u.test(token.text));
  return words.length >= 3 && words.every((token) => /^\p{Lu}/u.test(token.text));
}

interface Resolved {
  entityId: string;
  via: MentionVia;
}

/** Greedy left-to-right longest match; matches never overlap. */
function scanParagraph(paragraph: Paragraph, index: AliasIndex): RawMatch[] {
  const text = normalizeForMatching(typeof paragraph.text === 'string' ? paragraph.text : '');
  const tokens = tokenize(text);
  const excluded = findExcludedSpans(text);
  const matches: RawMatch[] = [];
  // Per sentence: a Title Case headline may share a paragraph with prose.
  const sentences = Array.isArray(paragraph.sentences) ? paragraph.sentences : [];
  // Computed only when a match needs it, from the sentence's own tokens (binary search: a 2 MB paragraph stays linear).
  const titleCaseBySentence = new Map<number, boolean>();
  const titleCaseAt = (offset: number): boolean => {
    const position = lastStartingAtOrBefore(sentences, offset);
    if (position < 0) return false;
    let known = titleCaseBySentence.get(position);
    if (known === undefined) {
      const sentence = sentences[position]!;
      const from = lastStartingAtOrBefore(tokens, sentence.start - 1) + 1;
      const sentenceTokens: Token[] = [];
      for (let k = from; k < tokens.length && tokens[k]!.end <= sentence.end; k++) sentenceTokens.push(tokens[k]!);
      known = isTitleCase(sentenceTokens);
      titleCaseBySentence.set(position, known);
    }
    return known;
  };
  let nextExcluded = 0;
  const isExcluded = (token: Token): boolean => {
    while (nextExcluded < excluded.length && (excluded[nextExcluded]?.end ?? 0) <= token.start) nextExcluded++;
    const span = excluded[nextExcluded];
    return span !== undefined && span.start < token.end && token.start < span.end;
  };

  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i] as Token;
    if (!first.isWord) continue;
    const root = index.roots.get(first.text);
    if (!root || isExcluded(first)) continue;
    let best: { last: number; node: TrieNode } | undefined = root.entries.length > 0 ? { last: i, node: root } : undefined;
    let node: TrieNode | undefined = root;
    for (let j = i + 1; j < tokens.length; j++) {
      const token = tokens[j] as Token;
      node = node.next.get(continuationKey(token));
      if (!node) break;
      if (node.entries.length > 0) best = { last: j, node };
    }
    if (!best) continue;
    const last = tokens[best.last] as Token;
    // A form must end at a word boundary: "Iran" never matches the "Iran" of "Iran2"
    // (the tokenizer guarantees this), and it must not run into an excluded span.
    if (isExcluded(last)) continue;
    if (partOfLongerName(tokens, i, best.last, best.node.entries, titleCaseAt(first.start))) {
      i = best.last;
      continue;
    }
    matches.push({ paragraph, start: first.start, end: last.end, entries: best.node.entries, locative: isLocativeContext(tokens, i) });
    i = best.last;
  }
  return matches;
}

/** The single entity a non-surname match stands for, or undefined when ambiguous. */
function resolveDirect(match: RawMatch): Resolved | undefined {
  let entries = match.entries.filter((e) => e.via !== 'surname');
  if (entries.length === 0) return undefined;
  // Capital-as-metonym: "in Moscow" is the city, "Moscow has sought" the state.
  const locations = entries.filter((e) => e.isLocation && e.via !== 'metonym');
  const metonyms = entries.filter((e) => e.via === 'metonym');
  if (locations.length > 0 && metonyms.length > 0) entries = match.locative ? locations : metonyms;
  // Otherwise the strongest way of naming wins (a name over someone else's metonym).
  const bestRank = Math.min(...entries.map((e) => viaRank(e.via)));
  const strongest = entries.filter((e) => viaRank(e.via) === bestRank);
  // Two entities named the same way: the registry is ambiguous; do not guess.
  return strongest.length === 1 && strongest[0] ? { entityId: strongest[0].entityId, via: strongest[0].via } : undefined;
}

/**
 * A bare surname resolves when only one registry person has it, or else when
 * exactly one of its owners is named in full (name/alias) in this article.
 */
function resolveSurname(match: RawMatch, namedInFull: Set<string>): Resolved | undefined {
  const owners = match.entries.filter((e) => e.via === 'surname').map((e) => e.entityId);
  if (owners.length === 1 && owners[0]) return { entityId: owners[0], via: 'surname' };
  const named = owners.filter((id) => namedInFull.has(id));
  return named.length === 1 && named[0] ? { entityId: named[0], via: 'surname' } : undefined;
}

/** The sentence whose span holds `offset`; else the last one starting before it; else the first. */
function sentenceIdAt(paragraph: Paragraph, offset: number): string {
  const sentences = Array.isArray(paragraph.sentences) ? paragraph.sentences : [];
  let low = 0;
  let high = sentences.length - 1;
  let found = -1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if ((sentences[mid]?.start ?? 0) <= offset) {
      found = mid;
      low = mid + 1;
    } else high = mid - 1;
  }
  return sentences[found]?.id ?? sentences[0]?.id ?? '';
}

/**
 * An article's longest matches against one alias index, before they are
 * resolved: what linking resolves, and all the cache key needs to know which
 * entities the article names. The build scans each article once for its key,
 * and links the articles it must process from the same scan.
 */
export interface ArticleScan {
  readonly article: SegmentedArticle;
  readonly index: AliasIndex;
  readonly matches: readonly RawMatch[];
}

export function scanArticle(article: SegmentedArticle, index: AliasIndex): ArticleScan {
  const paragraphs = Array.isArray(article?.paragraphs) ? article.paragraphs : [];
  return { article, index, matches: paragraphs.flatMap((paragraph) => scanParagraph(paragraph, index)) };
}

/** `scan`, when it is this article's against this index; else a new scan. */
function scanOf(article: SegmentedArticle, index: AliasIndex, scan: ArticleScan | undefined): ArticleScan {
  return scan && scan.article === article && scan.index === index ? scan : scanArticle(article, index);
}

export function linkMentions(article: SegmentedArticle, index: AliasIndex, scan?: ArticleScan): Mention[] {
  const { matches } = scanOf(article, index, scan);

  const resolved = matches.map((match) => (match.entries.some((e) => e.via !== 'surname') ? resolveDirect(match) : undefined));
  const namedInFull = new Set<string>();
  resolved.forEach((r) => {
    if (r && (r.via === 'name' || r.via === 'alias')) namedInFull.add(r.entityId);
  });

  const mentions: Mention[] = [];
  matches.forEach((match, i) => {
    const isSurnameOnly = !match.entries.some((e) => e.via !== 'surname');
    const result = isSurnameOnly ? resolveSurname(match, namedInFull) : resolved[i];
    if (!result) return;
    mentions.push({
      entityId: result.entityId,
      articleSlug: article.slug,
      paragraphId: match.paragraph.id,
      sentenceId: sentenceIdAt(match.paragraph, match.start),
      start: match.start,
      end: match.end,
      text: match.paragraph.text.slice(match.start, match.end),
      via: result.via,
    });
  });
  return mentions;
}

/** Ids of every entity a form of which occurs in the article (ambiguous forms included): what its links can depend on. */
export function entitiesNamedIn(article: SegmentedArticle, index: AliasIndex, scan?: ArticleScan): string[] {
  const ids = new Set<string>();
  for (const match of scanOf(article, index, scan).matches) for (const entry of match.entries) ids.add(entry.entityId);
  return [...ids].sort();
}
