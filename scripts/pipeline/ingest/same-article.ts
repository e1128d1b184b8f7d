/**
 * Is a new article one we already have? Pure comparisons for `npm run add`:
 * the same canonical address, or the same text under another name (a page
 * saved twice, a wire story already pasted as .txt).
 */
import type { Block } from '../model.ts';

/** Query parameters that only track where a reader came from; they never change the page. */
const TRACKING = /^(?:utm_[a-z]+|fbclid|gclid|mc_cid|mc_eid|ocid|cmpid|ref|ref_src|smid|at_medium|at_campaign)$/i;

/** An address in one spelling: lower-case host, no `www.`, no fragment, no tracking parameters, no trailing slash; http and https alike. */
export function normaliseUrl(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  const params = [...url.searchParams.entries()].filter(([name]) => !TRACKING.test(name)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = params.length > 0 ? `?${new URLSearchParams(params).toString()}` : '';
  const path = url.pathname.replace(/\/+$/, '') || '/';
  return `${url.hostname.toLowerCase().replace(/^www\./, '')}${url.port ? `:${url.port}` : ''}${path}${query}`;
}

/** Text of the article's paragraphs and list items, each reduced to lower-case words (punctuation and typography do not count). */
export function textKeys(blocks: readonly Pick<Block, 'kind' | 'text'>[]): string[] {
  return blocks
    .filter((block) => block.kind === 'paragraph' || block.kind === 'list-item')
    .map((block) => (block.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' '))
    .filter((key) => key.split(' ').length >= 5);
}

/**
 * Share of the new article's paragraphs above which it counts as the same
 * text. Not 1: the same story saved from two places differs in a caption, a
 * "Read more" line or a correction note.
 */
export const SAME_TEXT_SHARE = 0.8;

/** True when at least `SAME_TEXT_SHARE` of the new article's paragraphs occur in the existing one. */
export function sameText(newKeys: readonly string[], existingKeys: readonly string[]): boolean {
  if (newKeys.length === 0) return false;
  const existing = new Set(existingKeys);
  const shared = newKeys.filter((key) => existing.has(key)).length;
  return shared / newKeys.length >= SAME_TEXT_SHARE;
}
