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

/** Share of control characters and invalid UTF-8 bytes above which a file is treated as binary rather than text. */
const MAX_CONTROL_SHARE = 0.1;
/** How much of the file the binary sniffing looks at; enough to judge, bounded for 2 MB inputs. */
const SNIFF_BYTES = 64 * 1024;

/** C0 controls other than tab, LF, CR and form feed. */
const isControlByte = (byte: number) => byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c;

/**
 * True when control characters (NUL included) and bytes that are not UTF-8
 * make up more than a tenth of the first `SNIFF_BYTES`: an image, an archive
 * or an office document, not a text with a stray NUL (which is repaired and
 * reported instead; see `decodeArticleBytes`).
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, Math.min(bytes.length, SNIFF_BYTES));
  let suspicious = 0;
  for (let i = 0; i < sample.length; i++) if (isControlByte(sample[i]!)) suspicious++;
  // Each invalid UTF-8 sequence counts once; cut at the sample end, a valid sequence may look truncated, which is one byte at most.
  for (let position = 0; position < sample.length; ) {
    const offset = firstInvalidUtf8Offset(sample.subarray(position));
    if (offset < 0) break;
    suspicious++;
    position += offset + 1;
  }
  return sample.length > 0 && suspicious / sample.length > MAX_CONTROL_SHARE;
}

/**
 * UTF-16 without a byte order mark: text in Latin script has a NUL in every
 * other byte. Returns the byte order when at least a third of the bytes on one
 * side are NUL and almost none on the other.
 */
export function sniffUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const limit = Math.min(bytes.length, SNIFF_BYTES) & ~1;
  if (limit < 4) return undefined;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < limit; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = limit / 2;
  if (oddNul / pairs >= 1 / 3 && evenNul / pairs < 0.05) return 'utf-16le';
  if (evenNul / pairs >= 1 / 3 && oddNul / pairs < 0.05) return 'utf-16be';
  return undefined;
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
 * Characters no article means to contain and XML (the feed) forbids: C0
 * controls other than tab, LF and CR (form feed and vertical tab included),
 * DEL, C1 controls, and the noncharacters U+FFFE and U+FFFF.
 */
// eslint-disable-next-line no-control-regex
const STRAY_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff]/g;

/** Remove stray control characters, naming the lines they were on. */
function removeStrayCharacters(text: string, file: string, diagnostics: Diagnostic[]): string {
  const lines: number[] = [];
  let count = 0;
  // Matches come in order: count line breaks from the previous match only (linear in the text).
  let line = 1;
  let scanned = 0;
  for (const match of text.matchAll(STRAY_CHARACTERS)) {
    count++;
    for (let i = text.indexOf('\n', scanned); i !== -1 && i < match.index; i = text.indexOf('\n', i + 1)) line++;
    scanned = match.index;
    if (lines.at(-1) !== line && lines.length < 6) lines.push(line);
  }
  if (count === 0) return text;
  const shown = lines.length > 5 ? `${lines.slice(0, 5).join(', ')}, …` : lines.join(', ');
  const nul = text.includes('\u0000') ? ' (NUL included)' : '';
  diagnostics.push({
    severity: 'warning',
    code: 'article/control-characters',
    file,
    line: lines[0]!,
    message: `${file}:${lines[0]} holds ${count} control character(s)${nul} that are not text, on line(s) ${shown}; they were removed and the article kept.`,
  });
  return text.replace(STRAY_CHARACTERS, '');
}

/**
 * Decode an article file. Never throws.
 *
 * - UTF-8 BOM: stripped. UTF-16 (LE or BE) with a BOM: decoded. UTF-16
 *   without a BOM: recognised by its NUL bytes, decoded, and named in an
 *   `article/utf-16` warning.
 * - Invalid UTF-8: decoded with U+FFFD replacement characters plus an
 *   `article/invalid-utf8` warning naming the line of the first bad byte.
 * - A NUL or other control character in text: removed, with an
 *   `article/control-characters` warning naming its line.
 * - Mostly control characters or not UTF-8 at all: `article/binary` error and empty text.
 */
export function decodeArticleBytes(bytes: Uint8Array, file: string): DecodedText {
  const diagnostics: Diagnostic[] = [];
  const utf16 =
    bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe
      ? { encoding: 'utf-16le', bom: true }
      : bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff
        ? { encoding: 'utf-16be', bom: true }
        : (() => {
            const sniffed = sniffUtf16(bytes);
            return sniffed ? { encoding: sniffed, bom: false } : undefined;
          })();
  if (utf16) {
    if (!utf16.bom) {
      diagnostics.push({
        severity: 'warning',
        code: 'article/utf-16',
        file,
        line: 1,
        message: `${file} is ${utf16.encoding.toUpperCase()} text without a byte order mark; it was decoded as such. Re-save the file as UTF-8.`,
      });
    }
    const body = utf16.bom ? bytes.subarray(2) : bytes;
    const text = new TextDecoder(utf16.encoding, { fatal: false, ignoreBOM: true }).decode(body);
    return { text: removeStrayCharacters(normaliseText(text), file, diagnostics), diagnostics };
  }
  if (looksBinary(bytes)) {
    diagnostics.push({
      severity: 'error',
      code: 'article/binary',
      file,
      line: 1,
      message: `${file} looks like a binary file (mostly control characters or bytes that are not UTF-8 text), not article text; it was skipped.`,
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
  return { text: removeStrayCharacters(normaliseText(text), file, diagnostics), diagnostics };
}
