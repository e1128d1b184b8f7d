/**
 * Name-like phrases that the registry does not cover, for an editor to add.
 *
 * Pipeline: collect the corpus' lower-case vocabulary (to tell "Indeed" from
 * "Moscow" at a sentence start) → find capitalised runs per sentence, minus
 * linked mentions, URLs and handles → merge variants → type each distinct name
 * once with compromise → sort by count, then name.
 */
import type { Candidate, Mention, Paragraph, SegmentedArticle, Sentence } from '../model.ts';
import { findExcludedSpans, type Span } from '../link/excluded-spans.ts';
import { normalizeForMatching } from '../link/normalize.ts';
import { tokenize, type Token } from '../link/tokenize.ts';
import { findCapitalisedSpans, mergeSpans } from './capitalised-spans.ts';
import { classifyCandidate, makeCommonWordTest } from './classify.ts';
import { FUNCTION_WORDS } from './word-lists.ts';

const MAX_EXAMPLES = 3;
/** A short line without closing punctuation is a heading or caption ("Story Highlights"). */
const HEADING_MAX_WORDS = 12;
const CLOSING_PUNCTUATION = /[.!?…"”’')]$/u;

interface Tally {
  variants: Map<string, number>;
  count: number;
  articles: Set<string>;
  examples: Candidate['examples'];
  locative: number;
  words: number;
}

function mentionSpansByParagraph(mentions: Mention[]): Map<string, Span[]> {
  const byParagraph = new Map<string, Span[]>();
  for (const mention of mentions ?? []) {
    const key = `${mention.articleSlug}\u0000${mention.paragraphId}`;
    let spans = byParagraph.get(key);
    if (!spans) byParagraph.set(key, (spans = []));
    spans.push({ start: mention.start, end: mention.end });
  }
  return byParagraph;
}

function lowercaseVocabulary(paragraphTokens: Token[][]): Set<string> {
  const vocabulary = new Set<string>();
  for (const tokens of paragraphTokens) {
    for (const token of tokens) if (token.isWord && /^\p{Ll}/u.test(token.text)) vocabulary.add(token.text);
  }
  return vocabulary;
}

function looksLikeHeading(paragraph: Paragraph, tokens: Token[]): boolean {
  if (paragraph.kind === 'heading') return true;
  const words = tokens.filter((t) => t.isWord).length;
  return words <= HEADING_MAX_WORDS && !CLOSING_PUNCTUATION.test(paragraph.text.trim());
}

/**
 * Title Case headlines ("Putin Hosts Syria's Sharaa As Russian Forces Exit North In
 * Tandem With US Drawdown"). Name-dense prose is mostly capitalised too, so the
 * tell is a capitalised function word ("As", "In", "With") after the first word.
 */
function isTitleCase(tokens: Token[]): boolean {
  const words = tokens.filter((t) => t.isWord && /^\p{L}/u.test(t.text));
  if (words.length < 4) return false;
  const capitalised = words.filter((t) => /^\p{Lu}/u.test(t.text)).length;
  return capitalised / words.length >= 0.7 && words.slice(1).some((t) => FUNCTION_WORDS.has(t.text));
}

/** One key for "the Cradle", "Cradle", "CRADLE"; possessives never reach here (the tokenizer splits them off). */
function mergeKey(name: string): string {
  return name.toLowerCase().replace(/\s+/g, ' ').replace(/^the /, '');
}

/**
 * Group a paragraph's (sorted) tokens by sentence in one merge-like pass, so a
 * 2 MB paragraph with thousands of sentences stays linear.
 */
function tokensBySentence(tokens: Token[], sentences: Sentence[]): { sentence: Sentence; tokens: Token[] }[] {
  const ordered = [...sentences].sort((a, b) => a.start - b.start);
  const groups: { sentence: Sentence; tokens: Token[] }[] = [];
  let t = 0;
  for (const sentence of ordered) {
    while (t < tokens.length && (tokens[t] as Token).start < sentence.start) t++;
    const group: Token[] = [];
    let u = t;
    while (u < tokens.length && (tokens[u] as Token).end <= sentence.end) group.push(tokens[u++] as Token);
    groups.push({ sentence, tokens: group });
  }
  return groups;
}

function mostFrequentVariant(variants: Map<string, number>): string {
  let best = '';
  let bestCount = -1;
  for (const [variant, count] of variants) {
    if (count > bestCount || (count === bestCount && variant < best)) {
      best = variant;
      bestCount = count;
    }
  }
  return best;
}

/**
 * A lone word that is the surname of a multiword person candidate ("Assad" next to
 * "Bashar al-Assad") is that person's surname, whatever compromise guessed.
 */
function retypeSurnames(candidates: Candidate[]): void {
  const surnames = new Set<string>();
  for (const candidate of candidates) {
    if (candidate.type !== 'person' || !/\s/.test(candidate.name)) continue;
    const last = candidate.name.split(/\s+/).at(-1) ?? '';
    surnames.add(last.toLowerCase());
    surnames.add(last.replace(/^\p{Ll}+-/u, '').toLowerCase());
  }
  for (const candidate of candidates) {
    // Only overrides the fallback guess, never a type compromise or a head word gave.
    if (candidate.type === 'organisation' && !/\s/.test(candidate.name) && surnames.has(candidate.name.toLowerCase())) candidate.type = 'person';
  }
}

export function discoverCandidates(articles: SegmentedArticle[], mentions: Mention[]): Candidate[] {
  const blockedByParagraph = mentionSpansByParagraph(mentions);
  const prepared = (articles ?? []).map((article) => ({
    article,
    paragraphs: (Array.isArray(article?.paragraphs) ? article.paragraphs : []).map((paragraph) => {
      const text = normalizeForMatching(typeof paragraph.text === 'string' ? paragraph.text : '');
      return { paragraph, text, tokens: tokenize(text) };
    }),
  }));
  const isCommonWord = makeCommonWordTest(lowercaseVocabulary(prepared.flatMap((a) => a.paragraphs.map((p) => p.tokens))));

  const tallies = new Map<string, Tally>();
  for (const { article, paragraphs } of prepared) {
    for (const { paragraph, text, tokens } of paragraphs) {
      if (looksLikeHeading(paragraph, tokens)) continue;
      const blocked = mergeSpans([...(blockedByParagraph.get(`${article.slug}\u0000${paragraph.id}`) ?? []), ...findExcludedSpans(text)]);
      const sentences = Array.isArray(paragraph.sentences) ? paragraph.sentences : [];
      for (const { sentence, tokens: sentenceTokens } of tokensBySentence(tokens, sentences)) {
        if (isTitleCase(sentenceTokens)) continue;
        for (const span of findCapitalisedSpans(sentenceTokens, blocked, isCommonWord)) {
          const name = text.slice(span.start, span.end);
          if (span.words === 1 && (name.length < 2 || isCommonWord(name))) continue;
          // Shouted multiword runs ("PAID SUBSCRIBER") are page furniture, not names.
          if (span.words > 1 && name === name.toUpperCase()) continue;
          const key = mergeKey(name);
          let tally = tallies.get(key);
          if (!tally) {
            tally = { variants: new Map(), count: 0, articles: new Set(), examples: [], locative: 0, words: span.words };
            tallies.set(key, tally);
          }
          tally.count++;
          tally.variants.set(name, (tally.variants.get(name) ?? 0) + 1);
          tally.articles.add(article.slug);
          if (span.locative) tally.locative++;
          const seen = tally.examples.some((e) => e.sentenceId === sentence.id && e.articleSlug === article.slug);
          if (!seen && tally.examples.length < MAX_EXAMPLES) tally.examples.push({ articleSlug: article.slug, sentenceId: sentence.id, text: sentence.text });
        }
      }
    }
  }

  const candidates: Candidate[] = [];
  for (const tally of tallies.values()) {
    const name = mostFrequentVariant(tally.variants);
    const type = classifyCandidate({ name, words: tally.words, locativeShare: tally.locative / tally.count });
    if (!type) continue;
    candidates.push({ name, type, count: tally.count, articles: [...tally.articles].sort(), examples: tally.examples });
  }
  retypeSurnames(candidates);
  return candidates.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
