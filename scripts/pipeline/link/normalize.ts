/**
 * Length-preserving text normalisation for matching.
 *
 * Every replacement maps one UTF-16 code unit to one code unit, so offsets found
 * in the normalised text are valid in the original paragraph text and mentions
 * can carry the text exactly as the article wrote it ("al‑Sharaa’s").
 */

/** Hyphen look-alikes that writers and CMSs substitute for "-" inside names. */
const HYPHENS = /[\u2010\u2011]/g;
/** Apostrophe look-alikes: typographic right quote, modifier letter apostrophe, prime. */
const APOSTROPHES = /[\u2019\u02bc\u2032]/g;
/** Spaces that should not glue words together for matching purposes. */
const SPACES = /[\u00a0\u2007\u202f]/g;

export function normalizeForMatching(text: string): string {
  return text.replace(HYPHENS, '-').replace(APOSTROPHES, "'").replace(SPACES, ' ');
}
