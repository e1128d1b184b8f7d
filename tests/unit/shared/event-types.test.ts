import { describe, expect, it } from 'vitest';
import { endsWithEventSite } from '../../../scripts/pipeline/shared/event-types.ts';

describe('endsWithEventSite: a happening and its preposition right before a name', () => {
  it('accepts a trigger word followed by in, at, near or outside', () => {
    for (const before of ['two guards died during a police raid in ', 'the leaders met in ', 'the summit at ', 'an attack near ', 'the 2020 war in ']) expect(endsWithEventSite(before), before).toBe(true);
  });

  it('refuses a place named for any other reason', () => {
    for (const before of ['she lives in ', 'officials in ', 'a raid last year in the north, then in ', 'the talks were held later, and in ', 'a visitor from ']) expect(endsWithEventSite(before), before).toBe(false);
  });
});
