/**
 * Word lists that decide what counts as a title. Hand lists rather than
 * compromise's tagger: the tagger was built for general English and both
 * splits and mis-tags these title runs ("interim President", "Kremlin
 * spokesman"), while a short list is predictable, fast and easy for an editor
 * to extend. All entries are lower-case; callers compare case-insensitively.
 */

/** Head nouns of a title or role ("President", "spokesman", "columnist"). */
export const TITLE_NOUNS: ReadonlySet<string> = new Set([
  'president', 'spokesman', 'spokeswoman', 'spokesperson', 'columnist', 'fighter', 'leader', 'dictator', 'ruler',
  'minister', 'analyst', 'fellow', 'journalist', 'commander', 'general', 'chief', 'head', 'envoy', 'ambassador',
  'official', 'correspondent', 'editor', 'founder', 'strongman', 'king', 'queen', 'prince', 'emir', 'sheikh',
  'secretary', 'chairman', 'chairwoman', 'director', 'expert', 'professor', 'researcher', 'writer', 'author',
  'reporter', 'officer', 'negotiator', 'diplomat', 'premier', 'chancellor', 'militant', 'rebel', 'warlord', 'autocrat',
  'tyrant', 'statesman', 'monarch', 'mufti', 'cleric', 'governor', 'mayor', 'senator', 'lawmaker', 'adviser',
  'advisor', 'aide', 'commentator', 'activist', 'counterpart', 'successor', 'predecessor',
]);

/**
 * Relational nouns that describe a person only in a "the X's partner, Name,"
 * appositive before the name; before a bare name ("partner Assad") they are
 * too often ordinary nouns.
 */
export const RELATION_NOUNS: ReadonlySet<string> = new Set([
  'partner', 'ally', 'rival', 'client', 'protégé', 'opponent', 'critic', 'figure', 'friend', 'foe', 'patron',
]);

/**
 * Modifiers that may stand inside a title run ("interim", "Foreign").
 * Bare "then" is left out: "and then President Trump called" is not "then-President".
 */
export const STATUS_WORDS: ReadonlySet<string> = new Set([
  'former', 'ousted', 'deposed', 'toppled', 'interim', 'transitional', 'exiled', 'late', 'acting', 'incumbent',
  'longtime', 'long-time', 'new', 'embattled', 'veteran', 'jihadist', 'islamist', 'prime', 'foreign', 'defence',
  'defense', 'deputy', 'vice', 'senior', 'top', 'de', 'facto', 'de-facto', 'elected', 'unelected',
  'presumptive', 'outgoing', 'incoming', 'press', 'supreme', 'crown', 'grand',
]);

/** Status words that describe a person even with no title noun ("the ousted Bashar al-Assad"). */
export const STATUS_ONLY: ReadonlySet<string> = new Set([
  'former', 'ousted', 'deposed', 'toppled', 'interim', 'exiled', 'embattled', 'late',
]);

/** Hyphenated self-/ex-/then- forms ("self-proclaimed", "ex-president", "then-president") describe status. */
const STATUS_PREFIX = /^(?:self|ex|then)[-‐‑][\p{L}]+$/u;

const fold = (word: string): string => word.toLowerCase().replace(/[‐‑]/g, '-');

export function isTitleNoun(word: string): boolean {
  return TITLE_NOUNS.has(fold(word));
}

export function isRelationNoun(word: string): boolean {
  return RELATION_NOUNS.has(fold(word));
}

/** A word that may stand in a title run before a name. */
export function isTitleWord(word: string): boolean {
  const folded = fold(word);
  return TITLE_NOUNS.has(folded) || STATUS_WORDS.has(folded) || STATUS_PREFIX.test(word);
}

/** A word that describes a person on its own, without a title noun. */
export function isStatusOnly(word: string): boolean {
  return STATUS_ONLY.has(fold(word)) || STATUS_PREFIX.test(word);
}
