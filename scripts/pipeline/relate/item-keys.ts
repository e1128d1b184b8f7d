/**
 * A support item's place as numbers: its article and paragraph, its article
 * and sentence, each numbered the first time it is seen. Made once per item
 * object, because the same statements are counted on page after page (a
 * state's page at 5,000 articles indexes over 100,000 of them): a key made
 * afresh each time was a new string to build and hash for every lookup, and
 * maps keyed by small integers are cheaper still.
 */
import type { SupportItem } from './types.ts';

export interface ItemKeys {
  /** `placeOrdinal` of its article and paragraph. */
  paragraph: number;
  /** `placeOrdinal` of its article and sentence. */
  sentence: number;
}

/**
 * Every place numbered so far, by article and then id, in the order first
 * seen: one numbering for all lists, so numbers compare across them. Two
 * levels, so that the model's own strings are the keys and no key is built.
 */
const ordinals = new Map<string, Map<string, number>>();
let placesNumbered = 0;

/** The number of the place `id` (a paragraph or a sentence) in `article`: the same for the same pair, wherever it comes from. */
export function placeOrdinal(article: string, id: string): number {
  let places = ordinals.get(article);
  if (!places) {
    places = new Map();
    ordinals.set(article, places);
  }
  let ordinal = places.get(id);
  if (ordinal === undefined) {
    ordinal = placesNumbered++;
    places.set(id, ordinal);
  }
  return ordinal;
}

/** The keys with the fields they were made from. */
type Remembered = ItemKeys & Pick<SupportItem, 'articleSlug' | 'paragraphId' | 'sentenceId'>;

const remembered = new WeakMap<SupportItem, Remembered>();

export function itemKeys(item: SupportItem): ItemKeys {
  const known = remembered.get(item);
  // Made again if the item was changed since (the model is not frozen).
  if (known && known.articleSlug === item.articleSlug && known.paragraphId === item.paragraphId && known.sentenceId === item.sentenceId) return known;
  const { articleSlug, paragraphId, sentenceId } = item;
  const keys: Remembered = { paragraph: placeOrdinal(articleSlug, paragraphId), sentence: placeOrdinal(articleSlug, sentenceId), articleSlug, paragraphId, sentenceId };
  remembered.set(item, keys);
  return keys;
}
