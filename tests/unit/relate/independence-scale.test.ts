import { describe, expect, it } from 'vitest';
import type { SharedPassage, Statement } from '../../../scripts/pipeline/model.ts';
import type { SharedPassageDetail } from '../../../scripts/pipeline/relate/types.ts';
import { countIndependentSupport } from '../../../scripts/pipeline/relate/independence.ts';
import { growthRatio, linearBound } from '../helpers/growth.ts';

function item(articleSlug: string, n: number, text = `Statement number ${n} of ${articleSlug} says something of its own here.`): Statement {
  return {
    id: `s-${articleSlug}-${n}`,
    articleSlug,
    paragraphId: `p-${articleSlug}-${n}`,
    sentenceId: `s-${articleSlug}-${n}`,
    text,
    entityIds: [],
    dates: [],
    basis: 'assertion',
  };
}

function passage(a: string, pa: string, b: string, pb: string, origin = a): SharedPassage {
  return { origin, a: { articleSlug: a, paragraphId: pa }, b: { articleSlug: b, paragraphId: pb }, similarity: 1 };
}

describe('countIndependentSupport with a large passage list', () => {
  // 4,000 passages between other articles, as at 5,000 articles: none concerns the items below.
  const unrelated = Array.from({ length: 4000 }, (_, i) => passage(`x${i}`, `p-x${i}-1`, `y${i}`, `p-y${i}-1`));
  const copy = passage('a', 'p-a-1', 'b', 'p-b-1');

  it('gives the same answer whether or not unrelated passages are in the list', () => {
    const items = [item('a', 1), item('b', 1), item('c', 1)];
    const alone = countIndependentSupport(items, [copy]);
    expect(alone).toEqual({ sources: 3, independent: 2, copies: [{ copy: 'b', of: 'a' }] });
    expect(countIndependentSupport(items, [...unrelated.slice(0, 2000), copy, ...unrelated.slice(2000)])).toEqual(alone);
  });

  it('answers many calls over one list in time proportional to each call, not to the list', { timeout: 120_000 }, () => {
    const items = [item('a', 1), item('b', 1)];
    // Lists of 40 and 4,000 passages, each indexed by its first call: a call that scanned its list would take 100 times longer on the long one.
    const lists = new Map([40, 4_000].map((size) => [size, [...unrelated.slice(0, size - 1), copy]]));
    for (const list of lists.values()) countIndependentSupport(items, list);
    const growth = growthRatio((size) => {
      const list = lists.get(size)!;
      for (let call = 0; call < 5000; call++) countIndependentSupport(items, list);
    }, 40, 100);
    expect(growth).toBeLessThan(10);
  });

  it('finds the copy direction of every cluster among many items without comparing clusters with every edge', { timeout: 120_000 }, () => {
    // n articles, each copying paragraph 1 of the one before: one chain, one independent source.
    const chainOf = (count: number) => {
      const slugs = Array.from({ length: count }, (_, i) => `a${String(i).padStart(4, '0')}`);
      const chain = slugs.slice(1).map((slug, i) => passage(slugs[i]!, `p-${slugs[i]}-1`, slug, `p-${slug}-1`));
      return { chain, items: slugs.map((slug) => item(slug, 1, `Copied text ${slug}`)) };
    };
    const chains = new Map([75, 600].map((count) => [count, chainOf(count)]));
    const { items, chain } = chains.get(600)!;
    const support = countIndependentSupport(items, chain);
    expect(support.sources).toBe(600);
    expect(support.independent).toBe(1);
    // Fresh arrays each time: the per-list index must not carry over between rounds.
    expect(growthRatio((count) => countIndependentSupport([...chains.get(count)!.items], [...chains.get(count)!.chain]), 75, 8)).toBeLessThan(linearBound(8));
  });

  it('names each copy once, with one origin, when many outlets carry the same sentence', () => {
    // 60 outlets, one sentence word for word: every pair of them is a match, but the display needs one origin per copy.
    const slugs = Array.from({ length: 60 }, (_, i) => `o${String(i).padStart(2, '0')}`);
    const same = 'The ministry said the talks would resume in the capital next week.';
    const support = countIndependentSupport(slugs.map((slug) => item(slug, 1, same)), []);
    expect(support.sources).toBe(60);
    expect(support.independent).toBe(1);
    expect(support.copies).toHaveLength(59);
    expect(new Set(support.copies.map((copy) => copy.copy)).size).toBe(59);
    expect(new Set(support.copies.map((copy) => copy.of))).toEqual(new Set(['o00']));
  });

  it('prefers the credited original when a copy matches several outlets', () => {
    // b and c both copy a by passage; c's sentence also matches b word for word.
    const text = 'Officials confirmed the convoy reached the border crossing on Monday.';
    const items = [item('a', 1, text), item('b', 1, text), item('c', 1, text)];
    const support = countIndependentSupport(items, [passage('a', 'p-a-1', 'b', 'p-b-1'), passage('a', 'p-a-1', 'c', 'p-c-1')]);
    expect(support.copies).toEqual([
      { copy: 'b', of: 'a' },
      { copy: 'c', of: 'a' },
    ]);
  });

  it('finds the same passages through its article index as by reading the whole list', () => {
    // A call whose articles touch most of the list reads the list; one that touches a few reads
    // their passages only. Both must give the passages in list order, each once: a list of just
    // the passages among the call's articles takes the first way, the same passages among many
    // others the second.
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    for (let round = 0; round < 40; round++) {
      const slugs = Array.from({ length: 3 + random(6) }, (_, i) => `r${round}-${i}`);
      const texts = ['The convoy reached the border crossing on Monday morning.', 'Officials said the talks would resume in the capital.', 'A spokesman denied any role in the attack on the base.'];
      const items = slugs.flatMap((slug) => Array.from({ length: 1 + random(3) }, (_, n) => item(slug, n, random(3) === 0 ? texts[random(3)] : undefined)));
      const among: SharedPassage[] = Array.from({ length: random(12) }, () => {
        const a = slugs[random(slugs.length)]!;
        const b = slugs[random(slugs.length)]!;
        const base = passage(a, `p-${a}-${random(3)}`, b, `p-${b}-${random(3)}`, random(3) === 0 ? 'undetermined' : random(2) === 0 ? a : b);
        if (random(2) === 0) return base;
        const detail: SharedPassageDetail = { ...base, match: 'sentence', containment: 1, sentences: [{ a: `s-${a}-${random(3)}`, b: `s-${b}-${random(3)}` }] };
        return detail;
      });
      const mixed = [...unrelated.slice(0, 1000 + random(1000))];
      for (const shared of among) mixed.splice(random(mixed.length + 1), 0, shared);
      expect(countIndependentSupport(items, mixed), `round ${round}`).toEqual(countIndependentSupport(items, among));
    }
  });
});

