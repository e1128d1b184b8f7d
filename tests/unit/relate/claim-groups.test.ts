import { describe, expect, it } from 'vitest';
import type { DateValue } from '../../../scripts/pipeline/model.ts';
import { dateFitsEvent } from '../../../scripts/pipeline/relate/event-groups.ts';
import { EVENT_KEYWORDS } from '../../../scripts/pipeline/relate/event-keywords.ts';
import { groupClaims } from '../../../scripts/pipeline/relate/group-claims.ts';
import { detectSharedPassages } from '../../../scripts/pipeline/relate/shared-passages.ts';
import { shortHash } from '../../../scripts/pipeline/shared/hash.ts';
import { article, day, entity, month, quote, seeds, statement } from './fixtures.ts';

const PUTIN = 'vladimir-putin';
const SHARAA = 'ahmed-al-sharaa';
const MEETING = 'putin-sharaa-meeting-2026';
const week: DateValue = { precision: 'range', start: '2026-01-26', end: '2026-02-01', label: 'this week', approximate: true };

const entities = [
  entity(PUTIN, 'actor', { name: 'Vladimir Putin', aliases: ['Putin'] }),
  entity(SHARAA, 'actor', { name: 'Ahmed al-Sharaa', aliases: ['Ahmad al-Sharaa', 'Sharaa'] }),
  entity('moscow', 'place'),
  entity('bashar-al-assad', 'actor', { name: 'Bashar al-Assad' }),
  entity(MEETING, 'event', { subtype: 'meeting', date: day('2026-01-28'), participants: [PUTIN, SHARAA], place: 'moscow' }),
];

describe('event groups on the seeds', () => {
  const s = seeds();
  const articles = Object.values(s);
  const shared = detectSharedPassages(articles);
  const statements = [
    statement(s.a000, '- Putin met Syria’s interim', [PUTIN, SHARAA], [{ text: 'on January 28, 2026', value: day('2026-01-28') }]),
    statement(s.a001, "Syria's self-declared President", [SHARAA, 'moscow', PUTIN], [{ text: 'on Wednesday', value: day('2026-01-28') }]),
    statement(s.a002, 'Russian President Vladimir Putin is set to host', [PUTIN, SHARAA, 'moscow'], [
      { text: 'this week', value: week },
      { text: 'on 27 January', value: day('2026-01-27') },
    ]),
    statement(s.a003, 'Syrian President Ahmed al-Sharaa’s trip', [SHARAA, 'moscow'], [{ text: 'on Wednesday, January 28, 2026', value: day('2026-01-28') }]),
    // Another meeting of the same people: different date, must stay out.
    statement(s.a003, 'The meeting builds on', [], []),
    statement(s.a003, 'Putin and Sharaa first met', [PUTIN, SHARAA, 'moscow'], [{ text: 'on October 15, 2025', value: day('2025-10-15') }]),
    statement(s.a004, 'On 15th of October 2025', [PUTIN, SHARAA, 'moscow'], [{ text: 'On 15th of October 2025', value: day('2025-10-15') }]),
  ];
  const groups = groupClaims({ entities, statements, quotes: [], articles, shared });
  const meeting = groups.find((g) => g.kind === 'event' && g.subjectId === MEETING);

  it('collects the four reports of the 28 January meeting and nothing from October', () => {
    expect(meeting?.statementIds).toEqual([statements[0]!.id, statements[1]!.id, statements[2]!.id, statements[3]!.id].sort());
    expect(meeting?.articleSlugs).toEqual(['000-414b01a22b4b9160', '001-61cb9f6024de31c1', '002-e060aad4f616cf48', '003-dbdebd384bef066e']);
    expect(meeting?.independentSources).toBe(4);
  });

  it('does not mistake the announcement date (27 January) for a different meeting date', () => {
    expect(meeting?.conflicts).toEqual([]);
  });

  it('derives the id from kind and subject only', () => {
    expect(meeting?.id).toBe(`g-${shortHash(`event\u0000${MEETING}`, 8)}`);
    const fewer = groupClaims({ entities, statements: statements.slice(0, 2), quotes: [], articles, shared });
    expect(fewer.find((g) => g.subjectId === MEETING)?.id).toBe(meeting?.id);
  });

  it('groups the October meeting statements as a date fact for the participants', () => {
    const october = groups.filter((g) => g.kind === 'date' && g.date?.start === '2025-10-15');
    expect(october.map((g) => g.subjectId)).toEqual(['ahmed-al-sharaa', 'moscow', 'vladimir-putin']);
    expect(october[0]?.articleSlugs).toEqual(['003-dbdebd384bef066e', '004-bee40c1e7e62989b']);
    expect(october[0]?.independentSources).toBe(2);
  });

  it('is deterministic', () => {
    const again = groupClaims({ entities: [...entities].reverse(), statements, quotes: [], articles, shared });
    expect(JSON.stringify(again)).toBe(JSON.stringify(groups));
  });
});

describe('event rules', () => {
  it('matches event dates by precision', () => {
    const jan28 = day('2026-01-28');
    expect(dateFitsEvent(day('2026-01-28'), jan28)).toBe(true);
    expect(dateFitsEvent(day('2026-01-27'), jan28)).toBe(false);
    expect(dateFitsEvent(month('2026-01', 'January 2026'), jan28)).toBe(true);
    expect(dateFitsEvent({ precision: 'year', start: '2026-01-01', end: '2026-12-31', label: '2026' }, jan28)).toBe(false);
    const january = month('2026-01', 'January 2026');
    expect(dateFitsEvent(day('2026-01-23'), january)).toBe(true);
    expect(dateFitsEvent(day('2026-02-01'), january)).toBe(false);
  });

  it('exports the keyword table as data', () => {
    expect(EVENT_KEYWORDS.withdrawal?.test('Russian troops withdrew from Qamishli')).toBe(true);
    expect(EVENT_KEYWORDS.meeting?.test('a metal method')).toBe(false);
    expect(EVENT_KEYWORDS.call?.test('Trump spoke with Sharaa')).toBe(true);
  });

  it('reports a date conflict when sources put a day event on different days', () => {
    const x = article('x', ['Putin met Sharaa in Moscow on 28 January, the Kremlin said.'], '2026-01-28');
    const y = article('y', ['Putin met Sharaa in Moscow on 27 January, officials said.'], '2026-01-28');
    const z = article('z', ['Later in January Putin hosted Sharaa for talks in Moscow.'], '2026-01-30');
    const statements = [
      statement(x, 'Putin met', [PUTIN, SHARAA, 'moscow'], [{ text: 'on 28 January', value: day('2026-01-28') }]),
      statement(y, 'Putin met', [PUTIN, SHARAA, 'moscow'], [{ text: 'on 27 January', value: day('2026-01-27') }]),
      statement(z, 'Later in January', [PUTIN, SHARAA, 'moscow'], [{ text: 'Later in January', value: { ...month('2026-01', 'late January 2026'), start: '2026-01-21', approximate: true } }]),
    ];
    const [group] = groupClaims({ entities, statements, quotes: [], articles: [x, y, z], shared: [] }).filter((g) => g.kind === 'event');
    expect(group?.statementIds).toEqual(statements.map((st) => st.id).sort());
    expect(group?.conflicts).toEqual([
      {
        kind: 'date',
        summary: 'Sources give different dates: 27 January 2026 vs 28 January 2026',
        variants: [
          { value: '27 January 2026', statementIds: [statements[1]!.id], articleSlugs: ['y'] },
          { value: '28 January 2026', statementIds: [statements[0]!.id], articleSlugs: ['x'] },
        ],
      },
    ]);
  });

  it('sees no conflict between a day and a month that contains it (withdrawal over January)', () => {
    const withdrawal = entity('qamishli-withdrawal', 'event', {
      subtype: 'withdrawal',
      date: month('2026-01', 'January 2026'),
      participants: ['russia'],
      place: 'qamishli',
    });
    const x = article('x', ['The source said the evacuation began on 23 January at Qamishli airport.'], '2026-01-27');
    const y = article('y', ['Russia withdrew its forces from Qamishli earlier in January 2026.'], '2026-01-28');
    const statements = [
      statement(x, 'The source', ['qamishli'], [{ text: 'on 23 January', value: day('2026-01-23') }]),
      statement(y, 'Russia withdrew', ['russia', 'qamishli'], [{ text: 'earlier in January 2026', value: { ...month('2026-01', 'January 2026'), approximate: true } }]),
    ];
    const [group] = groupClaims({ entities: [withdrawal], statements, quotes: [], articles: [x, y], shared: [] });
    expect(group?.subjectId).toBe('qamishli-withdrawal');
    expect(group?.statementIds).toHaveLength(2);
    expect(group?.conflicts).toEqual([]);
  });

  it('adds undated same-paragraph context that names a participant with the subtype word, and links by event id', () => {
    const x = article('x', [
      'Putin hosted Sharaa at the Kremlin on 28 January. The meeting with Sharaa focused on the bases. Sharaa praised the weather.',
      'Analysts called the summit a turning point for the bases on the coast.',
    ], '2026-01-28');
    const statements = [
      statement(x, 'Putin hosted', [PUTIN, SHARAA], [{ text: 'on 28 January', value: day('2026-01-28') }]),
      statement(x, 'The meeting with', [SHARAA]),
      statement(x, 'Sharaa praised', [SHARAA]),
      statement(x, 'Analysts called', [MEETING]),
    ];
    const [group] = groupClaims({ entities, statements, quotes: [], articles: [x], shared: [] });
    expect(group?.statementIds).toEqual([statements[0]!.id, statements[1]!.id, statements[3]!.id].sort());
  });
});

describe('quote groups', () => {
  const s = seeds();
  const shared = detectSharedPassages(Object.values(s));
  const WORDS = 'Russia has supported Syria’s territorial integrity and unity, and has also played a historic role in the stability of the region.';
  const body = quote(s.a001, '"Russia has supported', WORDS, 'President Putin', PUTIN, 'said');
  const colon = quote(s.a001, '“Russia has supported', WORDS, 'Syrian President Ahmad al-Sharaa', SHARAA, 'colon');
  const tweet = quote(s.a001, '“Russia has supported', WORDS, '@leventkemaI', undefined, 'tweet');
  const truncatedA = quote(s.a001, '"I would like', 'I would like to emphasise the need to preserve Syria\'s unity and territorial integrity.', 'Putin', undefined, 'said');
  const truncatedB = quote(s.a001, '“I would like', 'I would like to emphasise the need to preserve Syria’s unity and territorial…', 'Russian President Putin', PUTIN, 'colon');
  const short1 = quote(s.a000, 'Kremlin spokesman Dmitry Peskov', 'no doubt', 'Dmitry Peskov', undefined, 'said');
  const short2 = quote(s.a001, 'Kremlin spokesman Peskov', 'no doubt', 'Samuel Ramani', undefined, 'said');

  it('finds the al-Sharaa / Putin speaker conflict in seed 001, whichever way the tweet comes in', () => {
    // In the built article the al-Sharaa attribution sits in an embedded post (a tweet paragraph).
    const withPost = { ...s.a001, paragraphs: s.a001.paragraphs.map((p) => (p.id === colon.paragraphId ? { ...p, kind: 'tweet' as const } : p)) };
    for (const quotes of [[body, colon], [tweet, body, colon], [colon, tweet, body]]) {
      const groups = groupClaims({ entities, statements: [], quotes, articles: [withPost], shared }).filter((g) => g.kind === 'quote');
      expect(groups).toHaveLength(1);
      const [group] = groups;
      expect(group?.subjectId).toBe(SHARAA);
      expect(group?.articleSlugs).toEqual(['001-61cb9f6024de31c1']);
      expect(group?.statementIds).toEqual([body.sentenceId, colon.sentenceId].sort());
      expect(group?.conflicts).toEqual([
        {
          kind: 'speaker',
          summary:
            'One source attributes the same words to two speakers: Ahmed al-Sharaa (in an embedded post) and Vladimir Putin (in its own text).',
          variants: [
            { value: 'Ahmed al-Sharaa', statementIds: [colon.sentenceId], articleSlugs: ['001-61cb9f6024de31c1'] },
            { value: 'Vladimir Putin', statementIds: [body.sentenceId], articleSlugs: ['001-61cb9f6024de31c1'] },
          ],
        },
      ]);
      expect(group?.id).toBe(`g-${shortHash(`quote\u0000${'russia has supported syrias territorial integrity and unity and has also played a historic role in the stability of the region'}`, 8)}`);
    }
  });

  it('does not flag a truncated quote by the same speaker (surname matches the registry alias)', () => {
    const groups = groupClaims({ entities, statements: [], quotes: [truncatedA, truncatedB], articles: [], shared });
    expect(groups).toEqual([]);
  });

  it('ignores stock phrases shorter than six words', () => {
    expect(groupClaims({ entities, statements: [], quotes: [short1, short2], articles: [], shared })).toEqual([]);
  });

  it('groups the same words quoted by two articles with one speaker, without conflict', () => {
    const x = article('x', ['“We will keep the bases on the coast for as long as we are welcome,” Putin said.'], '2026-01-28');
    const y = article('y', ['Putin told reporters: “We will keep the bases on the coast for as long as we are welcome.”'], '2026-01-29');
    const q1 = quote(x, '“We will', 'We will keep the bases on the coast for as long as we are welcome,', 'Putin', PUTIN, 'said');
    const q2 = quote(y, 'Putin told', 'We will keep the bases on the coast for as long as we are welcome.', 'Putin', PUTIN, 'told');
    const [group, ...rest] = groupClaims({ entities, statements: [], quotes: [q1, q2], articles: [x, y], shared: [] });
    expect(rest).toEqual([]);
    expect(group).toMatchObject({ kind: 'quote', subjectId: PUTIN, articleSlugs: ['x', 'y'], independentSources: 2, conflicts: [] });
    expect(group?.quoteIds).toEqual([q1.id, q2.id].sort());
  });
});

describe('date facts', () => {
  it('corroborates the same entity date from two articles (Assad ousted in December 2024)', () => {
    const s = seeds();
    const dec2024 = month('2024-12', 'December 2024');
    const statements = [
      statement(s.a002, 'The visit comes as Moscow', ['bashar-al-assad', 'moscow'], [{ text: 'in December 2024', value: dec2024 }]),
      statement(s.a004, 'On the face of it', ['bashar-al-assad'], [{ text: 'in December 2024', value: dec2024 }]),
      statement(s.a004, 'Its military intervention', ['bashar-al-assad'], [{ text: 'since 2015', value: { precision: 'year', start: '2015-01-01', end: '2015-12-31', label: '2015' } }]),
    ];
    const groups = groupClaims({ entities, statements, quotes: [], articles: [], shared: [] });
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({
      kind: 'date',
      subjectId: 'bashar-al-assad',
      statementIds: [statements[0]!.id, statements[1]!.id].sort(),
      articleSlugs: ['002-e060aad4f616cf48', '004-bee40c1e7e62989b'],
      independentSources: 2,
      conflicts: [],
      date: dec2024,
    });
  });

  it('survives empty and odd input', () => {
    expect(groupClaims({ entities: [], statements: [], quotes: [], articles: [], shared: [] })).toEqual([]);
    const odd = { entities: [entity('e', 'event', { subtype: 'unknown-kind' })], statements: [], quotes: [], articles: [], shared: [] };
    expect(groupClaims(odd)).toEqual([]);
  });
});
