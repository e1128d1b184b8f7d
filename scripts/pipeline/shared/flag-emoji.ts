/**
 * Flag emoji ("🇷🇺"): a pair of regional indicator symbols, Unicode's emoji
 * flag sequence. The pages draw them as small flags (src/lib/flags.ts); the
 * build keeps each top-level node of prebuilt HTML that holds one in a block
 * of its own (emit/html.ts), so the page parses only that node again.
 */

/** One flag. Not global: `test` on a global expression moves its lastIndex, which `matchAll` then copies. */
const FLAG_EMOJI = /[\u{1F1E6}-\u{1F1FF}]{2}/u;

export function hasFlagEmoji(text: string): boolean {
  return FLAG_EMOJI.test(text);
}
