import { hash } from 'node:crypto';

/**
 * First `length` hex digits of the SHA-256 of `text` (as UTF-8), or of bytes: short, stable, content-derived ids.
 * The one-shot `hash` makes no Hash object per call: every sentence and paragraph of
 * the corpus gets an id, and `createHash` took three to four times as long.
 */
export function shortHash(text: string | Uint8Array, length = 8): string {
  return hash('sha256', text, 'hex').slice(0, length);
}
