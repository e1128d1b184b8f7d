import { describe, expect, it } from 'vitest';
import { buildRelations } from '../../../scripts/pipeline/relate/relations.ts';
import { article, statement } from './fixtures.ts';

describe('buildRelations', () => {
  const x = article('x', ['Putin met Sharaa. Putin and Sharaa spoke of Russia. Sharaa thanked Russia. Putin met Sharaa again. Putin saw Sharaa once more.']);
  const st = [
    statement(x, 'Putin met Sharaa.', ['putin', 'sharaa']),
    statement(x, 'Putin and Sharaa', ['sharaa', 'russia', 'putin', 'putin']),
    statement(x, 'Sharaa thanked', ['sharaa', 'russia']),
    statement(x, 'Putin met Sharaa again', ['sharaa', 'putin']),
    statement(x, 'Putin saw', ['putin', 'sharaa']),
  ];

  it('counts distinct sentences per undirected pair, keeps the first three, sorts by weight then ids', () => {
    const relations = buildRelations([...st, st[0]!]);
    expect(relations).toEqual([
      { source: 'putin', target: 'sharaa', weight: 4, sentenceIds: [st[0]!.id, st[1]!.id, st[3]!.id] },
      { source: 'russia', target: 'sharaa', weight: 2, sentenceIds: [st[1]!.id, st[2]!.id] },
      { source: 'putin', target: 'russia', weight: 1, sentenceIds: [st[1]!.id] },
    ]);
  });

  it('ignores single-entity and empty statements', () => {
    expect(buildRelations([])).toEqual([]);
    expect(buildRelations([{ ...st[0]!, entityIds: ['putin'] }])).toEqual([]);
  });
});
