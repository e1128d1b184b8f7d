import { describe, expect, it } from 'vitest';
import { extractDates } from '../../../../scripts/pipeline/extract/dates/index.ts';
import { tenseAround } from '../../../../scripts/pipeline/extract/dates/tense.ts';

/** Tuesday 12 August 2025. */
const TUESDAY = { precision: 'day', start: '2025-08-12', end: '2025-08-12', label: '12 August 2025' } as const;
const FRIDAY_BEFORE = { precision: 'day', start: '2025-08-08', end: '2025-08-08', label: '8 August 2025' } as const;

const spans = (sentence: string, context = {}) =>
  extractDates(sentence, TUESDAY, context).mentions.map((mention) => [mention.text, mention.value.start, mention.value.end]);

describe('weekdays follow the tense', () => {
  it('a past-tense "on Friday" is the latest Friday on or before publication', () => {
    expect(spans('The two leaders met on Friday at the White House.')).toEqual([['on Friday', '2025-08-08', '2025-08-08']]);
    expect(spans('The agreement announced on Friday was initialled by both ministers.')).toEqual([['on Friday', '2025-08-08', '2025-08-08']]);
  });
  it('a future-tense "on Friday" is the next Friday', () => {
    expect(spans('The ministers will meet again on Friday in Geneva.')).toEqual([['on Friday', '2025-08-15', '2025-08-15']]);
    expect(spans('Parliament is expected to vote on Friday.')).toEqual([['on Friday', '2025-08-15', '2025-08-15']]);
  });
  it('the reporting clause does not decide the reported one', () => {
    expect(spans('The ministry said on Monday that the delegations will meet on Thursday.')).toEqual([
      ['on Monday', '2025-08-11', '2025-08-11'],
      ['on Thursday', '2025-08-14', '2025-08-14'],
    ]);
  });
  it('a tenseless "is in Moscow on Tuesday" is the nearest one', () => {
    expect(spans('The president is in Moscow on Tuesday.')).toEqual([['on Tuesday', '2025-08-12', '2025-08-12']]);
  });
  it('reads tense around a span', () => {
    const sentence = 'Baku threatened on Saturday to respond.';
    expect(tenseAround(sentence, 16, 27)).toBe('past');
    expect(tenseAround('Talks will resume on Monday.', 19, 28)).toBe('future');
  });
});

describe('dates anchored on the preceding dated statement', () => {
  it('"the same day" and "that day" take the nearest preceding exact day', () => {
    expect(spans('Trump spoke with Pashinyan the same day.', { previous: FRIDAY_BEFORE })).toEqual([['the same day', '2025-08-08', '2025-08-08']]);
    expect(spans('Aliyev also spoke to reporters that day.', { previous: FRIDAY_BEFORE })).toEqual([['that day', '2025-08-08', '2025-08-08']]);
  });
  it('"the next day" and "two days later" count from it; a date earlier in the sentence wins over the context', () => {
    expect(spans('The next day, Baku threatened to respond.', { previous: FRIDAY_BEFORE })).toEqual([['The next day', '2025-08-09', '2025-08-09']]);
    expect(spans('They met on 1 August 2025 and signed two days later.', { previous: FRIDAY_BEFORE })).toEqual([
      ['on 1 August 2025', '2025-08-01', '2025-08-01'],
      ['two days later', '2025-08-03', '2025-08-03'],
    ]);
  });
  it('without a preceding day, or counted from a named event, it is reported, never guessed', () => {
    const alone = extractDates('Trump spoke with Pashinyan the same day.', TUESDAY);
    expect(alone.mentions).toEqual([]);
    expect(alone.unresolved).toEqual([expect.objectContaining({ text: 'the same day', reason: 'relative-to-event' })]);
    const fromEvent = extractDates('Two days before the summit, troops withdrew.', TUESDAY, { previous: FRIDAY_BEFORE });
    expect(fromEvent.mentions).toEqual([]);
    expect(extractDates('Hours before the Kremlin meeting, troops left.', TUESDAY).unresolved).toEqual([
      expect.objectContaining({ text: 'Hours before', reason: 'relative-to-event' }),
    ]);
  });
  it('passes the last exact day on to the next sentence', () => {
    expect(extractDates('They met on 8 August 2025 in Washington.', TUESDAY).lastDay).toMatchObject({ start: '2025-08-08' });
    expect(extractDates('They met last week.', TUESDAY, { previous: FRIDAY_BEFORE }).lastDay).toMatchObject({ start: '2025-08-08' });
  });
});

describe('parts of months and the current month', () => {
  it('"at the end of June" is the last third of June, not 30 June', () => {
    expect(spans('Troops left the base at the end of June.')).toEqual([['the end of June', '2025-06-21', '2025-06-30']]);
    expect(spans('The body decides at the beginning of September 2025.')).toEqual([['the beginning of September 2025', '2025-09-01', '2025-09-10']]);
  });
  it('"in mid-August", "later in August", "earlier this month", "last week"', () => {
    expect(spans('Talks resume in mid-August.')).toEqual([['mid-August', '2025-08-11', '2025-08-20']]);
    expect(spans('A second round is planned for later in August.')).toEqual([['later in August', '2025-08-13', '2025-08-31']]);
    expect(spans('Armenia said earlier this month that it would sign.')).toEqual([['earlier this month', '2025-08-01', '2025-08-11']]);
    expect(spans('Baku warned last week that it could act.')).toEqual([['last week', '2025-08-04', '2025-08-10']]);
  });
});

describe('dates that contradict the publication date or themselves', () => {
  it('warns about a past-tense date after publication and keeps it', () => {
    const result = extractDates('The leaders signed the text on 20 August 2025.', TUESDAY);
    expect(result.mentions.map((mention) => mention.value.start)).toEqual(['2025-08-20']);
    expect(result.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('after the publication date') })]);
  });
  it('warns about a weekday that does not match its date', () => {
    const result = extractDates('The summit opened on Saturday, 8 August 2025.', TUESDAY);
    expect(result.warnings).toEqual([expect.objectContaining({ message: expect.stringContaining('is a Friday, not a Saturday') })]);
  });
  it('stays quiet about consistent dates', () => {
    expect(extractDates('The leaders met on Friday, 8 August 2025, and will meet again on 1 September.', TUESDAY).warnings).toEqual([]);
  });
});

describe('months and weekdays by tense and recurrence', () => {
  it('a future-tense bare month is the coming one', () => {
    expect(spans('The remaining structures are to be wound down by December, the chair will say.')).toEqual([['December', '2025-12-01', '2025-12-31']]);
    expect(spans('The mission was closed in December.')).toEqual([['December', '2024-12-01', '2024-12-31']]);
  });
  it('"every Friday" is a recurrence, not a date', () => {
    expect(spans('Get the newsletter in your inbox every Friday.')).toEqual([]);
  });
});

describe('names are not verbs', () => {
  it('does not read "Ahmed" as a past-tense verb', () => {
    const result = extractDates('President Ahmed Saleh’s trip to Moscow on Wednesday, 13 August 2025 marks a shift.', TUESDAY);
    expect(result.warnings).toEqual([]);
  });
});
