import { describe, expect, it } from 'vitest';
import {
  dayValue,
  formatDateLabel,
  monthValue,
  parseRegistryDate,
  rangeValue,
  yearValue,
} from '../../../scripts/pipeline/registry/date-value.ts';

describe('date values', () => {
  it('builds each precision with start, end and label', () => {
    expect(dayValue('2026-01-28')).toEqual({ precision: 'day', start: '2026-01-28', end: '2026-01-28', label: '28 January 2026' });
    expect(monthValue(2026, 1)).toEqual({ precision: 'month', start: '2026-01-01', end: '2026-01-31', label: 'January 2026' });
    expect(monthValue(2024, 2).end).toBe('2024-02-29');
    expect(monthValue(2025, 2).end).toBe('2025-02-28');
    expect(yearValue(2015)).toEqual({ precision: 'year', start: '2015-01-01', end: '2015-12-31', label: '2015' });
    expect(rangeValue('2026-01-23', '2026-01-27')).toEqual({
      precision: 'range',
      start: '2026-01-23',
      end: '2026-01-27',
      label: '23–27 January 2026',
    });
    expect(rangeValue('2025-01-01', '2025-12-31', 'during 2025').label).toBe('during 2025');
  });

  it('labels ranges with the shortest unambiguous form', () => {
    expect(formatDateLabel('range', '2026-01-28', '2026-02-03')).toBe('28 January – 3 February 2026');
    expect(formatDateLabel('range', '2025-12-28', '2026-01-03')).toBe('28 December 2025 – 3 January 2026');
    expect(formatDateLabel('range', '2026-01-28', '2026-01-28')).toBe('28 January 2026');
    expect(formatDateLabel('day', 'not-a-date')).toBe('not-a-date');
  });
});

describe('parseRegistryDate', () => {
  const value = (raw: unknown) => {
    const result = parseRegistryDate(raw);
    if (!result.ok) throw new Error(result.error);
    return result.value;
  };
  const error = (raw: unknown) => {
    const result = parseRegistryDate(raw);
    return result.ok ? undefined : result.error;
  };

  it('reads day, month, year and range forms', () => {
    expect(value('2026-01-28')).toEqual(dayValue('2026-01-28'));
    expect(value('2026-01')).toEqual(monthValue(2026, 1));
    expect(value('2015')).toEqual(yearValue(2015));
    expect(value(2015)).toEqual(yearValue(2015)); // unquoted YAML year is a number
    expect(value({ from: '2026-01-23', to: '2026-01-27' })).toEqual(rangeValue('2026-01-23', '2026-01-27'));
    expect(value({ from: '2025-10', to: '2025-12' })).toEqual({
      precision: 'range',
      start: '2025-10-01',
      end: '2025-12-31',
      label: '1 October – 31 December 2025',
    });
  });

  it('rejects impossible dates and malformed input with a message', () => {
    expect(error('2026-02-30')).toBe('"2026-02-30" is not a real calendar day');
    expect(error('2026-13')).toBe('"2026-13" has no month 13');
    expect(error('28 January 2026')).toMatch(/^expected "YYYY-MM-DD", "YYYY-MM", "YYYY" or \{from/);
    expect(error({ from: '2026-01-27', to: '2026-01-23' })).toBe('range ends (2026-01-23) before it starts (2026-01-27)');
    expect(error({ from: '2026-01-27' })).toBe('a range needs both "from" and "to"');
    expect(error({ from: '2026-01-27', to: 'soon' })).toMatch(/^to: expected/);
    expect(error(null)).toMatch(/^expected/);
    expect(error([2026])).toMatch(/^expected/);
    expect(error(20.5)).toMatch(/^expected/);
  });
});
