import { describe, expect, it } from 'vitest';
import { INLINE_DATA_LIMIT, dataFile, externaliseData } from '../../../scripts/pipeline/emit/page-data.ts';
import { block, root } from '../../../scripts/pipeline/emit/nodes.ts';
import { renderPage } from '../../../scripts/pipeline/emit/page.ts';
import { readComponentData } from '../../../src/lib/data-prop.ts';

const big = { rows: Array.from({ length: 2000 }, (_, i) => ({ text: `Row ${i} with “quotes” & <markup>`, path: `/sources/s${i}/` })) };
const small = { outlet: 'Small & simple' };

describe('externaliseData', () => {
  const tree = root([block('StatementList', { data: big }), block('SearchFilters', { kind: 'actor', data: small })]);
  const { tree: out, values } = externaliseData(tree, 'actors/x.json');

  it('moves large data props to the sidecar and leaves a reference; small ones stay inline', () => {
    expect(values).toHaveLength(1);
    expect(values[0]!.length).toBeGreaterThan(INLINE_DATA_LIMIT);
    const [list, filters] = out.children as { attributes: { name: string; value: string }[] }[];
    expect(list!.attributes[0]!.value).toMatch(/^@page-data\/actors\/x\.json#0~[0-9a-f]{8}$/);
    expect(filters!.attributes.find((a) => a.name === 'data')!.value).toBe(JSON.stringify(small).replace(/&/g, '\\u0026'));
  });

  it('keeps the data as the component reads it, and changes the reference when the data changes', () => {
    expect(JSON.parse(values[0]!)).toEqual(big);
    const changed = externaliseData(root([block('StatementList', { data: { ...big, extra: 1 } })]), 'actors/x.json');
    const reference = (t: typeof out) => (t.children[0] as { attributes: { value: string }[] }).attributes[0]!.value;
    expect(reference(changed.tree)).not.toBe(reference(out));
  });

  it('is applied by renderPage to MDX pages, with the sidecar named after the page', () => {
    const file = renderPage({ path: '/actors/x/', frontmatter: { title: 'X' }, tree: root([block('StatementList', { data: big })]) });
    expect(file.data).toEqual({ file: 'actors/x.json', values: [JSON.stringify(big).replace(/&/g, '\\u0026')] });
    expect(file.source.length).toBeLessThan(1000);
    expect(dataFile('index.mdx')).toBe('index.json');
  });
});

describe('readComponentData', () => {
  it('parses inline JSON and refuses references that are not sidecar paths', () => {
    expect(readComponentData('SearchFilters', '{"outlet":"A"}')).toEqual({ outlet: 'A' });
    expect(readComponentData('SearchFilters', undefined)).toBeUndefined();
    // Not a reference (a `..` segment): parsed as JSON, which it is not.
    expect(() => readComponentData('SearchFilters', '@page-data/../secrets.json#0~abcd')).toThrow(SyntaxError);
    // A reference to a sidecar that does not exist fails loudly rather than rendering nothing.
    expect(() => readComponentData('SearchFilters', '@page-data/no-such-page-anywhere.json#0~abcd')).toThrow(/ENOENT/);
  });
});
