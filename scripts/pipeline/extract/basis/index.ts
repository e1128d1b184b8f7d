/**
 * Statement basis: how a sentence is sourced, as a description of its
 * language, never of its truth. One label per statement, decided by the
 * first rule family that matches, in this order:
 *
 *   quote       most of the sentence is inside quotation marks (or it is a post)
 *   attributed  the claim is attributed to someone: "according to", "said", "a source"
 *   opinion     evaluation, prediction or hedge: "is likely to", "may", "sensible"
 *   assertion   none of the above: the outlet's own factual statement
 *
 * Attribution is checked before opinion because it is about sourcing: a
 * hedged claim that the outlet attributes to someone ("Syrian officials
 * interpreted it as goodwill") is still that person's claim. The rules are
 * documented for readers in docs/statement-basis.md.
 */
import type { Basis } from '../../model.ts';

export interface BasisRule {
  basis: Exclude<Basis, 'quote' | 'assertion'>;
  name: string;
  pattern: RegExp;
  why: string;
}

const speechVerbs =
  'said|says|stated|states|told|tells|added|adds|announced|announces|confirmed|confirms|argued|argues|claimed|claims|reported|reports|warned|warns|insisted|insists|noted|notes|asserted|asserts|described|describes|interpreted|interprets|emphasi[sz]ed|emphasi[sz]es|hinted|hints|explained|explains|wrote|writes|tweeted|posted|denied|denies|acknowledged|acknowledges|suggested by|cited';

export const BASIS_RULES: readonly BasisRule[] = [
  {
    basis: 'attributed',
    name: 'according-to',
    pattern: /\b(?:according to|as reported by|cited by|quoted by|per (?:a|the) (?:source|report))\b/i,
    why: 'Names where the claim comes from.',
  },
  {
    basis: 'attributed',
    name: 'speech-verb',
    pattern: new RegExp(`\\b(?:${speechVerbs})\\b`, 'i'),
    why: 'A speaker or document is said to have said or reported it.',
  },
  {
    basis: 'attributed',
    name: 'reportedly',
    pattern: /\b(?:reportedly|allegedly|is said to|are said to|was said to|were said to|press reports|reports indicate|sources say|a (?:security |military |diplomatic |senior )?source|officials? (?:say|said))\b/i,
    why: 'Anonymous or second-hand sourcing.',
  },
  {
    basis: 'opinion',
    name: 'hedge-or-prediction',
    pattern:
      /\b(?:is|are|was|were) (?:likely|unlikely|expected|set|poised) to\b|\b(?:may|might|could|would|should|must|seems?|seemed|appears?|appeared|suggests?|signals?|signalling|signaling|reflects?|reflecting|represents?|representing|underscores?|underscoring|demonstrates?|demonstrating|highlights?|highlighting|indicates?|implies|suggesting|perhaps|probably|likely|arguably|presumably)\b/i,
    why: 'Hedges, predictions and interpretive verbs: the outlet reads meaning into events.',
  },
  {
    basis: 'opinion',
    name: 'evaluative',
    pattern:
      /\b(?:sensible|pragmatic|dramatic|dreadful|disasters?|disastrous|quagmire|superficial|paradoxical|gamble|fragility|failures?|irony|ironically|unreliable|measured|restraint|endless|costly|symbolic|largely|crucial|vital|fundamental(?:ly)?|weakened|indispensable|telling|remarkabl[ey]|unprecedented|notably|clearly|obviously|pleasantly)\b/i,
    why: 'Evaluative words judge rather than report.',
  },
];

/** Straight and typographic double quotes; single quotes are too often apostrophes. */
const quotedSpan = /[“"]([^“”"]{2,})[”"]/g;

/** Share of the sentence's characters inside double quotation marks. */
export function quotedShare(sentence: string): number {
  if (sentence.length === 0) return 0;
  let quoted = 0;
  for (const match of sentence.matchAll(quotedSpan)) quoted += match[0].length;
  return quoted / sentence.length;
}

export interface BasisContext {
  /** The sentence is an embedded post, or covered by an extracted direct quote. */
  isQuote?: boolean;
}

export interface BasisDecision {
  basis: Basis;
  /** The rule that decided, for the build report and tests. */
  rule: string;
}

export function decideBasis(sentence: string, context: BasisContext = {}): BasisDecision {
  if (context.isQuote || quotedShare(sentence) >= 0.5) return { basis: 'quote', rule: 'quotation' };
  for (const rule of BASIS_RULES) {
    if (rule.pattern.test(sentence)) return { basis: rule.basis, rule: rule.name };
  }
  return { basis: 'assertion', rule: 'default' };
}

export function labelBasis(sentence: string, context: BasisContext = {}): Basis {
  return decideBasis(sentence, context).basis;
}
