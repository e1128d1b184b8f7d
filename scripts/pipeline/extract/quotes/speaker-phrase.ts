/**
 * Find the speaker phrase next to a reporting verb, as written in the text:
 * "President Putin", "Kremlin spokesman Peskov", "the source", "he".
 *
 * Token rules instead of a parser: a speaker in news copy is a run of capitalised
 * name tokens, optionally with a role noun ("spokesman", "columnist") and a
 * determiner. That covers attribution clauses reliably and stays linear.
 */

export interface PhraseSpan {
  start: number;
  end: number;
  text: string;
  pronoun: boolean;
}

interface Token {
  start: number;
  end: number;
  raw: string;
}

/** Lowercase nouns that can head a speaker phrase ("the source", "AP journalists"). */
export const ROLE_NOUNS = new Set([
  'source', 'sources', 'spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'official', 'officials',
  'analyst', 'analysts', 'journalist', 'journalists', 'reporter', 'reporters', 'correspondent', 'columnist',
  'commentator', 'commentators', 'fighter', 'fighters', 'commander', 'commanders', 'diplomat', 'diplomats',
  'minister', 'president', 'leader', 'envoy', 'ambassador', 'expert', 'experts', 'observer', 'observers',
  'witness', 'witnesses', 'resident', 'residents', 'activist', 'activists', 'media', 'ministry', 'statement',
  'fellow', 'researcher', 'professor', 'secretary', 'general', 'chief', 'adviser', 'advisor', 'aide', 'aides',
  'agency', 'outlet', 'newspaper', 'government', 'officer', 'officers', 'monitor',
]);

/** Lowercase modifiers allowed inside a speaker phrase ("a security source", "senior officials"). */
const ROLE_MODIFIERS = new Set(['security', 'senior', 'military', 'diplomatic', 'local', 'informed', 'foreign', 'defence', 'defense', 'state', 'government', 'intelligence', 'same', 'anonymous', 'former', 'deputy', 'press', 'interior', 'finance', 'economy', 'justice', 'health', 'energy', 'presidential', 'prime', 'chief', 'top', 'western', 'regional', 'ruling', 'opposition', 'party']);

/** Name particles that are lowercase but belong to a name ("Bashar al-Assad", "Osama bin Laden"). */
const NAME_PARTICLES = new Set(['al', 'el', 'bin', 'ibn', 'abu', 'de', 'van', 'von', 'der', 'da', 'di', 'le', 'la']);

/** Capitalised words that start sentences or clauses and are never part of a speaker's name. */
const FUNCTION_WORDS = new Set([
  'but', 'and', 'or', 'when', 'while', 'as', 'after', 'before', 'since', 'so', 'yet', 'still', 'now', 'then',
  'however', 'meanwhile', 'indeed', 'also', 'yesterday', 'today', 'tomorrow', 'later', 'earlier', 'in', 'on',
  'at', 'for', 'from', 'with', 'by', 'to', 'of', 'if', 'this', 'that', 'these', 'those', 'it', 'we', 'i',
  'they', 'he', 'she', 'you', 'there', 'here', 'what', 'who', 'which', 'where', 'why', 'how', 'finally',
]);

const DETERMINERS = new Set(['the', 'a', 'an', 'one', 'two', 'three', 'several', 'some', 'many']);

/** Words that may sit between a subject and its verb: "Peskov had previously said". */
const VERB_PREFIX = new Set(['has', 'have', 'had', 'was', 'were', 'is', 'are', 'also', 'previously', 'later', 'reportedly', 'quickly', 'then', 'again', 'once', 'recently', 'further', 'repeatedly', 'publicly', 'earlier', 'had', 'would', 'will', 'did', 'does', 'not', 'separately', 'simply', 'bluntly']);

const PRONOUNS = new Set(['he', 'she']);
const MAX_PHRASE_TOKENS = 8;
/** Look back at most this far: keeps the work per quote bounded on huge sentences. */
const WINDOW = 240;

function tokenize(text: string, from: number, to: number): Token[] {
  const tokens: Token[] = [];
  const slice = text.slice(from, to);
  for (const match of slice.matchAll(/\S+/g)) {
    const start = from + (match.index ?? 0);
    tokens.push({ start, end: start + match[0].length, raw: match[0] });
  }
  return tokens;
}

function bare(raw: string): string {
  return raw.replace(/^[“"(\[]+|[”"),.;:!?\]]+$/gu, '');
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}

function isPossessive(word: string): boolean {
  return /['’]s$/u.test(word);
}

function isParenAcronym(raw: string): boolean {
  return /^\(\p{Lu}[\p{L}\p{N}.-]*\)$/u.test(raw);
}

function isNameParticle(word: string): boolean {
  const lower = word.toLowerCase();
  return NAME_PARTICLES.has(lower) || /^(al|el)[-‑]\p{L}/u.test(word);
}

/** Token can be part of a speaker phrase; `head` says whether it can carry it alone. */
function classify(raw: string): 'name' | 'role' | 'modifier' | 'determiner' | null {
  if (isParenAcronym(raw)) return 'modifier';
  const word = bare(raw);
  if (!word || word !== raw.replace(/^[“"(]+/u, '')) return null;
  const lower = word.toLowerCase();
  if (isPossessive(word)) return null;
  if (DETERMINERS.has(lower)) return 'determiner';
  if (FUNCTION_WORDS.has(lower)) return null;
  if (ROLE_NOUNS.has(lower)) return 'role';
  if (isNameParticle(word)) return 'modifier';
  if (isCapitalised(word)) return 'name';
  if (ROLE_MODIFIERS.has(lower)) return 'modifier';
  return null;
}

/** Collect a speaker phrase that ends at `tokens[last]` (inclusive), walking backwards. */
function collectBackward(tokens: Token[], last: number, text: string): PhraseSpan | undefined {
  let first = last + 1;
  let hasHead = false;
  for (let i = last; i >= 0 && last - i < MAX_PHRASE_TOKENS; i--) {
    const token = tokens[i];
    if (!token) break;
    // A phrase cannot run across punctuation, except the token the caller stripped.
    if (i !== last && /[,.;:!?”"]$/u.test(token.raw)) break;
    const kind = classify(i === last ? token.raw.replace(/,$/, '') : token.raw);
    if (kind === null) break;
    if (kind === 'determiner') {
      if (hasHead) first = i;
      break;
    }
    if (kind === 'name' || kind === 'role') hasHead = true;
    first = i;
  }
  if (!hasHead || first > last) return undefined;
  const start = tokens[first]!.start;
  const lastToken = tokens[last]!;
  const end = lastToken.start + lastToken.raw.replace(/[”"),.;:!?\]]+$/u, '').length;
  return { start, end, text: text.slice(start, end), pronoun: false };
}

/**
 * The subject of a reporting verb that starts at `verbStart`, looking back no
 * further than `limit`. Handles auxiliaries ("had previously said"), a
 * parenthetical appositive ("Ahmed Ali, an SDF fighter…, said"), relative
 * "who" ("SDF fighters, who said") and pronouns ("he said").
 */
export function subjectBefore(text: string, verbStart: number, limit: number): PhraseSpan | undefined {
  const from = Math.max(limit, verbStart - WINDOW);
  const tokens = tokenize(text, from, verbStart);
  let i = tokens.length - 1;
  while (i >= 0 && VERB_PREFIX.has(tokens[i]!.raw.toLowerCase())) i--;
  const nearest = tokens[i];
  if (!nearest) return undefined;

  const lower = nearest.raw.toLowerCase();
  if (PRONOUNS.has(lower)) return { start: nearest.start, end: nearest.end, text: nearest.raw, pronoun: true };

  if (lower === 'who') {
    // "…fighters, who said": the antecedent ends right before ", who".
    const antecedent = tokens[i - 1];
    if (!antecedent || !antecedent.raw.endsWith(',')) return undefined;
    return collectBackward(tokens, i - 1, text);
  }

  if (nearest.raw.endsWith(',')) {
    // "Name, appositive, said": skip back to the comma that closes the name.
    for (let j = i - 1; j >= 0 && i - j <= 16; j--) {
      const token = tokens[j]!;
      if (token.raw.endsWith(',')) return collectBackward(tokens, j, text);
    }
    return undefined;
  }
  if (/[.;:!?”"]$/u.test(nearest.raw)) return undefined;
  return collectBackward(tokens, i, text);
}

/** The speaker right after an inverted verb: `“…,” said Putin.` */
export function subjectAfter(text: string, verbEnd: number, limit: number): PhraseSpan | undefined {
  const tokens = tokenize(text, verbEnd, Math.min(limit, verbEnd + WINDOW));
  let last = -1;
  let hasHead = false;
  for (let i = 0; i < tokens.length && i < MAX_PHRASE_TOKENS; i++) {
    const raw = tokens[i]!.raw;
    const stripped = raw.replace(/[,.;:!?]+$/u, '');
    const kind = classify(stripped);
    if (kind === null) break;
    if (kind === 'determiner' && i > 0) break;
    if (kind === 'name' || kind === 'role') hasHead = true;
    last = i;
    if (stripped !== raw) break;
  }
  if (!hasHead || last < 0) return undefined;
  const start = tokens[0]!.start;
  const lastToken = tokens[last]!;
  const end = lastToken.start + lastToken.raw.replace(/[,.;:!?]+$/u, '').length;
  return { start, end, text: text.slice(start, end), pronoun: false };
}

/** A whole clause that is only a speaker followed by a colon: "Russian President Putin:". */
export function colonSpeaker(text: string, from: number, to: number): PhraseSpan | undefined {
  const clause = text.slice(from, to);
  // The pattern below is tried at every position of the clause: rule out most clauses first.
  if (!clause.trimEnd().endsWith(':')) return undefined;
  const match = /([^\n:]*?)\s*:\s*$/u.exec(clause);
  if (!match || match[1] === undefined) return undefined;
  const phraseText = match[1].trim();
  if (!phraseText || phraseText.split(/\s+/).length > MAX_PHRASE_TOKENS) return undefined;
  // Only a clause that is nothing but the speaker: "The reason is simple:" is not a speaker.
  if (clause.slice(0, match.index).trim() !== '') return undefined;
  const start = from + clause.indexOf(phraseText);
  const tokens = tokenize(text, start, start + phraseText.length);
  const phrase = collectBackward(tokens, tokens.length - 1, text);
  if (!phrase || phrase.start !== start) return undefined;
  return phrase;
}
