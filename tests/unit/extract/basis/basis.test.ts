import { describe, expect, it } from 'vitest';
import { BASIS_RULES, decideBasis, labelBasis, quotedShare } from '../../../../scripts/pipeline/extract/basis/index.ts';
import { labelledSeedSentences } from './seed-sentences.ts';

describe('labelBasis on labelled seed sentences', () => {
  it('has a fixture that covers all four labels from all five seeds', () => {
    expect(new Set(labelledSeedSentences.map((item) => item.basis))).toEqual(new Set(['quote', 'attributed', 'assertion', 'opinion']));
    expect(new Set(labelledSeedSentences.map((item) => item.seed)).size).toBe(5);
    expect(labelledSeedSentences.length).toBeGreaterThanOrEqual(25);
  });

  for (const item of labelledSeedSentences) {
    it(`${item.seed}: ${item.basis} — ${item.text.slice(0, 60)}…`, () => {
      expect(labelBasis(item.text)).toBe(item.basis);
    });
  }
});

describe('labelBasis rules', () => {
  it('labels embedded posts and extracted quotes as quotes whatever their wording', () => {
    expect(labelBasis('ISIS/Daesh hits the Kremlin.', { isQuote: true })).toBe('quote');
  });

  it('measures the quoted share of a sentence', () => {
    expect(quotedShare('“All of this is quoted.”')).toBe(1);
    expect(quotedShare('No quotes here.')).toBe(0);
    expect(quotedShare('')).toBe(0);
  });

  it('checks attribution before hedges', () => {
    expect(decideBasis('Analysts said the base may close.').basis).toBe('attributed');
  });

  it('does not read "May" inside other words or names as a hedge', () => {
    expect(labelBasis('The Mayor of Latakia opened the port.')).toBe('assertion');
  });

  it('falls back to assertion', () => {
    expect(decideBasis('Russian forces left the airport.')).toEqual({ basis: 'assertion', rule: 'default' });
  });

  it('documents every rule', () => {
    for (const rule of BASIS_RULES) expect(rule.why.length).toBeGreaterThan(10);
  });
});
