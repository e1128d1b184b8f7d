import type { QuoteVia } from '../../model.ts';

/**
 * Reporting verbs that attribute words to a speaker. A closed list rather than a
 * POS tagger: "said" and friends are a small, stable class in news English, and a
 * list keeps the extractor fast and its decisions explainable.
 */
/*
 * Only forms that are rarely nouns: "state", "posts", "reports", "claims",
 * "notes", "remarks" are left out because news copy uses them as nouns ("former
 * Soviet states", "the nine posts", "Press reports indicate").
 */
const SAY_VERBS = [
  'say', 'says', 'said', 'saying',
  'stated', 'stating',
  'adds', 'added', 'adding',
  'argue', 'argues', 'argued', 'arguing',
  'warns', 'warned',
  'assert', 'asserts', 'asserted', 'asserting',
  'claimed',
  'confirm', 'confirms', 'confirmed',
  'announce', 'announces', 'announced',
  'insist', 'insists', 'insisted', 'insisting',
  'noted', 'noting',
  'explain', 'explains', 'explained', 'explaining',
  'writes', 'wrote',
  'declare', 'declares', 'declared', 'declaring',
  'emphasise', 'emphasises', 'emphasised', 'emphasising',
  'emphasize', 'emphasizes', 'emphasized', 'emphasizing',
  'stressed', 'stressing',
  'remarked',
  'replied',
  'tweeted',
  'posted',
  'urged',
  'acknowledge', 'acknowledges', 'acknowledged',
  'admit', 'admits', 'admitted',
  'denies', 'denied',
  'reported',
  'concluded',
  'observed',
  'vowed',
  'pledged',
  'promised',
  'predicted',
  'cautioned',
  'hinted',
] as const;

const TELL_VERBS = ['tell', 'tells', 'told', 'telling'] as const;

/** Verbs that frame words rather than report speech ("described as an “elite team”"). */
const FRAME_VERBS = ['describe', 'describes', 'described', 'called', 'calling', 'framed', 'framing', 'dubbed', 'termed'] as const;

const VIA_BY_VERB = new Map<string, QuoteVia>();
for (const verb of SAY_VERBS) VIA_BY_VERB.set(verb, 'said');
for (const verb of TELL_VERBS) VIA_BY_VERB.set(verb, 'told');
for (const verb of FRAME_VERBS) VIA_BY_VERB.set(verb, 'other');

/** Matches any reporting verb as a whole word. Global: use with matchAll / lastIndex. */
export const SPEECH_VERB_PATTERN = new RegExp(`(?<![\\p{L}\\p{N}'’-])(?:${[...VIA_BY_VERB.keys()].join('|')})(?![\\p{L}\\p{N}'’-])`, 'giu');

export interface VerbMatch {
  start: number;
  end: number;
  verb: string;
  via: QuoteVia;
  /** ", adding", ", saying": the speaker is the subject of the main clause. */
  participle: boolean;
}

/** All reporting verbs in `text[from, to)`, in text order. */
export function findSpeechVerbs(text: string, from: number, to: number): VerbMatch[] {
  const window = text.slice(from, to);
  const found: VerbMatch[] = [];
  for (const match of window.matchAll(SPEECH_VERB_PATTERN)) {
    const verb = match[0].toLowerCase();
    const start = from + (match.index ?? 0);
    // Only a comma-led -ing form ("…, adding, “…”") hangs off the main clause's subject;
    // "Russian media framing the visit" has its own subject.
    const participle = verb.endsWith('ing') && /,\s*$/u.test(text.slice(Math.max(0, start - 3), start));
    found.push({ start, end: start + match[0].length, verb, via: VIA_BY_VERB.get(verb) ?? 'said', participle });
  }
  return found;
}
