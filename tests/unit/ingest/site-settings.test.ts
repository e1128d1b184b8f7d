import { describe, expect, it } from 'vitest';
import { parseSiteSettings } from '../../../scripts/pipeline/ingest/site-settings.ts';
import { DEFAULT_DISCOVERY, discoveryThresholds } from '../../../scripts/pipeline/assemble/home-page.ts';

const FILE = 'content/site.yaml';

describe('parseSiteSettings', () => {
  it('reads title, tagline, folded description and discovery thresholds', () => {
    const { settings, diagnostics } = parseSiteSettings(
      'title: Caucasus Briefing\ntagline: The peace deal, traced\ndescription: >-\n  Two lines\n  folded.\ndiscovery:\n  minMentions: 3\n',
      FILE,
    );
    expect(diagnostics).toEqual([]);
    expect(settings).toEqual({ title: 'Caucasus Briefing', tagline: 'The peace deal, traced', description: 'Two lines folded.', discovery: { ...DEFAULT_DISCOVERY, minMentions: 3 } });
  });

  it('gives nothing for an empty file and leaves the thresholds to their defaults', () => {
    const { settings, diagnostics } = parseSiteSettings('', FILE);
    expect(diagnostics).toEqual([]);
    expect(settings).toEqual({});
    expect(discoveryThresholds(settings)).toEqual(DEFAULT_DISCOVERY);
  });

  it('reports each bad field with file and line and keeps the good ones', () => {
    const text = ['title: 42', 'description: Fine.', `tagline: ${'x'.repeat(200)}`, 'colour: red', 'discovery:', '  minMentions: 0', '  minSources: two', '  maxPages: 9'].join('\n');
    const { settings, diagnostics } = parseSiteSettings(text, FILE);
    expect(settings).toEqual({ description: 'Fine.' });
    const where = diagnostics.map((diagnostic) => `${diagnostic.code}@${diagnostic.line}`);
    expect(where).toEqual(expect.arrayContaining(['site/field@1', 'site/field@3', 'site/unknown-field@4', 'site/field@6', 'site/field@7', 'site/field@8']));
    expect(diagnostics.every((diagnostic) => diagnostic.file === FILE && diagnostic.message.startsWith(`${FILE}:${diagnostic.line} `))).toBe(true);
    expect(diagnostics.find((diagnostic) => diagnostic.line === 1)!.message).toContain('title must be text');
    expect(diagnostics.find((diagnostic) => diagnostic.line === 3)!.message).toContain('at most 160 characters');
  });

  it('refuses a multi-line title, a list instead of a mapping and broken YAML without throwing', () => {
    expect(parseSiteSettings('title: |\n  One\n  Two\n', FILE).diagnostics[0]).toMatchObject({ code: 'site/field', line: 1 });
    expect(parseSiteSettings('- a\n- b\n', FILE)).toMatchObject({ settings: {}, diagnostics: [{ code: 'site/not-a-mapping', line: 1 }] });
    expect(parseSiteSettings('title: [unclosed\n', FILE)).toMatchObject({ settings: {}, diagnostics: [{ code: 'site/yaml' }] });
  });

  it('keeps markup as text: the value is data, escaped where it is shown', () => {
    const { settings } = parseSiteSettings('title: "<script>alert(1)</script>"\n', FILE);
    expect(settings.title).toBe('<script>alert(1)</script>');
  });
});
