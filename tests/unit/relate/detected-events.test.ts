import { describe, expect, it } from 'vitest';
import { clusterEventMentions, detectEventMentions, groupClaims } from '../../../scripts/pipeline/relate/index.ts';
import type { Entity } from '../../../scripts/pipeline/model.ts';
import { testEntity } from '../../fixtures/entity.ts';
import { article, day, month, statement } from './fixtures.ts';

const year = (y: number) => ({ precision: 'year' as const, start: `${y}-01-01`, end: `${y}-12-31`, label: String(y) });

/** A hand-made registry for a story no seed tells: two states, three leaders, a capital. */
const ENTITIES: Entity[] = [
  testEntity({ id: 'anna-berg', kind: 'actor', subtype: 'person', name: 'Anna Berg' }),
  testEntity({ id: 'lars-moe', kind: 'actor', subtype: 'person', name: 'Lars Moe' }),
  testEntity({ id: 'ivo-kral', kind: 'actor', subtype: 'person', name: 'Ivo Kral' }),
  testEntity({ id: 'norland', kind: 'actor', subtype: 'state', name: 'Norland' }),
  testEntity({ id: 'sudmark', kind: 'actor', subtype: 'state', name: 'Sudmark' }),
  testEntity({ id: 'vessa', kind: 'place', subtype: 'city', name: 'Vessa', coordinates: [1, 1] }),
];
const byId = new Map(ENTITIES.map((entity) => [entity.id, entity]));

const wire = article('wire', [
  'Ivo Kral hosted Anna Berg and Lars Moe in Vessa on Friday, where the two ministers initialled a treaty.',
  'Norland and Sudmark fought a six-week war in 2020, and Sudmark launched an offensive in September 2023.',
]);
const daily = article('daily', ['Anna Berg and Lars Moe met Ivo Kral in Vessa on 8 August 2025.']);
const late = article('late', ['Kral hosted Berg and Moe in Vessa on 9 August 2025, the paper wrote.']);
const FRIDAY = day('2025-08-08');

const statements = [
  statement(wire, 'Ivo Kral hosted', ['ivo-kral', 'anna-berg', 'lars-moe', 'vessa'], [{ text: 'on Friday', value: FRIDAY }]),
  statement(wire, 'Norland and Sudmark', ['norland', 'sudmark'], [
    { text: '2020', value: year(2020) },
    { text: 'September 2023', value: month('2023-09', 'September 2023') },
  ]),
  statement(daily, 'Anna Berg and Lars Moe met', ['anna-berg', 'lars-moe', 'ivo-kral', 'vessa'], [{ text: 'on 8 August 2025', value: FRIDAY }]),
  statement(late, 'Kral hosted', ['ivo-kral', 'anna-berg', 'lars-moe', 'vessa'], [{ text: 'on 9 August 2025', value: day('2025-08-09') }]),
];

describe('event mentions', () => {
  it('reads type, participants, place and date from a sentence, the verb before its date first', () => {
    const [first] = detectEventMentions(statements, byId);
    expect(first).toMatchObject({ type: 'meeting', trigger: 'hosted', participants: ['ivo-kral', 'anna-berg', 'lars-moe'], place: 'vessa', date: { start: '2025-08-08' }, dateText: 'on Friday' });
  });
  it('finds two happenings in one sentence, each with its own date (background years included)', () => {
    const background = detectEventMentions([statements[1]!], byId);
    expect(background.map((mention) => [mention.type, mention.date.label])).toEqual([
      ['war', '2020'],
      ['attack', 'September 2023'],
    ]);
  });
  it('leaves out quotes and sentences without an actor or a date', () => {
    const quoted = { ...statements[0]!, basis: 'quote' as const };
    const undated = { ...statements[0]!, dates: [] };
    const placeOnly = { ...statements[0]!, entityIds: ['vessa'] };
    expect(detectEventMentions([quoted, undated, placeOnly], byId)).toEqual([]);
  });
});

describe('events from mentions', () => {
  const mentions = detectEventMentions(statements, byId);
  const { events, members } = clusterEventMentions(mentions, ENTITIES);
  const meeting = events.find((event) => event.subtype === 'meeting')!;

  it('clusters reports across sources into one event with a generated name and the date most sources give', () => {
    expect(meeting).toMatchObject({ name: 'Kral hosts Berg and Moe in Vessa, 8 August 2025', date: { start: '2025-08-08' }, place: 'vessa', file: 'detected' });
    expect(members.get(meeting.id)).toHaveLength(3);
    expect(events.map((event) => event.name)).toContain('War between Norland and Sudmark, 2020');
  });

  it('shows a disagreeing date as a conflict on the event group, with every source counted', () => {
    const groups = groupClaims({ entities: [...ENTITIES, ...events], statements, quotes: [], articles: [], shared: [], eventMembers: members });
    const group = groups.find((item) => item.subjectId === meeting.id)!;
    expect(group.articleSlugs).toEqual(['daily', 'late', 'wire']);
    expect(group.independentSources).toBe(3);
    expect(group.conflicts[0]?.summary).toContain('9 August 2025');
  });

  it('merges into a registry event instead of repeating it', () => {
    const registered = testEntity({ id: 'vessa-summit', kind: 'event', subtype: 'meeting', name: 'Vessa summit', date: FRIDAY, participants: ['ivo-kral', 'anna-berg'] });
    const merged = clusterEventMentions(mentions, [...ENTITIES, registered]);
    expect(merged.events.some((event) => event.subtype === 'meeting')).toBe(false);
    expect(merged.members.get('vessa-summit')).toHaveLength(3);
  });

  it('joins a month-long report to a day inside it, across other meetings dated between them', () => {
    const digest = article('digest', [
      'Ivo Kral hosted Anna Berg in Vessa in August 2025.',
      'Lars Moe met Norland envoys in Vessa on 3 August 2025.',
      'Kral hosted Berg in Vessa on 20 August 2025.',
    ]);
    const reports = [
      statement(digest, 'Ivo Kral hosted', ['ivo-kral', 'anna-berg', 'vessa'], [{ text: 'in August 2025', value: month('2025-08', 'August 2025') }]),
      statement(digest, 'Lars Moe met', ['lars-moe', 'norland', 'vessa'], [{ text: 'on 3 August 2025', value: day('2025-08-03') }]),
      statement(digest, 'Kral hosted', ['ivo-kral', 'anna-berg', 'vessa'], [{ text: 'on 20 August 2025', value: day('2025-08-20') }]),
    ];
    const { events, members } = clusterEventMentions(detectEventMentions(reports, byId), ENTITIES);
    const hosted = events.find((event) => event.participants.includes('anna-berg'))!;
    expect(members.get(hosted.id)).toEqual([reports[0]!.id, reports[2]!.id].sort());
    expect(hosted.date).toMatchObject({ start: '2025-08-20' });
  });

  it('does not make a page of one sentence naming one actor', () => {
    const lone = detectEventMentions([{ ...statements[0]!, entityIds: ['ivo-kral'] }], byId);
    expect(clusterEventMentions(lone, ENTITIES).events).toEqual([]);
  });
});

describe('registry events reported without a date', () => {
  it('take a sentence naming two of their actors and a word of their name, so the page never shows 0 sources', () => {
    const asylum = testEntity({ id: 'berg-asylum', kind: 'event', subtype: 'announcement', name: 'Norland grants Anna Berg asylum', date: month('2024-12', 'December 2024'), participants: ['norland', 'anna-berg'] });
    const report = article('report', ['Sudmark demands the return of Berg, whom Norland granted asylum years ago.', 'Berg lives in Norland now.']);
    const reportStatements = [statement(report, 'Sudmark demands', ['sudmark', 'anna-berg', 'norland']), statement(report, 'Berg lives', ['anna-berg', 'norland'])];
    const group = groupClaims({ entities: [...ENTITIES, asylum], statements: reportStatements, quotes: [], articles: [], shared: [] }).find((item) => item.subjectId === 'berg-asylum');
    expect(group?.statementIds).toEqual([reportStatements[0]!.id]);
  });
});

describe('the place an event is named with', () => {
  const region = testEntity({ id: 'north-sea-rim', kind: 'place', subtype: 'region', name: 'North Sea Rim' });
  const corridor = testEntity({ id: 'amber-corridor', kind: 'base', subtype: 'route', name: 'Amber Corridor' });
  const entities = [...ENTITIES, region, corridor];
  const byIdWide = new Map(entities.map((entity) => [entity.id, entity]));
  const talks = article('talks', [
    'Ivo Kral hosted Anna Berg and Lars Moe on 8 August 2025 to settle the future of the North Sea Rim and the Amber Corridor.',
    'Anna Berg and Lars Moe met Ivo Kral in Vessa on 8 August 2025, a meeting about the North Sea Rim.',
  ]);
  const reports = [
    statement(talks, 'Ivo Kral hosted', ['ivo-kral', 'anna-berg', 'lars-moe', 'north-sea-rim', 'amber-corridor'], [{ text: 'on 8 August 2025', value: FRIDAY }]),
    statement(talks, 'Anna Berg and Lars Moe met', ['anna-berg', 'lars-moe', 'ivo-kral', 'north-sea-rim', 'vessa'], [{ text: 'on 8 August 2025', value: FRIDAY }]),
  ];

  it('is the most specific place the reports give: the town, not the region the talks were about nor a route', () => {
    const { events } = clusterEventMentions(detectEventMentions(reports, byIdWide), entities);
    const meeting = events.find((event) => event.participants.includes('anna-berg'));
    expect(meeting?.place).toBe('vessa');
    expect(meeting?.name).toContain('in Vessa');
  });
});
