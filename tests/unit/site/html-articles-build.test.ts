/**
 * The briefing build on a content folder of saved web pages: every realistic
 * page becomes a source page with the page head's metadata and its tweet, the
 * page without an article is reported by file name and skipped, and the report
 * files are there after a full build and after a no-change build.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportData } from '../../../scripts/pipeline/report.ts';

const codeRoot = fileURLToPath(new URL('../../..', import.meta.url));
const fixtures = fileURLToPath(new URL('../../fixtures/html', import.meta.url));
let root: string;
let firstRun: { stdout: string };
let secondRun: { stdout: string };

const build = () =>
  promisify(execFile)(process.execPath, ['scripts/build-briefings.ts'], {
    cwd: codeRoot,
    env: { ...process.env, BRIEFING_ROOT: root, CONTENT_DIR: 'content', CI: 'true' },
    maxBuffer: 64 * 1024 * 1024,
  });

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'briefing-html-'));
  mkdirSync(join(root, 'content/entities'), { recursive: true });
  cpSync(fixtures, join(root, 'content/articles'), { recursive: true });
  writeFileSync(join(root, 'content/site.yaml'), 'title: Test briefing\ndescription: Saved pages.\n');
  writeFileSync(
    join(root, 'content/entities/places.yaml'),
    '- id: port-veloria\n  kind: place\n  subtype: city\n  name: Port Veloria\n  coordinates: [43.5, 16.4]\n  description: A port city.\n',
  );
  firstRun = await build();
  secondRun = await build();
}, 240_000);

afterAll(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

const sourcePage = (slug: string) => JSON.parse(readFileSync(join(root, 'src/generated/pages/sources', `${slug}.json`), 'utf8')) as Record<string, unknown>;

describe('a build from saved web pages', () => {
  it('makes a source page for each page with an article, none for the login wall', () => {
    const pages = readdirSync(join(root, 'src/generated/pages/sources')).sort();
    expect(pages).toEqual(['amp-page.json', 'blog-post.json', 'embedded-tweet.json', 'news-og-jsonld.json', 'wire-story.json']);
  });

  it('source pages carry the metadata from the page head and the text without the page chrome', () => {
    const news = JSON.stringify(sourcePage('news-og-jsonld'));
    expect(news).toContain('Port Veloria terminal expansion approved after two-year review');
    expect(news).toContain('The Coastal Ledger');
    expect(news).toContain('https://www.coastal-ledger.example/business/2025/11/port-veloria-terminal-expansion');
    expect(news).toContain('2025-11-14');
    expect(news).toContain('The board voted seven to two in favour.');
    expect(news).not.toContain('gtag(');
    expect(news).not.toContain('begin masthead');
    const tweet = JSON.stringify(sourcePage('embedded-tweet'));
    expect(tweet).toContain('MarshRoadFC');
    expect(tweet).toContain('Everyone is safe.');
    expect(tweet).not.toContain('widgets.js');
  });

  it('reports the page without an article by file name, in the Markdown and JSON reports', () => {
    const data = JSON.parse(readFileSync(join(root, 'build/report.json'), 'utf8')) as ReportData;
    expect(data.summary.articles).toBe(5);
    expect(data.diagnostics).toContainEqual(expect.objectContaining({ severity: 'error', code: 'article/no-article', file: 'content/articles/no-article.html' }));
    expect(readFileSync(join(root, 'build/report.md'), 'utf8')).toContain('content/articles/no-article.html');
    expect(firstRun.stdout).toContain('content/articles/no-article.html');
  });

  it('logs one line per phase in CI and ends with the report', () => {
    expect(firstRun.stdout).toMatch(/^briefing: pipeline…$/m);
    expect(firstRun.stdout).toMatch(/^briefing: pipeline: 5 articles .*done in/m);
    expect(firstRun.stdout).toMatch(/^briefing: pages: \d+ pages .*done in/m);
    expect(firstRun.stdout).not.toMatch(/[\r\x1b]/);
    expect(firstRun.stdout.indexOf('── Briefing build report ──')).toBeGreaterThan(firstRun.stdout.indexOf('briefing: pages:'));
  });

  it('a build with nothing changed still leaves both report files and prints the report', () => {
    expect(secondRun.stdout).toContain('nothing to do');
    expect(secondRun.stdout).toContain('── Briefing build report ──');
    expect(existsSync(join(root, 'build/report.md'))).toBe(true);
    expect(existsSync(join(root, 'build/report.json'))).toBe(true);
  });

  it('a deleted report file makes the next build write it again', async () => {
    rmSync(join(root, 'build/report.md'));
    const third = await build();
    expect(third.stdout).not.toContain('nothing to do');
    expect(readFileSync(join(root, 'build/report.md'), 'utf8')).toContain('## Briefing build report');
  }, 120_000);
});
