import { describe, expect, it } from 'vitest';
import { divisionsFrom, gazetteerFrom, type GazetteerTown } from '../../../scripts/pipeline/resolve/reference.ts';

/** A few towns of two provinces, in the shape scripts/io/reference-data.ts gives them. */
const towns: GazetteerTown[] = [
  { name: 'Khujand', country: 'TJ', population: 180_000, coordinates: [40.28, 69.63], adminCode: '02', featureCode: 'PPLA' },
  { name: 'Istaravshan', country: 'TJ', population: 60_000, coordinates: [39.91, 69.0], adminCode: '02', featureCode: 'PPL' },
  { name: 'Vorukh', country: 'TJ', population: 20_000, coordinates: [39.85, 70.58], adminCode: '02', featureCode: 'PPL' },
  { name: 'Kulob', country: 'TJ', population: 100_000, coordinates: [37.91, 69.78], adminCode: '03', featureCode: 'PPL' },
  { name: 'Khatlon', country: 'TJ', population: 1_500, coordinates: [37.5, 68.9], adminCode: '03', featureCode: 'PPL' },
  { name: 'Spokane', country: 'US', population: 230_000, coordinates: [47.66, -117.43], adminCode: 'WA', featureCode: 'PPL' },
  { name: 'Washington', country: 'US', population: 690_000, coordinates: [38.9, -77.04], adminCode: 'DC', featureCode: 'PPLC' },
];

describe('divisionsFrom: first-order divisions as gazetteer places', () => {
  const divisions = divisionsFrom(
    [
      { code: 'TJ.02', name: 'Sughd Province' },
      { code: 'TJ.03', name: 'Khatlon Region' },
      { code: 'US.WA', name: 'Washington' },
      { code: 'TJ.99', name: 'No Towns Here' },
    ],
    towns,
  );

  it('places a division at its seat, with the people of its towns', () => {
    expect(divisions.find((place) => place.name === 'Sughd Province')).toEqual({ name: 'Sughd Province', country: 'TJ', population: 260_000, coordinates: [40.28, 69.63], division: true });
  });

  it('takes the most populous town when no town is marked as the seat', () => {
    expect(divisions.find((place) => place.name === 'Khatlon Region')?.coordinates).toEqual([37.91, 69.78]);
  });

  it('lists a division under its short name too, unless a town of that country bears it', () => {
    const names = divisions.map((place) => place.name);
    expect(names).toContain('Sughd');
    expect(names).toContain('Khatlon Region');
    expect(names).not.toContain('Khatlon');
    expect(names).not.toContain('No Towns Here');
  });

  it('puts a town before a division of the same name in the gazetteer', () => {
    const findPlaces = gazetteerFrom([...towns, ...divisions]);
    expect(findPlaces('Washington').map((place) => place.division ?? false)).toEqual([false, true]);
    expect(findPlaces('sughd')[0]).toMatchObject({ division: true, coordinates: [40.28, 69.63] });
  });
});
