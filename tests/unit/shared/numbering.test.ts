import { describe, expect, it } from 'vitest';
import { numbering } from '../../../scripts/pipeline/shared/numbering.ts';

describe('numbering', () => {
  it('numbers keys 0, 1, 2… in the order first seen, the same key always the same number', () => {
    const number = numbering<string>();
    expect(['b', 'a', 'b', 'c', 'a'].map(number)).toEqual([0, 1, 0, 2, 1]);
  });

  it('keeps each numbering apart', () => {
    const first = numbering<string>();
    const second = numbering<string>();
    first('x');
    expect(second('y')).toBe(0);
    expect(first('y')).toBe(1);
  });
});
