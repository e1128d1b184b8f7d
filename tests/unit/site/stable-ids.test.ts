import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPipeline, type PipelineInputs } from '../../../scripts/pipeline/run.ts';
import { buildSite } from '../../../scripts/pipeline/site.ts';

const root = new URL('../../../', import.meta.url);
/** Each test builds the seed site twice: ~10 s on a loaded two-core machine, past Vitest's 5 s default. */
const BUILD_TIMEOUT = 60_000;

function seedInputs(): PipelineInputs {
  const files = (folder: string) => readdirSync(new URL(folder, root)).sort().map((name) => `${folder}/${name}`);
  return {
    settings: { title: 'Test briefing', description: 'Test.' },
    sources: { file: 'content/sources.yaml', text: readFileSync(new URL('tests/fixtures/seed-story/sources.yaml', root), 'utf8') },
    articles: files('tests/fixtures/seed-story/articles').map((file) => ({ file, bytes: readFileSync(new URL(file, root)) })),
    registryFiles: files('tests/fixtures/seed-story/entities').map((file) => ({ file, text: readFileSync(new URL(file, root), 'utf8') })),
  };
}

/** Every id attribute and JSON "id" of every generated page, by page file. */
function idsByPage(inputs: PipelineInputs): Map<string, Set<string>> {
  const site = buildSite(runPipeline(inputs), inputs.settings);
  return new Map(
    site.files.map((file) => [
      file.file,
      // id="…" in MDX and in a source page's prebuilt HTML (id=\"…\" inside its JSON), "id":"…" in JSON data.
      new Set([...file.source.matchAll(/\bid(?:=\\?"?|&#x22;:&#x22;|":")([a-z0-9-]+)/g)].map((match) => match[1]!)),
    ]),
  );
}

/** An article on the same story: it names registry entities and dates, so it joins their statements and claim groups. */
const related = `Putin and al-Sharaa meet again in Moscow

Russian President Vladimir Putin met Syrian President Ahmed al-Sharaa in Moscow on January 28, 2026, the Kremlin said.
Russia withdrew its forces from Qamishli airport while keeping the Hmeimim air base and the Tartus naval base, Reuters reported.
"We discussed the future of the bases," Dmitry Peskov told reporters.
`;

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
    expect(after.has('src/generated/pages/sources/999-rotterdam.json')).toBe(true);
  }, BUILD_TIMEOUT);

  it('keeps every paragraph, sentence, statement, quote and claim-group id of the model when an article is added', () => {
    const idsOf = (inputs: PipelineInputs) => {
      const model = runPipeline(inputs);
      const paragraphs = model.articles.flatMap((article) => article.paragraphs);
      return {
        paragraph: paragraphs.map((paragraph) => paragraph.id),
        sentence: paragraphs.flatMap((paragraph) => paragraph.sentences.map((sentence) => sentence.id)),
        statement: model.statements.map((statement) => statement.id),
        quote: model.quotes.map((quote) => quote.id),
        claimGroup: model.claimGroups.map((group) => group.id),
      };
    };
    const before = idsOf(seedInputs());
    expect(before.statement.length).toBeGreaterThan(50);
    expect(before.paragraph.length).toBeGreaterThan(50);
    for (const [file, text] of [['999_rotterdam.txt', unrelated], ['999_moscow.txt', related]] as const) {
      const inputs = seedInputs();
      inputs.articles.push({ file: `content/articles/${file}`, bytes: new TextEncoder().encode(text) });
      const after = idsOf(inputs);
      for (const kind of Object.keys(before) as (keyof typeof before)[]) {
        const now = new Set(after[kind]);
        expect(before[kind].filter((id) => !now.has(id)), `${file}: ${kind}`).toEqual([]);
      }
      // The new article was segmented too: its paragraphs came in beside the others.
      expect(after.paragraph.length, file).toBeGreaterThan(before.paragraph.length);
      if (text === related) expect(after.statement.length, file).toBeGreaterThan(before.statement.length);
    }
  }, BUILD_TIMEOUT);

  it('keeps the ids of the other paragraphs when one paragraph is removed from an article', () => {
    const inputs = seedInputs();
    const before = idsByPage(inputs).get('src/generated/pages/sources/002-e060aad4f616cf48.json')!;
    const article = inputs.articles.find((input) => input.file.includes('002_'))!;
    const text = new TextDecoder().decode(article.bytes).replace(/^Russia has issued no official statement.*$/m, '');
    article.bytes = new TextEncoder().encode(text);
    const after = idsByPage(inputs).get('src/generated/pages/sources/002-e060aad4f616cf48.json')!;
    const lost = [...before].filter((id) => !after.has(id));
    // Only the removed paragraph and its sentence disappear.
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.length).toBeLessThanOrEqual(2);
  }, BUILD_TIMEOUT);
});
