import { describe, expect, it } from 'vitest';
import { LINE_RULES, bylineAuthor, matchLineRule } from '../../../scripts/pipeline/ingest/rules.ts';
import { cleanBody } from '../../../scripts/pipeline/ingest/clean.ts';
import { SEED_FILES, seedText } from './seeds.ts';

/** For each rule: lines it must take out, and nearby article lines it must leave alone. */
const CASES: Record<string, { matches: string[]; keeps: string[] }> = {
  'photo-credit': {
    matches: ['Photo: TASS', 'Image: Getty Images', 'Credit: Reuters', 'Photo by Jane Doe/AFP', '(Photo: AP)'],
    keeps: ['Photos of the meeting were released by the Kremlin on Wednesday.', 'Credit ratings agencies downgraded Syria.'],
  },
  'share-prompt': {
    matches: ['Share on social media', 'Leave a comment', 'Leave a comment.', 'Share this:', '12 Comments', 'Share'],
    keeps: ['Share prices fell in Moscow after the announcement.', 'He declined to comment.'],
  },
  'subscription-plea': {
    matches: [
      'Popular Information is powered by readers who believe that truth still matters. Becoming a PAID SUBSCRIBER helps.',
      'Or you can support with a cup of coffee at buymeacoffee.com/ggtv |',
      'https://ko-fi.com/globalgeopolitics',
      'Support us on patreon.com/example',
      'Subscribe now',
    ],
    keeps: ['Gulf states pledged to donate $1bn to reconstruction.', 'Readers of the report subscribe to its conclusions.'],
  },
  'republication-disclaimer': {
    matches: [
      'We remind our readers that publication of articles on our site does not mean that we agree with what is written.',
      'The views expressed in this article are those of the author.',
      'Disclaimer: this piece is republished.',
    ],
    keeps: ['Moscow does not agree with the Western reading of the talks.'],
  },
  'watch-report': {
    matches: ['Watch the report: Putin congratulates al-Sharaa on his efforts', 'Watch: the arrival in Moscow', 'See the video: talks'],
    keeps: ['Watch for signs of a new basing agreement, analysts say.'],
  },
  byline: {
    matches: ['Authored By: Global Geopolitics', 'Written by Jane Doe'],
    keeps: ['Written agreements were signed by both sides.'],
  },
  'by-name': {
    matches: ['By Jane Doe', 'By Aghiad Hegazi and Ahmed Ali'],
    keeps: ['By maintaining ties with Moscow, Damascus signals flexibility.', 'By then it was too late'],
  },
  separator: {
    matches: ['.', '—', '***', '* * *', '|'],
    keeps: ['🇷🇺🇸🇾', '2026'],
  },
};

describe('LINE_RULES', () => {
  it('has a test case for every rule, and every rule explains itself', () => {
    expect(Object.keys(CASES).sort()).toEqual(LINE_RULES.map((r) => r.name).sort());
    for (const rule of LINE_RULES) expect(rule.why.length).toBeGreaterThan(20);
  });

  for (const rule of LINE_RULES) {
    const cases = CASES[rule.name]!;
    it(`${rule.name}: matches its debris lines`, () => {
      for (const line of cases.matches) expect(matchLineRule(line)?.name, line).toBe(rule.name);
    });
    it(`${rule.name}: leaves article sentences alone`, () => {
      for (const line of cases.keeps) expect(matchLineRule(line), line).toBeUndefined();
    });
  }

  it('never fires on a line longer than its limit', () => {
    const long = `Photo: ${'x'.repeat(500)}`;
    expect(matchLineRule(long)).toBeUndefined();
  });

  it('extracts the author from a byline', () => {
    expect(bylineAuthor('Authored By: Global Geopolitics')).toBe('Global Geopolitics');
    expect(bylineAuthor('By Jane Doe.')).toBe('Jane Doe');
  });

  it('removes exactly the expected debris kinds from the seeds', () => {
    const kinds = (name: string) => cleanBody(seedText(name), name).removed.map((r) => `${r.line}:${r.kind}`);
    const [s000, s001, s002, s003, s004] = SEED_FILES;
    expect(kinds(s000)).toEqual(['10:tweet', '11:tweet', '19:watch-report', '20:references', '21:references', '22:references', '23:references', '24:references']);
    expect(kinds(s001)).toEqual(['1:title', '12:tweet', '14:tweet', '21:tweet', '24:tweet']);
    expect(kinds(s002)).toEqual(['1:title', '3:dateline', '23:teaser-intro', '24:read-also', '37:separator', '38:disclaimer']);
    expect(kinds(s003)).toEqual(['1:photo-credit', '5:photo-credit', '15:photo-credit', '24:share-prompt']);
    expect(kinds(s004)).toEqual(['1:title', '16:byline', '17:subscription-plea', '18:subscription-plea', '19:subscription-plea', '22:share-prompt']);
  });
});
