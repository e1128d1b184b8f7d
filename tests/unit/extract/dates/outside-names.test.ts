import { describe, expect, it } from 'vitest';
import { extractDates, outsideNames } from '../../../../scripts/pipeline/extract/dates/index.ts';

describe('dates inside names', () => {
  it('drops "Today" when it is part of an outlet name the linker found', () => {
    const sentence = 'Russia still keeps forces there, Türkiye Today reported.';
    const published = { precision: 'day' as const, start: '2026-01-20', end: '2026-01-20', label: '20 January 2026' };
    const { mentions } = extractDates(sentence, published);
    expect(mentions.map((mention) => mention.text)).toEqual(['Today']);
    const outlet = { start: sentence.indexOf('Türkiye Today'), end: sentence.indexOf('Türkiye Today') + 'Türkiye Today'.length };
    expect(outsideNames(mentions, [outlet])).toEqual([]);
  });

  it('keeps dates next to names', () => {
    const items = [{ start: 10, end: 20 }];
    expect(outsideNames(items, [{ start: 0, end: 10 }, { start: 20, end: 25 }])).toEqual(items);
  });
});

describe('"since" with a month-precision publication date', () => {
  it('runs "since 2015" to the end of the publication month', () => {
    const published = { precision: 'month' as const, start: '2026-01-01', end: '2026-01-31', label: 'January 2026' };
    const [since] = extractDates('Russia has kept forces in Syria since 2015.', published).mentions;
    expect(since?.value).toMatchObject({ start: '2015-01-01', end: '2026-01-31', label: 'since 2015' });
  });
});
