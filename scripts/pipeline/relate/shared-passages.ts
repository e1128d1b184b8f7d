/**
 * Shared text between articles (wire copy, republication, light edits).
 *
 * paragraphs and sentences → normalised words → 5-word shingles → MinHash
 * signatures → LSH banding (candidate pairs, never all pairs) → exact
 * Jaccard / containment on the candidates → SharedPassage.
 * Thresholds are documented in docs/relate.md.
 */
import type { Paragraph, SegmentedArticle, Sentence } from '../model.ts';
import { DEFAULT_LSH, lshCandidatePairs, minhashSignature } from './minhash.ts';
import { normalizeWords, overlap, shingleSet } from './text.ts';
import type { ArticleReuse, SentencePair, SharedPassageDetail } from './types.ts';

/** Shingle width in words. */
export const SHINGLE_WORDS = 5;
/** Paragraphs and sentences shorter than this are too generic to call copied. */
export const MIN_WORDS = 8;
/** Whole-paragraph match: Jaccard at or above this … */
export const PARAGRAPH_JACCARD = 0.5;
/** … or this share of the smaller paragraph found in the other (a dropped sentence, a trimmed ending). */
export const PARAGRAPH_CONTAINMENT = 0.6;
/** Sentence-level match inside paragraphs that only partly agree. */
export const SENTENCE_JACCARD = 0.6;
export const SENTENCE_CONTAINMENT = 0.8;
/** Containment needs this many shared shingles, so two short texts never match on one phrase. */
export const MIN_SHARED_SHINGLES = 4;

const SHARED_KINDS = new Set<Paragraph['kind']>(['paragraph', 'list-item']);

/** A fingerprint's unit, placed in the corpus. */
type Unit = ReuseFingerprint['units'][number] & {
  article: number;
  /** Paragraph index across the corpus, for numeric pair keys. */
  corpusParagraph: number;
};

interface ArticleInfo {
  slug: string;
  published?: string;
  paragraphs: ReuseFingerprint['paragraphs'];
}

/** Earlier publication first, undated last, then slug: the first of a group is the likely origin. */
function compareArticles(a: SegmentedArticle, b: SegmentedArticle): number {
  const da = a.meta?.published?.start;
  const db = b.meta?.published?.start;
  if (da !== db) {
    if (da === undefined) return 1;
    if (db === undefined) return -1;
    return da < db ? -1 : 1;
  }
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

/** Two word characters in a row. */
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]{2}$/u;

/**
 * A paragraph's words as its sentences' words run together, when that is
 * what normalising the whole paragraph would give: the sentences are the
 * paragraph's text and nothing between them holds a word character. Saves
 * normalising every text twice; `undefined` when it cannot be sure.
 */
function wordsFromSentences(text: string, sentences: readonly Sentence[], sentenceWords: readonly string[][]): string[] | undefined {
  let previousEnd = 0;
  for (const sentence of sentences) {
    if (sentence.start < previousEnd || text.slice(sentence.start, sentence.end) !== sentence.text) return undefined;
    const gap = text.slice(previousEnd, sentence.start);
    // A boundary inside a word ("abc|def") would split one word into two.
    if (gap === '' ? previousEnd > 0 && WORD_CHARACTER.test(text[previousEnd - 1]! + text[sentence.start]!) : normalizeWords(gap).length > 0) return undefined;
    previousEnd = sentence.end;
  }
  if (normalizeWords(text.slice(previousEnd)).length > 0) return undefined;
  return sentenceWords.flat();
}

const HASH_COUNT = DEFAULT_LSH.bands * DEFAULT_LSH.rows;

/**
 * A paragraph's MinHash signature from its sentences' signatures: the minimum
 * over a union is the minimum of the parts' minimums, so only the shingles no
 * sentence holds (those across sentence boundaries, and short sentences) are
 * hashed again. Equal to `minhashSignature(paragraph, HASH_COUNT)`, for about
 * half the hashing.
 */
function foldedSignature(paragraph: Uint32Array, parts: readonly { shingles: Uint32Array; signature: Uint32Array }[]): Uint32Array {
  const covered = new Set<number>();
  for (const part of parts) for (const shingle of part.shingles) covered.add(shingle);
  const rest = paragraph.filter((shingle) => !covered.has(shingle));
  const signature = minhashSignature(rest, HASH_COUNT);
  for (const part of parts) {
    for (let i = 0; i < HASH_COUNT; i++) if (part.signature[i]! < signature[i]!) signature[i] = part.signature[i]!;
  }
  return signature;
}

/**
 * One article's side of reuse detection: its comparable paragraphs and their
 * sentences as shingles and MinHash signatures. It depends on that article
 * alone; `detectSharedPassages` computes each article's, then compares them.
 */
export interface ReuseFingerprint {
  slug: string;
  paragraphs: { id: string; shingles: Uint32Array; order: number }[];
  /** In detection order: each paragraph's whole unit, then its sentences'. */
  units: {
    /** Index in `paragraphs`. */
    paragraph: number;
    /** The whole paragraph (false: one sentence of a longer paragraph). */
    whole: boolean;
    /** Set when the unit is exactly one sentence. */
    sentenceId?: string;
    shingles: Uint32Array;
    signature: Uint32Array;
  }[];
}

export function fingerprintArticle(article: SegmentedArticle): ReuseFingerprint {
  const fingerprint: ReuseFingerprint = { slug: article.slug, paragraphs: [], units: [] };
  (article.paragraphs ?? []).forEach((paragraph, order) => {
    if (!SHARED_KINDS.has(paragraph.kind)) return;
    const text = paragraph.text ?? '';
    const sentences = paragraph.sentences ?? [];
    const several = sentences.length >= 2;
    const sentenceWords = several ? sentences.map((sentence) => normalizeWords(sentence.text ?? '')) : [];
    const fromSentences = several ? wordsFromSentences(text, sentences, sentenceWords) : undefined;
    const words = fromSentences ?? normalizeWords(text);
    if (words.length < MIN_WORDS) return;
    const paragraphIndex = fingerprint.paragraphs.length;
    const shingles = shingleSet(words, SHINGLE_WORDS);
    fingerprint.paragraphs.push({ id: paragraph.id, shingles, order });
    const sentenceUnits: ReuseFingerprint['units'] = [];
    sentenceWords.forEach((wordsOfSentence, index) => {
      if (wordsOfSentence.length < MIN_WORDS) return;
      const sentenceShingles = shingleSet(wordsOfSentence, SHINGLE_WORDS);
      sentenceUnits.push({
        paragraph: paragraphIndex,
        whole: false,
        sentenceId: sentences[index]!.id,
        shingles: sentenceShingles,
        signature: minhashSignature(sentenceShingles, HASH_COUNT),
      });
    });
    // Sentence shingles are the paragraph's own only when its words are theirs run together.
    const signature = fromSentences && sentenceUnits.length > 0 ? foldedSignature(shingles, sentenceUnits) : minhashSignature(shingles, HASH_COUNT);
    const only = sentences.length === 1 ? sentences[0] : undefined;
    fingerprint.units.push({ paragraph: paragraphIndex, whole: true, shingles, signature, ...(only ? { sentenceId: only.id } : {}) }, ...sentenceUnits);
  });
  return fingerprint;
}

/** The units of all articles, in article order, from their fingerprints (computed here when not given). */
function collectUnits(articles: readonly SegmentedArticle[], fingerprints?: ReadonlyMap<string, ReuseFingerprint>): { infos: ArticleInfo[]; units: Unit[]; paragraphs: number } {
  const infos: ArticleInfo[] = [];
  const units: Unit[] = [];
  let corpusParagraph = 0;
  articles.forEach((article, articleIndex) => {
    const fingerprint = fingerprints?.get(article.slug) ?? fingerprintArticle(article);
    const info: ArticleInfo = { slug: article.slug, paragraphs: fingerprint.paragraphs };
    const published = article.meta?.published?.start;
    if (published) info.published = published;
    infos.push(info);
    for (const unit of fingerprint.units) units.push({ ...unit, article: articleIndex, corpusParagraph: corpusParagraph + unit.paragraph });
    corpusParagraph += fingerprint.paragraphs.length;
  });
  return { infos, units, paragraphs: corpusParagraph };
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/**
 * Paragraphs (or, where a paragraph only partly matches, sentences) that one
 * article shares with another. Only pairs across different articles; headings
 * and tweets are skipped (an embedded tweet is a common source, not a copy).
 * `origin` is the article published first, or 'undetermined' when the dates
 * are equal or missing. Output is sorted and independent of input order.
 * `fingerprints`: the articles' `fingerprintArticle`, by slug, where already computed.
 */
export function detectSharedPassages(articles: readonly SegmentedArticle[], fingerprints?: ReadonlyMap<string, ReuseFingerprint>): SharedPassageDetail[] {
  const ordered = [...articles].filter((a) => a && typeof a.slug === 'string').sort(compareArticles);
  const { infos, units, paragraphs } = collectUnits(ordered, fingerprints);
  if (units.length < 2) return [];

  const candidates = lshCandidatePairs(
    units.map((unit) => unit.signature),
    units.map((unit) => unit.article),
  );

  // Group candidate unit pairs by the paragraph pair they belong to.
  const byParagraphPair = new Map<number, { x: Unit; y: Unit; sentences: SentencePair[] }>();
  for (let k = 0; k < candidates.first.length; k++) {
    const u = units[candidates.first[k]!];
    const v = units[candidates.second[k]!];
    if (!u || !v) continue;
    let sentence: SentencePair | undefined;
    if (u.sentenceId && v.sentenceId) {
      const o = overlap(u.shingles, v.shingles);
      if (o.jaccard >= SENTENCE_JACCARD || (o.containment >= SENTENCE_CONTAINMENT && o.shared >= MIN_SHARED_SHINGLES)) {
        sentence = { a: u.sentenceId, b: v.sentenceId };
      }
    }
    // Two sentences of longer paragraphs that do not match say nothing about
    // their paragraphs: those are compared when a paragraph unit is in the pair
    // or a sentence matches. (Comparing the paragraphs of every such pair was
    // most of this stage's time at 5,000 articles, for nothing.)
    if (!sentence && !u.whole && !v.whole) continue;
    // Units are ordered by article order, so `u` is the earlier (origin-side) article.
    const key = u.corpusParagraph * paragraphs + v.corpusParagraph;
    let entry = byParagraphPair.get(key);
    if (!entry) {
      entry = { x: u, y: v, sentences: [] };
      byParagraphPair.set(key, entry);
    }
    if (sentence) entry.sentences.push(sentence);
  }

  const passages: (SharedPassageDetail & { order: [number, number, number, number] })[] = [];
  for (const { x, y, sentences } of byParagraphPair.values()) {
    const ax = infos[x.article];
    const ay = infos[y.article];
    const px = ax?.paragraphs[x.paragraph];
    const py = ay?.paragraphs[y.paragraph];
    if (!ax || !ay || !px || !py) continue;
    const o = overlap(px.shingles, py.shingles);
    const whole =
      o.jaccard >= PARAGRAPH_JACCARD || (o.containment >= PARAGRAPH_CONTAINMENT && o.shared >= MIN_SHARED_SHINGLES);
    if (!whole && sentences.length === 0) continue;
    const determined = ax.published !== undefined && ay.published !== undefined && ax.published !== ay.published;
    // `a` is the origin side; with no known origin, the smaller slug goes first.
    const swap = !determined && ay.slug < ax.slug;
    const [first, second] = swap ? [ay, ax] : [ax, ay];
    const [firstParagraph, secondParagraph] = swap ? [py, px] : [px, py];
    const passage: SharedPassageDetail & { order: [number, number, number, number] } = {
      origin: determined ? ax.slug : 'undetermined',
      a: { articleSlug: first.slug, paragraphId: firstParagraph.id },
      b: { articleSlug: second.slug, paragraphId: secondParagraph.id },
      similarity: round3(o.jaccard),
      match: whole ? 'paragraph' : 'sentence',
      containment: round3(o.containment),
      order: [0, firstParagraph.order, 0, secondParagraph.order],
    };
    if (!whole) {
      const unique = new Map(sentences.map((s) => [`${s.a}|${s.b}`, swap ? { a: s.b, b: s.a } : s]));
      passage.sentences = [...unique.values()].sort((p, q) => cmp(p.a, q.a) || cmp(p.b, q.b));
    }
    passages.push(passage);
  }

  passages.sort(
    (p, q) =>
      cmp(p.a.articleSlug, q.a.articleSlug) ||
      cmp(p.b.articleSlug, q.b.articleSlug) ||
      p.order[1] - q.order[1] ||
      p.order[3] - q.order[3],
  );
  return passages.map(({ order: _order, ...passage }) => passage);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Per ordered pair (copy → source): how many distinct paragraphs of the copy
 * re-use the source's text. Pairs with an undetermined origin are listed both
 * ways with `determined: false`.
 */
export function articleReuse(shared: readonly SharedPassageDetailLike[]): ArticleReuse[] {
  const byPair = new Map<string, { copy: string; source: string; paragraphs: Set<string>; determined: boolean }>();
  const add = (copy: string, source: string, paragraphId: string, determined: boolean): void => {
    const key = `${copy}\u0000${source}`;
    let entry = byPair.get(key);
    if (!entry) {
      entry = { copy, source, paragraphs: new Set(), determined };
      byPair.set(key, entry);
    }
    entry.paragraphs.add(paragraphId);
  };
  for (const passage of shared) {
    if (passage.origin === 'undetermined') {
      add(passage.b.articleSlug, passage.a.articleSlug, passage.b.paragraphId, false);
      add(passage.a.articleSlug, passage.b.articleSlug, passage.a.paragraphId, false);
    } else {
      const originIsA = passage.origin === passage.a.articleSlug;
      const copy = originIsA ? passage.b : passage.a;
      add(copy.articleSlug, passage.origin, copy.paragraphId, true);
    }
  }
  return [...byPair.values()]
    .map(({ copy, source, paragraphs, determined }) => ({ copy, source, paragraphs: paragraphs.size, determined }))
    .sort((p, q) => cmp(p.copy, q.copy) || cmp(p.source, q.source));
}

type SharedPassageDetailLike = Pick<SharedPassageDetail, 'origin' | 'a' | 'b'>;
