/**
 * Descriptors: the titles and descriptive phrases each source attaches to a
 * person ("self-declared President", "ousted dictator", "an associate fellow
 * at the London-based RUSI think tank"). Comparing them across outlets shows
 * how each frames the same actor.
 *
 * Two patterns, looked for only in a window around each person mention, so
 * the cost grows with mentions, not with text:
 * - a title before the name: a run of title words ("interim", "President",
 *   "spokesman") optionally led by a demonym or an organisation the linker
 *   found ("Syrian", "Kremlin", "The Cradle");
 * - an appositive after the name: ", a figure once denounced as…," or
 *   ", formerly Abu Mohammad al-Jolani," up to the closing comma.
 * Hand rules rather than compromise's tagger: the tagger was built for
 * general English and both splits and mis-tags these title runs, while a
 * title lexicon is short, predictable and easy for an editor to extend.
 */
import { lastWordBefore } from './last-word.ts';
import type { Descriptor, Entity, Mention, SegmentedArticle } from '../../model.ts';
import { entityLookup } from '../../shared/entity-lookup.ts';

/** Words that make a run before a name a title. Lower-case; matching ignores case. */
export const TITLE_NOUNS = new Set([
  'president', 'spokesman', 'spokeswoman', 'spokesperson', 'columnist', 'fighter', 'leader', 'dictator', 'ruler',
  'minister', 'analyst', 'fellow', 'journalist', 'commander', 'general', 'chief', 'head', 'envoy', 'ambassador',
  'official', 'correspondent', 'editor', 'founder', 'strongman', 'king', 'prince', 'emir', 'sheikh', 'secretary',
  'chairman', 'director', 'expert', 'professor', 'researcher', 'writer', 'author', 'reporter', 'officer', 'negotiator',
  'diplomat', 'premier', 'militant', 'rebel', 'warlord', 'autocrat', 'tyrant', 'statesman', 'monarch', 'mufti', 'cleric',
]);

/** Modifiers that may stand in a title run, and on their own describe a status ("the ousted Assad"). */
export const STATUS_WORDS = new Set([
  'former', 'ousted', 'deposed', 'toppled', 'interim', 'transitional', 'exiled', 'late', 'acting', 'incumbent',
  'longtime', 'long-time', 'new', 'embattled', 'veteran', 'jihadist', 'islamist', 'prime', 'foreign', 'defence',
  'defense', 'deputy', 'vice', 'senior', 'top', 'then', 'de', 'facto', 'self-declared', 'self-appointed',
  'self-proclaimed', 'self-styled', 'de-facto', 'elected', 'unelected', 'presumptive', 'outgoing', 'incoming',
]);

const STATUS_ONLY = new Set(['former', 'ousted', 'deposed', 'toppled', 'interim', 'exiled', 'self-declared', 'self-appointed', 'self-proclaimed', 'self-styled', 'embattled']);

const MAX_APPOSITIVE_WORDS = 12;

function isTitleWord(word: string): boolean {
  const lower = word.toLowerCase();
  return TITLE_NOUNS.has(lower) || STATUS_WORDS.has(lower) || /^self-[a-z]+$/.test(lower) || /^ex-[a-z]+$/.test(lower);
}

interface Span {
  start: number;
  end: number;
}

/** Title run that ends right before `nameStart` in `text`, or undefined. */
export function titleBefore(text: string, nameStart: number, attached: readonly Span[]): string | undefined {
  let start = nameStart;
  let hasTitle = false;
  let hasStatus = false;
  let words = 0;
  while (words < 8) {
    // An organisation, state or demonym the linker found directly before ("Kremlin spokesman",
    // "former Syrian president", "The Cradle columnist") belongs to the title once a title word is in.
    const span = hasTitle ? attached.find((item) => item.end <= start && /^\s{1,2}$/.test(text.slice(item.end, start))) : undefined;
    if (span) {
      start = /(?:^|\s)The\s+$/.test(text.slice(0, span.start)) ? text.lastIndexOf('The', span.start) : span.start;
      words++;
      continue;
    }
    const match = lastWordBefore(text, start);
    if (!match) break;
    const word = match[1]!;
    if (!isTitleWord(word)) break;
    if (TITLE_NOUNS.has(word.toLowerCase())) hasTitle = true;
    if (STATUS_ONLY.has(word.toLowerCase())) hasStatus = true;
    start = match.index;
    words++;
  }
  if (words === 0 || (!hasTitle && !hasStatus)) return undefined;
  return text.slice(start, nameStart).trim();
}

/** Appositive after the name: ", <a|an|the|formerly|once|who …>," up to the closing comma. */
export function appositiveAfter(text: string, nameEnd: number): string | undefined {
  const rest = text.slice(nameEnd).replace(/^(?:’s|'s)/, '');
  const match = /^,\s+((?:a|an|the|formerly|once|who|now|then|himself|herself|whose)\b[^,;:()“”"]{2,200}?)(?=,\s|;|:|\.\s|\.$|$)/u.exec(rest);
  if (!match) return undefined;
  const phrase = match[1]!.trim();
  // "For Sharaa, the visit is pragmatic…": a clause, not a description of the person.
  if (!/^(?:who|whose)\b/.test(phrase) && /\b(?:is|are|was|were|has|have|had|will|would|can|could)\b/.test(phrase)) return undefined;
  const words = phrase.split(/\s+/);
  if (words.length > MAX_APPOSITIVE_WORDS) return `${words.slice(0, MAX_APPOSITIVE_WORDS).join(' ')}…`;
  return phrase;
}

export function extractDescriptors(article: SegmentedArticle, mentions: Mention[], entities: Entity[]): Descriptor[] {
  const { persons } = entityLookup(entities);
  const byParagraph = new Map<string, Mention[]>();
  for (const mention of mentions) {
    const list = byParagraph.get(mention.paragraphId) ?? [];
    list.push(mention);
    byParagraph.set(mention.paragraphId, list);
  }

  const seen = new Set<string>();
  const descriptors: Descriptor[] = [];
  const add = (mention: Mention, phrase: string | undefined) => {
    if (!phrase) return;
    const normalised = phrase.replace(/\s+/g, ' ');
    const key = `${mention.entityId}\n${normalised.toLowerCase()}`;
    if (seen.has(key)) return;
    seen.add(key);
    descriptors.push({
      entityId: mention.entityId,
      articleSlug: article.slug,
      paragraphId: mention.paragraphId,
      sentenceId: mention.sentenceId,
      phrase: normalised,
    });
  };

  for (const paragraph of article.paragraphs) {
    if (paragraph.kind === 'heading') continue;
    const inParagraph = (byParagraph.get(paragraph.id) ?? []).sort((a, b) => a.start - b.start);
    const others = inParagraph.filter((mention) => !persons.has(mention.entityId));
    for (const mention of inParagraph) {
      if (!persons.has(mention.entityId)) continue;
      add(mention, titleBefore(paragraph.text, mention.start, others));
      add(mention, appositiveAfter(paragraph.text, mention.end));
    }
  }
  return descriptors;
}
