import { createHash } from 'node:crypto';

/** First `length` hex digits of the SHA-256 of `text`: short, stable, content-derived ids. */
export function shortHash(text: string, length = 8): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}
