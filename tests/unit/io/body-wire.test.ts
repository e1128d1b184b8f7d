import { describe, expect, it } from 'vitest';
import { readInputs } from '../../../scripts/io/read-inputs.ts';
import { fromBodyWire, toBodyWire, wireTargets } from '../../../scripts/io/body-wire.ts';
import { createContext } from '../../../scripts/pipeline/assemble/entity-page.ts';
import { articleBodyInput, type ArticleBodySource } from '../../../scripts/pipeline/assemble/source-page.ts';
import { runPipeline, type PipelineInputs } from '../../../scripts/pipeline/run.ts';
import { sourcePath } from '../../../scripts/pipeline/shared/paths.ts';
import { hostileCorpus } from '../../fixtures/hostile-corpus.ts';

/** Each article's body source, as the build gives it to `articleBodies` (site.ts). */
function sourcesOf(inputs: PipelineInputs): ArticleBodySource[] {
  const model = runPipeline(inputs);
  const context = createContext(model);
  return model.articles.map((article) => ({
    path: sourcePath(article.slug),
    article,
    mentions: context.mentionsByArticle.get(article.slug) ?? [],
    entities: context.index.entities,
  }));
}

/** What the worker makes each body from: the wire, cloned as a thread would receive it, read back. */
function throughWire(sources: readonly ArticleBodySource[]): ArticleBodySource[] {
  const wire = structuredClone(toBodyWire(sources));
  const targets = wireTargets(wire);
  return wire.bodies.map((body) => fromBodyWire(body, targets));
}

const paragraphsOf = (sources: readonly ArticleBodySource[]) => JSON.stringify(sources.map(articleBodyInput));

describe('the article bodies\' wire', () => {
  it('gives the worker the same paragraphs, runs and links as the articles do', () => {
    const sources = sourcesOf(readInputs(new URL('../../../', import.meta.url), 'tests/fixtures/seed-story'));
    const links = sources.flatMap((source) => articleBodyInput(source).paragraphs.flatMap((paragraph) => paragraph.runs.flatMap((run) => run.inlines))).filter((inline) => inline.type === 'link');
    expect(links.length).toBeGreaterThan(100);
    expect(paragraphsOf(throughWire(sources))).toBe(paragraphsOf(sources));
  });

  it('does so for hostile articles too', () => {
    const corpus = hostileCorpus();
    const sources = sourcesOf({ settings: { title: 'Hostile' }, sources: corpus.sources, articles: corpus.articles, registryFiles: corpus.registryFiles });
    expect(sources.length).toBeGreaterThan(100);
    expect(paragraphsOf(throughWire(sources))).toBe(paragraphsOf(sources));
  });

  it('keeps embedded posts, overlapping and stray mentions, and paragraphs that share an id, as the stage reads them', () => {
    const sentence = (id: string, start: number, end: number) => ({ id, start, end });
    const source: ArticleBodySource = {
      path: '/sources/made-up/',
      article: {
        paragraphs: [
          { id: 'p-a', kind: 'paragraph', line: 3, text: 'Alpha met Beta. Then Gamma spoke.', sentences: [sentence('s-1', 0, 15), sentence('s-2', 16, 33)] },
          { id: 'p-post', kind: 'tweet', line: 5, tweet: 0, text: 'Beta posted this.', sentences: [sentence('s-3', 0, 17)] },
          { id: 'p-a', kind: 'paragraph', line: 7, text: 'Alpha met Beta again.', sentences: [sentence('s-4', 0, 21)] },
          // A post the article does not have, and a sentence past its paragraph's end.
          { id: 'p-b', kind: 'list-item', line: 9, tweet: 4, text: 'Short.', sentences: [sentence('s-5', 0, 40)] },
        ],
        tweets: [{ author: 'Beta <b>', handle: 'beta', date: { label: '27 January 2026' } }, { author: 'Nobody', handle: 'n' }],
      },
      mentions: [
        { paragraphId: 'p-a', start: 10, end: 14, entityId: 'beta' },
        { paragraphId: 'p-a', start: 0, end: 5, entityId: 'alpha' },
        // Overlaps the one before it, and names an entity with no page.
        { paragraphId: 'p-a', start: 2, end: 9, entityId: 'alpha' },
        { paragraphId: 'p-a', start: 21, end: 26, entityId: 'unknown' },
        { paragraphId: 'p-post', start: 0, end: 4, entityId: 'beta' },
        { paragraphId: 'p-missing', start: 0, end: 4, entityId: 'beta' },
        { paragraphId: 'p-b', start: 3, end: 90, entityId: 'beta' },
      ],
      entities: new Map([
        ['alpha', { id: 'alpha', kind: 'actor' }],
        ['beta', { id: 'beta', kind: 'place' }],
      ]),
    };
    const [back] = throughWire([source]);
    expect(paragraphsOf([back!])).toBe(paragraphsOf([source]));
    const body = articleBodyInput(back!);
    expect(body.paragraphs[1]!.tweet).toEqual({ author: 'Beta <b>', handle: 'beta', date: '27 January 2026' });
    expect(body.paragraphs[3]!.tweet).toBeUndefined();
    // Both paragraphs with the id "p-a" get its links, as `sourceParagraphs` gives them.
    expect(JSON.stringify(body.paragraphs[2]!.runs)).toContain('"path":"/places/beta/"');
  });
});
