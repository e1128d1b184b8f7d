/**
 * Content-derived ids for paragraphs and sentences. An id depends only on the
 * text it names (plus, for sentences, the article slug), so editing, adding or
 * removing any other paragraph never changes it; only exact duplicates of each
 * other get `-2`, `-3` suffixes, in order of appearance.
 */
import { shortHash } from '../shared/hash.ts';
import { slugify } from '../shared/slug.ts';
import { collapseWhitespace } from '../shared/whitespace.ts';

/** NFC, whitespace collapsed, trimmed: re-wrapping or re-encoding text must not change its id. */
export function normaliseForId(text: string): string {
  return collapseWhitespace(text.normalize('NFC'));
}

const SLUG_WORDS = 4;
const SLUG_MAX_LENGTH = 28;

/** `p-<slug of the first words>-<6 hex>`, or `p-<6 hex>` when the words give no ASCII slug (Arabic, emoji). */
export function paragraphBaseId(normalisedText: string): string {
  // Only the head is split, so a 2 MB paragraph costs no more than a short one.
  const firstWords = normalisedText.slice(0, 200).split(' ').slice(0, SLUG_WORDS).join(' ');
  const slug = slugify(firstWords, SLUG_MAX_LENGTH);
  const hash = shortHash(normalisedText, 6);
  return slug === '' ? `p-${hash}` : `p-${slug}-${hash}`;
}

/** `s-<8 hex>` of slug + sentence: unique across the corpus because the slug is part of the hash. */
export function sentenceBaseId(articleSlug: string, normalisedSentence: string): string {
  return `s-${shortHash(`${articleSlug}\n${normalisedSentence}`, 8)}`;
}

/**
 * Hands out ids unique within one article: the first use of a base id gets it
 * unchanged, later uses get `-2`, `-3`, … Identical text yields the same base,
 * so only duplicates of each other are affected. (A hash collision between
 * different texts would also be suffixed, keeping ids unique regardless.)
 */
export function createIdAllocator(): (baseId: string) => string {
  const uses = new Map<string, number>();
  return (baseId) => {
    const count = (uses.get(baseId) ?? 0) + 1;
    uses.set(baseId, count);
    return count === 1 ? baseId : `${baseId}-${count}`;
  };
}
