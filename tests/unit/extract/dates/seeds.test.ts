import { describe, expect, it } from 'vitest';
import { extractDates, findDates } from '../../../../scripts/pipeline/extract/dates/index.ts';
import { published, seed } from './helpers.ts';

/** Finds the one sentence of a seed that contains `fragment`, so the tests fail if the seed changes. */
function sentenceOf(file: string, fragment: string): string {
  const text = seed(file);
  const at = text.indexOf(fragment);
  expect(at, `"${fragment}" is in ${file}`).toBeGreaterThanOrEqual(0);
  return fragment;
}

describe('seed 002 (published 2026-01-27)', () => {
  const file = '002_e060aad4f616cf48.txt';
  const pub = published('2026-01-27');

  it('resolves "on 23 January" to that day in the publication year', () => {
    const sentence = sentenceOf(file, 'The source said the evacuation began on 23 January under a decision to clear the site of Russian presence');
    expect(findDates(sentence, pub)).toEqual([
      {
        text: 'on 23 January',
        start: 37,
        end: 50,
        value: { precision: 'day', start: '2026-01-23', end: '2026-01-23', label: '23 January 2026' },
      },
    ]);
  });

  it('resolves "announced on 27 January" and "this week" in the same sentence', () => {
    const sentence = sentenceOf(
      file,
      'Russian President Vladimir Putin is set to host Syria’s self-appointed President Ahmad al-Sharaa in Moscow this week to discuss the post-Assad “transitional period” and regional developments, the Kremlin announced on 27 January.',
    );
    const mentions = findDates(sentence, pub);
    expect(mentions.map((m) => [m.text, m.value.start, m.value.end, m.value.precision, m.value.approximate])).toEqual([
      ['this week', '2026-01-26', '2026-02-01', 'range', true],
      ['on 27 January', '2026-01-27', '2026-01-27', 'day', undefined],
    ]);
  });

  it('reads "last week" as the previous Monday–Sunday, approximate', () => {
    // The seed separates these words with no-break spaces (U+00A0), as scraped.
    const sentence = sentenceOf(file, 'according to a security source\u00a0cited\u00a0by\u00a0Shafaq News\u00a0last week.');
    const [mention] = findDates(sentence, pub);
    expect(mention?.text).toBe('last week');
    expect(mention?.value).toEqual({
      precision: 'range',
      start: '2026-01-19',
      end: '2026-01-25',
      label: '19–25 January 2026',
      approximate: true,
    });
  });

  it('keeps "in December 2024" at month precision and ignores "decade-long"', () => {
    const sentence = sentenceOf(
      file,
      'The visit comes as Moscow recalibrates relations with Damascus following the ousting of former Syrian president Bashar al-Assad in December 2024, despite Russia’s decade-long military intervention that once kept him in power.',
    );
    const result = extractDates(sentence, pub);
    expect(result.mentions.map((m) => [m.text, m.value])).toEqual([
      ['December 2024', { precision: 'month', start: '2024-12-01', end: '2024-12-31', label: 'December 2024' }],
    ]);
    expect(result.unresolved).toEqual([]);
  });

  it('reads "late 2025" as September–December, approximate, labelled as written', () => {
    const sentence = sentenceOf(
      file,
      'Cradle\u00a0report from late 2025 of plans to re-establish\u00a0nine military positions\u00a0in southern Syria',
    );
    expect(findDates(sentence, pub).map((m) => [m.text, m.value])).toEqual([
      ['late 2025', { precision: 'range', start: '2025-09-01', end: '2025-12-31', label: 'late 2025', approximate: true }],
    ]);
  });

  it('reports "Days before" as unresolved and finds nothing in "two Ilyushin cargo aircraft"', () => {
    const sentence = sentenceOf(file, 'Days before the scheduled meeting, Russian forces began a phased withdrawal from Qamishli Airport');
    expect(extractDates(sentence, pub)).toMatchObject({
      mentions: [],
      unresolved: [{ text: 'Days before', start: 0, end: 11, reason: 'relative-to-event' }],
    });
    expect(findDates('starting with two Ilyushin cargo aircraft transporting heavy equipment', pub)).toEqual([]);
  });

  it('parses the all-caps dateline "JAN 27, 2026"', () => {
    expect(findDates(sentenceOf(file, 'JAN 27, 2026'), undefined).map((m) => m.value.start)).toEqual(['2026-01-27']);
  });
});

describe('seed 001 (published Wednesday 2026-01-28)', () => {
  it('resolves "on Wednesday" to the publication day', () => {
    const sentence = sentenceOf(
      '001_61cb9f6024de31c1.txt',
      "Syria's self-declared President Ahmad al-Sharaa is in Moscow on Wednesday, where he has met with President Vladimir Putin",
    );
    expect(findDates(sentence, published('2026-01-28'))).toEqual([
      {
        text: 'on Wednesday',
        start: 61,
        end: 73,
        value: { precision: 'day', start: '2026-01-28', end: '2026-01-28', label: '28 January 2026' },
      },
    ]);
  });
});

describe('seed 000 (published 2026-01-28)', () => {
  const file = '000_414b01a22b4b9160.txt';
  const pub = published('2026-01-28');

  it('reads "earlier in January 2026" as January 2026, approximate', () => {
    const sentence = sentenceOf(file, 'Russia withdrew forces from Qamishli airport in Syria’s Kurdish-controlled northeast earlier in January 2026, a move');
    expect(findDates(sentence, pub).map((m) => [m.text, m.value])).toEqual([
      [
        'earlier in January 2026',
        { precision: 'month', start: '2026-01-01', end: '2026-01-31', label: 'January 2026', approximate: true },
      ],
    ]);
  });

  it('reads "since intervening … in 2015" as the year 2015 (the "since" governs the verb, not the year)', () => {
    const sentence = sentenceOf(file, 'The bases represent significant Russian investment since intervening in Syria’s civil war in 2015.');
    expect(findDates(sentence, pub).map((m) => [m.text, m.value])).toEqual([
      ['2015', { precision: 'year', start: '2015-01-01', end: '2015-12-31', label: '2015' }],
    ]);
  });

  it('reads "January 28, 2026" as a day, and "decade-long" as nothing', () => {
    const sentence = sentenceOf(
      file,
      'Vladimir Putin hosted Syria’s interim President Ahmed al-Sharaa at the Kremlin on January 28, 2026, marking a dramatic shift from Russia’s decade-long support of Bashar al-Assad.',
    );
    expect(extractDates(sentence, pub)).toMatchObject({
      mentions: [
        {
          text: 'January 28, 2026',
          start: 82,
          end: 98,
          value: { precision: 'day', start: '2026-01-28', end: '2026-01-28', label: '28 January 2026' },
        },
      ],
      unresolved: [],
    });
  });

  it('reports "hours before" the meeting as relative to an event, never as a guessed day', () => {
    const sentence = sentenceOf(file, 'President Trump spoke with Sharaa hours before the Kremlin meeting');
    expect(extractDates(sentence, pub)).toMatchObject({ mentions: [], unresolved: [{ text: 'hours before', reason: 'relative-to-event' }], warnings: [] });
  });
});

describe('seed 004', () => {
  const file = '004_bee40c1e7e62989b.txt';

  it('parses "On 15th of October 2025" without needing a publication date', () => {
    const sentence = sentenceOf(file, 'On 15th of October 2025 President Vladimir Putin met President Ahmed al‑Sharaa of Syria in Moscow.');
    expect(findDates(sentence, undefined).map((m) => [m.text, m.value.precision, m.value.start])).toEqual([
      ['On 15th of October 2025', 'day', '2025-10-15'],
    ]);
  });

  it('reads "since 2015" as a range up to publication, labelled "since 2015"', () => {
    const sentence = sentenceOf(file, 'Its military intervention in Syria since 2015 served to prop up Assad');
    expect(findDates(sentence, published('2025-10-16')).map((m) => [m.text, m.value])).toEqual([
      ['since 2015', { precision: 'range', start: '2015-01-01', end: '2025-10-16', label: 'since 2015' }],
    ]);
  });

  it('reads "weaker than in 2015" as the year 2015', () => {
    const sentence = sentenceOf(file, 'Still, Russia’s position is weaker than in 2015.');
    expect(findDates(sentence, published('2025-10-16')).map((m) => [m.text, m.value.precision, m.value.label])).toEqual([
      ['2015', 'year', '2015'],
    ]);
  });

  it('keeps "in December 2024" at month precision even with "al‑Sharaa’s" non-breaking hyphens around', () => {
    const sentence = sentenceOf(file, 'al‑Sharaa’s forces overthrew Bashar al‑Assad in December 2024, a regime Russia heavily backed.');
    expect(findDates(sentence, undefined).map((m) => [m.text, m.value.precision, m.value.start, m.value.end])).toEqual([
      ['December 2024', 'month', '2024-12-01', '2024-12-31'],
    ]);
  });
});

describe('seed 003 (published 2026-01-28)', () => {
  const file = '003_dbdebd384bef066e.txt';
  const pub = published('2026-01-28');

  it('parses "Wednesday, January 28, 2026" glued to a hyphen as one day', () => {
    const sentence = sentenceOf(
      file,
      'Syrian President Ahmed al-Sharaa’s trip to Moscow on Wednesday, January 28, 2026-his second visit since taking power-underscores a shift',
    );
    const mentions = findDates(sentence, pub);
    expect(mentions.map((m) => [m.text, m.value.precision, m.value.start])).toEqual([
      ['on Wednesday, January 28, 2026', 'day', '2026-01-28'],
    ]);
  });

  it('parses "on October 15, 2025"', () => {
    const sentence = sentenceOf(file, 'Putin and Sharaa first met in Moscow on October 15, 2025, in a summit billed as an effort');
    expect(findDates(sentence, pub).map((m) => [m.text, m.value.start])).toEqual([['October 15, 2025', '2025-10-15']]);
  });

  it('does not read the modal "may" as May', () => {
    const sentence = sentenceOf(file, 'He may accept a continued Russian presence, but only under terms that emphasize Syrian sovereignty');
    expect(extractDates(sentence, pub)).toMatchObject({ mentions: [], unresolved: [] });
  });
});
