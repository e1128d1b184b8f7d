/**
 * Context rules for a surface form that names both a place and, as a metonym,
 * a state's government ("Moscow", "Damascus", "Washington").
 *
 * Rule: the literal place reading wins when the word before the name (skipping
 * one article) is a locative preposition or a verb of travel ("in Moscow",
 * "trip to Moscow", "visited the Kremlin"). Everything else — possessive
 * ("Moscow’s invitation"), subject ("Moscow has sought"), object ("ties with
 * Moscow") — reads as the government. A known weakness: attributive use
 * ("a posh Moscow apartment") reads as the government too.
 */
import type { Token } from './tokenize.ts';

const LOCATIVE_WORDS = new Set([
  'in', 'to', 'at', 'from', 'near', 'into', 'across', 'outside', 'inside', 'around', 'within',
  'through', 'toward', 'towards', 'via', 'visited', 'visiting', 'visit', 'visits', 'reached',
  'arrived', 'arrives', 'arriving', 'landed', 'entered', 'left', 'flew', 'travelled', 'traveled',
]);
const ARTICLES = new Set(['the', 'a', 'an']);

/** The word tokens just before `index`, lowercased, skipping one article. */
function precedingWord(tokens: Token[], index: number): string | undefined {
  let i = index - 1;
  let word = tokens[i];
  if (word?.isWord && ARTICLES.has(word.text.toLowerCase())) word = tokens[--i];
  return word?.isWord ? word.text.toLowerCase() : undefined;
}

export function isLocativeContext(tokens: Token[], firstTokenIndex: number): boolean {
  const word = precedingWord(tokens, firstTokenIndex);
  return word !== undefined && LOCATIVE_WORDS.has(word);
}
