/** Issue 12, dev server: every kind of change under content/ triggers a rebuild that sees it. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, unlinkSync, writeFileSync, appendFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { watchContent, type ContentWatcher } from '../../../scripts/io/watch-content.ts';

const project = mkdtempSync(join(tmpdir(), 'briefing-watch '));
const articles = join(project, 'content', 'articles');
mkdirSync(articles, { recursive: true });
writeFileSync(join(articles, 'a.txt'), 'Alpha\n\nFirst text.\n');

/** What a rebuild saw: article files and their text, as the real build reads them. */
type Seen = Record<string, string>;
const results: Seen[] = [];
let waiting: ((seen: Seen) => void) | undefined;
let watcher: ContentWatcher;

function rebuild(): void {
  const inputs = readInputs(project);
  const seen = Object.fromEntries(inputs.articles.map((article) => [article.name ?? article.file, new TextDecoder().decode(article.bytes)]));
  results.push(seen);
  waiting?.(seen);
}

/** Make a change, then wait for the rebuild it triggers (or fail after 10 s). */
function change(make: () => void): Promise<Seen> {
  return new Promise((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error('no rebuild within 10 s')), 10_000);
    waiting = (seen) => {
      clearTimeout(timeout);
      waiting = undefined;
      resolve(seen);
    };
    make();
  });
}

beforeAll(async () => {
  watcher = watchContent(join(project, 'content'), rebuild, { debounceMs: 100 });
  await watcher.ready;
});
afterAll(async () => {
  await watcher.close();
  rmSync(project, { recursive: true, force: true });
});

describe('the content watcher', () => {
  it('rebuilds on an added article', async () => {
    const seen = await change(() => writeFileSync(join(articles, 'b.txt'), 'Beta\n\nSecond text.\n'));
    expect(Object.keys(seen).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('rebuilds on an edit in place', async () => {
    const seen = await change(() => appendFileSync(join(articles, 'b.txt'), 'More text.\n'));
    expect(seen['b.txt']).toContain('More text.');
  });

  it('rebuilds on a save by rename (sed -i)', async () => {
    const seen = await change(() => execFileSync('sed', ['-i', 's/First text/Edited by sed/', join(articles, 'a.txt')]));
    expect(seen['a.txt']).toContain('Edited by sed');
  });

  it('rebuilds on an editor-style save: write a temp file, rename it over the article', async () => {
    const seen = await change(() => {
      writeFileSync(join(articles, '.a.txt.swp'), 'Alpha\n\nSaved by the editor.\n');
      renameSync(join(articles, '.a.txt.swp'), join(articles, 'a.txt'));
    });
    expect(seen['a.txt']).toContain('Saved by the editor.');
  });

  it('rebuilds when an article last saved by rename is deleted', async () => {
    const seen = await change(() => unlinkSync(join(articles, 'a.txt')));
    expect(Object.keys(seen)).toEqual(['b.txt']);
  });

  it('rebuilds on a rename', async () => {
    const seen = await change(() => renameSync(join(articles, 'b.txt'), join(articles, 'c.txt')));
    expect(Object.keys(seen)).toEqual(['c.txt']);
  });

  it('rebuilds on an article in a folder created after the watcher started, and on the folder removed', async () => {
    const added = await change(() => {
      mkdirSync(join(articles, 'sub'));
      writeFileSync(join(articles, 'sub', 'd.txt'), 'Delta\n\nNested text.\n');
    });
    expect(Object.keys(added).sort()).toEqual(['c.txt', 'sub/d.txt']);
    const removed = await change(() => rmSync(join(articles, 'sub'), { recursive: true }));
    expect(Object.keys(removed)).toEqual(['c.txt']);
  });

  it('rebuilds on a change to sources.yaml or the registry', async () => {
    const seen = await change(() => {
      mkdirSync(join(project, 'content', 'entities'), { recursive: true });
      writeFileSync(join(project, 'content', 'entities', 'e.yaml'), '- id: x\n');
    });
    expect(Object.keys(seen)).toEqual(['c.txt']);
    expect(readInputs(project).registryFiles).toHaveLength(1);
  });
});
