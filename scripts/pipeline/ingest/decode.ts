/**
 * Bytes → normalised text.
 *
 * Article files are web scrapes of unknown provenance: they may carry a BOM,
 * Windows line endings, broken UTF-8 or be no text at all. This module turns
 * whatever arrives into NFC text with `\n` line breaks, and says what it had
 * to repair instead of throwing.
 */
import type { Diagnostic } from '../model.ts';

export interface DecodedText {
  /** NFC, LF-only text; empty when the input is unreadable (see diagnostics). */
  text: string;
  diagnostics: Diagnostic[];
}

/** Share of control characters above which a file is treated as binary rather than text. */
const MAX_CONTROL_SHARE = 0.1;
/** How much of the file the binary sniffing looks at; enough to judge, bounded for 2 MB inputs. */
const SNIFF_BYTES = 64 * 1024;

/**
 * True for NUL bytes or many C0 control characters (other than tab, LF, CR,
 * form feed and escape-free whitespace) in the first `SNIFF_BYTES`: the
 * same heuristic `git` and `file` use to tell binary from text.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < limit; i++) {
    const byte = bytes[i]!;
    if (byte === 0) return true;
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  }
  return limit > 0 && controls / limit > MAX_CONTROL_SHARE;
}

/**
 * Byte offset of the first invalid UTF-8 sequence, or -1.
 *
 * Hand-written because `TextDecoder` (even with `fatal: true`) only says
 * *that* the input is invalid, not *where*; the diagnostic must name a line.
 * Follows the Unicode "well-formed UTF-8" table (no overlongs, no surrogates,
 * nothing above U+10FFFF).
 */
export function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b0 = bytes[i]!;
    if (b0 < 0x80) {
      i++;
      continue;
    }
    let length: number;
    let min2 = 0x80;
    let max2 = 0xbf;
    if (b0 >= 0xc2 && b0 <= 0xdf) length = 2;
    else if (b0 >= 0xe0 && b0 <= 0xef) {
      length = 3;
      if (b0 === 0xe0) min2 = 0xa0;
      if (b0 === 0xed) max2 = 0x9f;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      length = 4;
      if (b0 === 0xf0) min2 = 0x90;
      if (b0 === 0xf4) max2 = 0x8f;
    } else return i;
    if (i + length > n) return i;
    const b1 = bytes[i + 1]!;
    if (b1 < min2 || b1 > max2) return i;
    for (let k = 2; k < length; k++) {
      const bk = bytes[i + k]!;
      if (bk < 0x80 || bk > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

/** 1-based line of a byte offset, counting LF, CRLF and lone CR as line breaks. */
function lineOfByte(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) {
    const byte = bytes[i];
    if (byte === 0x0a) line++;
    else if (byte === 0x0d && bytes[i + 1] !== 0x0a) line++;
  }
  return line;
}

/** CRLF and lone CR → LF, then NFC so that "é" typed two ways matches in later stages. */
export function normaliseText(text: string): string {
  return text.replace(/\r\n?/g, '\n').normalize('NFC');
}

/**
 * Decode an article file. Never throws.
 *
 * - UTF-8 BOM: stripped.
 * - Invalid UTF-8: decoded with U+FFFD replacement characters plus an
 *   `article/invalid-utf8` warning naming the line of the first bad byte.
 * - NUL bytes / mostly control characters: `article/binary` error and empty text.
 */
export function decodeArticleBytes(bytes: Uint8Array, file: string): DecodedText {
  const diagnostics: Diagnostic[] = [];
  if (looksBinary(bytes)) {
    diagnostics.push({
      severity: 'error',
      code: 'article/binary',
      file,
      line: 1,
      message: `${file} looks like a binary file (NUL bytes or many control characters), not article text; it was skipped.`,
    });
    return { text: '', diagnostics };
  }
  const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  const badOffset = firstInvalidUtf8Offset(body);
  if (badOffset >= 0) {
    const line = lineOfByte(body, badOffset);
    diagnostics.push({
      severity: 'warning',
      code: 'article/invalid-utf8',
      file,
      line,
      message: `${file}:${line} contains bytes that are not valid UTF-8 (first at byte ${badOffset + (hasBom ? 3 : 0)}); they were replaced with U+FFFD. Re-save the file as UTF-8.`,
    });
  }
  // ignoreBOM: the BOM is already gone; a second one would be content and must stay visible.
  const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true }).decode(body);
  return { text: normaliseText(text), diagnostics };
}
