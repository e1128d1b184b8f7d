/**
 * Descriptions written after a name: ", a figure once denounced as a
 * terrorist by the U.S.,", ", formerly Abu Mohammad al-Jolani,", ", who
 * founded Syrian al-Qaeda …", and the "President Ahmed al-Sharaa of Syria"
 * complement. Reads at most a few hundred characters after the name.
 */

export const MAX_APPOSITIVE_WORDS = 12;
const MAX_APPOSITIVE_CHARS = 240;

/**
 * Openers of a description: an article ("an associate fellow…", "the head of…"),
 * a former name ("formerly…", "also known as…") or a relative clause ("who…").
 */
const APPOSITIVE = /^,\s+((?:a|an|the|formerly|previously|once|who|whom|whose|now|himself|herself|also known as|better known as|known as|nicknamed)\s[^,;:()“”"—–]{2,240}?)(?=,\s|;|:|—|–|\(|\.\s|\.$|$)/u;

/** Finite verbs that turn "For Sharaa, the visit is pragmatic" into a clause rather than a description. */
const CLAUSE_VERB = /\b(?:is|are|was|were|has|have|had|will|would|can|could|may|might|must|should|said|says|say|told|tells|added|announced|reported|stated|noted|wrote|according)\b/u;

/** Time phrases after a name ("met Putin, the next day…") are not descriptions. */
const TIME_PHRASE = /^the\s+(?:same|next|following|previous|last|first|day|week|month|year|morning|evening|night)\b/iu;

/** Appositive after the name, without its commas, shortened to a readable length; or undefined. */
export function appositiveAfter(text: string, nameEnd: number, ceiling = text.length): string | undefined {
  const rest = text.slice(nameEnd, Math.min(ceiling, nameEnd + MAX_APPOSITIVE_CHARS)).replace(/^(?:’s|'s)/, '');
  const match = APPOSITIVE.exec(rest);
  if (!match) return undefined;
  const phrase = match[1]!.trim();
  const relative = /^(?:who|whom|whose)\b/.test(phrase);
  if (!relative && (CLAUSE_VERB.test(phrase) || TIME_PHRASE.test(phrase))) return undefined;
  return shorten(phrase);
}

/**
 * Keep descriptions readable: past the word limit, cut at the first "and"/"but"
 * that leaves at least three words ("who founded Syrian al-Qaeda"), else cut at
 * the limit and mark the cut with an ellipsis.
 */
export function shorten(phrase: string): string {
  const words = phrase.split(/\s+/);
  if (words.length <= MAX_APPOSITIVE_WORDS) return words.join(' ');
  const conjunction = words.findIndex((word, index) => index >= 3 && index < MAX_APPOSITIVE_WORDS && (word === 'and' || word === 'but'));
  if (conjunction > 0) return words.slice(0, conjunction).join(' ');
  return `${words.slice(0, MAX_APPOSITIVE_WORDS).join(' ')}…`;
}

/** "President Ahmed al‑Sharaa of Syria": the "of <Name>" that completes a title before the name. */
export function ofComplement(text: string, nameEnd: number, ceiling = text.length): string | undefined {
  const rest = text.slice(nameEnd, Math.min(ceiling, nameEnd + 80));
  const match = /^\s+of\s+((?:the\s+)?\p{Lu}[\p{L}\p{M}'’‐‑.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’‐‑.-]*){0,3})/u.exec(rest);
  return match ? match[1]!.replace(/[’']s$|\.$/u, '') : undefined;
}
