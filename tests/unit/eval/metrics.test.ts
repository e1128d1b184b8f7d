import { describe, expect, it } from 'vitest';
import { scoreCorpus, type BuildUnderTest } from '../../../scripts/eval/metrics.ts';
import { parseExpected } from '../../../scripts/eval/expected.ts';
import { pagePaths } from '../../../scripts/eval/pages.ts';
import { formatMisses, formatTable, scoreRows } from '../../../scripts/eval/table.ts';
import { buildMapChart } from '../../../scripts/pipeline/charts/map.ts';
import { dayValue, monthValue } from '../../../scripts/pipeline/ingest/date-value.ts';
import type { DateValue, Entity, KnowledgeModel, Mention, Quote, SegmentedArticle, Statement } from '../../../scripts/pipeline/model.ts';
import { testEntity } from '../../fixtures/entity.ts';

const day = (iso: string): DateValue => dayValue(...(iso.split('-').map(Number) as [number, number, number]))!;

function article(file: string, meta: Partial<SegmentedArticle['meta']>, paragraph: string): SegmentedArticle {
  const slug = file.replace(/\.\w+$/, '');
  return {
    file: `corpus/articles/${file}`,
    slug,
    hash: slug,
    meta: { title: slug, provenance: {}, ...meta },
    blocks: [],
    removed: [],
    tweets: [],
    references: [],
    diagnostics: [],
    paragraphs: [{ id: 'p1', kind: 'paragraph', text: paragraph, line: 1, sentences: [] }],
  };
}

const paragraph = 'Nikol Pashinian spoke at the White House on Friday.';
const mention = (entityId: string, text: string, start = paragraph.indexOf(text)): Mention => ({ entityId, articleSlug: 'a', paragraphId: 'p1', sentenceId: 's1', start, end: start + text.length, text, via: 'name' });
const statement = (text: string, dates: Statement['dates']): Statement => ({ id: text, articleSlug: 'a', paragraphId: 'p1', sentenceId: text, text, entityIds: [], dates, basis: 'assertion' });
const quote = (text: string, speakerText: string, speakerId?: string): Quote => ({ id: text, articleSlug: 'a', paragraphId: 'p1', sentenceId: 's1', text, speakerText, ...(speakerId && { speakerId }), via: 'said' });

const entities: Entity[] = [
  testEntity({ id: 'pashinyan', kind: 'actor', subtype: 'person', name: 'Nikol Pashinian', file: 'corpus/articles/a.txt' }),
  testEntity({ id: 'white', kind: 'actor', subtype: 'person', name: 'White', file: 'corpus/articles/a.txt' }),
  testEntity({ id: 'gyumri', kind: 'place', subtype: 'city', name: 'Gyumri', coordinates: [40.79, 43.85], file: 'corpus/articles/a.txt' }),
  testEntity({ id: 'base-102', kind: 'base', subtype: 'military-base', name: '102nd military base', coordinates: [40.18, 44.51], file: 'corpus/articles/a.txt' }),
  testEntity({ id: 'summit', kind: 'event', subtype: 'meeting', name: 'White House summit', date: day('2025-08-08'), participants: ['pashinyan'] }),
  testEntity({ id: 'late-summit', kind: 'event', subtype: 'meeting', name: 'Another meeting', date: day('2025-08-15'), participants: ['pashinyan'] }),
];

const model: KnowledgeModel = {
  generatedFrom: { articles: 2, entities: entities.length },
  articles: [
    article('a.txt', { published: day('2025-08-12'), outlet: 'Caspian Monitor', title: 'Iran warns' }, paragraph),
    article('b.txt', { published: monthValue(2025, 8)! }, 'Nothing here.'),
  ],
  entities,
  mentions: [mention('pashinyan', 'Pashinian'), mention('pashinyan', 'Nikol'), mention('white', 'White')],
  statements: [
    statement('announced at the White House on Friday.', [{ text: 'on Friday', start: 30, end: 39, value: day('2025-08-15') }]),
    statement('At the summit last week, they agreed.', [{ text: 'last week', start: 14, end: 23, value: { precision: 'range', start: '2025-08-04', end: '2025-08-10', label: 'last week' } }]),
  ],
  quotes: [quote('We are laying the foundation for peace', 'Armenian Prime Minister Nikol Pashinyan'), quote('Nobody will take our land', 'White', 'white')],
  descriptors: [],
  candidates: [],
  claimGroups: [],
  sharedPassages: [],
  relations: [],
  unresolvedDates: [],
  eventMentions: [],
  diagnostics: [],
};

const expected = parseExpected(
  `
corpus: test
articles:
  - { file: a.txt, published: 2025-08-12, title: "Iran warns", outlet: Caspian Monitor }
  - { file: b.txt, published: 2025-08-20 }
entities:
  - { name: Nikol Pashinyan, kind: person, forms: [Nikol Pashinyan, Pashinyan, Pashinian] }
  - { name: Ilham Aliyev, kind: person, forms: [Ilham Aliyev, Aliyev] }
  - { name: Gyumri, kind: place, forms: [Gyumri], coordinates: [40.7894, 43.8475] }
  - { name: 102nd military base, kind: base, forms: [102nd military base], coordinates: [40.7894, 43.8475] }
mustNotLink:
  - { form: White House, part: White }
events:
  - { name: Summit, date: 2025-08-08, participants: [Nikol Pashinyan] }
  - { name: War, date: "2020", participants: [Ilham Aliyev] }
relativeDates:
  - { article: a.txt, phrase: on Friday, snippet: "White House on Friday", resolved: 2025-08-08, weekday: true }
  - { article: a.txt, phrase: last week, snippet: "At the summit last week", resolved: 2025-08-04/2025-08-10 }
  - { article: a.txt, phrase: the next day, snippet: "The next day", resolved: 2025-08-09 }
quotes:
  - { article: a.txt, opening: "We are laying the foundation", speaker: Nikol Pashinyan }
  - { article: a.txt, opening: "Nobody will take", speaker: Nikol Pashinyan }
  - { article: a.txt, opening: "Never printed", speaker: Ilham Aliyev }
`,
  'test.yaml',
);

const build: BuildUnderTest = {
  model,
  pages: new Set(['/actors/pashinyan/', '/actors/white/', '/places/gyumri/', '/bases/base-102/', '/events/summit/', '/events/late-summit/']),
  map: buildMapChart(entities, new Map()),
  registryFiles: [],
};

describe('scoreCorpus', () => {
  const scores = scoreCorpus(expected, build);

  it('counts expected entities with a page, junk among discovered pages and places within 25 km', () => {
    expect(scores.entities!.withPage).toEqual({ hit: 3, of: 4 });
    expect(scores.entities!.missing).toEqual(['Ilham Aliyev (person)']);
    expect(scores.entities!.junkPages).toEqual({ hit: 1, of: 4 });
    expect(scores.entities!.junk).toEqual(['White']);
    // The base is ~90 km from where the reference puts it.
    expect(scores.entities!.placesOnMap).toEqual({ hit: 1, of: 2 });
  });

  it('counts a given name and a link to no expected entity as wrong links, and a listed variant as right', () => {
    expect(scores.entities!.wrongLinks).toBe(2);
    expect(scores.entities!.wrongLinkExamples.join('\n')).toMatch(/"Nikol" → Nikol Pashinian \(not a form/);
    expect(scores.entities!.wrongLinkExamples.join('\n')).toMatch(/"White" → White/);
  });

  it('finds an event by participants and a date inside the expected one', () => {
    expect(scores.eventsWithDate).toEqual({ hit: 1, of: 2 });
    expect(scores.misses.events).toEqual(['War (2020)']);
  });

  it('counts briefing pages whose entity no source mentions', () => {
    expect(scores.pagesCitingNoSource).toEqual({ hit: 4, of: 6, names: ['Gyumri', '102nd military base', 'White House summit', 'Another meeting'] });
  });

  it('wants publication dates at the precision given, and compares titles and outlets', () => {
    expect(scores.publicationDates).toEqual({ hit: 1, of: 2 });
    expect(scores.titles).toEqual({ hit: 1, of: 1 });
    expect(scores.outlets).toEqual({ hit: 1, of: 1 });
  });

  it('tells right, wrong and unresolved relative dates apart and counts a weekday resolved a week off', () => {
    expect(scores.relativeDates).toEqual({ hit: 1, of: 3, wrong: 1, unresolved: 1 });
    expect(scores.weekdayDirectionErrors).toBe(1);
  });

  it('accepts a speaker written with a title, and counts a quote given to someone else', () => {
    expect(scores.quotes).toEqual({ hit: 1, of: 3, wrongPerson: 1 });
  });

  it('reports 0 rather than nothing when the model has no data of a kind', () => {
    const empty = scoreCorpus(expected, { ...build, model: { ...model, entities: [], mentions: [], statements: [], quotes: [] }, pages: new Set() });
    expect(empty.entities!.withPage).toEqual({ hit: 0, of: 4 });
    expect(empty.entities!.junkPages).toEqual({ hit: 0, of: 0 });
    expect(empty.eventsWithDate.hit).toBe(0);
    expect(empty.quotes).toEqual({ hit: 0, of: 3, wrongPerson: 0 });
  });
});

describe('the eval report', () => {
  it('prints one aligned row per measure, with n/a for nothing to measure and misses below', () => {
    const rows = scoreRows(scoreCorpus(expected, build));
    expect(rows.map(([label]) => label)).toContain('weekday-direction errors');
    const table = formatTable('test', rows).split('\n');
    expect(new Set(table.slice(2).map((line) => line.length)).size).toBe(1);
    expect(scoreRows(scoreCorpus({ ...expected, entities: undefined, quotes: [] }, build)).find(([label]) => label === 'wrong links')![1]).toMatch(/not measured/);
    expect(scoreRows(scoreCorpus({ ...expected, quotes: [] }, build)).find(([label]) => label.startsWith('quotes with'))![1]).toMatch(/^n\/a/);
    expect(formatMisses(scoreCorpus(expected, build), 1)).toMatch(/missing entity pages \(1\):\n {2}- Ilham Aliyev/);
  });

  it('turns emitted files into page paths', () => {
    expect([...pagePaths(['src/content/docs/index.mdx', 'src/content/docs/actors/russia.mdx', 'src/content/docs/actors/index.mdx', 'src/generated/pages/sources/a-1.json', 'src/generated/sidebar.json'])]).toEqual([
      '/',
      '/actors/russia/',
      '/actors/',
      '/sources/a-1/',
    ]);
  });
});
