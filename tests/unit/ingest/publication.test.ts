import { describe, expect, it } from 'vitest';
import { cleanBody } from '../../../scripts/pipeline/ingest/clean.ts';
import { readDatedByline, readLeadDateline, readNumericDate, yearFromText } from '../../../scripts/pipeline/ingest/dateline.ts';
import { inferMeta } from '../../../scripts/pipeline/ingest/infer.ts';

/** Clean then infer, as ingest does. */
function meta(text: string, file = 'content/articles/x.txt') {
  const cleaned = cleanBody(text, file);
  return { cleaned, ...inferMeta({ file, cleaned }) };
}

describe('numeric dates by convention', () => {
  it('reads dotted dates day-first, with a trailing time', () => {
    expect(readNumericDate('11.08.2025, 09:40')).toEqual({ value: expect.objectContaining({ start: '2025-08-11' }) });
    expect(readNumericDate('03.09.2025')).toEqual({ value: expect.objectContaining({ start: '2025-09-03' }) });
  });
  it('reads a slashed date when only one reading exists', () => {
    expect(readNumericDate('25/08/2025')).toEqual({ value: expect.objectContaining({ start: '2025-08-25' }) });
    expect(readNumericDate('08/25/2025')).toEqual({ value: expect.objectContaining({ start: '2025-08-25' }) });
    expect(readNumericDate('07/07/2025')).toEqual({ value: expect.objectContaining({ start: '2025-07-07' }) });
  });
  it('reports a slashed date with two readings as ambiguous', () => {
    const read = readNumericDate('08/11/2025');
    expect(read && 'ambiguous' in read && read.ambiguous.map((value) => value.start)).toEqual(['2025-11-08', '2025-08-11']);
  });
  it('rejects impossible days and other numbers', () => {
    expect(readNumericDate('32.01.2025')).toBeUndefined();
    expect(readNumericDate('1.5 million')).toBeUndefined();
  });
});

describe('wire datelines and dated bylines', () => {
  it('reads "CITY, Mon D (Agency) -" with its wire tag', () => {
    expect(readLeadDateline('WASHINGTON, Aug 8 (Reuters) - The leaders of Armenia and Azerbaijan met.')).toMatchObject({
      place: 'WASHINGTON',
      date: { month: 8, day: 8 },
      agency: 'Reuters',
    });
  });
  it('reads "CITY, D Month YYYY –" without a wire tag', () => {
    expect(readLeadDateline('YEREVAN, 9 August 2025 – Parliament met on Saturday.')).toMatchObject({ place: 'YEREVAN', date: { year: 2025, month: 8, day: 9 } });
    expect(readLeadDateline('Putin met Sharaa, 28 January 2026 - a day of talks.')).toBeUndefined();
  });
  it('reads a dated byline', () => {
    expect(readDatedByline('By Anna Petrosyan | 3 September 2025')).toEqual({ author: 'Anna Petrosyan', dateText: '3 September 2025' });
    expect(readDatedByline('By maintaining ties with Moscow, Damascus signals intent.')).toBeUndefined();
  });
  it('takes the year from a full date in the same month, else the latest year named', () => {
    expect(yearFromText(8, ['The summit on 8 August 2025 followed the 2020 war.'])).toBe(2025);
    expect(yearFromText(8, ['It follows the 2020 war and the 2023 offensive.'])).toBe(2023);
    expect(yearFromText(8, ['No year here.'])).toBeUndefined();
  });
});

describe('publication metadata read from the text', () => {
  it('dates a wire story from its dateline, year from the text, outlet from the wire tag', () => {
    const { meta: read, diagnostics } = meta(
      'Leaders sign accord at the White House\n\nWASHINGTON, Aug 8 (Reuters) - The leaders signed a declaration on Friday, 8 August 2025, the White House said.\n',
    );
    expect(read).toMatchObject({ title: 'Leaders sign accord at the White House', outlet: 'Reuters', published: { start: '2025-08-08' } });
    expect(read.provenance).toMatchObject({ outlet: 'wire-tag', published: 'wire-dateline', title: 'headline' });
    expect(diagnostics).toEqual([]);
  });

  it('reads a dated byline as author and date', () => {
    const { meta: read, cleaned } = meta('Council freezes the mission\nBy Anna Petrosyan | 3 September 2025\nThe council decided on Monday to freeze the mission.\n');
    expect(read).toMatchObject({ author: 'Anna Petrosyan', published: { start: '2025-09-03' } });
    expect(cleaned.blocks.map((block) => block.text)).toEqual(['The council decided on Monday to freeze the mission.']);
  });

  it('reads a weekday date line with a time', () => {
    expect(meta('Talks resume in Baku\nTuesday, 12 August 2025 - 14:25\nThe talks resumed.\n').meta.published).toMatchObject({ start: '2025-08-12' });
  });

  it('reads a dotted date line day-first', () => {
    expect(meta('Ministers meet in Tbilisi\n11.08.2025, 09:40\nThe ministers met.\n').meta.published).toMatchObject({ start: '2025-08-11', label: '11 August 2025' });
  });

  it('warns about an ambiguous numeric date instead of guessing', () => {
    const { meta: read, diagnostics } = meta('Ministers meet in Tbilisi\n08/11/2025\nThe ministers met.\n');
    expect(read.published).toBeUndefined();
    expect(diagnostics).toEqual(
      expect.arrayContaining([expect.objectContaining({ code: 'article/ambiguous-date', line: 2, message: expect.stringContaining('8 November 2025 or 11 August 2025') })]),
    );
  });

  it('tells the masthead from the headline', () => {
    const { meta: read } = meta('The Caucasus Herald\nArmenia and Azerbaijan initial peace text in Washington\n9 August 2025\nThe text was initialled.\n');
    expect(read).toMatchObject({ outlet: 'The Caucasus Herald', title: 'Armenia and Azerbaijan initial peace text in Washington' });
    expect(read.provenance).toMatchObject({ outlet: 'masthead', title: 'headline' });
  });

  it('skips section labels and breadcrumbs, and writes a capitalised masthead as a name', () => {
    const { meta: read } = meta('NORTHERN POLICY FORUM\nAnalysis\n\nThe Corridor Gamble: What the Deal Changes\n\nJane Roe, Senior Fellow\nAugust 20, 2025\n\nThe summit produced a declaration.\n');
    expect(read).toMatchObject({ outlet: 'Northern Policy Forum', title: 'The Corridor Gamble: What the Deal Changes', published: { start: '2025-08-20' } });
    const crumbs = meta('Baltic Herald\nWorld | Eastern Europe\n\nLeaders meet in Riga to discuss the border\n\n11.08.2025, 09:40\n\nThe leaders met.\n');
    expect(crumbs.meta).toMatchObject({ outlet: 'Baltic Herald', title: 'Leaders meet in Riga to discuss the border', published: { start: '2025-08-11' } });
    expect(crumbs.cleaned.removed.map((removal) => removal.kind)).toEqual(['masthead', 'section-label', 'title', 'dateline']);
  });

  it('keeps a short Title Case headline as the headline', () => {
    const { meta: read } = meta('Putin Meets Sharaa\nRussian Forces Leave The Northeast Airport Before The Talks\nThe talks began.\n');
    expect(read.title).toBe('Putin Meets Sharaa');
    expect(read.outlet).toBeUndefined();
  });

  it('splits "Headline | Outlet"', () => {
    expect(meta('Armenia freezes its bloc membership | Yerevan Daily\nText here.\n').meta).toMatchObject({ title: 'Armenia freezes its bloc membership', outlet: 'Yerevan Daily' });
    expect(meta('Armenia and Azerbaijan sign deal – but questions remain\nText here.\n').meta.title).toBe('Armenia and Azerbaijan sign deal – but questions remain');
  });

  it('never cuts a first sentence into a title, and lists an article without any date as undated', () => {
    const long = 'Russia’s strategic pivot in Syria exposes the fragility of foreign entanglements as Vladimir Putin courts the new leadership. More.';
    const { meta: read, diagnostics } = meta(`${long}\n`);
    expect(read.title).toBe('Untitled article (outlet not named, undated)');
    expect(read.provenance.title).toBe('untitled');
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'article/no-date', message: expect.stringContaining('undated') })]);
  });
});
