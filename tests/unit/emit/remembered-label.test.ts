import { describe, expect, it } from 'vitest';
import { rememberedLabel } from '../../../src/lib/remembered-label.ts';

describe('rememberedLabel', () => {
  it('translates each language and text once, and gives back what the translation gave', () => {
    let calls = 0;
    const translate = (lang: string, text: string) => () => {
      calls++;
      return `${lang}: Section titled “${text}”`;
    };
    expect(rememberedLabel('en', 'Timeline', translate('en', 'Timeline'))).toBe('en: Section titled “Timeline”');
    expect(rememberedLabel('en', 'Timeline', translate('en', 'Timeline'))).toBe('en: Section titled “Timeline”');
    expect(calls).toBe(1);
    expect(rememberedLabel('fr', 'Timeline', translate('fr', 'Timeline'))).toBe('fr: Section titled “Timeline”');
    expect(rememberedLabel('en', 'Notes', translate('en', 'Notes'))).toBe('en: Section titled “Notes”');
    expect(calls).toBe(3);
  });

  it('keeps texts apart that a plain separator would join', () => {
    expect(rememberedLabel('en', 'a\u0000b', () => 'first')).toBe('first');
    expect(rememberedLabel('en\u0000a', 'b', () => 'second')).not.toBe('first');
  });
});
