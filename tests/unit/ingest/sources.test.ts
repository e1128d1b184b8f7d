import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSources } from '../../../scripts/pipeline/ingest/sources.ts';
import { SEED_FILES } from './seeds.ts';

describe('parseSources', () => {
  it('accepts the project sources.yaml with an entry for every seed', () => {
    const yaml = readFileSync(new URL('../../fixtures/seed-story/sources.yaml', import.meta.url), 'utf8');
    const { entries, diagnostics } = parseSources(yaml, 'content/sources.yaml');
    expect(diagnostics).toEqual([]);
    expect(Object.keys(entries).sort()).toEqual([...SEED_FILES]);
    expect(entries['002_e060aad4f616cf48.txt']).toMatchObject({ published: '2026-01-27', outlet: 'The Cradle' });
    expect(entries['004_bee40c1e7e62989b.txt']).toMatchObject({ published: '2025-10', author: 'Global Geopolitics' });
    expect(entries['000_414b01a22b4b9160.txt']!.outlet).toBeUndefined();
  });

  it('names file, entry, field and line for a wrong field type, and ignores only that entry', () => {
    const yaml = 'good.txt:\n  outlet: Example\nbad.txt:\n  outlet: Example\n  title: 42\n';
    const { entries, diagnostics } = parseSources(yaml, 'content/sources.yaml');
    expect(Object.keys(entries)).toEqual(['good.txt']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: 'error', code: 'sources/field', file: 'content/sources.yaml', line: 5 });
    expect(diagnostics[0]!.message).toContain('"bad.txt"');
    expect(diagnostics[0]!.message).toContain('"title"');
  });

  it('rejects impossible dates, bad formats, non-http urls and unknown fields, each at its line', () => {
    const yaml = 'a.txt:\n  published: 2026-02-30\nb.txt:\n  published: 28/01/2026\nc.txt:\n  url: javascript:alert(1)\nd.txt:\n  outlett: Typo\n';
    const { entries, diagnostics } = parseSources(yaml, 's.yaml');
    expect(entries).toEqual({});
    expect(diagnostics.map((d) => d.line)).toEqual([2, 4, 6, 8]);
    expect(diagnostics[3]!.message).toContain('"outlett"');
  });

  it('treats empty fields and empty entries as unknown, not as errors', () => {
    const { entries, diagnostics } = parseSources('a.txt:\n  outlet:\n  published: 2026-01-28\nb.txt:\n', 's.yaml');
    expect(diagnostics).toEqual([]);
    expect(entries).toEqual({ 'a.txt': { published: '2026-01-28' } });
  });

  it('reports YAML syntax errors and non-mapping documents without throwing', () => {
    const broken = parseSources('a.txt:\n  outlet: [x\n', 's.yaml');
    expect(broken.diagnostics[0]).toMatchObject({ code: 'sources/yaml', file: 's.yaml' });
    expect(parseSources('- a\n- b\n', 's.yaml').diagnostics[0]).toMatchObject({ code: 'sources/not-a-mapping', line: 1 });
    expect(parseSources('', 's.yaml')).toEqual({ entries: {}, diagnostics: [] });
  });

  it('reports duplicate entries', () => {
    const { diagnostics } = parseSources('a.txt:\n  outlet: X\na.txt:\n  outlet: Y\n', 's.yaml');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'sources/yaml', line: 3 })]);
  });
});
