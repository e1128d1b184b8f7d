import { describe, expect, it } from 'vitest';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { toString } from 'mdast-util-to-string';
import { articleParagraphs, bareSiteFiles, bareSitePageCount, markdownParagraph, markdownWords } from '../../../scripts/bench/bare-site.ts';
import { generateCorpus } from '../../../scripts/bench/corpus.ts';
import { benchRegistryFiles, benchSeeds } from '../../fixtures/bench/seed-story.ts';

const corpus = generateCorpus({ size: 30, seed: 3, seeds: benchSeeds, registryFiles: benchRegistryFiles });
const articles = corpus.articles.map((article) => article.text);
const dependencies = { astro: '7.3.5', '@astrojs/starlight': '0.42.4' };

const pagesOf = <T extends { path: string }>(files: T[]) => files.filter((file) => file.path.startsWith('src/content/docs/'));

describe('bareSiteFiles', () => {
  it('makes as many pages as the project built, counting the 404 page Starlight adds', () => {
    for (const pages of [1, 2, 31, 521]) {
      const files = bareSiteFiles({ pages, articles, dependencies });
      expect(pagesOf(files)).toHaveLength(Math.max(1, pages - 1));
      expect(bareSitePageCount(pages) + 1).toBe(Math.max(2, pages));
      expect(new Set(files.map((file) => file.path)).size).toBe(files.length);
      expect(files.filter((file) => file.path === 'src/content/docs/index.md')).toHaveLength(1);
    }
  });

  it('gives each page the words of one source article, cycling through the corpus in order', () => {
    const files = pagesOf(bareSiteFiles({ pages: 71, articles, dependencies }));
    expect(files).toHaveLength(70);
    files.forEach((file, i) => {
      const article = corpus.articles[i % corpus.articles.length]!;
      // The body words minus the title/dateline or frontmatter words the corpus does not count as body.
      const expected = markdownWords(articleParagraphs(article.text).join('\n\n'));
      expect(markdownWords(file.text), file.path).toBe(expected);
      expect(markdownWords(file.text)).toBeGreaterThanOrEqual(article.words);
    });
    const total = files.reduce((sum, file) => sum + markdownWords(file.text), 0);
    const corpusWords = files.reduce((sum, _file, i) => sum + corpus.articles[i % corpus.articles.length]!.words, 0);
    expect(total / corpusWords).toBeLessThan(1.05); // titles and datelines add a few words, nothing more
  });

  it('configures Starlight with a one-link sidebar, its own Pagefind and caches inside the site folder', () => {
    const files = bareSiteFiles({ pages: 5, articles, site: 'http://localhost:4321', dependencies });
    const config = files.find((file) => file.path === 'astro.config.mjs')!.text;
    expect(config).toContain("sidebar: [{ label: 'Home', link: '/' }]");
    expect(config).not.toMatch(/pagefind\s*:\s*false/);
    expect(config).toContain("cacheDir: './.astro-cache'");
    expect(config).toContain('site: "http://localhost:4321"');
    const pkg = JSON.parse(files.find((file) => file.path === 'package.json')!.text) as { dependencies: Record<string, string> };
    expect(pkg.dependencies).toEqual(dependencies);
    expect(files.find((file) => file.path === 'src/content.config.ts')!.text).toContain('docsLoader()');
  });

  it("keeps Starlight's rendering defaults unless asked for the project's worker threads", () => {
    const config = (workers?: number) => bareSiteFiles({ pages: 5, articles, dependencies, render: workers ? { workers, concurrency: 4 } : undefined }).find((file) => file.path === 'astro.config.mjs')!.text;
    expect(config()).not.toContain('parallelPrerender');
    expect(config()).not.toContain('concurrency');
    expect(config(3)).toContain('experimental: { parallelPrerender: { workers: 3 } },');
    expect(config(3)).toContain('build: { concurrency: 4 },');
  });

  it('refuses to build pages from no text', () => {
    expect(() => bareSiteFiles({ pages: 3, articles: [], dependencies })).toThrow(/no article texts/);
  });
});

describe('markdownParagraph', () => {
  it('renders as the paragraph’s own text: one paragraph, no markup', () => {
    const hostile = [
      '# not a heading',
      '> not a quote',
      '- not a list',
      '12. not a list either',
      '3) nor this',
      'a *star* and _underscores_ and `code` and [a](link) and <b>tag</b> & &amp; entity \\ backslash | pipe {x} !',
      '= not a setext underline',
    ];
    for (const text of hostile) {
      const tree = fromMarkdown(markdownParagraph(text));
      expect(tree.children.map((node) => node.type), text).toEqual(['paragraph']);
      expect(toString(tree), text).toBe(text);
    }
  });

  it('reads an article’s paragraphs without its frontmatter', () => {
    expect(articleParagraphs('---\ntitle: "T"\n---\n\nOne\ntwo.\n\n\nThree.\n')).toEqual(['One two.', 'Three.']);
    expect(articleParagraphs('Title\n\nBody.')).toEqual(['Title', 'Body.']);
    expect(markdownWords('---\ntitle: "Five words in a title"\n---\n\nTwo words.')).toBe(2);
  });
});
