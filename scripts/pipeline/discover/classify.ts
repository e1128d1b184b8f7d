/**
 * Give a candidate name a type, using compromise on the short span only
 * (cheap: well under a millisecond per distinct name) plus a few head-word
 * rules for what compromise's lexicon does not know ("Chatham House",
 * "Qamishli Airport", acronyms).
 */
import nlp from 'compromise';
import type { Candidate } from '../model.ts';
import { NAME_PARTICLES, ORGANISATION_HEADS, PLACE_HEADS } from './word-lists.ts';

export type CandidateType = Candidate['type'];

export interface TypingEvidence {
  name: string;
  words: number;
  /** Share of occurrences that follow a locative preposition ("in Latakia"). */
  locativeShare: number;
}

const ACRONYM = /^[\p{Lu}\p{N}]{2,6}$/u;
const ADJECTIVE_SUFFIX = /(?:ern|ish|ese|ian|ic|al|ive|ous)$/;

/**
 * Whether a name's last word, alone, reads as a modifier: a demonym, or an
 * adjective with an adjective's suffix (the suffix check keeps
 * adjective-looking surnames, "Lenka White", as names). Remembered per word,
 * for the whole build: a surname ends many names ("Vladimir Putin", "President
 * Putin"), and the bench corpus has 4,993 typed names but 143 distinct last words at 5,000 articles.
 */
const modifierHeads = new Map<string, boolean>();
function endsInModifier(lastWord: string): boolean {
  let modifier = modifierHeads.get(lastWord);
  if (modifier === undefined) {
    const head = nlp(lastWord);
    modifier = head.has('#Demonym') || (head.has('#Adjective') && ADJECTIVE_SUFFIX.test(lastWord));
    modifierHeads.set(lastWord, modifier);
  }
  return modifier;
}

/** undefined means "not an entity name at all" (a demonym or adjective like "Kurdish"). */
export function classifyCandidate({ name, words, locativeShare }: TypingEvidence): CandidateType | undefined {
  const lastWord = name.split(/[\s-]+/).at(-1) ?? '';
  if (ORGANISATION_HEADS.has(lastWord)) return 'organisation';
  if (PLACE_HEADS.has(lastWord)) return 'place';
  if (words === 1 && ACRONYM.test(name)) return 'organisation';
  const doc = nlp(name);
  if (words === 1 && (doc.has('#Demonym') || (doc.has('#Adjective') && !doc.has('#ProperNoun')))) return undefined;
  // "Middle Eastern", "Kurdish-led": a phrase ending in an adjective modifies a name; it is not one.
  if (words > 1 && endsInModifier(lastWord)) return undefined;
  if (doc.people().found) return 'person';
  if (doc.places().found) return 'place';
  if (doc.organizations().found) return 'organisation';
  if (locativeShare >= 0.5) return 'place';
  // Unknown two- or three-word proper names in news copy are mostly people ("Aghiad Hegazi").
  if (words >= 2 && words <= 3) return 'person';
  return 'organisation';
}

const FUNCTION_TAGS = '(#Adverb|#Determiner|#Preposition|#Conjunction|#Pronoun|#Verb|#Adjective|#QuestionWord)';

/**
 * Is a clause-initial capitalised word just an ordinary word? Yes when the
 * corpus also uses it in lower case, or compromise knows it as a non-noun.
 */
export function makeCommonWordTest(lowercaseVocabulary: Set<string>): (word: string) => boolean {
  const cache = new Map<string, boolean>();
  return (word) => {
    const lower = word.toLowerCase();
    // "Al Jazeera", "Al-Sharaa": a capitalised particle opens a name even though "al" is in the vocabulary.
    if (NAME_PARTICLES.has(lower)) return false;
    if (lowercaseVocabulary.has(lower)) return true;
    let common = cache.get(lower);
    if (common === undefined) {
      const doc = nlp(lower);
      common = doc.has(FUNCTION_TAGS) && !nlp(word).has('#ProperNoun');
      cache.set(lower, common);
    }
    return common;
  };
}
