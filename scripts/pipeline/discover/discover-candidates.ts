/**
 * Name-like phrases that the registry does not cover, for an editor to add.
 *
 * Pipeline: collect the corpus' lower-case vocabulary (to tell "Indeed" from
 * "Moscow" at a sentence start) → find capitalised runs per sentence, minus
 * linked mentions, URLs and handles → merge variants → type each distinct name
 * once with compromise → sort by count, then name.
 */
import { escapeRegExp } from '../shared/regexp.ts';
import type { Candidate, Mention, Paragraph, SegmentedArticle, Sentence } from '../model.ts';
import { findExcludedSpans, type Span } from '../link/excluded-spans.ts';
import { normalizeForMatching } from '../link/normalize.ts';
import { tokenize, type Token } from '../link/tokenize.ts';
import { findCapitalisedSpans, mergeSpans } from './capitalised-spans.ts';
import { classifyCandidate, makeCommonWordTest, type CandidateType } from './classify.ts';
import { endsWithEventSite } from '../shared/event-types.ts';
import { bracketedAcronym, cuesAround, expansionStart, INSTALLATION_IN_PLACE, placesRoutedThrough } from './cues.ts';
import { FUNCTION_WORDS } from './word-lists.ts';

/** The sentences discovery reads of a paragraph. */
type DiscoverySentence = Pick<Sentence, 'id' | 'text' | 'start' | 'end'>;
/** The parts of a paragraph discovery reads. */
export type DiscoveryParagraph = Pick<Paragraph, 'id' | 'kind' | 'text'> & { sentences: readonly DiscoverySentence[] };
/**
 * What discovery reads of a segmented article: its slug, and its paragraphs'
 * ids, kinds, texts and sentences. A `SegmentedArticle` is one; a worker gets
 * only this much of each (scripts/io/discovery-wire.ts).
 */
export interface DiscoveryArticle {
  slug: string;
  paragraphs: readonly DiscoveryParagraph[];
}

const MAX_EXAMPLES = 3;
/** A short line without closing punctuation is a heading or caption ("Story Highlights"). */
const HEADING_MAX_WORDS = 12;
const CLOSING_PUNCTUATION = /[.!?…"”’')]$/u;

/** Where a name was seen: enough to cite the sentence. */
export interface NameSighting {
  articleSlug: string;
  paragraphId: string;
  sentenceId: string;
  /** The sentence. */
  text: string;
}

/** A role phrase a source attaches to a name ("Foreign Minister", "an adviser to Iran's Supreme Leader"). */
export interface RoleSighting extends NameSighting {
  phrase: string;
  /** A defining appositive after the name, rather than a title before it. */
  appositive: boolean;
}

/**
 * Everything discovery saw of one name across the corpus: the raw material
 * the resolve stage clusters, types and turns into entities.
 */
export interface DiscoveredName {
  name: string;
  /** Every spelling seen, most frequent first. */
  variants: string[];
  words: number;
  /** The type guessed from the name alone; undefined for adjectives and demonyms ("Kurdish"). */
  type: CandidateType | undefined;
  count: number;
  articles: string[];
  examples: Candidate['examples'];
  /** Occurrences that do not open their sentence (a sentence-initial word may be capitalised for that reason alone). */
  midSentence: number;
  /** Occurrences after a locative preposition ("in Gyumri"). */
  locative: number;
  /** Occurrences next to a speech verb ("X said", "according to X"). */
  speech: number;
  /** Occurrences as the site of a happening ("a police raid in Yekaterinburg", "talks in Doha"). */
  eventSite: number;
  /** Titles before and appositives after the name, in corpus order (capped). */
  roles: RoleSighting[];
  /** Acronyms written in brackets after the name ("(CSTO)"). */
  acronyms: string[];
  /** Set when the name is an installation phrase ("Tartus naval base", "102nd military base"). */
  installation?: { subtype: string; place?: string };
  /** Places a route runs through, as the paragraphs that use the name say ("a route through Syunik"), most often said first. */
  through?: { place: string; count: number }[];
  /** Every word of the name is also used in lower case in the corpus ("International Peace"). */
  commonWords: boolean;
  /** The first sentence that names it, in corpus order. */
  first: NameSighting;
}

interface Tally {
  variants: Map<string, number>;
  count: number;
  articles: Set<string>;
  examples: Candidate['examples'];
  locative: number;
  words: number;
  midSentence: number;
  speech: number;
  eventSite: number;
  roles: RoleSighting[];
  acronyms: Set<string>;
  installation?: { subtype: string; place?: string };
  through?: Map<string, number>;
  first: NameSighting;
}

const MAX_ROLES = 24;

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

function looksLikeHeading(paragraph: DiscoveryParagraph, tokens: Token[]): boolean {
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
function tokensBySentence(tokens: Token[], sentences: readonly DiscoverySentence[]): { sentence: DiscoverySentence; tokens: Token[] }[] {
  const ordered = [...sentences].sort((a, b) => a.start - b.start);
  const groups: { sentence: DiscoverySentence; tokens: Token[] }[] = [];
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

function sortByCountThenName<T extends { count: number; name: string }>(items: T[]): T[] {
  return items.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/** Every "Long Name (LN)" expansion in the corpus, as written. */
function findExpansions(
  prepared: readonly { article: DiscoveryArticle; paragraphs: { paragraph: DiscoveryParagraph; text: string; tokens: Token[] }[] }[],
  blockedByParagraph: ReadonlyMap<string, Span[]>,
): Set<string> {
  const expansions = new Set<string>();
  for (const { article, paragraphs } of prepared) {
    for (const { paragraph, text, tokens } of paragraphs) {
      if (!text.includes('(')) continue;
      const blocked = blockedByParagraph.get(`${article.slug}\u0000${paragraph.id}`) ?? [];
      tokens.forEach((token, k) => {
        if (token.text !== '(' || k === 0) return;
        const acronym = bracketedAcronym(tokens, k - 1);
        const start = acronym ? expansionStart(tokens, k - 1, acronym) : undefined;
        if (acronym === undefined || start === undefined) return;
        if (tokens.slice(start, k).filter((t) => t.isWord).length < 2) return;
        const from = tokens[start]!.start;
        const to = tokens[k - 1]!.end;
        // Already a linked name (a registry entry): nothing to discover.
        if (blocked.some((span) => span.start < to && span.end > from)) return;
        expansions.add(text.slice(from, to));
      });
    }
  }
  return expansions;
}

/** One pattern for all expansions, longest first, whole words only. */
function expansionRegExp(expansions: ReadonlySet<string>): RegExp {
  const alternatives = [...expansions].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
}

/** Where the expansions occur in one sentence (offsets in the paragraph text). */
function expansionsIn(text: string, start: number, end: number, pattern: RegExp): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  const sentence = text.slice(start, end);
  for (const match of sentence.matchAll(pattern)) found.push({ start: start + match.index, end: start + match.index + match[0].length });
  return found;
}

/**
 * Every capitalised name the articles use outside linked mentions, with the
 * cues around each occurrence. `mentions` blocks spans already linked (pass
 * none to see every name).
 */
export function discoverNames(articles: readonly DiscoveryArticle[], mentions: Mention[] = []): DiscoveredName[] {
  const blockedByParagraph = mentionSpansByParagraph(mentions);
  const prepared = (articles ?? []).map((article) => ({
    article,
    paragraphs: (Array.isArray(article?.paragraphs) ? article.paragraphs : []).map((paragraph) => {
      const text = normalizeForMatching(typeof paragraph.text === 'string' ? paragraph.text : '');
      return { paragraph, text, tokens: tokenize(text) };
    }),
  }));
  const vocabulary = lowercaseVocabulary(prepared.flatMap((a) => a.paragraphs.map((p) => p.tokens)));
  const isCommonWord = makeCommonWordTest(vocabulary);

  const tallies = new Map<string, Tally>();
  let paragraphTallies = new Set<Tally>();
  const tallyFor = (name: string, words: number, sighting: NameSighting): Tally => {
    const key = mergeKey(name);
    let tally = tallies.get(key);
    if (!tally) {
      tally = { variants: new Map(), count: 0, articles: new Set(), examples: [], locative: 0, words, midSentence: 0, speech: 0, eventSite: 0, roles: [], acronyms: new Set(), first: sighting };
      tallies.set(key, tally);
    }
    paragraphTallies.add(tally);
    tally.count++;
    tally.variants.set(name, (tally.variants.get(name) ?? 0) + 1);
    tally.articles.add(sighting.articleSlug);
    const seen = tally.examples.some((e) => e.sentenceId === sighting.sentenceId && e.articleSlug === sighting.articleSlug);
    if (!seen && tally.examples.length < MAX_EXAMPLES) tally.examples.push({ articleSlug: sighting.articleSlug, sentenceId: sighting.sentenceId, text: sighting.text });
    return tally;
  };

  // Expansions written with their acronym anywhere in the corpus ("Organization for Security and
  // Co-operation in Europe (OSCE)") are atomic names everywhere: the words inside them
  // ("Europe", "Security") do not count as names of their own, with or without the brackets.
  const expansions = findExpansions(prepared, blockedByParagraph);
  const expansionPattern = expansions.size > 0 ? expansionRegExp(expansions) : undefined;

  for (const { article, paragraphs } of prepared) {
    for (const { paragraph, text, tokens } of paragraphs) {
      if (looksLikeHeading(paragraph, tokens)) continue;
      const blocked = mergeSpans([...(blockedByParagraph.get(`${article.slug}\u0000${paragraph.id}`) ?? []), ...findExcludedSpans(text)]);
      const sentences = Array.isArray(paragraph.sentences) ? paragraph.sentences : [];
      paragraphTallies = new Set();
      for (const { sentence, tokens: sentenceTokens } of tokensBySentence(tokens, sentences)) {
        if (isTitleCase(sentenceTokens)) continue;
        const sighting: NameSighting = { articleSlug: article.slug, paragraphId: paragraph.id, sentenceId: sentence.id, text: sentence.text };
        const inside = expansionPattern ? expansionsIn(text, sentence.start, sentence.end, expansionPattern) : [];
        const spans = findCapitalisedSpans(sentenceTokens, blocked, isCommonWord);
        for (const occurrence of inside) {
          // Counted here unless the capitalised run is the whole expansion (counted below).
          if (spans.some((span) => span.start === occurrence.start && span.end === occurrence.end)) continue;
          const name = text.slice(occurrence.start, occurrence.end);
          const tally = tallyFor(name, name.split(/\s+/).length, sighting);
          if (sentenceTokens.some((token) => token.isWord && token.end <= occurrence.start)) tally.midSentence++;
          const last = sentenceTokens.findIndex((token) => token.end === occurrence.end);
          const acronym = last >= 0 ? bracketedAcronym(sentenceTokens, last) : undefined;
          if (acronym) tally.acronyms.add(acronym);
        }
        for (const span of spans) {
          if (inside.some((occurrence) => span.start >= occurrence.start && span.end <= occurrence.end && (span.start !== occurrence.start || span.end !== occurrence.end))) continue;
          const name = text.slice(span.start, span.end);
          if (span.words === 1 && (name.length < 2 || isCommonWord(name))) continue;
          // Shouted multiword runs ("PAID SUBSCRIBER") are page furniture, not names.
          if (span.words > 1 && name === name.toUpperCase()) continue;
          const tally = tallyFor(name, span.words, sighting);
          if (span.locative) tally.locative++;
          if (span.locative && endsWithEventSite(text.slice(Math.max(0, span.start - 60), span.start))) tally.eventSite++;
          if (span.firstToken > 0 && sentenceTokens.slice(0, span.firstToken).some((t) => t.isWord)) tally.midSentence++;
          const cues = cuesAround(sentenceTokens, span.firstToken, span.lastToken, text);
          if (cues.speech) tally.speech++;
          if (cues.acronym) tally.acronyms.add(cues.acronym);
          if (tally.roles.length < MAX_ROLES) {
            if (cues.title) tally.roles.push({ ...sighting, phrase: cues.title, appositive: false });
            if (cues.appositive) tally.roles.push({ ...sighting, phrase: cues.appositive, appositive: true });
          }
          if (cues.installation) {
            const phrase = text.slice(span.start, cues.installation.end);
            const base = tallyFor(phrase, span.words + 1, sighting);
            base.installation = { subtype: cues.installation.subtype, place: name };
            base.midSentence++;
          }
        }
        // "the 102nd military base in Gyumri": named by the place it is in.
        const sentenceText = text.slice(sentence.start, sentence.end);
        for (const match of sentenceText.matchAll(INSTALLATION_IN_PLACE)) {
          const phrase = match[1]!;
          // Only a numbered or otherwise specific base is a name of its own; "a military base in X" is X's.
          if (!/^\d/.test(phrase)) continue;
          const base = tallyFor(phrase, phrase.split(/\s+/).length, sighting);
          base.installation = { subtype: /naval/.test(phrase) ? 'naval-base' : /air/.test(phrase) ? 'air-base' : 'military-base', place: match[2]! };
          base.midSentence++;
        }
      }
      // "Trump said the link would be called X": a route named in a paragraph that says where a route runs.
      const through = placesRoutedThrough(text);
      if (through.length > 0) {
        for (const tally of paragraphTallies) {
          tally.through ??= new Map();
          for (const place of through) tally.through.set(place, (tally.through.get(place) ?? 0) + 1);
        }
      }
    }
  }

  const names: DiscoveredName[] = [];
  for (const tally of tallies.values()) {
    const name = mostFrequentVariant(tally.variants);
    const variants = [...tally.variants].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([variant]) => variant);
    const wordsOf = name.split(/[\s-]+/).filter((w) => /\p{L}/u.test(w));
    names.push({
      name,
      variants,
      words: tally.words,
      type: tally.installation ? 'place' : classifyCandidate({ name, words: tally.words, locativeShare: tally.locative / tally.count }),
      count: tally.count,
      articles: [...tally.articles].sort(),
      examples: tally.examples,
      midSentence: tally.midSentence,
      locative: tally.locative,
      speech: tally.speech,
      eventSite: tally.eventSite,
      roles: tally.roles,
      acronyms: [...tally.acronyms].sort(),
      ...(tally.installation && { installation: tally.installation }),
      ...(tally.through && { through: [...tally.through].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([place, count]) => ({ place, count })) }),
      commonWords: wordsOf.length > 0 && wordsOf.every((word) => vocabulary.has(word.toLowerCase())),
      first: tally.first,
    });
  }
  return sortByCountThenName(names);
}

/** Candidates for the registry: discovered names that are names at all (not adjectives), typed. */
export function discoverCandidates(articles: SegmentedArticle[], mentions: Mention[]): Candidate[] {
  const candidates: Candidate[] = [];
  for (const name of discoverNames(articles, mentions)) {
    if (!name.type || name.installation) continue;
    candidates.push({ name: name.name, type: name.type, count: name.count, articles: name.articles, examples: name.examples });
  }
  retypeSurnames(candidates);
  return sortByCountThenName(candidates);
}
