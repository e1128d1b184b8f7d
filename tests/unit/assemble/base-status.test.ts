import { describe, expect, it } from 'vitest';
import { baseStatus, stateOf } from '../../../scripts/pipeline/assemble/base-status.ts';
import type { DateValue, Statement } from '../../../scripts/pipeline/model.ts';

const day = (iso: string): DateValue => ({ precision: 'day', start: iso, end: iso, label: iso });
let next = 0;
const statement = (text: string, date?: string, basis: Statement['basis'] = 'assertion', articleSlug = 'a'): Statement => {
  next++;
  return {
    id: `s${next}`,
    articleSlug,
    paragraphId: 'p1',
    sentenceId: `s${next}`,
    text,
    entityIds: [],
    dates: date ? [{ text: date, start: 0, end: 1, value: day(date) } as Statement['dates'][number]] : [],
    basis,
  };
};

describe('baseStatus', () => {
  it('reads held, withdrawn and under negotiation from ordinary wording', () => {
    expect(stateOf('Troops remain stationed at the airfield.')).toBe('held');
    expect(stateOf('The contingent withdrew from the airport overnight.')).toBe('withdrawn');
    expect(stateOf('Talks on the lease of the port continue.')).toBe('under negotiation');
    expect(stateOf('The weather at the coast was mild.')).toBeUndefined();
  });

  it('takes the latest dated report, and the source date when the sentence gives none', () => {
    const status = baseStatus(
      [statement('Forces are stationed at the base.', '2025-03-01'), statement('The garrison withdrew from the base.', undefined, 'assertion', 'late'), statement('Officials discussed the lease.', '2025-06-01')],
      (slug) => (slug === 'late' ? day('2025-09-10') : undefined),
    );
    expect(status?.state).toBe('withdrawn');
    expect(status?.asOf.start).toBe('2025-09-10');
  });

  it('ignores opinion and gives no status when nothing says one', () => {
    expect(baseStatus([statement('The base should be abandoned, the columnist argues.', '2025-01-01', 'opinion')], () => undefined)).toBeUndefined();
    expect(baseStatus([statement('The base is on the coast.', '2025-01-01')], () => undefined)).toBeUndefined();
  });
});
