/**
 * Article body → blocks, with web-scrape debris taken out and accounted for.
 *
 * The contract: every non-blank line of the input ends up either in a block
 * or in a `Removal` (with its kind, line and verbatim text). Nothing is
 * dropped silently, so an editor can always see what the cleaner did.
 *
 * Order of decisions (earlier claims win):
 * 1. headline (first non-blank line, if headline-shaped and not debris) and
 *    dateline (a date-only line among the first few lines);
 * 2. embedded tweets (see tweets.ts);
 * 3. the trailing "Sources:" list;
 * 4. "Read also:" teasers (intro line + teaser title);
 * 5. single-line debris rules (rules.ts);
 * 6. what is left becomes heading / list-item / paragraph blocks.
 */
import type { Block, Reference, Removal, RemovalKind, Tweet } from '../model.ts';
import { parseDatelineText } from './date-value.ts';
import { readDatedByline, readLeadDateline, readNumericDate, type LeadDateline } from './dateline.ts';
import { collapseWhitespace } from '../shared/whitespace.ts';
import {
  isHeadingLike,
  isHeadlineLike,
  isListItem,
  isMarkdownHeading,
  listItemText,
  markdownHeadingText,
} from './line-shape.ts';
import { bylineAuthor, matchLineRule } from './rules.ts';
import { findTweets } from './tweets.ts';

export interface CleanedBody {
  blocks: Block[];
  removed: Removal[];
  tweets: Tweet[];
  references: Reference[];
  title?: { text: string; line: number };
  dateline?: { text: string; line: number };
  byline?: string;
  /** A wire dateline opening the first paragraph ("WASHINGTON, Aug 8 (Reuters) - "); the paragraph keeps it. */
  leadDateline?: LeadDateline & { line: number };
  /** The outlet's name printed above the headline. */
  masthead?: { text: string; line: number };
  /** An outlet named after the headline: "Headline | Outlet", "Headline – Outlet". */
  titleOutlet?: string;
}

/** The dateline, if any, sits within the first few non-blank lines. */
const DATELINE_WINDOW = 3;
const MAX_DATELINE_LENGTH = 60;

const REFERENCES_HEADING = /^(?:sources|references|further reading|bibliography|links)\s*:?$/i;
const READ_ALSO_INTRO = /^(?:read also|also read|read more|see also|related|related articles?|recommended|more on this(?: topic)?|you may also like)\s*:?$/i;
const READ_ALSO_INLINE = /^(?:read also|also read|read more|see also|related)\s*:\s*\S/i;
const MAX_TEASER_LENGTH = 160;
/** Outlet after a spaced en/em dash: "Putin Meets … – The Moscow Times". */
const OUTLET_SUFFIX = /\s[–—]\s+([^–—]{2,80})$/u;

/**
 * Clean one article body. `text` must already be decoded and LF-normalised;
 * line numbers in the result are 1-based lines of `text`. Never throws.
 */
export function cleanBody(text: string, file: string): CleanedBody {
  void file; // reserved for diagnostics; kept so callers need not change when rules start reporting
  const lines = text.split('\n');
  const trimmed = lines.map((line) => line.trim());
  /** Why each line was taken out of the body; undefined = still body text. */
  const claimed: (RemovalKind | 'tweet-body' | undefined)[] = new Array(lines.length);
  const isFree = (i: number) => claimed[i] === undefined && trimmed[i] !== '';
  const result: CleanedBody = { blocks: [], removed: [], tweets: [], references: [] };

  const nonBlank: number[] = [];
  for (let i = 0; i < lines.length; i++) if (trimmed[i] !== '') nonBlank.push(i);

  // 1. Masthead, headline and dateline.
  let first = nonBlank[0];
  const headlineShaped = (line: string) => !matchLineRule(line) && !/^#{2,}\s/.test(line) && isHeadlineLike(line) && !isDatelineLine(line);
  const second = nonBlank[1];
  let position = 0;
  if (first !== undefined && second !== undefined && isMasthead(trimmed[first]!, trimmed[second]!, headlineShaped)) {
    claimed[first] = 'masthead';
    result.masthead = { text: mastheadName(collapseWhitespace(trimmed[first]!)), line: first + 1 };
    position = 1;
  }
  // Section labels and breadcrumbs ("Analysis", "World | South Caucasus") between masthead and headline.
  while (position < Math.min(nonBlank.length - 1, 3) && isSectionLabel(trimmed[nonBlank[position]!]!) && headlineShaped(trimmed[nonBlank[position + 1]!]!)) {
    claimed[nonBlank[position]!] = 'section-label';
    position++;
  }
  first = nonBlank[position];
  if (first !== undefined) {
    const line = trimmed[first]!;
    // A Markdown `##` is a section heading, never the headline; `#` is.
    if (headlineShaped(line)) {
      claimed[first] = 'title';
      const headline = splitTitleOutlet(collapseWhitespace(line.replace(/^#{1,6}\s+/, '')));
      result.title = { text: headline.title, line: first + 1 };
      if (headline.outlet) result.titleOutlet = headline.outlet;
    }
  }
  for (const i of nonBlank.slice(0, position + DATELINE_WINDOW + 1)) {
    const line = trimmed[i]!;
    if (!isFree(i)) continue;
    if (line.length <= MAX_DATELINE_LENGTH && isDatelineLine(line)) {
      claimed[i] = 'dateline';
      result.dateline = { text: collapseWhitespace(line), line: i + 1 };
      break;
    }
    const byline = readDatedByline(line);
    if (byline && isDatelineLine(byline.dateText)) {
      claimed[i] = 'byline';
      result.byline = byline.author;
      result.dateline = { text: byline.dateText, line: i + 1 };
      break;
    }
  }

  // 2. Embedded tweets.
  const tweetStart = new Map<number, number>();
  for (const found of findTweets(lines, isFree)) {
    const index = result.tweets.push(found.tweet) - 1;
    for (const i of found.lines) claimed[i] = 'tweet-body';
    for (const i of found.removalLines) claimed[i] = 'tweet';
    tweetStart.set(found.lines[0]!, index);
  }

  // 3. Trailing "Sources:" list (debris such as "Share this" may follow it).
  claimReferences(trimmed, nonBlank, claimed, isFree, result.references);

  // 4. "Read also:" teasers.
  for (let k = 0; k < nonBlank.length; k++) {
    const i = nonBlank[k]!;
    const line = trimmed[i]!;
    if (!isFree(i) || line.length > MAX_TEASER_LENGTH) continue;
    if (READ_ALSO_INLINE.test(line)) {
      claimed[i] = 'read-also';
    } else if (READ_ALSO_INTRO.test(line)) {
      claimed[i] = 'teaser-intro';
      const next = nonBlank[k + 1];
      // The teaser is a headline: short and not a full sentence. A real paragraph after the intro stays.
      if (next !== undefined && isFree(next) && isHeadlineLike(trimmed[next]!) && trimmed[next]!.length <= MAX_TEASER_LENGTH) {
        claimed[next] = 'read-also';
      }
    }
  }

  // 5. Single-line debris.
  for (const i of nonBlank) {
    if (!isFree(i)) continue;
    const rule = matchLineRule(trimmed[i]!);
    if (!rule) continue;
    claimed[i] = rule.kind;
    if (rule.kind === 'byline' && result.byline === undefined) {
      const author = bylineAuthor(trimmed[i]!);
      if (author) result.byline = author;
    }
  }

  // 6. Blocks and removals, in line order.
  for (const i of nonBlank) {
    const kind = claimed[i];
    const tweetIndex = tweetStart.get(i);
    if (tweetIndex !== undefined) {
      const tweet = result.tweets[tweetIndex]!;
      if (tweet.text !== '') result.blocks.push({ kind: 'tweet', text: tweet.text, line: tweet.line, tweet: tweetIndex });
    }
    if (kind === 'tweet-body') continue;
    if (kind !== undefined) {
      result.removed.push({ kind, line: i + 1, text: lines[i]! });
      continue;
    }
    result.blocks.push(toBlock(trimmed[i]!, i + 1));
  }
  demoteTrailingHeadings(result.blocks);
  const lead = result.blocks.find((block) => block.kind === 'paragraph');
  const leadDateline = lead ? readLeadDateline(lead.text) : undefined;
  if (lead && leadDateline) result.leadDateline = { ...leadDateline, line: lead.line };
  return result;
}

/** A line that is only a date, in words or in numbers (an ambiguous numeric one included: the caller reports it). */
function isDatelineLine(line: string): boolean {
  return parseDatelineText(line) !== undefined || readNumericDate(line) !== undefined;
}

/** A section label ("Analysis") or a breadcrumb of short parts ("World | South Caucasus", "News › Europe"). */
function isSectionLabel(line: string): boolean {
  if (SECTION_LABEL.test(line)) return true;
  const parts = line.split(/\s+[|›»>\/]\s+/);
  return parts.length >= 2 && parts.every((part) => part.split(/\s+/).length <= 3 && /^[\p{Lu}\p{N}]/u.test(part));
}

/** Section labels that sit above a headline but are not outlets. */
const SECTION_LABEL = /^(?:analysis|opinion|comment|commentary|news|world|world news|politics|breaking(?: news)?|exclusive|explainer|live|update|feature|interview|editorial|home)$/i;
const MAX_MASTHEAD_WORDS = 5;

/**
 * The outlet's name printed above the headline: a short line of capitalised
 * words without a verb-like lower-case word, followed by a longer headline.
 * A headline is never that short and never followed by a second headline.
 */
function isMasthead(line: string, next: string, headlineShaped: (line: string) => boolean): boolean {
  if (!headlineShaped(line) || !(headlineShaped(next) || isSectionLabel(next))) return false;
  if (/^#{1,6}\s/.test(line) || SECTION_LABEL.test(line)) return false;
  const words = line.split(/\s+/);
  if (words.length > MAX_MASTHEAD_WORDS) return false;
  if (!words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word) || /^(?:of|the|and|for|on|in|de|al)$/.test(word))) return false;
  // Title Case alone cannot tell "Putin Meets Sharaa" from "Caucasus Herald": an outlet says what it is, is a domain, or is set in capitals.
  return OUTLET_WORD.test(line) || /^[\p{Lu}\p{N}\s&.'’-]+$/u.test(line) || /\.[a-z]{2,6}$/i.test(line);
}

/** A masthead set in capitals, as a name: "SOUTH CAUCASUS COURIER" → "South Caucasus Courier"; short words stay ("BBC NEWS" → "BBC News"). */
function mastheadName(line: string): string {
  if (/\p{Ll}/u.test(line)) return line;
  return line.replace(/\p{L}+/gu, (word) => {
    if (/^(?:OF|THE|AND|FOR|ON|IN)$/.test(word)) return word.toLowerCase();
    return word.length <= 3 ? word : word.charAt(0) + word.slice(1).toLowerCase();
  }).replace(/^\p{Ll}/u, (c) => c.toUpperCase());
}

/** Words that name a kind of publication. */
const OUTLET_WORD =
  /\b(?:times|news|post|herald|daily|journal|tribune|gazette|observer|monitor|watch|today|agency|press|media|review|weekly|telegraph|guardian|express|report|reporter|wire|network|tv|radio|insider|chronicle|mirror|standard|independent|courier|dispatch|bulletin|magazine|broadcasting|online|info)\b/i;

/** "Headline | Outlet", "Headline – Outlet": the suffix is an outlet when it is short and every word is capitalised. */
const TITLE_SUFFIX = /^(.{12,}?)\s+(?:\||[–—])\s+([^|–—]{2,60})$/u;

function splitTitleOutlet(headline: string): { title: string; outlet?: string } {
  const match = TITLE_SUFFIX.exec(headline);
  if (!match) return { title: headline };
  const suffix = match[2]!.trim();
  const words = suffix.split(/\s+/);
  const named = words.length <= 4 && words.every((word) => /^[\p{Lu}\p{N}&]/u.test(word) || /^(?:of|the|and|for|de|al)$/.test(word));
  return named && !SECTION_LABEL.test(suffix) ? { title: match[1]!.trim(), outlet: suffix } : { title: headline };
}

function toBlock(line: string, lineNumber: number): Block {
  if (isListItem(line)) return { kind: 'list-item', text: collapseWhitespace(listItemText(line)), line: lineNumber };
  if (isMarkdownHeading(line)) return { kind: 'heading', text: collapseWhitespace(markdownHeadingText(line)), line: lineNumber };
  if (isHeadingLike(line)) return { kind: 'heading', text: collapseWhitespace(line), line: lineNumber };
  return { kind: 'paragraph', text: collapseWhitespace(line), line: lineNumber };
}

/** A heading introduces something: one with nothing after it is just a short closing paragraph. */
function demoteTrailingHeadings(blocks: Block[]): void {
  for (let k = blocks.length - 1; k >= 0 && blocks[k]!.kind === 'heading'; k--) {
    blocks[k] = { ...blocks[k]!, kind: 'paragraph' };
  }
}

/**
 * Walk back from the end over list items (skipping blank lines and debris) to
 * a "Sources:" line; if found, the items become references.
 */
function claimReferences(
  trimmed: readonly string[],
  nonBlank: readonly number[],
  claimed: (RemovalKind | 'tweet-body' | undefined)[],
  isFree: (i: number) => boolean,
  references: Reference[],
): void {
  const items: number[] = [];
  let heading: number | undefined;
  for (let k = nonBlank.length - 1; k >= 0; k--) {
    const i = nonBlank[k]!;
    const line = trimmed[i]!;
    if (!isFree(i)) continue;
    if (isListItem(line)) {
      items.unshift(i);
      continue;
    }
    if (REFERENCES_HEADING.test(line)) heading = i;
    else if (items.length === 0 && matchLineRule(line)) continue; // trailing debris after the list
    break;
  }
  if (heading === undefined || items.length === 0) return;
  claimed[heading] = 'references';
  for (const i of items) {
    claimed[i] = 'references';
    const item = collapseWhitespace(listItemText(trimmed[i]!));
    const outlet = OUTLET_SUFFIX.exec(item);
    references.push(
      outlet
        ? { text: item.slice(0, outlet.index).trim(), outlet: outlet[1]!.trim(), line: i + 1 }
        : { text: item, line: i + 1 },
    );
  }
}
