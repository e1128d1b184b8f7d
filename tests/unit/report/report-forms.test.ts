import { marked } from 'marked';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import type { Candidate } from '../../../scripts/pipeline/model.ts';
import { codeBlock, discoveredFromCandidates, escapeMarkdown, reportMarkdown, reportText, type ReportData } from '../../../scripts/pipeline/report.ts';
import { loadRegistry } from '../../../scripts/pipeline/registry/index.ts';

const candidate = (name: string, type: Candidate['type'], example = `${name} said on Monday that talks would continue.`): Candidate => ({
  name,
  type,
  count: 3,
  articles: ['article-a', 'article-b'],
  examples: [{ articleSlug: 'article-a', sentenceId: 's-00000001', text: example }],
});

const HOSTILE = 'Evil [click](https://evil.example) ![x](https://evil.example/i.png) <img src=x onerror=alert(1)> <script>alert(2)</script> **bold** www.evil.example mail@evil.example | cell # heading `code`';

function data(overrides: Partial<ReportData> = {}): ReportData {
  return {
    summary: {
      articles: 2, fromCache: 1, entities: 3, entitiesNotMentioned: 1, mentions: 10, statements: 5, datedStatements: 2, quotes: 1, descriptors: 0,
      claimGroups: 1, conflicts: 1, sharedPassages: 0, pages: { written: 4, unchanged: 1, removed: 0 }, errors: 1, warnings: 1, seconds: 1.5,
    },
    mentionsPerEntity: [{ id: 'a', name: HOSTILE, count: 4 }],
    discovered: discoveredFromCandidates([candidate(HOSTILE, 'person', HOSTILE), candidate('Port Authority', 'organisation')], new Set()),
    unreviewed: [{ id: 'evil', name: HOSTILE, yaml: `- id: evil\n  name: ${JSON.stringify(HOSTILE)}\n` }],
    unmentioned: [{ id: 'ghost', name: HOSTILE, file: 'content/entities/`x`.yaml', line: 3 }],
    ambiguous: [{ name: HOSTILE, bearers: [HOSTILE, 'Someone Else'], articles: ['article-a'] }],
    unresolvedDates: [{ article: 'article-a', text: HOSTILE }],
    conflicts: [{ subject: HOSTILE, summary: HOSTILE }],
    reuse: [{ a: 'article-a', b: 'article-b', sharedParagraphs: 2, likelyOrigin: 'article-a' }],
    basisPerSource: [{ source: 'article-a', quote: 1, attributed: 2, assertion: 3, opinion: 0, total: 6 }],
    diagnostics: [
      { severity: 'error', code: 'article/no-article', file: 'content/articles/`x`\n.html', line: 1, message: HOSTILE },
      { severity: 'warning', code: 'article/no-date', file: 'content/articles/b.html', line: 1, message: 'content/articles/b.html has no publication date' },
    ],
    fatal: false,
    ...overrides,
  };
}

describe('Markdown report (job summary)', () => {
  it('renders untrusted names as text only: no links, images, HTML, emphasis or autolinks', () => {
    const html = marked.parse(reportMarkdown(data()), { async: false, gfm: true });
    expect(html).not.toMatch(/<a\b/);
    expect(html).not.toMatch(/<img\b/);
    expect(html).not.toMatch(/<script\b/);
    expect(html).not.toMatch(/<strong>bold<\/strong>/);
    // The words are all still there, as text.
    expect(html).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(html).toContain('[click]');
  });

  it('escapeMarkdown keeps one line and table cells intact', () => {
    const escaped = escapeMarkdown('a | b\nc');
    expect(escaped).not.toContain('\n');
    const html = marked.parse(`| x |\n| --- |\n| ${escaped} |`, { async: false, gfm: true });
    expect((html.match(/<td>/g) ?? []).length).toBe(1);
  });

  it('code blocks cannot be closed by their content', () => {
    const block = codeBlock('name: "```"\n````\nafter', 'yaml');
    expect(block.startsWith('`````yaml\n')).toBe(true);
    const html = marked.parse(`${block}\n\n**outside**`, { async: false, gfm: true });
    expect(html).toContain('<strong>outside</strong>');
    expect((html.match(/<pre>/g) ?? []).length).toBe(1);
  });

  it('has a section per kind of finding, errors first, and says when the site was not published', () => {
    const markdown = reportMarkdown(data({ fatal: true }));
    const order = ['not published', '### Errors and warnings', '### New names', '### Unresolved dates', '### Conflicts', '### Shared text', '### Mentions per entity', '### Statements per basis'].map((text) => markdown.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(reportMarkdown(data())).not.toContain('not published');
    // An empty section is left out.
    expect(reportMarkdown(data({ conflicts: [] }))).not.toContain('### Conflicts');
  });

  it('each new name carries its registry entry in a yaml block', () => {
    const markdown = reportMarkdown(data());
    expect(markdown).toContain('```yaml\n- id: port-authority\n  kind: actor\n  subtype: organisation\n  name: Port Authority\n');
  });
});

describe('ready-to-paste registry entries', () => {
  it('maps candidate types to kinds and keeps ids unique and free', () => {
    const entries = discoveredFromCandidates([candidate('Lena Brkic', 'person'), candidate('Sarvola', 'place'), candidate('Lena  Brkic!', 'person'), candidate('Harbour Board', 'organisation')], new Set(['harbour-board']));
    expect(entries.map((entry) => [entry.id, entry.kind, entry.subtype])).toEqual([
      ['lena-brkic', 'actor', 'person'],
      ['sarvola', 'place', 'city'],
      ['lena-brkic-2', 'actor', 'person'],
      ['harbour-board-2', 'actor', 'organisation'],
    ]);
    expect(entries[0]).toMatchObject({ origin: 'candidate', count: 3, articles: ['article-a', 'article-b'], example: 'Lena Brkic said on Monday that talks would continue.' });
  });

  it('the YAML loads in the registry as it is, even for a name full of YAML syntax', () => {
    const names = ['Lena Brkic', 'Dr. No: "the" #1 - [x] {y} & *z', '- leading dash', 'yes'];
    const entries = discoveredFromCandidates(names.map((name) => candidate(name, 'person')), new Set());
    const file = entries.map((entry) => entry.yaml).join('\n');
    expect((parseYaml(file) as { name: string }[]).map((entry) => entry.name)).toEqual(names);
    const registry = loadRegistry([{ file: 'content/entities/new.yaml', text: file }]);
    expect(registry.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(registry.entities.map((entity) => entity.name)).toEqual(names);
  });
});

describe('text report (terminal)', () => {
  it('summarises and lists each diagnostic with file and line', () => {
    const text = reportText(data());
    expect(text).toContain('── Briefing build report ──');
    expect(text).toContain('errors / warnings:  1 / 1');
    expect(text).toContain('content/articles/b.html has no publication date [article/no-date]');
    expect(text).toContain('id port-authority');
  });
});
