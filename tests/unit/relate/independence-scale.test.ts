import { describe, expect, it } from 'vitest';
import type { SharedPassage, Statement } from '../../../scripts/pipeline/model.ts';
import { countIndependentSupport } from '../../../scripts/pipeline/relate/independence.ts';

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

  it('answers many calls over one list in time proportional to each call, not to the list', () => {
    const shared = [...unrelated, copy];
    const items = [item('a', 1), item('b', 1)];
    countIndependentSupport(items, shared); // builds the per-list index once
    const started = performance.now();
    for (let call = 0; call < 5000; call++) countIndependentSupport(items, shared);
    const perCall = (performance.now() - started) / 5000;
    // Scanning 4,000 passages per call took ~0.3 ms; the index makes a call ~20 µs.
    expect(perCall).toBeLessThan(0.15);
  });

  it('finds the copy direction of every cluster among many items without comparing clusters with every edge', () => {
    // 600 articles, each copying paragraph 1 of the one before: one chain, one independent source.
    const slugs = Array.from({ length: 600 }, (_, i) => `a${String(i).padStart(3, '0')}`);
    const chain = slugs.slice(1).map((slug, i) => passage(slugs[i]!, `p-${slugs[i]}-1`, slug, `p-${slug}-1`));
    const items = slugs.map((slug) => item(slug, 1, `Copied text ${slug}`));
    const started = performance.now();
    const support = countIndependentSupport(items, chain);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(support.sources).toBe(600);
    expect(support.independent).toBe(1);
  });
});
