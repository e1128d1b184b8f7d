import { describe, expect, it } from 'vitest';
import { splitSentences } from '../../../scripts/pipeline/segment/sentences.ts';

const sentencesOf = (text: string): string[] => splitSentences(text).map(({ start, end }) => text.slice(start, end));

describe('splitSentences', () => {
  it('keeps titles, month abbreviations and initials inside the sentence', () => {
    expect(sentencesOf('Dr. Smith met Gen. Jones on Jan. 5 with J. R. Tolkien. Then they left.')).toEqual([
      'Dr. Smith met Gen. Jones on Jan. 5 with J. R. Tolkien.',
      'Then they left.',
    ]);
    expect(sentencesOf('Mr. Putin visited St. Petersburg. He returned.')).toEqual([
      'Mr. Putin visited St. Petersburg.',
      'He returned.',
    ]);
  });

  it('treats a dotted acronym as mid-sentence unless a sentence starter follows', () => {
    expect(sentencesOf('The U.S. Army left. The U.S. said no.')).toEqual(['The U.S. Army left.', 'The U.S. said no.']);
    expect(sentencesOf('Troops stayed in the U.S. They did not move.')).toEqual([
      'Troops stayed in the U.S.',
      'They did not move.',
    ]);
  });

  it('does not split decimals, em-dashes or hyphenated dates', () => {
    expect(sentencesOf('It cost 3.5 million dollars—a record. Next.')).toEqual(['It cost 3.5 million dollars—a record.', 'Next.']);
    expect(sentencesOf('On January 28, 2026-his second visit-he spoke. Done.')).toEqual([
      'On January 28, 2026-his second visit-he spoke.',
      'Done.',
    ]);
  });

  it('ends a sentence after a closing quote and keeps the quote with it', () => {
    expect(sentencesOf('"We stay," he said. "We leave."')).toEqual(['"We stay," he said.', '"We leave."']);
  });

  it('keeps a leading ellipsis with the sentence it introduces', () => {
    expect(sentencesOf('...The final stage began. It ended.')).toEqual(['...The final stage began.', 'It ended.']);
  });

  it('joins a question with the lowercase attribution after it', () => {
    expect(sentencesOf('"Why?" he asked. Nobody knew.')).toEqual(['"Why?" he asked.', 'Nobody knew.']);
  });

  it('attaches a source citation written after the full stop to the sentence before it', () => {
    expect(sentencesOf('Russia is a global player. (csis.org) Now that it fell, prestige is lost. (Reuters) Yes.')).toEqual([
      'Russia is a global player. (csis.org)',
      'Now that it fell, prestige is lost. (Reuters)',
      'Yes.',
    ]);
  });

  it('handles text without words, without punctuation, or empty, without throwing', () => {
    expect(sentencesOf('')).toEqual([]);
    expect(sentencesOf('   \n ')).toEqual([]);
    expect(sentencesOf('🇷🇺 🇸🇾')).toEqual(['🇷🇺 🇸🇾']);
    expect(sentencesOf('no punctuation at all')).toEqual(['no punctuation at all']);
    // Lowercase after a full stop continues the sentence (UAX #29 rule SB8), so a trailing link stays attached.
    expect(sentencesOf('🇷🇺 🇸🇾 Putin hosts Sharaa. pic.twitter.com/x')).toEqual(['🇷🇺 🇸🇾 Putin hosts Sharaa. pic.twitter.com/x']);
    expect(sentencesOf('… Putin spoke. — Lenka White')).toEqual(['… Putin spoke. — Lenka White']);
  });

  it('splits Arabic on Arabic punctuation', () => {
    expect(sentencesOf('وصل الرئيس إلى موسكو. هل سيلتقي بوتين؟ نعم.')).toEqual([
      'وصل الرئيس إلى موسكو.',
      'هل سيلتقي بوتين؟',
      'نعم.',
    ]);
  });

  it('returns trimmed spans whose slices are the sentences', () => {
    const text = '  First one.   Second <script>alert(1)</script> {braces}.  ';
    const spans = splitSentences(text);
    expect(spans).toEqual([
      { start: 2, end: 12 },
      { start: 15, end: 57 },
    ]);
  });
});
