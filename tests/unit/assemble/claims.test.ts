import { describe, expect, it } from 'vitest';
import { groupByWording, PAIRWISE_WORDING_LIMIT, plainness, reportsFact } from '../../../scripts/pipeline/assemble/claims.ts';
import type { Statement } from '../../../scripts/pipeline/model.ts';

let next = 0;
const statement = (articleSlug: string, text: string, basis: Statement['basis'] = 'assertion'): Statement => {
  next++;
  return { id: `s${next}`, articleSlug, paragraphId: `p${next}`, sentenceId: `s${next}`, text, entityIds: [], dates: [], basis };
};

describe('groupByWording', () => {
  it('makes one claim of near-identical wording from several outlets, and keeps different claims apart', () => {
    const a = statement('wire', 'The ministry said the convoy reached the northern border crossing on Tuesday evening.', 'attributed');
    const b = statement('paper', 'The convoy reached the northern border crossing on Tuesday evening, the ministry said.', 'attributed');
    const c = statement('blog', 'Talks on the lease of the harbour will resume next month in the capital.');
    const claims = groupByWording([a, b, c]);
    expect(claims.map((claim) => claim.statements.map((s) => s.id))).toEqual([[a.id, b.id], [c.id]]);
  });

  it('does not merge sentences that only share a date or a few words', () => {
    const a = statement('one', 'On 3 May the delegation arrived in the port city for two days of talks.');
    const b = statement('two', 'On 3 May the opposition boycotted the vote in parliament over the budget.');
    expect(groupByWording([a, b])).toHaveLength(2);
  });

  it('leads each claim with its plainest report: a reported fact before an opinion', () => {
    const opinion = statement('column', 'The troops left the northern airfield after nine years of deployment there.', 'opinion');
    const fact = statement('agency', 'The troops left the northern airfield after nine years of deployment there, officials confirmed.', 'assertion');
    const [claim] = groupByWording([opinion, fact]);
    expect(claim!.statements[0]).toBe(fact);
    expect(plainness(fact)).toBeLessThan(plainness(opinion));
  });

  it('groups exactly as comparing every pair of word sets does', () => {
    // The reference: each pair's share of shared words over the smaller set, transitively joined.
    const wordSet = (text: string) => new Set(text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? []);
    const same = (left: Set<string>, right: Set<string>) => {
      const shared = [...left].filter((word) => right.has(word)).length / Math.max(1, Math.min(left.size, right.size));
      return Math.min(left.size, right.size) < 6 ? left.size === right.size && shared === 1 : shared >= 0.6;
    };
    const reference = (list: Statement[]): string[][] => {
      const group = list.map((_, position) => position);
      const root = (position: number): number => (group[position] === position ? position : (group[position] = root(group[position]!)));
      const sets = list.map((item) => wordSet(item.text));
      for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) if (same(sets[i]!, sets[j]!)) group[root(j)] = root(i);
      const byRoot = new Map<number, string[]>();
      list.forEach((item, position) => byRoot.set(root(position), [...(byRoot.get(root(position)) ?? []), item.id]));
      return [...byRoot.values()].map((ids) => ids.sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    };
    let seed = 11;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    // Few words, so that many pairs sit at the 60 % bar (6 of 10, 9 of 15) and many just under it.
    const vocabulary = ['troops', 'left', 'the', 'base', 'on', 'Tuesday', 'officials', 'said', 'convoy', 'port', 'talks', 'in', 'Tartus', 'after', 'years', 'navy', 'ships', 'moved', 'north', 'week'];
    // Short lists, so that one pair's answer decides a group rather than being bridged by others.
    for (let round = 0; round < 400; round++) {
      const list = Array.from({ length: 5 }, (_, n) => statement(`a${n}`, Array.from({ length: 2 + random(18) }, () => vocabulary[random(vocabulary.length)]).join(' ')));
      const grouped = groupByWording(list).map((claim) => claim.statements.map((item) => item.id).sort()).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
      expect(grouped).toEqual(reference(list));
    }
  });

  it('joins two wordings at exactly 60 % of the smaller one, even when the shared words come last', () => {
    // Ten words each; the six shared ones sort after the others, so they are read last.
    const a = statement('one', 'alpha bravo charlie delta xa xb xc xd xe xf');
    const b = statement('two', 'echo foxtrot golf hotel xa xb xc xd xe xf');
    expect(groupByWording([a, b])).toHaveLength(1);
    // Five of ten: apart.
    const c = statement('three', 'echo foxtrot golf hotel india xb xc xd xe xf');
    expect(groupByWording([a, c])).toHaveLength(2);
  });

  it('matches short sentences only word for word', () => {
    const a = statement('one', 'He said so.');
    const b = statement('two', 'She said no.');
    const c = statement('three', 'He said so.');
    expect(groupByWording([a, b, c]).map((claim) => claim.statements.length)).toEqual([2, 1]);
  });

  it('falls back to identical word sets above the pairwise limit, and still groups copies', () => {
    const many = Array.from({ length: PAIRWISE_WORDING_LIMIT + 5 }, (_, k) => statement(`src${k}`, `Unique report number ${k} about a different matter entirely today.`));
    const copy = statement('copy', many[0]!.text);
    const claims = groupByWording([...many, copy]);
    expect(claims).toHaveLength(many.length);
    expect(claims[0]!.statements.map((s) => s.articleSlug)).toEqual(['src0', 'copy']);
  });

  it('above the pairwise limit, takes the same words in another order, or repeated, as the same set', () => {
    const many = Array.from({ length: PAIRWISE_WORDING_LIMIT + 5 }, (_, k) => statement(`src${k}`, `Unique report number ${k} about a different matter entirely today.`));
    const reordered = statement('reordered', 'Today, today: a different matter entirely, unique report number 3 about.');
    const fewer = statement('fewer', 'Unique report number 4 about a different matter today.');
    const claims = groupByWording([...many, reordered, fewer]);
    expect(claims).toHaveLength(many.length + 1);
    expect(claims[3]!.statements.map((s) => s.articleSlug)).toEqual(['src3', 'reordered']);
    expect(claims.at(-1)!.statements.map((s) => s.articleSlug)).toEqual(['fewer']);
  });
});

describe('reportsFact', () => {
  it('accepts assertions and attributions, never opinions or bare quotes', () => {
    expect(['assertion', 'attributed', 'quote', 'opinion'].map((basis) => reportsFact(statement('x', 'Text of a line.', basis as Statement['basis'])))).toEqual([true, true, false, false]);
  });
});
