import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeJson, writePublishedJson } from '../../../scripts/io/write-json.ts';

const folder = mkdtempSync(join(tmpdir(), 'write-json-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe.each([
  ['writeJson', writeJson],
  ['writePublishedJson', writePublishedJson],
])('%s', (_name, write) => {
  it('writes exactly the bytes of JSON.stringify', () => {
    const value = {
      generatedFrom: { articles: 2 },
      empty: [],
      skipped: undefined,
      articles: [{ slug: 'a', text: 'Syria’s “quote” \u2028 عربي 🙂 </script>' }, undefined, null, 3, 'x', [1, [2]]],
      nested: { list: [1, 2], deep: { n: null } },
      big: Array.from({ length: 40_000 }, (_, index) => ({ index, text: 'ü'.repeat(index % 50) })),
      // Elements and members larger than the buffer the text is encoded into (4 MiB), and text that fills it past its end.
      huge: ['a'.repeat(5 << 20), { text: '€'.repeat(2 << 20) }, 'tail'],
      wide: '🙂'.repeat(1 << 20),
      fill: Array.from({ length: 3_000 }, (_, index) => `${'x'.repeat(index % 7)}${'€'.repeat(1_000 + (index % 3))}`),
      sparse: [1, , 3, () => 4, undefined], // eslint-disable-line no-sparse-arrays
      last: 'end',
    };
    const path = join(folder, 'sub', 'model.json');
    const bytes = write(path, value as unknown as Record<string, unknown>);
    const expected = JSON.stringify(value);
    expect(readFileSync(path, 'utf8')).toBe(expected);
    expect(bytes).toBe(Buffer.byteLength(expected));
    expect(statSync(path).size).toBe(bytes);
  });

  it('writes an empty object', () => {
    const path = join(folder, 'empty.json');
    write(path, {});
    expect(readFileSync(path, 'utf8')).toBe('{}');
  });
});

describe('writePublishedJson', () => {
  it('drops the characters XML forbids from published strings, and only those', () => {
    const value = {
      articles: [{ title: 'bad \ufffe\uffff \u0001\b\f end', text: 'lone \ud800 and pair 😀' }, { text: 'tab\t and a backslash-b \\b stay' }],
      meta: { name: 'x\u001fy' },
    };
    const path = join(folder, 'forbidden.json');
    writePublishedJson(path, value);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual({
      articles: [{ title: 'bad   end', text: 'lone  and pair 😀' }, { text: 'tab\t and a backslash-b \\b stay' }],
      meta: { name: 'xy' },
    });
  });
});

describe('writeJson', () => {
  it('keeps every character, the ones XML forbids too (a cache must give back what it was given)', () => {
    const value = { text: ['bad \ufffe\uffff \u0001\b\f end', 'lone \ud800'], meta: { name: 'x\u001fy' } };
    const path = join(folder, 'exact.json');
    writeJson(path, value);
    expect(readFileSync(path, 'utf8')).toBe(JSON.stringify(value));
    expect(JSON.parse(readFileSync(path, 'utf8'))).toEqual(value);
  });
});
