import { describe, expect, it } from 'vitest';
import { discoverNames } from '../../../scripts/pipeline/discover/index.ts';
import { resolveEntities, gazetteerFrom, namesMatch, type ReferenceData } from '../../../scripts/pipeline/resolve/index.ts';
import { divisionsFrom } from '../../../scripts/pipeline/resolve/reference.ts';
import { matchKey, wordsMatch } from '../../../scripts/pipeline/resolve/similar-names.ts';
import { buildAliasIndex, linkMentions } from '../../../scripts/pipeline/link/index.ts';
import { makeArticle, makeEntity } from '../link/fixtures.ts';

/** A tiny country dataset and gazetteer, about a story no fixture tells (Andean border talks). */
const reference: ReferenceData = {
  countries: [
    { code: 'PE', name: 'Peru', variants: ['Republic of Peru'], demonyms: ['Peruvian'], capitals: ['Lima'], coordinates: [-10, -76] },
    { code: 'CL', name: 'Chile', variants: ['Republic of Chile'], demonyms: ['Chilean'], capitals: ['Santiago'], coordinates: [-30, -71] },
  ],
  findPlaces: gazetteerFrom([
    { name: 'Lima', country: 'PE', population: 7_737_002, coordinates: [-12.043, -77.028] },
    { name: 'Arica', country: 'CL', population: 222_619, coordinates: [-18.475, -70.298] },
    { name: 'Tacna', country: 'PE', population: 280_098, coordinates: [-18.006, -70.246] },
    { name: 'Soto', country: 'ES', population: 2_000, coordinates: [43.1, -4.3] },
  ]),
};

const articles = [
  makeArticle('a1', [
    'Peruvian Foreign Minister Elena Quispe met her Chilean counterpart Tomás Vargas in Arica on Monday.',
    'Tomás Vargas flew back to Santiago; officials in Lima were pleased.',
    'Quispe said the Andean Border Commission (ABC) would meet again in Lima.',
    'Gabriel Soto, an adviser to the Chilean president, said the talks were useful.',
    'Announcements were expected later.',
  ]),
  makeArticle('a2', [
    'Elena Quíspe, Peru’s foreign minister, told reporters in Tacna that Chile had agreed.',
    'Vargas said the Andean Border Commission would publish the map. Soto added that Chile would fund it.',
    'Realpolitik may decide the rest, said Maria Vargas, a researcher at the Lima Institute.',
  ]),
];

function resolve(registry = [] as ReturnType<typeof makeEntity>[]) {
  return resolveEntities({ names: discoverNames(articles), registry, reference, articles: articles.map((article) => ({ slug: article.slug })) });
}

const byName = <T extends { name: string }>(entities: T[], name: string): T | undefined => entities.find((entity) => entity.name === name);

describe('resolveEntities with an empty registry', () => {
  const { entities, curation } = resolve();

  it('types people, states, places and organisations from cues and reference data', () => {
    expect(byName(entities, 'Elena Quispe')).toMatchObject({ kind: 'actor', subtype: 'person' });
    expect(byName(entities, 'Peru')).toMatchObject({ kind: 'actor', subtype: 'state', coordinates: [-10, -76], demonyms: ['Peruvian'] });
    expect(byName(entities, 'Chile')).toMatchObject({ kind: 'actor', subtype: 'state' });
    expect(byName(entities, 'Lima')).toMatchObject({ kind: 'place', coordinates: [-12.043, -77.028] });
    expect(byName(entities, 'Andean Border Commission')).toMatchObject({ kind: 'actor', aliases: ['ABC'] });
  });

  it('merges spelling variants and bare surnames into one person', () => {
    const quispe = byName(entities, 'Elena Quispe');
    expect(quispe?.aliases).toContain('Elena Quíspe');
    expect(entities.filter((entity) => /Qu[ií]spe/.test(entity.name))).toHaveLength(1);
  });

  it('never merges two people who share a surname, and reports the bare surname', () => {
    expect(byName(entities, 'Tomás Vargas')).toBeDefined();
    expect(byName(entities, 'Maria Vargas')).toBeDefined();
    expect(curation.ambiguous.map((item) => item.name)).toContain('Vargas');
  });

  it('keeps a surname that is also a town a person (context beats the gazetteer)', () => {
    expect(byName(entities, 'Gabriel Soto')).toMatchObject({ subtype: 'person' });
    expect(byName(entities, 'Soto')).toBeUndefined();
  });

  it('gives no page to sentence-initial words', () => {
    for (const junk of ['Announcements', 'Realpolitik']) expect(byName(entities, junk), junk).toBeUndefined();
  });

  it('leads with a cited sentence of a source and lists roles', () => {
    const soto = byName(entities, 'Gabriel Soto')!;
    expect(soto.discovery).toMatchObject({ reviewed: false, lead: { articleSlug: 'a1', text: expect.stringContaining('an adviser to the Chilean president') } });
    expect(soto.description).toBe(soto.discovery!.lead!.text);
    expect(curation.suggestions.find((item) => item.id === soto.id)?.yaml).toContain('subtype: person');
  });

  it('links discovered entities, surnames only where unambiguous', () => {
    const index = buildAliasIndex(entities);
    const mentions = articles.flatMap((article) => linkMentions(article, index));
    const quispe = byName(entities, 'Elena Quispe')!;
    expect(mentions.filter((mention) => mention.entityId === quispe.id).map((mention) => mention.text)).toEqual(['Elena Quispe', 'Quispe', 'Elena Quíspe']);
    // "Vargas said" in a2: a2 names Maria Vargas in full, not Tomás: the bare surname goes to her there.
    const vargas = mentions.filter((mention) => mention.text === 'Vargas');
    expect(vargas.map((mention) => mention.entityId)).toEqual([byName(entities, 'Maria Vargas')!.id]);
    expect(mentions.some((mention) => mention.text === 'Peruvian' && mention.entityId === byName(entities, 'Peru')!.id)).toBe(true);
  });
});

describe('the registry as curation', () => {
  it('confirms, renames and merges: the registry entry wins and gains the spellings it lacked', () => {
    const entry = makeEntity({ id: 'quispe', kind: 'actor', subtype: 'person', name: 'Elena Quispe Mamani', aliases: ['Elena Quispe'] });
    const { entities } = resolve([entry]);
    const quispe = entities.find((entity) => entity.id === 'quispe')!;
    expect(quispe.name).toBe('Elena Quispe Mamani');
    expect(quispe.aliases).toEqual(expect.arrayContaining(['Elena Quispe', 'Elena Quíspe']));
    expect(quispe.discovery?.reviewed).toBe(true);
    expect(entities.filter((entity) => entity.name === 'Elena Quispe')).toHaveLength(0);
  });

  it('hides a name with ignore: true', () => {
    const ignored = { ...makeEntity({ id: 'abc', kind: 'actor', subtype: 'ignored', name: 'Andean Border Commission', aliases: ['ABC'] }), ignore: true };
    const { entities } = resolve([ignored]);
    expect(entities.find((entity) => entity.name === 'Andean Border Commission')).toBeUndefined();
    expect(entities.find((entity) => entity.id === 'abc')).toBeUndefined();
  });

  it('warns, with file and line, when an entry contradicts the texts', () => {
    const clash = makeEntity({ id: 'lima-group', kind: 'base', subtype: 'airport', name: 'Peru' });
    const { diagnostics } = resolve([clash]);
    expect(diagnostics).toContainEqual(expect.objectContaining({ code: 'registry/type-clash', file: clash.file, line: clash.line }));
  });

  it('warns when a bare alias is the surname of someone else the texts name', () => {
    const entry = makeEntity({ id: 'ana-vargas', kind: 'actor', subtype: 'person', name: 'Ana Vargas', aliases: ['Vargas'] });
    const { diagnostics } = resolve([entry]);
    expect(diagnostics.some((d) => d.code === 'registry/alias-collision' && d.message.includes('"Vargas"'))).toBe(true);
  });
});

describe('namesMatch: one general rule for transliteration variants', () => {
  it.each([
    ['Aliyev', 'Aliev'],
    ['Zelenskyy', 'Zelensky'],
    ['Khodorkovsky', 'Hodorkovsky'],
    ['Gonçalves', 'Goncalves'],
    ['Abdullah Öcalan', 'Abdullah Ocalan'],
  ])('%s = %s', (a, b) => expect(namesMatch(a, b)).toBe(true));
  it.each([
    ['Iran', 'Iraq'],
    ['Austria', 'Australia'],
    ['Hassan', 'Hussein'],
    ['Ahmed Ali', 'Ahmed Hassan'],
  ])('%s ≠ %s', (a, b) => expect(namesMatch(a, b)).toBe(false));
});

describe('matchKey: the index key of wordsMatch', () => {
  // Resolve looks bare words up by this key instead of comparing them with every person: a pair
  // that matches under a different key would be missed.
  const words = ['Aliyev', 'Aliev', 'Pashinyan', 'Pashinian', 'Nakhchivan', 'Nakhichevan', 'Erdogan', 'Erdoğan', 'Tartus', 'Tartous', 'Iran', 'Iraq', 'Hassan', 'Hussein', 'Zelenskyy', 'Zelensky', 'Öcalan', 'Ocalan', 'Mansour', 'Mansur', 'Sharaa', "Shara'a"];
  it('is shared by every pair of words that match', () => {
    let matching = 0;
    for (const a of words) {
      for (const b of words) {
        if (!wordsMatch(a, b)) continue;
        matching++;
        expect(matchKey(a), `${a} ~ ${b}`).toBe(matchKey(b));
      }
    }
    expect(matching).toBeGreaterThan(words.length + 8);
  });
});

describe('places from the gazetteer: divisions, routes and the sites of happenings', () => {
  /** Another story no fixture tells: a railway across the Fergana valley. */
  const towns = [
    { name: 'Khujand', country: 'TJ', population: 180_000, coordinates: [40.28, 69.63] as [number, number], adminCode: '02', featureCode: 'PPLA' },
    { name: 'Vorukh', country: 'TJ', population: 20_000, coordinates: [39.85, 70.58] as [number, number], adminCode: '02', featureCode: 'PPL' },
    { name: 'Osh', country: 'KG', population: 300_000, coordinates: [40.53, 72.8] as [number, number], adminCode: '05', featureCode: 'PPLA' },
  ];
  const fergana: ReferenceData = {
    countries: [
      { code: 'TJ', name: 'Tajikistan', variants: [], demonyms: ['Tajik'], capitals: ['Dushanbe'], coordinates: [39, 71] },
      { code: 'KG', name: 'Kyrgyzstan', variants: [], demonyms: ['Kyrgyz'], capitals: ['Bishkek'], coordinates: [41, 75] },
    ],
    findPlaces: gazetteerFrom([...towns, ...divisionsFrom([{ code: 'TJ.02', name: 'Sughd Province' }], towns)]),
  };
  const story = [
    makeArticle('f1', [
      'Tajik and Kyrgyz ministers agreed on Monday to build a railway through Tajikistan’s northern Sughd province to Osh. Officials said the line would be called the Fergana Valley Railway.',
      'In March, two border guards were killed in an attack near Vorukh, the ministers recalled.',
    ]),
    makeArticle('f2', ['The Fergana Valley Railway would carry freight from 2028, an engineer in Osh said. Traders in Sughd welcomed it.']),
  ];
  const run = (discovery?: { eventSiteSuffices: boolean }) =>
    resolveEntities({
      names: discoverNames(story),
      registry: [],
      reference: fergana,
      articles: story.map((article) => ({ slug: article.slug })),
      ...(discovery && { thresholds: { minMentions: 2, minSources: 2, quoteSuffices: true, ...discovery } }),
    }).entities;

  it('places a province at its seat', () => {
    expect(byName(run(), 'Sughd')).toMatchObject({ kind: 'place', coordinates: [40.28, 69.63] });
  });

  it('places a route named without a place where its paragraphs say a route runs through', () => {
    const entities = run();
    const sughd = byName(entities, 'Sughd');
    expect(byName(entities, 'Fergana Valley Railway')).toMatchObject({ kind: 'base', subtype: 'route', place: sughd?.id, coordinates: [40.28, 69.63] });
  });

  it('gives a page to a place named once as the site of a happening, unless the settings say otherwise', () => {
    expect(byName(run(), 'Vorukh')).toMatchObject({ kind: 'place', coordinates: [39.85, 70.58] });
    expect(byName(run({ eventSiteSuffices: false }), 'Vorukh')).toBeUndefined();
  });
});
