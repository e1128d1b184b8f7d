/**
 * What the words around one name occurrence say about it: a title or role
 * before it ("Foreign Minister Jeyhun Bayramov", "spokeswoman Maria Lopez"),
 * an appositive after it ("Ali Akbar Velayati, an adviser to …,"), speech
 * ("X said", "said X", "according to X"), an acronym in brackets
 * ("Collective Security Treaty Organization (CSTO)") and an installation word
 * in lower case after it ("the Tartus naval base", "the Zangezur corridor").
 * Closed word lists about English news prose, never about one story.
 */
import type { Token } from '../link/tokenize.ts';
import { TITLES } from './word-lists.ts';

/** Lower-case role nouns that introduce or describe a person. */
export const ROLE_WORDS = new Set([
  'president', 'minister', 'premier', 'spokesman', 'spokeswoman', 'spokesperson', 'adviser', 'advisor', 'envoy', 'ambassador', 'chairman',
  'chairwoman', 'chair', 'leader', 'commander', 'general', 'secretary', 'analyst', 'researcher', 'director', 'governor', 'mayor', 'official',
  'diplomat', 'aide', 'deputy', 'professor', 'journalist', 'correspondent', 'fellow', 'senator', 'lawmaker', 'negotiator', 'expert',
  'king', 'emir', 'chancellor', 'speaker', 'founder', 'head', 'chief', 'mediator', 'representative', 'colonel', 'lieutenant', 'activist',
  'editor', 'reporter', 'politician', 'mp', 'counterpart', 'foreign', 'defence', 'defense', 'prime', 'vice', 'interim', 'former', 'acting',
  'supreme', 'opposition', 'military', 'security', 'national', 'assistant', 'special', 'senior', 'top',
]);

/** Role nouns proper (not modifiers): an appositive naming one of these describes a person. */
const PERSON_NOUNS = new Set([...ROLE_WORDS].filter((w) => !['foreign', 'defence', 'defense', 'prime', 'vice', 'interim', 'former', 'acting', 'supreme', 'opposition', 'military', 'security', 'national', 'special', 'senior', 'top'].includes(w)));

const SPEECH_VERBS = new Set(['said', 'says', 'told', 'added', 'stated', 'warned', 'noted', 'insisted', 'argued', 'stressed', 'declared', 'wrote', 'tweeted', 'explained', 'claimed', 'replied', 'announced', 'urged', 'asked', 'called', 'posted']);

const SPEECH_BEFORE = new Set(['said', 'says', 'added', 'wrote', 'writes', 'noted', 'warned']);

/** Lower-case installation words after a name: "Tartus naval base", "Zangezur corridor". */
export const INSTALLATION_PHRASES: readonly { words: readonly string[]; subtype: string }[] = [
  { words: ['air', 'base'], subtype: 'air-base' },
  { words: ['airbase'], subtype: 'air-base' },
  { words: ['airfield'], subtype: 'air-base' },
  { words: ['naval', 'base'], subtype: 'naval-base' },
  { words: ['military', 'base'], subtype: 'military-base' },
  { words: ['army', 'base'], subtype: 'military-base' },
  { words: ['airport'], subtype: 'airport' },
  { words: ['border', 'post'], subtype: 'border-post' },
  { words: ['border', 'crossing'], subtype: 'border-post' },
  { words: ['checkpoint'], subtype: 'border-post' },
  { words: ['corridor'], subtype: 'route' },
  { words: ['route'], subtype: 'route' },
];

export interface OccurrenceCues {
  /** Title or role words right before the name, as written ("Armenian Prime Minister"). */
  title?: string;
  /** The appositive after the name, when it describes a role ("an adviser to Iran's Supreme Leader"). */
  appositive?: string;
  speech: boolean;
  /** "(CSTO)" right after the name. */
  acronym?: string;
  /** A lower-case installation phrase right after the name. */
  installation?: { phrase: string; subtype: string; end: number };
}

const LOCATIVE_OPENERS = new Set(['in', 'at', 'from', 'near', 'to', 'across', 'outside', 'inside', 'within']);

const ARTICLE_OR_DETERMINER = /^(?:a|an|the|his|her|their|its|one|another|who|which)$/;

function wordAt(tokens: readonly Token[], index: number): string | undefined {
  const token = tokens[index];
  return token?.isWord ? token.text : undefined;
}

/** Title words walking back from `first - 1`, plus one capitalised modifier before them ("Armenian"). */
function titleBefore(tokens: readonly Token[], first: number, text: string): string | undefined {
  let i = first - 1;
  let stop = first;
  while (i >= 0) {
    const word = wordAt(tokens, i);
    if (!word || !(TITLES.has(word) || ROLE_WORDS.has(word.toLowerCase()))) break;
    stop = i;
    i--;
  }
  if (stop === first) return undefined;
  const modifier = wordAt(tokens, stop - 1);
  if (modifier && /^\p{Lu}\p{Ll}+(?:an|ani|ian|ese|ish|i)$/u.test(modifier)) stop--;
  const lastRole = tokens[first - 1]!;
  const role = text.slice(tokens[stop]!.start, lastRole.end);
  // A lone modifier ("former", "top") is not a title.
  return /\s|^\p{Lu}/u.test(role) || PERSON_NOUNS.has(role.toLowerCase()) ? role : undefined;
}

/** ", an adviser to Iran's Supreme Leader," → the phrase, when it names a role. */
function appositiveAfter(tokens: readonly Token[], first: number, last: number, text: string): string | undefined {
  if (tokens[last + 1]?.text !== ',') return undefined;
  // "In Ankara, Turkish President …": after an opening place phrase the comma starts the clause, not an appositive.
  const before = wordAt(tokens, first - 1)?.toLowerCase();
  if (before && LOCATIVE_OPENERS.has(before)) return undefined;
  const opener = wordAt(tokens, last + 2);
  // "Finland's foreign minister": a possessive name opens an appositive too.
  const possessive = opener !== undefined && /^\p{Lu}/u.test(opener) && tokens[last + 3]?.text === "'" && tokens[last + 4]?.text === 's';
  if (!opener || !(possessive || ARTICLE_OR_DETERMINER.test(opener) || ROLE_WORDS.has(opener.toLowerCase()) || /^\p{Lu}\p{Ll}+(?:an|ani|ian|ese|ish|i)$/u.test(opener))) return undefined;
  let end = last + 2;
  let hasRole = false;
  for (let i = last + 2; i < tokens.length && i < last + 20; i++) {
    const token = tokens[i]!;
    if (!token.isWord && /[,.;:()“”"—–!?]/.test(token.text)) break;
    if (token.isWord && PERSON_NOUNS.has(token.text.toLowerCase())) hasRole = true;
    end = i;
  }
  if (!hasRole) return undefined;
  return text.slice(tokens[last + 2]!.start, tokens[end]!.end);
}

/** The index after a ", appositive," that follows `last`, or `last` itself. */
function skipAppositive(tokens: readonly Token[], last: number): number {
  if (tokens[last + 1]?.text !== ',') return last;
  for (let i = last + 2; i < tokens.length && i < last + 24; i++) {
    const text = tokens[i]!.text;
    if (text === ',') return i;
    if (/[.;:!?“”"]/.test(text)) break;
  }
  return last;
}

function speechAround(tokens: readonly Token[], first: number, last: number): boolean {
  const after = skipAppositive(tokens, last);
  const next = wordAt(tokens, after + 1) ?? (tokens[after + 1]?.text === "'" ? wordAt(tokens, after + 3) : undefined);
  if (next && SPEECH_VERBS.has(next)) return true;
  const before = wordAt(tokens, first - 1);
  // "said X" names the speaker; "told X" names the listener.
  if (before && SPEECH_BEFORE.has(before)) return true;
  return before === 'to' && wordAt(tokens, first - 2)?.toLowerCase() === 'according';
}

/** The acronym in brackets right after tokens[last], if any. */
export function bracketedAcronym(tokens: readonly Token[], last: number): string | undefined {
  if (tokens[last + 1]?.text !== '(' || tokens[last + 3]?.text !== ')') return undefined;
  const word = wordAt(tokens, last + 2);
  return word && /^\p{Lu}[\p{Lu}\p{N}]{1,7}$/u.test(word) ? word : undefined;
}

/** Small words an expansion may contain without an initial: "Organization for Security and Co-operation in Europe". */
const EXPANSION_GLUE = new Set(['for', 'and', 'of', 'in', 'on', 'the', 'to', 'de', 'du', 'des', 'la', 'le', '&']);

/**
 * The expansion an acronym abbreviates, walking back from the bracket over
 * capitalised words (hyphenated parts give an initial each: "Co-operation"
 * → C, O) and glue words, until the initials spell the acronym. Returns the
 * index of its first token, or undefined when no run of words spells it.
 */
export function expansionStart(tokens: readonly Token[], last: number, acronym: string): number | undefined {
  let initials = '';
  for (let i = last; i >= 0 && last - i < 24; i--) {
    const token = tokens[i]!;
    if (!token.isWord) {
      if (token.text === '-' && !token.spaceBefore) continue;
      return undefined;
    }
    // The lower-case part of a hyphenated word ("Co-operation") adds no initial.
    if (tokens[i - 1]?.text === '-' && !token.spaceBefore && !/^\p{Lu}/u.test(token.text)) continue;
    if (/^\p{Lu}/u.test(token.text)) initials = token.text[0]! + initials;
    else if (!EXPANSION_GLUE.has(token.text)) return undefined;
    if (initials.toUpperCase() === acronym.toUpperCase() && /^\p{Lu}/u.test(token.text)) return i;
    if (initials.length > acronym.length) return undefined;
  }
  return undefined;
}

function acronymAfter(tokens: readonly Token[], first: number, last: number): string | undefined {
  const acronym = bracketedAcronym(tokens, last);
  // Only when the name itself spells it; otherwise the name is a tail of the expansion ("… in Europe (OSCE)").
  return acronym && expansionStart(tokens, last, acronym) === first ? acronym : undefined;
}

function installationAfter(tokens: readonly Token[], last: number, text: string): OccurrenceCues['installation'] {
  for (const { words, subtype } of INSTALLATION_PHRASES) {
    if (words.every((word, k) => tokens[last + 1 + k]?.text === word && tokens[last + 1 + k]?.spaceBefore)) {
      const end = tokens[last + words.length]!.end;
      return { phrase: text.slice(tokens[last + 1]!.start, end), subtype, end };
    }
  }
  return undefined;
}

/** The cues around tokens[first..last] of a sentence (offsets in `text`). */
export function cuesAround(tokens: readonly Token[], first: number, last: number, text: string): OccurrenceCues {
  const cues: OccurrenceCues = { speech: speechAround(tokens, first, last) };
  const title = titleBefore(tokens, first, text);
  if (title) cues.title = title;
  const appositive = appositiveAfter(tokens, first, last, text);
  if (appositive) cues.appositive = appositive;
  const acronym = acronymAfter(tokens, first, last);
  if (acronym) cues.acronym = acronym;
  const installation = installationAfter(tokens, last, text);
  if (installation) cues.installation = installation;
  return cues;
}

/** "the 102nd military base in Gyumri": a lower-case installation named by the place it is in. */
export const INSTALLATION_IN_PLACE = /\b((?:\d+(?:st|nd|rd|th)\s+)?(?:military|air|naval|army)\s+base|airbase|airfield)\s+(?:in|at|near|outside)\s+(\p{Lu}[\p{L}\p{M}]+(?:[- ]\p{Lu}[\p{L}\p{M}]+)?)/gu;

/**
 * "a transit route through its southern Syunik province", "the road through
 * the Armenian province of Syunik", "a pipeline running through Ukraine": the
 * place a route, road or corridor runs through.
 */
const ROUTE_THROUGH =
  /\b(?:route|road|railway|rail link|link|corridor|pipeline|highway|motorway)\s+(?:(?:running|passing|that runs|that would run|would run|runs)\s+)?through\s+(?:the\s+|its\s+|their\s+|\p{Lu}[\p{L}\p{M}]+['’]s\s+)?(?:(?:\p{Lu}[\p{L}\p{M}]+\s+)?(?:province|region|district|state|governorate|oblast|territory)\s+of\s+|(?:southern|northern|eastern|western|central|south-eastern|south-western|north-eastern|north-western|mountainous)\s+)?(\p{Lu}[\p{L}\p{M}]+(?:[- ]\p{Lu}[\p{L}\p{M}]+)*)/gu;

export function placesRoutedThrough(text: string): string[] {
  if (!text.includes('through')) return [];
  return [...text.matchAll(ROUTE_THROUGH)].map((match) => match[1]!);
}
