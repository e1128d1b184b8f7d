import { describe, expect, it } from 'vitest';
import { claim, sharedClaims, takeFromEnd } from '../../../scripts/io/shared-run.ts';

describe('takeFromEnd', () => {
  const items = Array.from({ length: 50 }, (_, k) => k);

  it('gives the whole run to one side when the other has taken none, in ascending order', () => {
    expect(takeFromEnd('front', items.length, sharedClaims(items.length), (k) => k * 10)).toEqual(items.map((k) => k * 10));
    expect(takeFromEnd('back', items.length, sharedClaims(items.length), (k) => k * 10)).toEqual(items.map((k) => k * 10));
  });

  it('leaves the back side what the front side has not claimed, in ascending order', () => {
    const claims = sharedClaims(items.length);
    expect(takeFromEnd('front', 10, claims, (k) => k)).toEqual(items.slice(0, 10));
    expect(takeFromEnd('back', items.length, claims, (k) => k)).toEqual(items.slice(10));
  });

  it('takes each item exactly once when the sides interleave: the front side the first stretch, the back side the rest', () => {
    // [front items per back turn, items the back side claims in a turn], as two threads of different speeds would.
    for (const [every, burst] of [[1, 1], [1, 3], [5, 2], [3, 0], [1, 50]] as const) {
      const claims = sharedClaims(items.length);
      let next = items.length - 1;
      const backTurn = () => {
        for (let n = 0; n < burst && next >= 0 && Atomics.compareExchange(claims, next, 0, 2) === 0; n++) next--;
      };
      let taken = 0;
      const front = takeFromEnd('front', items.length, claims, (k) => {
        if (++taken % every === 0) backTurn();
        return k;
      });
      const back = items.filter((k) => claims[k] === 2);
      expect(front).toEqual(items.slice(0, front.length));
      expect(back).toEqual(items.slice(front.length));
      if (burst === 0) expect(front).toEqual(items);
    }
  });

  it('claims one position at a time for a side, once, and stops the other side\'s run there', () => {
    const claims = sharedClaims(items.length);
    expect(claim('front', claims, 0)).toBe(true);
    expect(claim('front', claims, 0)).toBe(false);
    expect(claim('back', claims, 0)).toBe(false);
    expect(claim('front', claims, 1)).toBe(true);
    // The back side's run ends where the front side has claimed.
    expect(takeFromEnd('back', items.length, claims, (k) => k)).toEqual(items.slice(2));
    expect(claim('front', claims, 2)).toBe(false);
  });
});
