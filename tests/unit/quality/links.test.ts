import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { findBrokenLinks, pageUrls } from '../../../scripts/quality/links.ts';

/** A three-page site under /site/, with the kinds of mistakes a generator makes. */
function page(body: string): string {
  return `<!doctype html><html lang="en"><head><title>t</title><link rel="canonical" href="https://example.org/site/"></head><body>${body}</body></html>`;
}
const fixture: Record<string, string> = {
  'index.html': page(
    '<a href="a/">a</a> <a href="a/#there">ok fragment</a> <a href="a/#missing">bad fragment</a>' +
      ' <a href="/site/nowhere/">missing page</a> <a href="/elsewhere/">outside the base</a>' +
      ' <a href="https://news.example.com/story">external, never fetched</a> <img src="pic.svg" alt="">',
  ),
  'a/index.html': page('<h2 id="there">There</h2><a href="../#top">top</a> <a href="https://example.org/site/a/">canonical origin</a>'),
  // Nothing links here: it must be checked all the same.
  'orphan/index.html': page('<a href="../a/#gone">orphan link</a> <a href="https://example.org/site/lost/">lost via canonical origin</a>'),
  'pic.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
};

let dir: string;
let server: Server;
let origin: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'links-'));
  for (const [file, content] of Object.entries(fixture)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  // A static server that serves the folder under /site/, as a host with a deploy base would.
  server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = path.startsWith('/site/') ? join(dir, path.slice('/site/'.length)) : '';
    if (file && path.endsWith('/')) file = join(file, 'index.html');
    try {
      if (!file || !statSync(file).isFile()) throw new Error('not a file');
      response.writeHead(200, { 'content-type': file.endsWith('.svg') ? 'image/svg+xml' : 'text/html' });
      response.end(readFileSync(file));
    } catch {
      response.writeHead(404, { 'content-type': 'text/html' }).end('<!doctype html><title>404</title>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('link checker', () => {
  it('maps every built HTML file to its served URL under the base', () => {
    expect(pageUrls(dir, origin, '/site/')).toEqual([`${origin}/site/a/`, `${origin}/site/`, `${origin}/site/orphan/`]);
  });

  it('reports each broken page, fragment and base-less link with the page that holds it, and nothing else', async () => {
    const broken = await findBrokenLinks({ origin, base: '/site/', outDir: dir, siteOrigin: 'https://example.org' });
    expect(broken.map(({ url, parent }) => [url, parent])).toEqual([
      [`${origin}/elsewhere/`, `${origin}/site/`],
      [`${origin}/site/a/#gone`, `${origin}/site/orphan/`],
      [`${origin}/site/a/#missing`, `${origin}/site/`],
      [`${origin}/site/lost/`, `${origin}/site/orphan/`],
      [`${origin}/site/nowhere/`, `${origin}/site/`],
    ]);
    expect(broken.find((link) => link.url.endsWith('#missing'))?.reason).toMatch(/fragment/i);
    expect(broken.find((link) => link.url.endsWith('/nowhere/'))?.status).toBe(404);
  });

  it('passes once the mistakes are fixed', async () => {
    writeFileSync(join(dir, 'index.html'), page('<a href="a/">a</a> <a href="a/#there">ok</a> <img src="pic.svg" alt="">'));
    writeFileSync(join(dir, 'orphan/index.html'), page('<a href="../a/#there">fine</a>'));
    expect(await findBrokenLinks({ origin, base: '/site/', outDir: dir, siteOrigin: 'https://example.org' })).toEqual([]);
  });
});
