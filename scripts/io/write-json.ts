/**
 * Edge: write a large object as JSON without holding the whole text in memory.
 *
 * Why: the knowledge model of 5,000 articles is ~290 MB of JSON. One
 * `JSON.stringify` made a string of that size (twice that in UTF-16 when any
 * character is outside Latin-1) plus its UTF-8 buffer, and was the build's
 * peak memory. Here each top-level array is written element by element in
 * ~1 MB chunks. The bytes are exactly `JSON.stringify(value)`'s (tested).
 */
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

const CHUNK_CHARS = 1 << 20;

/** `JSON.stringify` of one value where it is an array element: `undefined` and functions become `null`. */
function element(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
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
      } else put(JSON.stringify(member));
    }
    put('}', true);
  } finally {
    closeSync(fd);
  }
  return bytes;
}
