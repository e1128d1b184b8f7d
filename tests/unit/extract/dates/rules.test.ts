import { describe, expect, it } from 'vitest';
import { extractDates, findDates } from '../../../../scripts/pipeline/extract/dates/index.ts';
import { published } from './helpers.ts';

/** Published on Tuesday 27 January 2026. */
const PUB = published('2026-01-27');

function summary(sentence: string, pub = PUB) {
  return findDates(sentence, pub).map((m) => `${m.text} → ${m.value.precision} ${m.value.start}..${m.value.end}${m.value.approximate ? ' ~' : ''}`);
}

describe('absolute dates', () => {
  it.each([
    ['It happened on January 28, 2026.', 'January 28, 2026 → day 2026-01-28..2026-01-28'],
    ['It happened on 28 January 2026.', 'on 28 January 2026 → day 2026-01-28..2026-01-28'],
    ['It happened on Wednesday, January 28, 2026.', 'on Wednesday, January 28, 2026 → day 2026-01-28..2026-01-28'],
    ['It happened on 2026-01-28.', '2026-01-28 → day 2026-01-28..2026-01-28'],
    ['Talks ran 23-27 January 2026.', '23-27 January 2026 → range 2026-01-23..2026-01-27'],
  ])('%s', (sentence, expected) => {
    expect(summary(sentence)).toEqual([expected]);
  });

  it('never invents a day for a month: "in March 2025" spans the month', () => {
    expect(summary('Talks collapsed in March 2025.')).toEqual(['March 2025 → month 2025-03-01..2025-03-31']);
  });

  it('reads "since December 2024" as a range to publication', () => {
    const [mention] = findDates('Relations cooled since December 2024.', PUB);
    expect(mention?.value).toEqual({
      precision: 'range',
      start: '2024-12-01',
      end: '2026-01-27',
      label: 'since December 2024',
    });
  });

  it('reads "late December 2024" as the last third of the month', () => {
    expect(summary('Assad fell in late December 2024.')).toEqual(['late December 2024 → range 2024-12-21..2024-12-31 ~']);
  });

  it('reads year parts, year spans and decades', () => {
    expect(summary('Plans from early 2026, mid-2025 and the end of 2024; fighting 2011–2024 and in the 1990s.')).toEqual([
      'early 2026 → range 2026-01-01..2026-04-30 ~',
      'mid-2025 → range 2025-05-01..2025-08-31 ~',
      'the end of 2024 → range 2024-09-01..2024-12-31 ~',
      '2011–2024 → range 2011-01-01..2024-12-31',
      '1990s → range 1990-01-01..1999-12-31',
    ]);
  });

  it('reads "the early 1990s" as the first years of the decade, never as early 1990', () => {
    expect(summary('Fighting in the early 1990s and a ceasefire in the late 1990s ended in a frozen conflict.')).toEqual([
      'early 1990s → range 1990-01-01..1993-12-31 ~',
      'late 1990s → range 1996-01-01..1999-12-31 ~',
    ]);
  });

  it('labels "mid-2025" and "early 2026" as written', () => {
    expect(findDates('in mid-2025 and early 2026', PUB).map((m) => m.value.label)).toEqual(['mid-2025', 'early 2026']);
  });
});

describe('year inference for dates without a year', () => {
  it('takes the most recent occurrence: "on 15 December" written in January is last December', () => {
    expect(summary('They met on 15 December.')).toEqual(['on 15 December → day 2025-12-15..2025-12-15']);
  });

  it('allows a date shortly after publication: "on 3 February" written on 27 January is the coming one', () => {
    expect(summary('They will meet on 3 February.')).toEqual(['on 3 February → day 2026-02-03..2026-02-03']);
  });

  it('puts a bare month in the most recent year: "in December" → December 2025, "in April" → April 2025', () => {
    expect(summary('It began in December and ended in April.')).toEqual([
      'December → month 2025-12-01..2025-12-31',
      'April → month 2025-04-01..2025-04-30',
    ]);
  });

  it('reads "mid-January" as the middle of the month, approximate', () => {
    expect(summary('Troops left in mid-January.')).toEqual(['mid-January → range 2026-01-11..2026-01-20 ~']);
  });
});

describe('relative to publication', () => {
  it('reads a past-tense weekday as the latest one, a tenseless one as the nearest, "last"/"next" as the previous/following', () => {
    expect(summary('He arrived on Sunday and left on Wednesday.')).toEqual([
      'on Sunday → day 2026-01-25..2026-01-25',
      'on Wednesday → day 2026-01-21..2026-01-21',
    ]);
    expect(summary('He is in Moscow on Wednesday.')).toEqual(['on Wednesday → day 2026-01-28..2026-01-28']);
    expect(summary('They met last Tuesday and meet again next Tuesday.')).toEqual([
      'last Tuesday → day 2026-01-20..2026-01-20',
      'next Tuesday → day 2026-02-03..2026-02-03',
    ]);
  });

  it('reads yesterday, today and "3 days ago" as days', () => {
    expect(summary('Yesterday and today, as 3 days ago.')).toEqual([
      'Yesterday → day 2026-01-26..2026-01-26',
      'today → day 2026-01-27..2026-01-27',
      '3 days ago → day 2026-01-24..2026-01-24',
    ]);
  });

  it('reads calendar periods: this week, next week, last month, this year', () => {
    expect(summary('this week, next week, last month, this year')).toEqual([
      'this week → range 2026-01-26..2026-02-01 ~',
      'next week → range 2026-02-02..2026-02-08 ~',
      'last month → month 2025-12-01..2025-12-31',
      'this year → year 2026-01-01..2026-12-31',
    ]);
  });

  it('reads "earlier this month" as the month up to the day before publication', () => {
    expect(summary('Earlier this month the base emptied.')).toEqual(['Earlier this month → range 2026-01-01..2026-01-26 ~']);
  });

  it('without a publication date, reports relative expressions as unresolved instead of guessing', () => {
    const result = extractDates('Last week, on Wednesday, since 2015, on 23 January, in December, yesterday.', undefined);
    expect(result.mentions).toEqual([]);
    expect(result.unresolved.map((u) => [u.text, u.reason])).toEqual([
      ['Last week', 'no-publication-date'],
      ['on Wednesday', 'no-publication-date'],
      ['since 2015', 'no-publication-date'],
      ['on 23 January', 'no-publication-date'],
      ['December', 'no-publication-date'],
      ['yesterday', 'no-publication-date'],
    ]);
  });

  it('still resolves absolute dates without a publication date', () => {
    expect(summary('On 28 January 2026, in December 2024, in 2015 and in late 2025.', undefined as never)).toEqual([
      'On 28 January 2026 → day 2026-01-28..2026-01-28',
      'December 2024 → month 2024-12-01..2024-12-31',
      '2015 → year 2015-01-01..2015-12-31',
      'late 2025 → range 2025-09-01..2025-12-31 ~',
    ]);
  });

  it('ignores a publication date that is not day precision for relative expressions', () => {
    const monthOnly = { precision: 'month', start: '2026-01-01', end: '2026-01-31', label: 'January 2026' } as const;
    expect(extractDates('last week', monthOnly).unresolved.map((u) => u.reason)).toEqual(['no-publication-date']);
  });
});

describe('unresolvable expressions', () => {
  it('lists event-relative and vague phrases, but not times of day', () => {
    const result = extractDates(
      'Two weeks later, the next day, in recent years and in the past decade; hours before; a decade-long war.',
      PUB,
    );
    expect(result.mentions).toEqual([]);
    expect(result.unresolved.map((u) => [u.text, u.reason])).toEqual([
      ['Two weeks later', 'relative-to-event'],
      ['the next day', 'relative-to-event'],
      ['in recent years', 'vague'],
      ['in the past decade', 'vague'],
      ['hours before', 'relative-to-event'],
    ]);
  });

  it('treats "the last week of January" as a vague phrase, not as last week', () => {
    const result = extractDates('during the last week of January', PUB);
    expect(result.unresolved.map((u) => u.text)).toEqual(['last week']);
    expect(result.mentions.map((m) => m.text)).toEqual(['January']);
  });
});

describe('false positives', () => {
  it.each([
    'He may accept a continued Russian presence.',
    'May they succeed.',
    'Protesters march on Damascus.',
    'Nine military positions and 2 cargo aircraft were seen.',
    'The deal cost $2015 and €2016 per unit.',
    'Some 2000 troops and 1800 civilians left, 2015 people stayed.',
    'UN Resolution 2254 and flight 2019 were cited; No. 2017 too.',
    'Two thirds (2/3) of the forces left at 5pm.',
    'Growth reached 2015% or 2015.5 points in 12,2015 cases.',
    'See pic.twitter.com/2015abc and code F-2016.',
    'They sat on the sun deck on wed.',
    'Troops had been evacuating bit by bit over several days.',
  ])('finds no date in %j', (sentence) => {
    expect(findDates(sentence, PUB)).toEqual([]);
  });

  it('keeps a year used as a modifier: "the 2015 intervention"', () => {
    expect(summary('the 2015 intervention')).toEqual(['2015 → year 2015-01-01..2015-12-31']);
  });

  it('keeps a capitalised month after a preposition: "in May" is May', () => {
    expect(summary('Elections were held in May.')).toEqual(['May → month 2025-05-01..2025-05-31']);
  });
});
