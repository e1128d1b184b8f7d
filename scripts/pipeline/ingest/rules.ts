/**
 * The debris rules: single lines that web scrapes add around article text.
 *
 * Each rule is a named pattern with the reason it exists, so an editor can
 * extend the table when a new outlet brings new debris. Rules are tested on
 * the trimmed line. `maxLength` keeps them from firing on (and spending time
 * in) real paragraphs: debris lines are short, article paragraphs are long.
 *
 * Multi-line structures (embedded tweets, "Read also:" teasers, the trailing
 * "Sources:" list, headline and dateline) are positional and live in
 * `tweets.ts` and `clean.ts`.
 */
import type { RemovalKind } from '../model.ts';

export interface LineRule {
  /** Stable rule name, used in tests and when explaining a removal. */
  name: string;
  kind: RemovalKind;
  /** Lines longer than this are never matched by the rule. */
  maxLength: number;
  pattern: RegExp;
  why: string;
}

export const LINE_RULES: readonly LineRule[] = [
  {
    name: 'photo-credit',
    kind: 'photo-credit',
    maxLength: 150,
    pattern:
      /^\(?(?:photo(?:graph)?s?|images?|pictures?|credits?|(?:photo|image) credits?|illustration|cover photo|featured image)\s*[:：|]\s*\S.*$|^\(?(?:photo|image|picture)\s+(?:by|courtesy of|via)\s+\S.*$/i,
    why: 'Captions of images that were not scraped ("Photo: TASS", "Image: Getty"): they name an agency, not a fact of the story.',
  },
  {
    name: 'share-prompt',
    kind: 'share-prompt',
    maxLength: 80,
    pattern:
      /^(?:share(?: (?:on|via|to) [\p{L}\s,&]+| this(?: article| story| post)?)?|leave a (?:comment|reply)|\d+\s+comments?|comments?|click to (?:share|print|email)\b.*|follow us on [\p{L}\s,&]+|like this|print|email)\s*[:.!]?$/iu,
    why: 'Social buttons and comment links flattened into text ("Share on social media", "Leave a comment").',
  },
  {
    name: 'subscription-plea',
    kind: 'subscription-plea',
    maxLength: 1200,
    pattern:
      /\b(?:buymeacoffee\.com|ko-fi\.com|patreon\.com|paypal\.me|liberapay\.com)\b|\bpaid subscriber\b|\b(?:is|are) (?:powered|funded|made possible) by (?:readers|our readers|subscribers|people like you)\b|\b(?:subscribe|upgrade) (?:now|today|to (?:a )?paid)\b|^(?:subscribe|become a (?:paid )?(?:subscriber|member|patron)|donate(?: now)?)\s*[.!]?$/i,
    why: 'Donation and subscription appeals (newsletter paywall pleas, buymeacoffee / ko-fi / patreon links) are about the outlet, not the story.',
  },
  {
    name: 'republication-disclaimer',
    kind: 'disclaimer',
    maxLength: 2000,
    pattern:
      /\bpublication of (?:articles|this article|this piece) on (?:our|this) (?:site|website)\b|\bdoes not (?:necessarily )?(?:mean|imply) (?:that )?we agree\b|\bviews expressed (?:in this (?:article|piece) )?are (?:those|solely)\b|\bdo(?:es)? not necessarily reflect the (?:views|position|opinions?) of\b|^disclaimer\s*:/i,
    why: 'Republishers add "publication does not mean we agree" notes: a statement about the site, not part of the article.',
  },
  {
    name: 'watch-report',
    kind: 'watch-report',
    maxLength: 300,
    pattern: /^(?:watch|see|view)(?: the)?(?: full)? (?:report|video|interview|footage|clip)\s*[:：]|^watch\s*[:：]/i,
    why: 'Captions of embedded videos that were not scraped ("Watch the report: …").',
  },
  {
    name: 'byline',
    kind: 'byline',
    maxLength: 100,
    pattern: /^(?:authored|written|posted|reported|compiled)\s+by\s*:?\s*\S.*$/i,
    why: 'Author credit lines ("Authored By: X"): metadata, captured as the byline instead of body text.',
  },
  {
    name: 'by-name',
    kind: 'byline',
    maxLength: 60,
    // Case-sensitive on purpose: "By maintaining ties…" opens real sentences; a byline is "By" + capitalised name words only.
    pattern: /^By\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|de|al|bin|van|von))*$/u,
    why: 'Short "By Jane Doe" credit lines.',
  },
  {
    name: 'separator',
    kind: 'separator',
    maxLength: 20,
    pattern: /^[.\-–—_*~=•·|#\s]+$/,
    why: 'Lone punctuation lines ("." "—" "***") left where a divider or widget was.',
  },
];

/** The first rule matching a (trimmed) line, if any. */
export function matchLineRule(trimmed: string): LineRule | undefined {
  for (const rule of LINE_RULES) {
    if (trimmed.length <= rule.maxLength && rule.pattern.test(trimmed)) return rule;
  }
  return undefined;
}

/** "Authored By: Global Geopolitics" → "Global Geopolitics". */
export function bylineAuthor(trimmed: string): string {
  return trimmed
    .replace(/^(?:(?:authored|written|posted|reported|compiled)\s+)?by\s*:?\s*/i, '')
    .replace(/[\s.,;|]+$/, '')
    .trim();
}
