import { describe, expect, it } from 'vitest';
import { decodeArticleBytes, firstInvalidUtf8Offset, looksBinary } from '../../../scripts/pipeline/ingest/decode.ts';
import { SEED_FILES, encode, seedBytes } from './seeds.ts';

describe('decodeArticleBytes', () => {
  it('decodes every seed without diagnostics', () => {
    for (const name of SEED_FILES) {
      const { text, diagnostics } = decodeArticleBytes(seedBytes(name), name);
      expect(diagnostics).toEqual([]);
      expect(text.length).toBeGreaterThan(1000);
    }
  });

  it('strips a UTF-8 BOM', () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...encode('Hello')]);
    expect(decodeArticleBytes(bytes, 'a.txt')).toEqual({ text: 'Hello', diagnostics: [] });
  });

  it('converts CRLF and lone CR to LF', () => {
    expect(decodeArticleBytes(encode('a\r\nb\rc\n'), 'a.txt').text).toBe('a\nb\nc\n');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Türkiye'.normalize('NFD');
    expect(decodeArticleBytes(encode(decomposed), 'a.txt').text).toBe('Türkiye'.normalize('NFC'));
  });

  it('replaces invalid UTF-8 and names the line of the first bad byte', () => {
    const bytes = new Uint8Array([...encode('line one\r\nline two\nbad '), 0xff, 0xfe, ...encode(' here\nok')]);
    const { text, diagnostics } = decodeArticleBytes(bytes, 'content/articles/x.txt');
    expect(text).toBe('line one\nline two\nbad \uFFFD\uFFFD here\nok');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'article/invalid-utf8', severity: 'warning', file: 'content/articles/x.txt', line: 3 });
    expect(diagnostics[0]!.message).toContain('content/articles/x.txt:3');
  });

  it('flags NUL bytes as binary and returns empty text', () => {
    const { text, diagnostics } = decodeArticleBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]), 'a.txt');
    expect(text).toBe('');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/binary', severity: 'error', file: 'a.txt' })]);
  });

  it('flags mostly-control-character input as binary but not tabs and newlines', () => {
    expect(looksBinary(new Uint8Array(100).fill(0x01))).toBe(true);
    expect(looksBinary(encode('a\tb\nc\r\n\f'))).toBe(false);
  });

  it('keeps RTL text, emoji and an empty input intact', () => {
    expect(decodeArticleBytes(encode('دمشق 🇸🇾 {<script>}'), 'a.txt').text).toBe('دمشق 🇸🇾 {<script>}');
    expect(decodeArticleBytes(new Uint8Array(), 'a.txt')).toEqual({ text: '', diagnostics: [] });
  });
});

describe('firstInvalidUtf8Offset', () => {
  it('accepts valid multi-byte text', () => {
    expect(firstInvalidUtf8Offset(encode('é€😀'))).toBe(-1);
  });
  it('rejects overlongs, surrogates and truncated sequences', () => {
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0xc0, 0xaf]))).toBe(1);
    expect(firstInvalidUtf8Offset(new Uint8Array([0xed, 0xa0, 0x80]))).toBe(0);
    expect(firstInvalidUtf8Offset(new Uint8Array([0x41, 0x42, 0xe2, 0x82]))).toBe(2);
  });
});
