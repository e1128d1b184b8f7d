/**
 * Edge: write a large object as JSON without holding the whole text in memory.
 *
 * Why: the knowledge model of 5,000 articles is ~290 MB of JSON. One
 * `JSON.stringify` made a string of that size (twice that in UTF-16 when any
 * character is outside Latin-1) plus its UTF-8 buffer, and was the build's
 * peak memory. Here each top-level array is written element by element in
 * ~1 MB chunks. The bytes are exactly `JSON.stringify(value)`'s (tested),
 * except that strings lose the characters XML forbids (the data is published;
 * see scripts/pipeline/shared/escape.ts; reported by the pipeline's
 * assemble/forbidden-characters.ts, which knows the file and line).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { stripXmlForbidden } from '../pipeline/shared/escape.ts';

const CHUNK_CHARS = 1 << 20;

/**
 * How a forbidden character can look in `JSON.stringify`'s output: raw U+FFFE
 * or U+FFFF, or an escape (`\b`, `\f`, `\u0001`…, a lone `\ud800`). It also
 * matches an escaped backslash followed by such letters: that only costs the
 * exact (slower) pass below, which keeps the common case at native speed.
 */
const mayHoldForbidden = /[\ufffe\uffff]|\\(?:[bf]|u00[01][0-9a-f]|ud[89a-f][0-9a-f]{2})/i;

const withoutForbidden = (_key: string, value: unknown) => (typeof value === 'string' ? stripXmlForbidden(value).text : value);

/** `JSON.stringify`, with the characters XML forbids removed from strings. */
function publishedJson(value: unknown): string | undefined {
  const json = JSON.stringify(value);
  return json !== undefined && mayHoldForbidden.test(json) ? JSON.stringify(value, withoutForbidden) : json;
}

/** `JSON.stringify` of one value where it is an array element: `undefined` and functions become `null`. */
function element(value: unknown): string {
  return publishedJson(value) ?? 'null';
}

/** Writes `value` (a plain object) as compact JSON to `path`; returns the bytes written. */
export function writeJsonStreaming(path: string, value: Record<string, unknown>): number {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  let pending = '';
  let bytes = 0;
  const put = (text: string, force = false) => {
    pending += text;
    if (pending.length >= CHUNK_CHARS || (force && pending.length > 0)) {
      bytes += writeSync(fd, pending);
      pending = '';
    }
  };
  try {
    put('{');
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      // JSON.stringify leaves out members it cannot represent.
      if (member === undefined || typeof member === 'function' || typeof member === 'symbol') continue;
      put(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (Array.isArray(member)) {
        put('[');
        member.forEach((item, index) => put(index === 0 ? element(item) : `,${element(item)}`));
        put(']');
      } else put(publishedJson(member)!);
    }
    put('}', true);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
