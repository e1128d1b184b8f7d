/**
 * A sentence that names a town next to an installation word is about the
 * installation: "the naval base at Tartus", "its bases in Hmeimim (air) and
 * Tartus (naval)". Its statement goes to the base located there, not to the
 * town, so it lands on the base's page, and every count (which reads the
 * statements: assemble/counts.ts) follows it. The word itself still links the
 * town: the text names the town, and a reader who follows "Tartus" expects it.
 *
 * Only where the reading is safe:
 * - exactly one known base is located at the place (two bases in one town: the
 *   text does not say which, so the mention stays on the town);
 * - the base is not named in the same sentence already ("Hmeimim Air Base
 *   near Latakia" is about the base and also places it: Latakia keeps it);
 * - an installation word is within a few words of the name, in the same
 *   clause, and it is not a figurative base ("power base", "port city").
 */
import type { Entity, Mention, Sentence } from '../model.ts';

/** Place id → the one base located there (places with two or more bases are left out). */
export type InstallationIndex = ReadonlyMap<string, string>;

export function installationIndex(entities: readonly Pick<Entity, 'id' | 'kind' | 'place'>[]): InstallationIndex {
  const bases = new Map<string, string[]>();
  for (const entity of entities) {
    if (entity.kind !== 'base' || !entity.place) continue;
    bases.set(entity.place, [...(bases.get(entity.place) ?? []), entity.id]);
  }
  return new Map([...bases].filter(([, ids]) => ids.length === 1).map(([place, ids]) => [place, ids[0]!]));
}

/** Installation words, singular and plural. */
const INSTALLATION = /\b(?:bases?|airbases?|facilit(?:y|ies)|installations?|ports?|airports?|airfields?|air\s+fields?|garrisons?|outposts?)\b/giu;
/** Words that make "base" or "port" something else: a power base, a port city. */
const FIGURATIVE_BEFORE = /\b(?:power|support|voter|fan|political|popular|electoral|tax|customer|home|knowledge|evidence|data)\s+$/iu;
const FIGURATIVE_AFTER = /^\s+(?:city|town|cities|towns)\b/iu;
/** At most this many words between the installation word and the name. */
const MAX_WORDS_BETWEEN = 4;
/** A clause break between the two: they are not one phrase. */
const CLAUSE_BREAK = /[;:.!?—–]|\s-\s/u;

function wordCount(text: string): number {
  return text.split(/\s+/u).filter((word) => /\p{L}/u.test(word)).length;
}

/** Is the name at [start, end) of the text within a few words of an installation word, in the same clause? */
export function nearInstallationWord(text: string, start: number, end: number): boolean {
  for (const match of text.matchAll(INSTALLATION)) {
    const cueStart = match.index;
    const cueEnd = cueStart + match[0].length;
    if (FIGURATIVE_BEFORE.test(text.slice(0, cueStart)) || FIGURATIVE_AFTER.test(text.slice(cueEnd))) continue;
    const between = cueEnd <= start ? text.slice(cueEnd, start) : end <= cueStart ? text.slice(end, cueStart) : undefined;
    if (between === undefined || CLAUSE_BREAK.test(between)) continue;
    if (wordCount(between) <= MAX_WORDS_BETWEEN) return true;
  }
  return false;
}

/**
 * The entities a sentence's statement is about, in order: those its mentions
 * name, with a town named as an installation's place replaced by the base.
 * `mentions` are the sentence's own, with paragraph offsets.
 */
export function statementEntities(sentence: Pick<Sentence, 'text' | 'start'>, mentions: readonly Mention[], installations: InstallationIndex): string[] {
  const named = new Set(mentions.map((mention) => mention.entityId));
  const ids: string[] = [];
  for (const mention of mentions) {
    const base = installations.get(mention.entityId);
    const about = base && !named.has(base) && nearInstallationWord(sentence.text, mention.start - sentence.start, mention.end - sentence.start) ? base : mention.entityId;
    if (!ids.includes(about)) ids.push(about);
  }
  return ids;
}
