import { describe, expect, it } from 'vitest';
import { resolveEventAnchored } from '../../../scripts/pipeline/relate/index.ts';
import { testEntity } from '../../fixtures/entity.ts';
import { article, day, statement } from './fixtures.ts';

const report = article('report', [
  'Hours before the summit, an official briefed reporters.',
  'A day after Norland and Sudmark initialled the treaty, Vessa protested.',
  'Days before the summit, troops moved.',
]);
const statements = [
  statement(report, 'Hours before', ['norland']),
  statement(report, 'A day after', ['norland', 'sudmark']),
  statement(report, 'Days before', ['norland']),
];
const unresolved = [
  { articleSlug: 'report', sentenceId: statements[0]!.sentenceId, text: 'Hours before' },
  { articleSlug: 'report', sentenceId: statements[1]!.sentenceId, text: 'A day after' },
  { articleSlug: 'report', sentenceId: statements[2]!.sentenceId, text: 'Days before' },
];
const summit = testEntity({ id: 'vessa-summit', kind: 'event', subtype: 'meeting', name: 'Vessa summit', date: day('2025-08-08'), participants: ['norland'] });
const treaty = testEntity({ id: 'treaty', kind: 'event', subtype: 'sign', name: 'Treaty initialled', date: day('2025-08-08'), participants: ['norland', 'sudmark'] });

describe('dates anchored on a named event', () => {
  it('take the date of the event of that type the same article reports, shifted by the offset', () => {
    const resolved = resolveEventAnchored(unresolved, statements, [summit, treaty], new Map([['vessa-summit', new Set(['report'])], ['treaty', new Set(['report'])]]));
    expect(resolved.map((item) => [item.mention.text, item.mention.value.start])).toEqual([
      ['Hours before', '2025-08-08'],
      ['A day after', '2025-08-09'],
    ]);
  });
  it('stay unresolved when the article reports no such event, or the offset has no count', () => {
    expect(resolveEventAnchored(unresolved, statements, [summit, treaty], new Map())).toEqual([]);
  });
});
