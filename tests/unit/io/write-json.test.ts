import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJsonStreaming } from '../../../scripts/io/write-json.ts';

const folder = mkdtempSync(join(tmpdir(), 'write-json-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('writeJsonStreaming', () => {
  it('writes exactly the bytes of JSON.stringify', () => {
    const value = {
      generatedFrom: { articles: 2 },
      empty: [],
      skipped: undefined,
      articles: [{ slug: 'a', text: 'Syria’s “quote” \u2028 عربي 🙂 </script>' }, undefined, null, 3, 'x', [1, [2]]],
      nested: { list: [1, 2], deep: { n: null } },
      big: Array.from({ length: 40_000 }, (_, index) => ({ index, text: 'ü'.repeat(index % 50) })),
      last: 'end',
    };
    const path = join(folder, 'sub', 'model.json');
    const bytes = writeJsonStreaming(path, value);
    const expected = JSON.stringify(value);
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
    expect(statSync(path).size).toBe(bytes);
  });

  it('writes an empty object', () => {
    const path = join(folder, 'empty.json');
    writeJsonStreaming(path, {});
    expect(readFileSync(path, 'utf8')).toBe('{}');
  });

  it('drops the characters XML forbids from published strings, and only those', () => {
    const value = {
      articles: [{ title: 'bad \ufffe\uffff \u0001\b\f end', text: 'lone \ud800 and pair 😀' }, { text: 'tab\t and a backslash-b \\b stay' }],
      meta: { name: 'x\u001fy' },
    };
    const path = join(folder, 'forbidden.json');
    writeJsonStreaming(path, value);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      articles: [{ title: 'bad   end', text: 'lone  and pair 😀' }, { text: 'tab\t and a backslash-b \\b stay' }],
      meta: { name: 'xy' },
    });
  });
});
