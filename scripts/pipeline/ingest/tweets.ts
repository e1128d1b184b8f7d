/**
 * Embedded tweets in flattened web scrapes.
 *
 * An embed scrapes to an attribution line `— Name (@handle) Month D, YYYY`
 * with the tweet's text near it, usually *before* it and ending in a
 * `pic.twitter.com/…` link, but scrapers also reorder it so some or all of
 * the text follows the attribution. Which neighbouring lines belong to the
 * tweet is decided by these rules (everything else stays article text):
 *
 * 1. Forward: the lines right after the attribution are tweet text only if a
 *    `pic.twitter.com` / `t.co` link closes them within `MAX_FORWARD_LINES`
 *    lines. Without that closing link they are article paragraphs.
 * 2. Backward: lines right before the attribution are tweet text while they
 *    are short (≤ `MAX_TWEET_LINE`), are not headings, are not lead-ins
 *    ending in ":" ("Syrian President Ahmad al-Sharaa:" introduces the
 *    tweet; it stays a paragraph), do not end another tweet (a media link
 *    anywhere but right before the attribution), and
 * 3. the whole text stays within `TWEET_BUDGET` code points (a tweet is at
 *    most 280 characters; some slack for scrape noise). This is what stops
 *    the walk before a real paragraph.
 * 4. No blank lines inside a tweet: a blank line always ends it.
 *
 * Misjudging costs little: a line wrongly left out stays a paragraph, one
 * wrongly taken in is still shown, as part of the quoted tweet.
 */
import type { Tweet } from '../model.ts';
import { parseDatelineText } from './date-value.ts';
import { codePointLength, isHeadingLike, isLeadIn } from './line-shape.ts';
import { collapseWhitespace } from '../shared/whitespace.ts';

const MAX_ATTRIBUTION_LENGTH = 160;
/** `— Name (@handle) date`: Twitter/X handles are 1–15 word characters. */
const ATTRIBUTION = /^[—–-]{1,2}\s*(\S.{0,80}?)\s*\(@([A-Za-z0-9_]{1,15})\)\s*(.{0,40})$/u;
const MEDIA_LINK = /(?:https?:\/\/)?(?:pic\.twitter\.com|pic\.x\.com|t\.co)\/[A-Za-z0-9]+/g;
const MAX_FORWARD_LINES = 4;
const MAX_TWEET_LINE = 300;
const TWEET_BUDGET = 300;

export interface FoundTweet {
  tweet: Tweet;
  /** 0-based indices of all lines that belong to the tweet (attribution included). */
  lines: number[];
  /** 0-based indices of the lines to record as removals (attribution and media-link lines). */
  removalLines: number[];
}

export function isTweetAttribution(trimmed: string): boolean {
  return trimmed.length <= MAX_ATTRIBUTION_LENGTH && ATTRIBUTION.test(trimmed);
}

function hasMediaLink(text: string): boolean {
  MEDIA_LINK.lastIndex = 0;
  return MEDIA_LINK.test(text);
}

function textWithoutLinks(trimmed: string): string {
  return collapseWhitespace(trimmed.replace(MEDIA_LINK, ''));
}

/**
 * Find embedded tweets. `available(i)` says whether line `i` (0-based) is still
 * free (not already claimed as headline etc.). Lines are the file's lines, untrimmed.
 */
export function findTweets(lines: readonly string[], available: (index: number) => boolean): FoundTweet[] {
  const found: FoundTweet[] = [];
  const taken = new Set<number>();
  const free = (i: number) => i >= 0 && i < lines.length && available(i) && !taken.has(i);
  const trimmedAt = (i: number) => (lines[i] ?? '').trim();

  for (let a = 0; a < lines.length; a++) {
    const attribution = trimmedAt(a);
    if (!free(a) || !isTweetAttribution(attribution)) continue;
    const match = ATTRIBUTION.exec(attribution);
    if (!match) continue;
    const [, author = '', handle = '', dateText = ''] = match;

    let budget = TWEET_BUDGET;
    const forward = forwardBody(a);
    for (const i of forward) budget -= codePointLength(textWithoutLinks(trimmedAt(i)));
    const backward: number[] = [];
    for (let i = a - 1; i >= 0 && free(i); i--) {
      const line = trimmedAt(i);
      if (line === '' || line.length > MAX_TWEET_LINE || isTweetAttribution(line)) break;
      if (isLeadIn(line) || isHeadingLike(line)) break;
      if (hasMediaLink(line) && i !== a - 1) break; // the end of an earlier tweet
      const cost = codePointLength(textWithoutLinks(line));
      if (cost > budget) break;
      budget -= cost;
      backward.unshift(i);
    }

    const body = [...backward, ...forward];
    const links: string[] = [];
    for (const i of body) for (const link of trimmedAt(i).matchAll(MEDIA_LINK)) links.push(link[0]);
    const text = body.map((i) => textWithoutLinks(trimmedAt(i))).filter((t) => t !== '').join(' ');
    const all = [...backward, a, ...forward];
    for (const i of all) taken.add(i);
    const date = parseDatelineText(dateText);
    found.push({
      tweet: {
        author: collapseWhitespace(author),
        handle,
        ...(date ? { date } : {}),
        text,
        links,
        line: all[0]! + 1,
        endLine: all[all.length - 1]! + 1,
      },
      lines: all,
      removalLines: all.filter((i) => i === a || hasMediaLink(trimmedAt(i))),
    });
  }
  return found;

  /** Rule 1: lines after the attribution, only when a media link closes them. */
  function forwardBody(a: number): number[] {
    const candidate: number[] = [];
    let cost = 0;
    for (let i = a + 1; i <= a + MAX_FORWARD_LINES && free(i); i++) {
      const line = trimmedAt(i);
      if (line === '' || line.length > MAX_TWEET_LINE || isTweetAttribution(line)) return [];
      cost += codePointLength(textWithoutLinks(line));
      if (cost > TWEET_BUDGET) return [];
      candidate.push(i);
      if (hasMediaLink(line)) return candidate;
    }
    return [];
  }
}
