/**
 * Types local to the relate stage. They extend, never replace, the shared
 * types in `../model.ts` so that every value here is still assignable to the
 * model's `SharedPassage[]` / `ClaimGroup[]`.
 */
import type { ClaimGroup, DateValue, SharedPassage, Statement } from '../model.ts';

/** A sentence of one article that re-uses a sentence of another. */
export interface SentencePair {
  a: string;
  b: string;
}

/**
 * A `SharedPassage` with the evidence behind it.
 * - `match: 'paragraph'`: the whole paragraph (or all of the shorter one) is shared;
 * - `match: 'sentence'`: only the sentences listed in `sentences` are shared.
 * `a` is the origin side (or the smaller slug when the origin is undetermined).
 */
export interface SharedPassageDetail extends SharedPassage {
  match: 'paragraph' | 'sentence';
  /** Share of the smaller paragraph's shingles found in the other one, 0..1. */
  containment: number;
  /** Sentence ids (a side, b side) for sentence-level matches. */
  sentences?: SentencePair[];
}

/** "`copy` shares `paragraphs` paragraphs with `source`." */
export interface ArticleReuse {
  copy: string;
  source: string;
  /** Distinct paragraphs of `copy` that re-use text of `source`. */
  paragraphs: number;
  /** False when publication dates do not tell which one came first (listed both ways). */
  determined: boolean;
}

/** The minimum a piece of support needs for independence counting (a `Statement` fits). */
export type SupportItem = Pick<Statement, 'id' | 'articleSlug' | 'paragraphId' | 'sentenceId' | 'text'>;

export interface IndependentSupport {
  /** Distinct articles. */
  sources: number;
  /** Distinct texts: copies of one text count once. */
  independent: number;
  /** Article-level copy relations found among the support, for display: each copy once, with one origin. */
  copies: { copy: string; of: string }[];
}

/**
 * A `ClaimGroup` with what a page needs to render it without re-deriving:
 * the date a 'date' group agrees on, and the quote ids of a 'quote' group.
 */
export interface ClaimGroupDetail extends ClaimGroup {
  /** 'date' groups: the shared date value. */
  date?: DateValue;
  /** 'quote' groups: the quotes in the group. */
  quoteIds?: string[];
  /** 'quote' groups: the shortest normalised wording all members contain. */
  quoteText?: string;
}
