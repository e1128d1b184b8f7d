import { describe, expect, it } from 'vitest';
import { normaliseUrl, sameText, textKeys } from '../../../scripts/pipeline/ingest/same-article.ts';

describe('same address', () => {
  it('ignores scheme, www, fragment, trailing slash, tracking parameters and parameter order', () => {
    const a = normaliseUrl('https://www.Example.org/news/story/?utm_source=x&b=2&a=1#top');
    expect(a).toBe('example.org/news/story?a=1&b=2');
    expect(normaliseUrl('http://example.org/news/story?b=2&a=1')).toBe(a);
  });
  it('keeps what changes the page and refuses what is not a web address', () => {
    expect(normaliseUrl('https://example.org/story?id=1')).not.toBe(normaliseUrl('https://example.org/story?id=2'));
    expect(normaliseUrl('javascript:alert(1)')).toBeUndefined();
    expect(normaliseUrl('not a url')).toBeUndefined();
  });
});

describe('same text', () => {
  const blocks = (texts: string[]) => texts.map((text) => ({ kind: 'paragraph' as const, text }));
  const story = [
    'The harbour board approved the terminal plan on Thursday by seven votes to two.',
    '“We heard the neighbourhood,” the chair told reporters after the vote.',
    'Construction is due to start in the spring once the dredging plan is approved.',
    'Residents said they would study the conditions before deciding whether to appeal.',
    'Two members voted against, saying the board should wait for a traffic study.',
  ];
  it('matches the same paragraphs despite typography and an extra caption', () => {
    const copy = [...story.map((text) => text.replace(/[“”]/g, '"').toUpperCase()), 'Photo caption that the other copy does not have at all.'];
    expect(sameText(textKeys(blocks(copy)), textKeys(blocks(story)))).toBe(true);
  });
  it('does not match an article that shares one paragraph, or an empty one', () => {
    const other = [story[0]!, 'A different story about the city budget and its long delays in the council.', 'Another paragraph on schools, roads and the new ferry timetable for the islands.'];
    expect(sameText(textKeys(blocks(other)), textKeys(blocks(story)))).toBe(false);
    expect(sameText([], textKeys(blocks(story)))).toBe(false);
  });
  it('ignores headings and very short lines', () => {
    expect(textKeys([{ kind: 'heading', text: 'A long heading with many words in it' }, { kind: 'paragraph', text: 'Too short.' }])).toEqual([]);
  });
});
