import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineInputs } from '../../../scripts/pipeline/run.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';

const root = new URL('../../../', import.meta.url);

function seedInputs(): PipelineInputs {
  const files = (folder: string) => readdirSync(new URL(folder, root)).sort().map((name) => `${folder}/${name}`);
  return {
    settings: { title: 'Test briefing', description: 'Test.' },
    sources: { file: 'content/sources.yaml', text: readFileSync(new URL('content/sources.yaml', root), 'utf8') },
    articles: files('content/articles').map((file) => ({ file, bytes: readFileSync(new URL(file, root)) })),
    registryFiles: files('content/entities').map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') })),
  };
}

/** Every id attribute and JSON "id" of every generated page, by page file. */
function idsByPage(inputs: PipelineInputs): Map<string, Set<string>> {
  const site = buildSite(runPipeline(inputs), inputs.settings);
  return new Map(
    site.files.map((file) => [
      file.file,
      new Set([...file.source.matchAll(/\bid(?:=|&#x22;:&#x22;)"?([a-z0-9-]+)/g)].map((match) => match[1]!)),
    ]),
  );
}

const unrelated = `Floods close the port of Rotterdam

The port of Rotterdam closed on Tuesday after record rainfall, the harbour authority said.
Ships were diverted to Antwerp while engineers inspected the locks.
`;

describe('content-derived ids', () => {
  it('keeps every id of every existing page when an unrelated article is added', () => {
    const before = idsByPage(seedInputs());
    const inputs = seedInputs();
    inputs.articles.push({ file: 'content/articles/999_rotterdam.txt', bytes: new TextEncoder().encode(unrelated) });
    const after = idsByPage(inputs);
    let compared = 0;
    for (const [file, ids] of before) {
      const now = after.get(file);
      expect(now, file).toBeDefined();
      for (const id of ids) {
        expect(now!.has(id), `${file}: ${id}`).toBe(true);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(500);
    expect(after.has('sources/999-rotterdam.mdx')).toBe(true);
  });

  it('keeps the ids of the other paragraphs when one paragraph is removed from an article', () => {
    const inputs = seedInputs();
    const before = idsByPage(inputs).get('sources/002-e060aad4f616cf48.mdx')!;
    const article = inputs.articles.find((input) => input.file.includes('002_'))!;
    const text = new TextDecoder().decode(article.bytes).replace(/^Russia has issued no official statement.*$/m, '');
    article.bytes = new TextEncoder().encode(text);
    const after = idsByPage(inputs).get('sources/002-e060aad4f616cf48.mdx')!;
    const lost = [...before].filter((id) => !after.has(id));
    // Only the removed paragraph and its sentence disappear.
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBeLessThanOrEqual(2);
  });
});
