import { describe, expect, it } from 'vitest';
import type { SharedPassage } from '../../../scripts/pipeline/model.ts';
import {
  countIndependent,
  countIndependentSupport,
  independentGroups,
} from '../../../scripts/pipeline/relate/independence.ts';
import { detectSharedPassages } from '../../../scripts/pipeline/relate/shared-passages.ts';
import { article, seeds, statement } from './fixtures.ts';

const A001 = '001-61cb9f6024de31c1';
const A002 = '002-e060aad4f616cf48';

describe('independence on the seeds', () => {
  const s = seeds();
  const shared = detectSharedPassages(Object.values(s));
  const slugs = Object.values(s).map((a) => a.slug);

  it('puts 001 and 002 in one copy cluster rooted at the origin 002', () => {
    const roots = independentGroups(slugs, shared);
    expect(roots[A001]).toBe(A002);
    expect(roots[A002]).toBe(A002);
    expect(roots['004-bee40c1e7e62989b']).toBe('004-bee40c1e7e62989b');
    expect(countIndependent(slugs, roots)).toBe(4);
    expect(countIndependent([A001, A002], new Map(Object.entries(roots)))).toBe(1);
  });

  it('counts a statement and its copy as 2 sources, 1 independent', () => {
    const inOrigin = statement(s.a002, 'Days before the scheduled meeting', ['russia', 'qamishli-airport']);
    const inCopy = statement(s.a001, 'Days before the scheduled meeting', ['russia', 'qamishli-airport']);
    expect(countIndependentSupport([inCopy, inOrigin], shared)).toEqual({
      sources: 2,
      independent: 1,
      copies: [{ copy: A001, of: A002 }],
    });
  });

  it('treats a statement from a non-copied paragraph of 001 as independent of 002', () => {
    const inOrigin = statement(s.a002, 'Russian President Vladimir Putin is set to host', ['vladimir-putin']);
    const ownText = statement(s.a001, "Syria's self-declared President", ['vladimir-putin']);
    expect(countIndependentSupport([inOrigin, ownText], shared)).toEqual({ sources: 2, independent: 2, copies: [] });
    // 001 contributes one copied and one own statement: still two independent sources.
    const copied = statement(s.a001, 'AP journalists who visited', ['vladimir-putin']);
    const inOriginCopied = statement(s.a002, 'AP journalists who visited', ['vladimir-putin']);
    expect(countIndependentSupport([inOrigin, ownText, copied, inOriginCopied], shared)).toMatchObject({
      sources: 2,
      independent: 2,
    });
  });

  it('counts unrelated articles as independent', () => {
    const x = statement(s.a000, 'Vladimir Putin hosted', ['vladimir-putin']);
    const y = statement(s.a003, 'Syrian President Ahmed al-Sharaa’s trip', ['vladimir-putin']);
    const z = statement(s.a004, 'On 15th of October 2025', ['vladimir-putin']);
    expect(countIndependentSupport([x, y, z], shared)).toEqual({ sources: 3, independent: 3, copies: [] });
  });
});

describe('independence without passages', () => {
  it('merges near-identical sentences found only by wording', () => {
    const x = article('x', ['Russian troops left the airport on Friday after three days of flights to the coast.']);
    const y = article('y', ['Russian troops left the airport on Friday after three days of flights to the coast!']);
    const z = article('z', ['Kurdish fighters now guard the airport, a reporter who visited it said on Saturday.']);
    const items = [x, y, z].map((a) => statement(a, a.paragraphs[0]!.text.slice(0, 10), ['russia']));
    expect(countIndependentSupport(items, [])).toEqual({ sources: 3, independent: 2, copies: [{ copy: 'y', of: 'x' }] });
  });

  it('credits an undetermined copy cluster to an article already credited (conservative)', () => {
    const x = article('x', ['Shared wire sentence about the airport handover, repeated word for word by two outlets.']);
    const y = article('y', [
      'Shared wire sentence about the airport handover, repeated word for word by two outlets.',
      'A second and entirely original observation by the outlet y about the coastal bases.',
    ]);
    const passage: SharedPassage = {
      origin: 'undetermined',
      a: { articleSlug: 'x', paragraphId: x.paragraphs[0]!.id },
      b: { articleSlug: 'y', paragraphId: y.paragraphs[0]!.id },
      similarity: 1,
    };
    const items = [
      statement(x, 'Shared wire', ['russia']),
      statement(y, 'Shared wire', ['russia']),
      statement(y, 'A second', ['russia']),
    ];
    // y is already credited with its own sentence, so the shared text is credited to y too.
    expect(countIndependentSupport(items, [passage])).toEqual({ sources: 2, independent: 1, copies: [{ copy: 'x', of: 'y' }] });
    expect(independentGroups(['x', 'y', 'w'], [passage])).toEqual({ w: 'w', x: 'x', y: 'x' });
  });

  it('handles empty input', () => {
    expect(countIndependentSupport([], [])).toEqual({ sources: 0, independent: 0, copies: [] });
    expect(independentGroups([], [])).toEqual({});
    expect(countIndependent([], {})).toBe(0);
  });
});
