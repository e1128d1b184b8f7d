import { describe, expect, it } from 'vitest';
import {
  dayValue,
  monthValue,
  partOfYear,
  rangeLabel,
  rangeValue,
  sinceValue,
  yearValue,
} from '../../../../scripts/pipeline/extract/dates/index.ts';

describe('DateValue constructors', () => {
  it('labels each precision as a reader writes it', () => {
    expect(dayValue({ year: 2026, month: 1, day: 28 }).label).toBe('28 January 2026');
    expect(monthValue(2026, 1).label).toBe('January 2026');
    expect(yearValue(2015).label).toBe('2015');
    expect(rangeValue({ year: 2026, month: 1, day: 23 }, { year: 2026, month: 1, day: 27 }).label).toBe('23–27 January 2026');
    expect(partOfYear('late', 2025).label).toBe('late 2025');
    expect(sinceValue({ year: 2015, month: 1, day: 1 }, { year: 2026, month: 1, day: 28 }, 'since 2015')?.label).toBe('since 2015');
  });

  it('spans whole months, including leap Februaries', () => {
    expect(monthValue(2024, 2)).toEqual({ precision: 'month', start: '2024-02-01', end: '2024-02-29', label: 'February 2024' });
    expect(monthValue(2025, 2).end).toBe('2025-02-28');
  });

  it('labels ranges across months and years', () => {
    expect(rangeLabel({ year: 2026, month: 1, day: 26 }, { year: 2026, month: 2, day: 1 })).toBe('26 January – 1 February 2026');
    expect(rangeLabel({ year: 2025, month: 12, day: 29 }, { year: 2026, month: 1, day: 4 })).toBe('29 December 2025 – 4 January 2026');
    expect(rangeLabel({ year: 2011, month: 1, day: 1 }, { year: 2024, month: 12, day: 31 })).toBe('2011–2024');
  });

  it('marks approximation only when asked', () => {
    expect(dayValue({ year: 2026, month: 1, day: 28 })).not.toHaveProperty('approximate');
    expect(monthValue(2026, 1, { approximate: true }).approximate).toBe(true);
  });

  it('refuses a "since" that starts after publication', () => {
    expect(sinceValue({ year: 2027, month: 1, day: 1 }, { year: 2026, month: 1, day: 28 }, 'since 2027')).toBeUndefined();
  });
});
