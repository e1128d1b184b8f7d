/** Issue 12: reserved ids are refused with file and line; one unreadable entry never discards the others. */
import { describe, expect, it } from 'vitest';
import { loadRegistry } from '../../../scripts/pipeline/registry/index.ts';

const entry = (id: string) => `- id: ${id}\n  kind: actor\n  subtype: person\n  name: Name ${id}\n  description: Someone.\n`;

describe('registry boundaries', () => {
  it('refuses the id "index", which would overwrite the index page of its kind, naming file and line', () => {
    const registry = loadRegistry([{ file: 'content/entities/a.yaml', text: entry('first') + entry('index') + entry('last') }]);
    expect(registry.entities.map((entity) => entity.id)).toEqual(['first', 'last']);
    expect(registry.diagnostics).toEqual([
      expect.objectContaining({ severity: 'error', code: 'registry/invalid-entry', file: 'content/entities/a.yaml', line: 6 }),
    ]);
    expect(registry.diagnostics[0]!.message).toContain('reserved');
  });

  it('an alias bomb in one entry discards that entry only', () => {
    const bomb = [
      '- id: bomb',
      '  kind: actor',
      '  subtype: person',
      '  name: Bomb',
      '  description: x',
      '  aliases: &a ["a","a","a","a","a","a","a","a","a","a"]',
      '  demonyms: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      '  metonyms: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      '  affiliation: [*c,*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      '',
    ].join('\n');
    const registry = loadRegistry([{ file: 'e.yaml', text: entry('before') + bomb + entry('after') }]);
    expect(registry.entities.map((entity) => entity.id)).toEqual(['before', 'after']);
    const error = registry.diagnostics.find((d) => d.severity === 'error');
    expect(error).toMatchObject({ file: 'e.yaml', line: 6 });
    expect(error!.message).toContain('too many aliases');
  });
});
