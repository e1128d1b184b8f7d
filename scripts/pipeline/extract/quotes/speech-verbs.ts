import type { QuoteVia } from '../../model.ts';

/**
 * Reporting verbs that attribute words to a speaker. A closed list rather than a
 * POS tagger: "said" and friends are a small, stable class in news English, and a
 * list keeps the extractor fast and its decisions explainable.
 */
const SAY_VERBS = [
  'say', 'says', 'said', 'saying',
  'state', 'states', 'stated', 'stating',
  'add', 'adds', 'added', 'adding',
  'argue', 'argues', 'argued', 'arguing',
  'warn', 'warns', 'warned', 'warning',
  'assert', 'asserts', 'asserted', 'asserting',
  'claim', 'claims', 'claimed', 'claiming',
  'confirm', 'confirms', 'confirmed',
  'announce', 'announces', 'announced',
  'insist', 'insists', 'insisted', 'insisting',
  'note', 'notes', 'noted', 'noting',
  'explain', 'explains', 'explained', 'explaining',
  'write', 'writes', 'wrote', 'writing',
  'declare', 'declares', 'declared', 'declaring',
  'emphasise', 'emphasises', 'emphasised', 'emphasising',
  'emphasize', 'emphasizes', 'emphasized', 'emphasizing',
  'stress', 'stresses', 'stressed', 'stressing',
  'remark', 'remarks', 'remarked',
  'reply', 'replies', 'replied',
  'tweet', 'tweets', 'tweeted',
  'post', 'posts', 'posted',
  'urge', 'urges', 'urged',
  'acknowledge', 'acknowledges', 'acknowledged',
  'admit', 'admits', 'admitted',
  'deny', 'denies', 'denied',
  'report', 'reports', 'reported',
  'conclude', 'concludes', 'concluded',
  'observe', 'observes', 'observed',
  'vow', 'vows', 'vowed',
  'pledge', 'pledges', 'pledged',
  'promise', 'promises', 'promised',
  'predict', 'predicts', 'predicted',
  'caution', 'cautions', 'cautioned',
  'hint', 'hints', 'hinted',
] as const;

const TELL_VERBS = ['tell', 'tells', 'told', 'telling'] as const;

/** Verbs that frame words rather than report speech ("described as an “elite team”"). */
const FRAME_VERBS = ['describe', 'describes', 'described', 'call', 'calls', 'called', 'calling', 'frame', 'frames', 'framed', 'framing', 'dub', 'dubbed', 'term', 'termed'] as const;

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
  /** "adding", "saying": the speaker is the subject of the main clause. */
  participle: boolean;
}

/** All reporting verbs in `text[from, to)`, in text order. */
export function findSpeechVerbs(text: string, from: number, to: number): VerbMatch[] {
  const window = text.slice(from, to);
  const found: VerbMatch[] = [];
  for (const match of window.matchAll(SPEECH_VERB_PATTERN)) {
    const verb = match[0].toLowerCase();
    const start = from + (match.index ?? 0);
    found.push({ start, end: start + match[0].length, verb, via: VIA_BY_VERB.get(verb) ?? 'said', participle: verb.endsWith('ing') });
  }
  return found;
}
