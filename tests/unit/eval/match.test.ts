import { describe, expect, it } from 'vitest';
import { compatibleKinds, days, distanceKm, fold, interval, kindFamily, nameForms, sameEntity, within, words } from '../../../scripts/eval/match.ts';
import type { ExpectedEntity } from '../../../scripts/eval/expected.ts';
import { testEntity } from '../../fixtures/entity.ts';

const pashinyan: ExpectedEntity = { name: 'Nikol Pashinyan', kind: 'person', forms: ['Nikol Pashinyan', 'Pashinyan', 'Pashinian'], accept: [] };

describe('eval matching', () => {
  it('folds diacritics, curly quotes, odd spaces and hyphens and a trailing possessive, keeping case', () => {
    expect(fold('Erdoğan’s')).toBe('Erdogan');
    expect(fold('Al\u2011Sharaa\u00a0said')).toBe('Al-Sharaa said');
    expect(fold('US')).not.toBe(fold('us'));
    expect(words('“We don’t know,” he said.')).toBe('we don t know he said');
  });

  it('reads reference dates as inclusive intervals', () => {
    expect(interval('2025-08-08')).toEqual({ start: '2025-08-08', end: '2025-08-08' });
    expect(interval('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(interval('2020')).toEqual({ start: '2020-01-01', end: '2020-12-31' });
    expect(interval('2025-08-11/2025-08-20')).toEqual({ start: '2025-08-11', end: '2025-08-20' });
    expect(() => interval('mid-August')).toThrow(/not a date/);
    expect(within(interval('2025-08-15'), interval('2025-08'))).toBe(true);
    expect(within(interval('2025-08'), interval('2025-08-15'))).toBe(false);
    expect(days('2025-08-08', '2025-08-15')).toBe(7);
  });

  it('reads the registry kinds as the reference kinds, and the reference kinds directly', () => {
    expect(kindFamily({ kind: 'actor', subtype: 'person' })).toBe('person');
    expect(kindFamily({ kind: 'actor', subtype: 'state' })).toBe('state');
    expect(kindFamily({ kind: 'actor', subtype: 'armed-group' })).toBe('organisation');
    expect(kindFamily({ kind: 'place', subtype: 'city' })).toBe('place');
    expect(kindFamily({ kind: 'person' as never, subtype: '' })).toBe('person');
    expect(compatibleKinds('base', 'place')).toBe(true);
    expect(compatibleKinds('person', 'place')).toBe(false);
  });

  it('matches an entity by any shared name or form and a compatible kind, never across kinds', () => {
    expect(sameEntity(pashinyan, testEntity({ id: 'p', kind: 'actor', subtype: 'person', name: 'Pashinian' }))).toBe(true);
    expect(sameEntity(pashinyan, testEntity({ id: 'p', kind: 'actor', subtype: 'person', name: 'N. Pashinyan', aliases: ['Nikol Pashinyan'] }))).toBe(true);
    expect(sameEntity(pashinyan, testEntity({ id: 'p', kind: 'place', subtype: 'town', name: 'Pashinyan' }))).toBe(false);
    expect(sameEntity(pashinyan, testEntity({ id: 'p', kind: 'actor', subtype: 'person', name: 'Nikol' }))).toBe(false);
    expect(nameForms('Ali Akbar Velayati')).toEqual(['Ali Akbar Velayati', 'Velayati']);
  });

  it('measures great-circle distances in kilometres', () => {
    const gyumri: [number, number] = [40.7894, 43.8475];
    const yerevan: [number, number] = [40.1811, 44.5136];
    expect(distanceKm(gyumri, gyumri)).toBe(0);
    expect(distanceKm(gyumri, yerevan)).toBeGreaterThan(80);
    expect(distanceKm(gyumri, yerevan)).toBeLessThan(100);
  });
});
