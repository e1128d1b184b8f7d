import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractHtml } from '../../../scripts/pipeline/ingest/html.ts';
import { ingestArticle } from '../../../scripts/pipeline/ingest/index.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url));
const ingestFixture = (name: string) => ingestArticle({ file: `content/articles/${name}`, bytes: fixture(name) });
const ingestText = (name: string, html: string) => ingestArticle({ file: `content/articles/${name}`, bytes: new TextEncoder().encode(html) });
const paragraphs = (text: string[]) => text.map((line) => `<p>${line}</p>`).join('\n');
/** Enough ordinary prose for Readability to call it an article. */
const PROSE = paragraphs([
  'The council met on Monday to discuss the new bridge over the river, which has been closed to lorries since the spring because of cracks in two of its piers.',
  'Engineers told the meeting that repairs would take at least eight months and cost more than the authority had set aside for all road works this year.',
  'Several members asked whether a temporary crossing could be built downstream, and the transport officer promised a costed answer before the summer recess.',
]);

describe('HTML articles: one per page shape', () => {
  it('news site with og tags and JSON-LD: metadata from the head, body without the site chrome', () => {
    const { article, diagnostics } = ingestFixture('news-og-jsonld.html');
    expect(diagnostics).toEqual([]);
    expect(article!.meta).toMatchObject({
      title: 'Port Veloria terminal expansion approved after two-year review',
      outlet: 'The Coastal Ledger',
      author: 'Marta Ilic',
      published: { precision: 'day', start: '2025-11-14' },
      url: 'https://www.coastal-ledger.example/business/2025/11/port-veloria-terminal-expansion',
      provenance: { title: 'page', outlet: 'page', author: 'page', published: 'page', url: 'page' },
    });
    const texts = article!.blocks.map((block) => block.text);
    expect(texts[0]).toMatch(/^The Port Veloria harbour board on Thursday approved/);
    expect(article!.blocks).toContainEqual(expect.objectContaining({ kind: 'heading', text: 'What changes on the waterfront' }));
    const all = texts.join('\n');
    for (const chrome of ['cookies', 'Privacy policy', 'Dredging plan sent back', 'Share this article', 'gtag', 'display:none', 'begin masthead']) expect(all).not.toContain(chrome);
    // What was left out is accounted for, with the HTML line it sits on.
    const removed = article!.removed;
    expect(removed).toContainEqual({ kind: 'title', line: 40, text: 'Port Veloria terminal expansion approved after two-year review' });
    expect(removed).toContainEqual(expect.objectContaining({ kind: 'page-chrome', text: 'Dredging plan sent back for a second look', line: 56 }));
    expect(removed).toContainEqual(expect.objectContaining({ kind: 'page-chrome', text: expect.stringContaining('All rights reserved') }));
    // Blocks point at the lines of the HTML file.
    expect(article!.blocks[0]!.line).toBe(49);
    expect(article!.blocks.find((block) => block.text.startsWith('The two members'))!.line).toBe(58);
  });

  it('WordPress blog: <time datetime>, the hCard author, list items, no comments or widgets; outlet left unknown', () => {
    const { article, diagnostics } = ingestFixture('blog-post.html');
    expect(diagnostics).toEqual([]);
    expect(article!.meta).toMatchObject({
      title: 'Why the valley rail line keeps closing every winter',
      author: 'Petra Hollein',
      published: { start: '2026-02-03' },
      url: 'https://notes-upper-drava.example/2026/02/03/valley-rail-line-winter/',
    });
    expect(article!.meta.outlet).toBeUndefined();
    expect(article!.blocks.filter((block) => block.kind === 'list-item')).toHaveLength(3);
    expect(article!.blocks.filter((block) => block.kind === 'heading').map((block) => block.text)).toEqual(['The heaters that were never installed', 'What people in the valley say']);
    const all = article!.blocks.map((block) => block.text).join('\n');
    expect(all).not.toContain('quicker on Sundays');
    expect(all).not.toContain('wp:paragraph');
    expect(article!.removed.map((removal) => removal.text)).toContain('Great piece. The bus is actually quicker on Sundays!');
  });

  it('AMP page: JSON-LD metadata, the canonical (non-AMP) URL, no amp boilerplate', () => {
    const { article, diagnostics } = ingestFixture('amp-page.html');
    expect(diagnostics).toEqual([]);
    expect(article!.meta).toMatchObject({
      title: 'Lake Sarvo water level hits a 40-year low',
      outlet: 'Northern Daily',
      author: 'Kalle Virtanen',
      published: { start: '2025-09-22' },
      url: 'https://northerndaily.example/environment/lake-sarvo-water-level-low-2025-09-22',
    });
    expect(article!.blocks).toHaveLength(5);
    expect(article!.blocks.every((block) => block.kind === 'paragraph')).toBe(true);
    expect(article!.blocks.map((block) => block.text).join(' ')).not.toMatch(/amp-start|UA-000000|googleanalytics/);
  });

  it('wire page on one line: byline meta, the dateline paragraph kept, the <time> line recorded as the dateline', () => {
    const { article, diagnostics } = ingestFixture('wire-story.html');
    expect(diagnostics).toEqual([]);
    expect(article!.meta).toMatchObject({
      title: 'Grain corridor talks to resume next week, officials say',
      outlet: 'Meridian Wire',
      author: 'Selin Arslan and Davit Gelashvili',
      published: { start: '2026-03-03' },
      url: 'https://www.meridianwire.example/world/grain-corridor-talks-resume-2026-03-03/',
    });
    expect(article!.blocks.some((block) => block.text.startsWith('ANKARA, March 3 (Meridian Wire) - Negotiators'))).toBe(true);
    expect(article!.removed).toContainEqual(expect.objectContaining({ kind: 'dateline', text: 'March 3, 2026 2:47 PM UTC' }));
    expect(article!.removed).toContainEqual(expect.objectContaining({ kind: 'page-chrome', text: 'More from World' }));
    expect(article!.blocks.map((block) => block.text).join(' ')).not.toContain('wireConfig');
  });

  it('embedded tweet: an attributed tweet block as in a text scrape, widgets script gone', () => {
    const { article } = ingestFixture('embedded-tweet.html');
    expect(article!.tweets).toEqual([
      {
        author: 'Marsh Road FC',
        handle: 'MarshRoadFC',
        date: { precision: 'day', start: '2026-01-18', end: '2026-01-18', label: '18 January 2026' },
        text: "Everyone is safe. The east stand roof was damaged in today's storm and the ground is closed until engineers have checked it. Saturday's match will be moved; details to follow.",
        links: ['pic.twitter.com/Qx7pLm2Rk9'],
        line: 22,
        endLine: 22,
      },
    ]);
    const tweetBlock = article!.blocks.find((block) => block.kind === 'tweet');
    expect(tweetBlock).toMatchObject({ tweet: 0, line: 22 });
    // The lead-in stays a paragraph; the attribution line is recorded, not shown as text.
    expect(article!.blocks).toContainEqual(expect.objectContaining({ kind: 'paragraph', text: 'The club that plays at the stadium posted a short statement shortly after the collapse:' }));
    expect(article!.removed).toContainEqual(expect.objectContaining({ kind: 'tweet', text: '— Marsh Road FC (@MarshRoadFC) January 18, 2026' }));
    // Counted once: as the tweet, not also as page chrome.
    expect(article!.removed.filter((removal) => removal.text.includes('Everyone is safe'))).toHaveLength(1);
    expect(article!.blocks.map((block) => block.text).join(' ')).not.toContain('widgets.js');
  });

  it('a login wall has no article: skipped with an error naming the file', () => {
    const { article, diagnostics } = ingestFixture('no-article.html');
    expect(article).toBeNull();
    expect(diagnostics).toEqual([expect.objectContaining({ severity: 'error', code: 'article/no-article', file: 'content/articles/no-article.html', line: 1 })]);
    expect(diagnostics[0]!.message).toContain('content/articles/no-article.html');
  });
});

describe('HTML articles: hostile and odd input', () => {
  it('script, style and comment content never reaches the text; markup in text stays text', () => {
    const html = `<html><head><title>Bridge repairs will take eight months</title><style>p{color:red}</style></head><body><article>
<p>Before the script <script>document.write("INJECTED")</script>and after it.</p><!-- SECRET COMMENT -->
${PROSE}
<p>Literal markup in the text: &lt;img src=x onerror=alert(1)&gt; stays as characters.</p>
<noscript>NOSCRIPT FALLBACK</noscript></article></body></html>`;
    const { article } = ingestText('hostile.html', html);
    const all = [...article!.blocks.map((block) => block.text), ...article!.removed.map((removal) => removal.text)].join('\n');
    for (const hidden of ['INJECTED', 'SECRET COMMENT', 'color:red', 'NOSCRIPT FALLBACK']) expect(all).not.toContain(hidden);
    expect(all).toContain('Before the script and after it.');
    expect(all).toContain('<img src=x onerror=alert(1)> stays as characters.');
  });

  it('a canonical URL that is not http(s) is dropped; og:url is used instead', () => {
    const html = `<html><head><title>T</title><link rel="canonical" href="javascript:alert(1)"><meta property="og:url" content="https://example.org/story"></head><body><article><h1>Bridge repairs will take eight months</h1>${PROSE}</article></body></html>`;
    expect(extractHtml(html).meta.url).toBe('https://example.org/story');
    const onlyBad = html.replace('<meta property="og:url" content="https://example.org/story">', '');
    expect(extractHtml(onlyBad).meta.url).toBeUndefined();
  });

  it('broken JSON-LD is ignored and the other metadata still read', () => {
    const html = `<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": </script><meta property="article:published_time" content="2024-05-06T10:00:00Z"><meta property="og:site_name" content="Example Times"></head><body><article><h1>Bridge repairs will take eight months</h1>${PROSE}</article></body></html>`;
    const { meta } = extractHtml(html);
    expect(meta).toMatchObject({ title: 'Bridge repairs will take eight months', outlet: 'Example Times', published: { start: '2024-05-06' } });
  });

  it('sources.yaml still wins over the page head', () => {
    const html = `<html><head><meta property="og:site_name" content="Page Outlet"></head><body><article><h1>Bridge repairs will take eight months</h1>${PROSE}</article></body></html>`;
    const { article } = ingestArticle({ file: 'content/articles/a.htm', bytes: new TextEncoder().encode(html), source: { outlet: 'Registry Outlet' } });
    expect(article!.meta.outlet).toBe('Registry Outlet');
    expect(article!.meta.provenance.outlet).toBe('sources.yaml');
    expect(article!.meta.provenance.title).toBe('page');
  });

  it('an empty or tag-soup file is reported, never thrown', () => {
    for (const html of ['', '<html>', '<<<>>><p', '<body><div><div><div></div>']) {
      const { article, diagnostics } = ingestText('soup.html', html);
      expect(article).toBeNull();
      expect(diagnostics.some((d) => d.severity === 'error' && d.file === 'content/articles/soup.html')).toBe(true);
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(ingestFixture('news-og-jsonld.html'))).toBe(JSON.stringify(ingestFixture('news-og-jsonld.html')));
  });
});

describe('HTML article size', () => {
  it('the limit applies to the article text, not to the markup around it', () => {
    const script = `<script>${'x'.repeat(100_000)}</script>`;
    const html = `<html><head>${script}</head><body><article><h1>Bridge repairs will take eight months</h1>${PROSE}</article></body></html>`;
    expect(ingestArticle({ file: 'a.html', bytes: new TextEncoder().encode(html), maxBytes: 50_000 }).article).not.toBeNull();
    const long = `<html><body><article><h1>Bridge repairs</h1>${PROSE.repeat(40)}</article></body></html>`;
    const { article, diagnostics } = ingestArticle({ file: 'b.html', bytes: new TextEncoder().encode(long), maxBytes: 10_000 });
    expect(article).toBeNull();
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'article/too-large', message: expect.stringContaining('b.html holds an article of') }));
    // Far beyond any page: refused before parsing.
    expect(ingestArticle({ file: 'c.html', bytes: new Uint8Array(80_001).fill(0x20), maxBytes: 10_000 }).diagnostics[0]!.code).toBe('article/too-large');
  });
});
