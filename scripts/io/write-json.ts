/**
 * Edge: write a large object as JSON without holding the whole text in memory.
 *
 * Why: the knowledge model of 5,000 articles is ~320 MB of JSON. One
 * `JSON.stringify` made a string of that size (twice that in UTF-16 when any
 * character is outside Latin-1) plus its UTF-8 buffer, and was the build's
 * peak memory. Here each top-level array is written element by element,
 * encoded straight into a reused buffer of a few megabytes. The bytes are
 * exactly `JSON.stringify(value)`'s (tested); `writePublishedJson` also drops
 * the characters XML forbids from strings (the data is published; see
 * scripts/pipeline/shared/escape.ts; reported by the pipeline's
 * assemble/forbidden-characters.ts, which knows the file and line).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { stripXmlForbidden } from '../pipeline/shared/escape.ts';

/**
 * The buffer each file is encoded into. Why not text chunks joined with `+=`:
 * writing the model's 320 MB that way took 3.4–3.5 s against 1.8–2.1 s
 * encoded into a buffer (the kept 5,000-article model, one process, both
 * twice): each chunk was a rope of small strings to flatten, then encode.
 */
const BUFFER_BYTES = 4 << 20;
/** UTF-8 needs at most 3 bytes per UTF-16 code unit (a surrogate pair's 4 bytes are two units). */
const MAX_BYTES_PER_UNIT = 3;

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

type Stringify = (value: unknown) => string | undefined;

/**
 * Writes `value` (a plain object) as compact JSON to `path`, as `JSON.stringify`
 * of it with `stringify` for each member and array element; returns the bytes written.
 */
function writeJsonWith(path: string, value: Record<string, unknown>, stringify: Stringify): number {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, 'w');
  const buffer = Buffer.allocUnsafe(BUFFER_BYTES);
  let filled = 0;
  let bytes = 0;
  const flush = () => {
    if (filled > 0) bytes += writeSync(fd, buffer, 0, filled);
    filled = 0;
  };
  const put = (text: string) => {
    const most = text.length * MAX_BYTES_PER_UNIT;
    if (filled + most > BUFFER_BYTES) flush();
    if (most > BUFFER_BYTES) bytes += writeSync(fd, text);
    else filled += buffer.write(text, filled);
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
        for (let index = 0; index < member.length; index++) {
          if (index > 0) put(',');
          // As an array element, `undefined` and functions become `null`.
          put(stringify(member[index]) ?? 'null');
        }
        put(']');
      } else put(stringify(member)!);
    }
    put('}');
    flush();
  } finally {
    closeSync(fd);
  }
  return bytes;
}

/** Writes `value` (a plain object) as `JSON.stringify` would, byte for byte; returns the bytes written. */
export function writeJson(path: string, value: Record<string, unknown>): number {
  return writeJsonWith(path, value, JSON.stringify);
}

/** Writes `value` (a plain object) as compact JSON for readers, without the characters XML forbids; returns the bytes written. */
export function writePublishedJson(path: string, value: Record<string, unknown>): number {
  return writeJsonWith(path, value, publishedJson);
}
