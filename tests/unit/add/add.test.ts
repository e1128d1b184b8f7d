/**
 * `npm run add` against a local HTTP server on 127.0.0.1 (never the network),
 * into a temporary content folder (never content/).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { addArticles, type AddOutcome } from '../../../scripts/add.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/html/${name}`, import.meta.url), 'utf8');
const NEWS = fixture('news-og-jsonld.html');
const BLOG = fixture('blog-post.html');
const TWEET = fixture('embedded-tweet.html');
/** The same story as NEWS under another address and another page design. */
const NEWS_ELSEWHERE = `<!doctype html><html><head><title>Copy</title><link rel="canonical" href="https://aggregator.example/p/123"></head><body><div class="post">${[...NEWS.matchAll(/<p>([^<]{80,})<\/p>/g)].map((m) => `<p>${m[1]}</p>`).join('\n')}</div></body></html>`;
const PAYWALLED = `<!doctype html><html><head><title>Budget talks collapse - The Example Post</title><meta property="og:site_name" content="The Example Post"><meta property="article:published_time" content="2026-02-10T09:00:00Z"><link rel="canonical" href="https://post.example/budget"></head><body><article><h1>Budget talks collapse</h1><p>Talks on the city budget broke down late on Monday after the two largest groups on the council failed to agree on the cost of the new tram line, officials said.</p><div class="paywall">Subscribe to read the rest of this article.</div></article></body></html>`;

let server: Server;
let base: string;
let requests: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const html = (body: string, type = 'text/html; charset=utf-8') => {
      response.writeHead(200, { 'content-type': type });
      response.end(body);
    };
    switch (request.url) {
      case '/news': return html(NEWS);
      case '/blog': return html(BLOG);
      case '/tweet': return html(TWEET);
      case '/news-copy': return html(NEWS_ELSEWHERE);
      case '/paywall': return html(PAYWALLED);
      case '/login': return html(fixture('no-article.html'));
      case '/latin1': {
        response.writeHead(200, { 'content-type': 'text/html; charset=windows-1252' });
        return response.end(Buffer.from(BLOG.replace('Petra Hollein', 'Petra Höllein'), 'latin1'));
      }
      case '/moved': response.writeHead(301, { location: '/moved-again' }); return response.end();
      case '/moved-again': response.writeHead(302, { location: `${base}/tweet` }); return response.end();
      case '/loop': response.writeHead(302, { location: '/loop' }); return response.end();
      case '/slow': return void setTimeout(() => html(NEWS), 2_000);
      case '/json': response.writeHead(200, { 'content-type': 'application/json' }); return response.end('{"title":"not a page"}');
      case '/pdf': response.writeHead(200, { 'content-type': 'application/pdf' }); return response.end('%PDF-1.4');
      case '/error': response.writeHead(500); return response.end('oops');
      default: response.writeHead(404, { 'content-type': 'text/html' }); return response.end('<h1>Not found</h1>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

let root: string;
let lines: string[];
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'briefing-add-'));
  lines = [];
  requests = [];
  return () => rmSync(root, { recursive: true, force: true });
});

const add = (...paths: string[]) =>
  addArticles(paths.map((path) => (path.startsWith('http') || !path.startsWith('/') ? path : `${base}${path}`)), {
    root: pathToFileURL(`${root}/`),
    contentDir: 'content',
    timeoutMs: 500,
    log: (line) => lines.push(line),
  });
const files = () => {
  try {
    return readdirSync(join(root, 'content/articles')).sort();
  } catch {
    return [];
  }
};
const refusal = (outcome: AddOutcome | undefined) => (outcome?.status === 'refused' ? outcome.reason : `not refused: ${JSON.stringify(outcome)}`);

describe('npm run add', () => {
  it('saves a page as .html named from date and title, byte for byte, and says what it found and did not', async () => {
    const [outcome] = await add('/news');
    expect(outcome).toMatchObject({ status: 'saved', file: 'content/articles/2025-11-14-port-veloria-terminal-expansion-approved-after-two-year.html', warnings: [] });
    expect(readFileSync(join(root, 'content/articles', files()[0]!), 'utf8')).toBe(NEWS);
    const out = lines.join('\n');
    expect(out).toContain('title   Port Veloria terminal expansion approved after two-year review');
    expect(out).toContain('outlet  The Coastal Ledger');
    expect(out).toContain('date    14 November 2025');
    expect(out).toMatch(/words {3}\d{3}/);
    expect(out).not.toContain('not found');

    await add('/blog');
    expect(lines.join('\n')).toMatch(/not found: outlet\. Add it to content\/sources\.yaml/);
  });

  it('follows redirects and reports them; refuses a redirect loop', async () => {
    const [moved] = await add('/moved');
    expect(moved).toMatchObject({ status: 'saved', file: 'content/articles/2026-01-18-stadium-roof-partly-collapses-in-storm-no-injuries-reported.html' });
    expect(moved?.status === 'saved' && moved.warnings.join(' ')).toContain(`followed 2 redirect(s) to ${base}/tweet`);
    const [loop] = await add('/loop');
    expect(refusal(loop)).toMatch(/more than 5 redirects/);
    expect(files()).toHaveLength(1);
  });

  it('refuses, writing nothing: timeout, HTTP errors, non-HTML, no article, not a web address', async () => {
    const outcomes = await add('/slow', '/missing', '/error', '/json', '/pdf', '/login', 'ftp://127.0.0.1/x', 'not a url');
    expect(outcomes.map(refusal)).toEqual([
      expect.stringMatching(/no complete answer within 0\.5 s/),
      expect.stringMatching(/^HTTP 404/),
      expect.stringMatching(/^HTTP 500/),
      expect.stringMatching(/not a web page \(content type "application\/json"\)/),
      expect.stringMatching(/not a web page \(content type "application\/pdf"\)/),
      expect.stringMatching(/no article/),
      expect.stringMatching(/not an http\(s\) address/),
      expect.stringMatching(/not a web address/),
    ]);
    expect(files()).toEqual([]);
    expect(lines.filter((line) => line.includes('nothing was written'))).toHaveLength(8);
  });

  it('a refused connection is reported', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const [outcome] = await add(`http://127.0.0.1:${port}/x`);
    expect(refusal(outcome)).toMatch(/could not connect/);
  });

  it('warns on a paywall (little text) but keeps the page', async () => {
    const [outcome] = await add('/paywall');
    expect(outcome).toMatchObject({ status: 'saved', file: 'content/articles/2026-02-10-budget-talks-collapse.html' });
    expect(outcome?.status === 'saved' && outcome.warnings[0]).toMatch(/only \d+ words of article text: probably a paywall/);
  });

  it('refuses the same address, naming the existing file (also an address in a Markdown article frontmatter)', async () => {
    await add('/news');
    const [again] = await add('/news');
    expect(refusal(again)).toBe('already in the content folder as content/articles/2025-11-14-port-veloria-terminal-expansion-approved-after-two-year.html (same address: coastal-ledger.example/business/2025/11/port-veloria-terminal-expansion)');
    writeFileSync(join(root, 'content/articles/stadium.md'), '---\nurl: "https://harbourside-herald.example/news/stadium-roof-storm/?utm_source=feed"\n---\nSomething else entirely, written by hand about the stadium roof and the storm.\n');
    const [tweet] = await add('/tweet');
    expect(refusal(tweet)).toMatch(/already in the content folder as content\/articles\/stadium\.md \(same address/);
    expect(files()).toHaveLength(2);
  });

  it('refuses the same text under another address and name', async () => {
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    // The story pasted as text earlier, under a name of the editor's choosing.
    const text = [...NEWS.matchAll(/<p>([^<]{80,})<\/p>/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).join('\n\n');
    writeFileSync(join(root, 'content/articles/harbour-vote.txt'), `Harbour vote\n\n${text}\n`);
    const [copy] = await add('/news-copy');
    expect(refusal(copy)).toBe('already in the content folder as content/articles/harbour-vote.txt (the same text under another name)');
    expect(files()).toEqual(['harbour-vote.txt']);
  });

  it('never overwrites: a second page with the same date and title gets its own name', async () => {
    mkdirSync(join(root, 'content/articles'), { recursive: true });
    writeFileSync(join(root, 'content/articles/2026-02-10-budget-talks-collapse.html'), 'kept');
    const [outcome] = await add('/paywall');
    expect(outcome).toMatchObject({ status: 'saved', file: 'content/articles/2026-02-10-budget-talks-collapse-2.html' });
    expect(readFileSync(join(root, 'content/articles/2026-02-10-budget-talks-collapse.html'), 'utf8')).toBe('kept');
  });

  it('reads a page in its declared encoding and saves UTF-8', async () => {
    const [outcome] = await add('/latin1');
    expect(outcome!.status).toBe('saved');
    expect(readFileSync(join(root, outcome?.status === 'saved' ? outcome.file : ''), 'utf8')).toContain('Petra Höllein');
    expect(lines.join('\n')).toContain('author  Petra Höllein');
  });

  it('the command exits 1 when a page was refused, 0 when all were saved', async () => {
    const run = (...args: string[]) =>
      promisify(execFile)(process.execPath, ['scripts/add.ts', ...args], { cwd: new URL('../../..', import.meta.url).pathname, env: { ...process.env, BRIEFING_ROOT: root, CONTENT_DIR: 'content' } }).then(
        (result) => ({ code: 0, stdout: result.stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    const ok = await run(`${base}/news`);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('add: 1 of 1 saved');
    const refused = await run(`${base}/missing`);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('refused HTTP 404');
  }, 30_000);
});
