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
});

describe('reportsFact', () => {
  it('accepts assertions and attributions, never opinions or bare quotes', () => {
    expect(['assertion', 'attributed', 'quote', 'opinion'].map((basis) => reportsFact(statement('x', 'Text of a line.', basis as Statement['basis'])))).toEqual([true, true, false, false]);
  });
});
