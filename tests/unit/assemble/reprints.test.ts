import { describe, expect, it } from 'vitest';
import { REPRINTS_NAMED, reprintsByOrigin } from '../../../scripts/pipeline/assemble/entity-page.ts';

describe('who reprints whom, as a support line shows it', () => {
  it('groups the copies by their original', () => {
    expect(
      reprintsByOrigin([
        { copy: 'Daily B', of: 'Wire A' },
        { copy: 'Daily C', of: 'Wire A' },
        { copy: 'Weekly E', of: 'Paper D' },
      ]),
    ).toEqual([
      { of: 'Wire A', by: ['Daily B', 'Daily C'], more: 0 },
      { of: 'Paper D', by: ['Weekly E'], more: 0 },
    ]);
  });

  it('names a few copies of a wire story and counts the rest', () => {
    const pairs = Array.from({ length: 98 }, (_, i) => ({ copy: `Outlet ${i}`, of: 'Wire A' }));
    const [only, ...rest] = reprintsByOrigin(pairs);
    expect(rest).toEqual([]);
    expect(only?.by).toHaveLength(REPRINTS_NAMED);
    expect(only?.more).toBe(98 - REPRINTS_NAMED);
  });
});
