/**
 * Which strings stand for an entity in running text, and how.
 *
 * Pure string work over one `Entity`; the alias index turns the result into a
 * token trie.
 */
import type { Entity, MentionVia } from '../model.ts';

export interface SurfaceForm {
  text: string;
  via: MentionVia;
}

/** Lowercase name particles that may precede a surname as a separate word ("bin Salman"). */
const PARTICLE_WORDS = new Set(['al', 'el', 'bin', 'ibn', 'ben', 'abu', 'van', 'von', 'der', 'de', 'da', 'di', 'du', 'la', 'le']);
/** Arabic article and similar prefixes glued to the surname with a hyphen ("al-Sharaa"). */
const HYPHENATED_PARTICLE = /^(?:al|el|ad|ag|an|ar|as|ash|at|az|ud|ul|bin|ibn)[-\u2010\u2011](?=\p{Lu})/iu;
/** Generational suffixes that are not surnames. */
const NAME_SUFFIXES = new Set(['Jr', 'Jr.', 'Sr', 'Sr.', 'II', 'III', 'IV']);

export function isPerson(entity: Entity): boolean {
  return entity.kind === 'actor' && entity.subtype === 'person';
}

/** Places and bases are the literal reading of a name that is also a metonym ("Moscow"). */
export function isLocation(entity: Entity): boolean {
  return entity.kind === 'place' || entity.kind === 'base';
}

/**
 * "the Kremlin" is written "Kremlin" as often as not ("Kremlin spokesman"), so the
 * article is dropped from every form and links wrap the bare name.
 */
function withoutLeadingArticle(text: string): string {
  const stripped = text.replace(/^the\s+/i, '');
  return stripped.length > 0 ? stripped : text;
}

/**
 * Plural of a demonym used as a collective noun: "Russians", "Israelis".
 * Only for the regular -an/-i endings; "Turkish" or "Chinese" have no such plural.
 */
function demonymPlural(demonym: string): string | undefined {
  return /(?:an|i)$/.test(demonym) ? `${demonym}s` : undefined;
}

/** Surnames of one full name: "Ahmed al-Sharaa" → ["al-Sharaa", "Sharaa"]. */
export function surnamesOf(fullName: string): string[] {
  const words = fullName.trim().split(/\s+/);
  while (words.length > 1 && NAME_SUFFIXES.has(words[words.length - 1] ?? '')) words.pop();
  if (words.length < 2) return [];
  const last = words[words.length - 1] ?? '';
  const result = [last];
  const bare = last.replace(HYPHENATED_PARTICLE, '');
  if (bare !== last) result.push(bare);
  const before = words[words.length - 2] ?? '';
  if (words.length > 2 && PARTICLE_WORDS.has(before)) result.push(`${before} ${last}`);
  // A surname must look like a name, not like a stray particle or initial.
  return result.filter((surname) => /^\p{L}[\p{L}\p{M}'’\-\u2010\u2011 ]+$/u.test(surname) && /\p{Lu}/u.test(surname));
}

export function surfaceFormsOf(entity: Entity): SurfaceForm[] {
  const forms: SurfaceForm[] = [];
  const add = (text: string | undefined, via: MentionVia): void => {
    if (typeof text !== 'string') return;
    const trimmed = withoutLeadingArticle(text.normalize('NFC').trim());
    if (trimmed.length > 0) forms.push({ text: trimmed, via });
  };
  add(entity.name, 'name');
  for (const alias of entity.aliases ?? []) add(alias, 'alias');
  for (const demonym of entity.demonyms ?? []) {
    add(demonym, 'demonym');
    add(demonymPlural(demonym), 'demonym');
  }
  for (const metonym of entity.metonyms ?? []) add(metonym, 'metonym');
  if (isPerson(entity)) {
    for (const fullName of [entity.name, ...(entity.aliases ?? [])]) {
      if (typeof fullName !== 'string') continue;
      for (const surname of surnamesOf(fullName.normalize('NFC'))) add(surname, 'surname');
    }
    for (const surname of entity.surnames ?? []) add(surname, 'surname');
  }
  return forms;
}
