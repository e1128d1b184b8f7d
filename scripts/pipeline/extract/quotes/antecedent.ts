/**
 * Speakers the registry cannot name: a pronoun ("she said") whose antecedent
 * is a person the registry does not know, and a role ("the foreign ministry
 * spokesman") whose holder the article names elsewhere.
 *
 * A reader resolves "she said" to the person last reported as speaking, so
 * this looks back for the nearest reporting clause with a named, non-pronoun
 * subject ("Maria Zakharova said …"), across at most a few sentences. A role
 * is matched to a name standing next to the same role noun earlier in the
 * article ("Esmaeil Baghaei, the spokesman of Iran's foreign ministry",
 * "Russian foreign ministry spokeswoman Maria Zakharova"). Text rules, not a
 * coreference model: nothing on npm does English coreference offline, and
 * the two patterns are the ones news copy uses.
 */
import { findSpeechVerbs } from './speech-verbs.ts';
import { ROLE_NOUNS, subjectBefore } from './speaker-phrase.ts';

/** Sentences looked back over for a pronoun's antecedent. */
const MAX_SENTENCES_BACK = 4;
const MAX_LOOKBACK_CHARS = 1_500;

/** Role and title words that precede a name in a speaker phrase and are not part of it. */
const TITLE_WORD =
  /^(?:President|Prime|Minister|Foreign|Defence|Defense|Interior|Deputy|Vice|Chairperson(?:-in-Office)?|Chairman|Chair|Chief|Senior|Secretary|General|Spokesman|Spokeswoman|Spokesperson|Adviser|Advisor|Ambassador|Envoy|Commander|Supreme|Leader|Ayatollah|Sheikh|King|Queen|Prince|Emir|Sultan|Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sen|Rep|Gov|Mayor|Speaker|Director|Head|Analyst|Fellow|Professor|Prof)\.?$/;
/** An acronym before a name qualifies it ("EU Kaja Kallas"); demonyms sit before a title word, where the scan has already stopped. */
const QUALIFIER = /^\p{Lu}{2,}s?$/u;

/**
 * The person's name at the end of a speaker phrase: "chief Kaja Kallas" →
 * "Kaja Kallas", "Armenian Foreign Minister Ararat Mirzoyan" → "Ararat
 * Mirzoyan". Undefined when the phrase ends in no capitalised name.
 */
export function nameInPhrase(phrase: string): string | undefined {
  const words = phrase.trim().split(/\s+/);
  let start = words.length;
  while (start > 0) {
    const word = words[start - 1]!.replace(/[,.;:]+$/, '');
    const isName = /^\p{Lu}/u.test(word) || /^(?:al|el|bin|ibn|abu|de|van|von|der)(?:[-‑]|$)/.test(word);
    if (!isName || TITLE_WORD.test(word)) break;
    if (QUALIFIER.test(word) && start < words.length) break;
    start--;
  }
  const name = words.slice(start).join(' ').replace(/[,.;:]+$/, '');
  return name && /^\p{Lu}/u.test(name) ? name : undefined;
}

export interface TextBefore {
  /** Text before the pronoun, nearest last: the current sentence's start, then earlier sentences. */
  sentences: readonly string[];
}

/**
 * The name of the nearest person reported as speaking before a pronoun:
 * the subject of the last reporting verb with a named subject in the given
 * sentences (nearest first). Pronoun subjects are skipped (they point further back).
 */
export function reportedSpeakerBefore({ sentences }: TextBefore): string | undefined {
  let budget = MAX_LOOKBACK_CHARS;
  for (const text of sentences.slice(0, MAX_SENTENCES_BACK)) {
    const window = text.slice(Math.max(0, text.length - budget));
    budget -= window.length;
    const verbs = findSpeechVerbs(window, 0, window.length);
    for (let k = verbs.length - 1; k >= 0; k--) {
      const subject = subjectBefore(window, verbs[k]!.start, 0);
      if (!subject || subject.pronoun) continue;
      const name = nameInPhrase(subject.text);
      if (name) return name;
    }
    if (budget <= 0) break;
  }
  return undefined;
}

/**
 * The holder of a role: "the foreign ministry spokesman" → the name written
 * next to "spokesman" (or its feminine/neutral form) earlier in the article,
 * with the role's other words ("foreign", "ministry") nearby. Nearest first.
 */
export function roleHolderBefore(role: string, textBefore: string): string | undefined {
  const words = role.toLowerCase().replace(/^(?:the|a|an)\s+/, '').split(/\s+/);
  const head = words[words.length - 1];
  if (!head || !ROLE_NOUNS.has(head)) return undefined;
  const stem = head.replace(/(?:man|woman|person)$/, '');
  const headPattern = new RegExp(`\\b${stem}(?:man|woman|person)?\\b`, 'gi');
  const others = words.slice(0, -1).filter((word) => word.length > 3);
  const text = textBefore.slice(-20_000);
  let found: string | undefined;
  for (const match of text.matchAll(headPattern)) {
    const around = text.slice(Math.max(0, match.index - 80), match.index + 80).toLowerCase();
    if (!others.every((word) => around.includes(word.replace(/ies$/, 'y').slice(0, 6)))) continue;
    // "Name, the spokesman of …": the name just before the appositive.
    const before = /(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}),\s+(?:the|a|an|who is)\s+[^,.]{0,60}$/u.exec(text.slice(Math.max(0, match.index - 100), match.index));
    // "spokesman Name Name": the name right after the role noun.
    const after = /^\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3})/u.exec(text.slice(match.index + match[0].length, match.index + match[0].length + 60));
    const name = after?.[1] ?? before?.[1];
    if (name) found = nameInPhrase(name) ?? name;
  }
  return found;
}
