import { describe, expect, it } from 'vitest';
import type { DateMention } from '../../../../scripts/pipeline/model.ts';
import { extractDates, type DateExtraction } from '../../../../scripts/pipeline/extract/dates/index.ts';
import { SEED_FILES, published, seed } from './helpers.ts';
import { growthRatio, linearBound } from '../../helpers/growth.ts';

const PUB = published('2026-01-28');

function lastDayOfMonth(iso: string): number {
  const [year, month] = iso.split('-').map(Number);
  return new Date(Date.UTC(year ?? 0, month ?? 0, 0)).getUTCDate();
}

/** The invariants every result must satisfy, whatever the input. */
function expectWellFormed(sentence: string, result: DateExtraction): void {
  const spans = [...result.mentions, ...result.unresolved].sort((a, b) => a.start - b.start);
  for (const [index, span] of spans.entries()) {
    expect(sentence.slice(span.start, span.end)).toBe(span.text);
    expect(span.text.length).toBeGreaterThan(0);
    const next = spans[index + 1];
    if (next) expect(span.end).toBeLessThanOrEqual(next.start);
  }
  for (const { value } of result.mentions as DateMention[]) {
    expect(value.start).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(value.end).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(value.start <= value.end).toBe(true);
    expect(value.label.length).toBeGreaterThan(0);
    if (value.precision === 'day') expect(value.end).toBe(value.start);
    if (value.precision === 'month') {
      expect(value.start.slice(8)).toBe('01');
      expect(Number(value.end.slice(8))).toBe(lastDayOfMonth(value.end));
      expect(value.start.slice(0, 7)).toBe(value.end.slice(0, 7));
    }
    if (value.precision === 'year') {
      expect(value.start.slice(4)).toBe('-01-01');
      expect(value.end.slice(4)).toBe('-12-31');
    }
  }
}

describe('invariants on every line of every seed', () => {
  for (const file of SEED_FILES) {
    it(file, () => {
      let mentions = 0;
      for (const line of seed(file).split('\n')) {
        for (const pub of [PUB, undefined]) {
          const result = extractDates(line, pub);
          expectWellFormed(line, result);
          mentions += result.mentions.length;
        }
      }
      // Every seed names at least one date; a silent extractor would pass the invariants vacuously.
      expect(mentions).toBeGreaterThan(0);
    });
  }
});

describe('invariants on generated sentences', () => {
  const fragments = [
    'on 23 January', 'in December 2024', 'since 2015', 'late 2025', 'last week', 'on Wednesday', 'May', 'may',
    'March', 'in March', '$2015', '2000 troops', 'the 2015 intervention', '31 February 2026', '29 February', '2/3',
    'earlier in January 2026', 'mid-', '2015–2011', 'yesterday', 'days before', 'الأربعاء 28 يناير', '🇷🇺', '{', '}',
    '<script>alert(1)</script>', 'JAN 27, 2026', ',', '-', ' ', 'Wednesday, January 28, 2026-his', 'in 1999s',
  ];
  // A fixed linear congruential generator: varied inputs, identical on every run.
  let state = 12345;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648);

  it('holds for 500 random concatenations, with and without a publication date', () => {
    for (let round = 0; round < 500; round++) {
      const parts: string[] = [];
      const count = 1 + (next() % 8);
      for (let i = 0; i < count; i++) parts.push(fragments[next() % fragments.length] ?? '');
      const sentence = parts.join(next() % 2 ? ' ' : '');
      expectWellFormed(sentence, extractDates(sentence, PUB));
      expectWellFormed(sentence, extractDates(sentence, undefined));
    }
  });
});

describe('untrusted input', () => {
  it.each([
    ['empty', ''],
    ['whitespace', '   \n\t '],
    ['Arabic', 'زار الرئيس أحمد الشرع موسكو يوم الأربعاء ٢٨ يناير ٢٠٢٦'],
    ['emoji', '🇷🇺 🇸🇾 Putin hosts al-Sharaa 🤝'],
    ['markup', '<script>alert("2015")</script>{{ date }}'],
    ['lone surrogates', '\ud800 2015 \udc00'],
  ])('does not throw on %s', (_name, sentence) => {
    expect(() => expectWellFormed(sentence, extractDates(sentence, PUB))).not.toThrow();
  });

  it('finds a date inside Arabic text and keeps offsets exact', () => {
    const sentence = 'قال المصدر on 23 January إن الانسحاب بدأ';
    const [mention] = extractDates(sentence, PUB).mentions;
    expect(mention?.value.start).toBe('2026-01-23');
    expect(sentence.slice(mention?.start, mention?.end)).toBe('on 23 January');
  });

  it('handles a 2 MB paragraph without line breaks, its time growing linearly with the paragraph', { timeout: 180_000 }, () => {
    const unit = 'Forces left on 23 January and in December 2024 with 2 cargo aircraft, weaker than in 2015. ';
    const huge = unit.repeat(Math.ceil(2_000_000 / unit.length));
    const result = extractDates(huge, PUB);
    const copies = Math.ceil(2_000_000 / unit.length);
    expect(result.mentions.length).toBe(copies * 3);
    expect(result.mentions[result.mentions.length - 1]?.text).toBe('2015');
    expect(growthRatio((count) => extractDates(unit.repeat(count), PUB), 300, 8, 4)).toBeLessThan(linearBound(8));
  });

  it('is deterministic: the same input gives identical output', () => {
    const text = seed('002_e060aad4f616cf48.txt');
    expect(JSON.stringify(extractDates(text, PUB))).toBe(JSON.stringify(extractDates(text, PUB)));
  });
});
