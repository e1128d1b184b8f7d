import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { pageWriter, writeModel, writeOutputs } from '../../../scripts/io/write-outputs.ts';
import { gzipFile } from '../../../scripts/io/gzip-file.ts';

const temp = mkdtempSync(join(tmpdir(), 'briefing-write-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));
const root = pathToFileURL(`${temp}/`);
const read = (file: string) => readFileSync(join(temp, file), 'utf8');

describe('the page writer', () => {
  it('writes pages as they come, and the indexes of source and entity pages the routes make their pages from', async () => {
    const writer = pageWriter(root);
    writer.write({ file: 'src/content/docs/actors/russia.mdx', source: '---\ntitle: Russia\n---\n' });
    writer.write({ file: 'src/generated/pages/sources/b-2.json', source: '{"title":"B"}' });
    writer.write({ file: 'src/generated/pages/sources/a-1.json', source: '{"title":"A"}' });
    writer.write({ file: 'src/generated/pages/places/tartus.json', source: '{}' });
    const done = await writer.finish();
    expect(done).toMatchObject({ written: 4, unchanged: 0, removed: 0 });
    // Each page with its content hash: Astro's cache key, so an unchanged page is not rendered again.
    const sources = JSON.parse(read('src/generated/pages/sources.json')) as [string, string][];
    expect(sources.map(([slug]) => slug)).toEqual(['a-1', 'b-2']);
    expect(sources.every(([, key]) => /^[0-9a-f]{16}$/.test(key))).toBe(true);
    expect(sources[0]![1]).not.toBe(sources[1]![1]);
    const entities = JSON.parse(read('src/generated/pages/entities.json')) as [string, string][];
    expect(entities.map(([page]) => page)).toEqual(['places/tartus']);

    // The same page written again by another build has the same key; a changed one another.
    const again = pageWriter(root);
    again.write({ file: 'src/content/docs/actors/russia.mdx', source: '---\ntitle: Russia\n---\n' });
    again.write({ file: 'src/generated/pages/sources/b-2.json', source: '{"title":"B, edited"}' });
    again.write({ file: 'src/generated/pages/sources/a-1.json', source: '{"title":"A"}' });
    again.write({ file: 'src/generated/pages/places/tartus.json', source: '{}' });
    await again.finish();
    const rewritten = JSON.parse(read('src/generated/pages/sources.json')) as [string, string][];
    expect(rewritten[0]).toEqual(sources[0]);
    expect(rewritten[1]![1]).not.toBe(sources[1]![1]);
    expect(JSON.parse(read('src/generated/manifest.json'))).toEqual([
      'src/content/docs/actors/russia.mdx',
      'src/generated/pages/places/tartus.json',
      'src/generated/pages/sources/a-1.json',
      'src/generated/pages/sources/b-2.json',
    ]);
  });

  it('removes what the last build wrote and this one did not, including pages listed by an older manifest', async () => {
    // A build from before prebuilt pages listed its Markdown source pages relative to the docs folder.
    mkdirSync(join(temp, 'src/content/docs/sources'), { recursive: true });
    writeFileSync(join(temp, 'src/content/docs/sources/a-1.md'), 'old');
    const manifest = JSON.parse(read('src/generated/manifest.json')) as string[];
    writeFileSync(join(temp, 'src/generated/manifest.json'), JSON.stringify([...manifest, 'sources/a-1.md']));
    const writer = pageWriter(root);
    writer.write({ file: 'src/content/docs/actors/russia.mdx', source: '---\ntitle: Russia\n---\n' });
    writer.write({ file: 'src/generated/pages/sources/a-1.json', source: '{"title":"A"}' });
    expect(await writer.finish()).toMatchObject({ written: 0, unchanged: 2, removed: 3 });
    expect(existsSync(join(temp, 'src/generated/pages/sources/b-2.json'))).toBe(false);
    expect(existsSync(join(temp, 'src/content/docs/sources/a-1.md'))).toBe(false);
    expect((JSON.parse(read('src/generated/pages/sources.json')) as [string, string][]).map(([slug]) => slug)).toEqual(['a-1']);
  });

  it('removes every page, sidecar and data file it did not write, also ones no manifest lists (a killed build, another corpus)', async () => {
    // What a build killed before its manifest leaves: pages and sidecars nobody recorded, in nested folders too.
    for (const file of ['src/content/docs/actors/ghost.mdx', 'src/content/docs/events/deep/ghost.mdx', 'src/generated/pages/sources/ghost.json', 'src/generated/page-data/actors/ghost.json', 'src/generated/stray.json', 'public/data/old.json']) {
      mkdirSync(join(temp, file, '..'), { recursive: true });
      writeFileSync(join(temp, file), 'stale');
    }
    writeFileSync(join(temp, 'src/generated/manifest.json'), '[]');
    const writer = pageWriter(root);
    writer.write({ file: 'src/content/docs/actors/russia.mdx', source: '---\ntitle: Russia\n---\n' });
    writer.write({ file: 'src/generated/pages/sources/a-1.json', source: '{}' });
    const pages = await writer.finish();
    expect(pages.removed).toBe(4);
    const model = { articles: [], entities: [], diagnostics: [] } as unknown as Parameters<typeof writeModel>[1];
    const summary = writeOutputs(root, writeModel(root, model), { sidebar: [], feed: [], previews: {}, settings: { title: 'T', description: 'D' } } as unknown as Parameters<typeof writeOutputs>[2], pages);
    expect(summary.removed).toBe(6);
    await summary.published;
    const left = (folder: string) => (existsSync(join(temp, folder)) ? readdirSync(join(temp, folder), { recursive: true }).map(String).sort() : []);
    expect(left('src/content/docs')).toEqual(['actors', 'actors/russia.mdx']);
    expect(left('src/generated')).toEqual(['feed.json', 'manifest.json', 'pages', 'pages/entities.json', 'pages/sources', 'pages/sources.json', 'pages/sources/a-1.json', 'sidebar.json', 'site.json']);
    expect(left('public/data')).toEqual(['briefing.json.gz', 'previews.json']);
    expect(JSON.parse(gunzipSync(readFileSync(join(temp, 'public/data/briefing.json.gz'))).toString('utf8'))).toEqual(model);
  });

  it('publishes the model gzip-compressed, byte for byte the same for the same model, and leaves no partial file', async () => {
    const site = { sidebar: [], feed: [], previews: {}, settings: { title: 'T', description: 'D' } } as unknown as Parameters<typeof writeOutputs>[2];
    const model = { articles: [{ slug: 'a-1', paragraphs: [{ text: 'Ankara hosted the talks.' }] }], entities: [], diagnostics: [] } as unknown as Parameters<typeof writeModel>[1];
    const published = join(temp, 'public/data/briefing.json.gz');
    const build = async () => {
      const writer = pageWriter(root);
      const summary = writeOutputs(root, writeModel(root, model), site, await writer.finish());
      expect(summary.files).toContain('public/data/briefing.json.gz');
      await summary.published;
      return readFileSync(published);
    };
    const first = await build();
    expect(first.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(JSON.parse(gunzipSync(first).toString('utf8'))).toEqual(model);
    expect(await build()).toEqual(first);
    expect(existsSync(join(temp, 'build/model.json.gz.partial'))).toBe(false);
  });

  it('rejects when the model cannot be compressed, and leaves neither a partial nor a published file', async () => {
    const missing = join(temp, 'build/no-such-model.json');
    const target = join(temp, 'public/data/never.json.gz');
    const partial = join(temp, 'build/never.json.gz.partial');
    await expect(gzipFile(missing, target, partial)).rejects.toThrow(/ENOENT|no such file/);
    expect(existsSync(partial)).toBe(false);
    expect(existsSync(target)).toBe(false);
  });
});

describe('the page writer, between builds', () => {
  const page = { file: 'src/generated/pages/sources/kept.json', source: '{"title":"Kept"}' };
  const path = () => join(temp, page.file);
  /** Another text of the same length, as a hand edit could leave; `sameTime` puts the file's time back as it was. */
  const editByHand = (sameTime: boolean) => {
    const { atime, mtime } = statSync(path());
    writeFileSync(path(), '{"title":"Edit"}');
    if (sameTime) utimesSync(path(), atime, mtime);
    else utimesSync(path(), atime, new Date(mtime.getTime() - 60_000));
  };
  const build = async (finish = true) => {
    const writer = pageWriter(root);
    writer.write(page);
    return finish ? writer.finish() : undefined;
  };

  it('does not read a page again when the last build wrote it with this content and the file has its size and time', async () => {
    await build();
    // A time put back from a Date is whole milliseconds, rounded, and the file system keeps it to the
    // microsecond through a float: exact only for a whole second. So the file is given one, and a
    // build that finds its content unchanged records it.
    utimesSync(path(), new Date(1_700_000_000_000), new Date(1_700_000_000_000));
    expect(await build()).toMatchObject({ written: 0, unchanged: 1 });
    // The only way to see that the file was not read: a same-size change that kept the file's time stays.
    editByHand(true);
    expect(await build()).toMatchObject({ written: 0, unchanged: 1 });
    expect(read(page.file)).toBe('{"title":"Edit"}');
  });

  it('compares and writes a page again when its file changed since the last build', async () => {
    await build();
    editByHand(false);
    expect(await build()).toMatchObject({ written: 1, unchanged: 0 });
    expect(read(page.file)).toBe(page.source);
  });

  it('trusts no record after a build that did not finish: every page is compared', async () => {
    await build();
    await build(false);
    expect(existsSync(join(temp, '.cache/pages-written.json'))).toBe(false);
    editByHand(true);
    expect(await build()).toMatchObject({ written: 1, unchanged: 0 });
    expect(read(page.file)).toBe(page.source);
  });
});

describe('the page writer, with its writing thread', () => {
  /** A fresh project folder of its own. */
  const project = () => pathToFileURL(`${mkdtempSync(join(temp, 'thread-'))}/`);
  const files = (count: number, edit = -1) =>
    Array.from({ length: count }, (_, k) => ({
      file: `src/generated/pages/${k % 3 === 0 ? 'actors' : 'sources'}/page-${k}.json`,
      // Some pages long enough that the back pressure below has to wait; some with characters past
      // Latin-1 and past the BMP (text held two bytes a character, sent to the thread as UTF-8).
      source: JSON.stringify({ k, text: `${k === edit ? 'edited ' : ''}${k % 4 === 1 ? 'Türkiye — «Łódź» 🇷🇺 ' : ''}${'word '.repeat(k % 5 === 0 ? 3000 : 20)}` }),
    }));
  const build = async (at: URL, options: Parameters<typeof pageWriter>[1], pages = files(40)) => {
    const writer = pageWriter(at, options);
    for (const page of pages) writer.write(page);
    writer.write({ file: 'src/content/docs/index.mdx', source: '---\ntitle: Home\n---\n' });
    return writer.finish();
  };
  const tree = (at: URL) => {
    const folder = join(fileURLToPath(at), 'src');
    return readdirSync(folder, { recursive: true })
      .map(String)
      .sort()
      .map((file) => [file, statSync(join(folder, file)).isFile() ? readFileSync(join(folder, file), 'utf8') : '']);
  };

  it('writes the same files, indexes and counts as writing in this thread, and skips unchanged pages the same way', async () => {
    const inline = project();
    const threaded = project();
    expect(await build(inline, { threadAfter: Infinity })).toMatchObject({ written: 41, unchanged: 0 });
    expect(await build(threaded, { threadAfter: 5 })).toMatchObject({ written: 41, unchanged: 0 });
    expect(tree(threaded)).toEqual(tree(inline));
    const record = (at: URL) => (JSON.parse(readFileSync(new URL('.cache/pages-written.json', at), 'utf8')) as [string, string, number, number][]).map(([file, hash, size]) => [file, hash, size]);
    expect(record(threaded)).toEqual(record(inline));
    expect(record(threaded)).toHaveLength(40);

    // Again with one page edited: only that one is written, by either.
    expect(await build(inline, { threadAfter: Infinity }, files(40, 7))).toMatchObject({ written: 1, unchanged: 40 });
    expect(await build(threaded, { threadAfter: 0 }, files(40, 7))).toMatchObject({ written: 1, unchanged: 40 });
    expect(tree(threaded)).toEqual(tree(inline));
    expect(readFileSync(new URL('src/generated/pages/sources/page-7.json', threaded), 'utf8')).toContain('edited');
    expect(readFileSync(new URL('src/generated/pages/sources/page-5.json', threaded), 'utf8')).toBe(files(40)[5]!.source);

    // Without the record, each page is read back and compared, byte for byte, by either.
    for (const at of [inline, threaded]) rmSync(new URL('.cache/pages-written.json', at));
    expect(await build(inline, { threadAfter: Infinity }, files(40, 7))).toMatchObject({ written: 0, unchanged: 41 });
    expect(await build(threaded, { threadAfter: 0 }, files(40, 7))).toMatchObject({ written: 0, unchanged: 41 });
    expect(record(threaded)).toEqual(record(inline));
  });

  it('holds back the pages while too much text is waiting to be written, and still writes every one', async () => {
    const at = project();
    // 1 KiB of room: nearly every page waits for the one before it.
    expect(await build(at, { threadAfter: 0, maxPendingKiB: 1 })).toMatchObject({ written: 41, unchanged: 0 });
    for (const page of files(40)) expect(readFileSync(new URL(page.file, at), 'utf8')).toBe(page.source);
  });

  it('fails the build, naming the page, when a page cannot be written, and writes the others', async () => {
    const at = project();
    // A folder where a page's file should be: the write fails.
    mkdirSync(new URL('src/generated/pages/sources/page-4.json/', at), { recursive: true });
    await expect(build(at, { threadAfter: 0 })).rejects.toThrow(/could not write 1 page file:\nsrc\/generated\/pages\/sources\/page-4\.json: .*(EISDIR|directory)/);
    expect(readFileSync(new URL('src/generated/pages/sources/page-5.json', at), 'utf8')).toBe(files(40)[5]!.source);
  });
});
