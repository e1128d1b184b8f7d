import { describe, expect, it } from 'vitest';
import { cleanBody, type CleanedBody } from '../../../scripts/pipeline/ingest/clean.ts';
import { SEED_FILES, seedText } from './seeds.ts';
import { growthRatio, linearBound } from '../helpers/growth.ts';

const clean = (name: string) => cleanBody(seedText(name), name);
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** Every non-blank line is in a block (possibly without its list marker) or recorded as removed, verbatim. */
function uncovered(text: string, result: CleanedBody): string[] {
  const blockText = result.blocks.map((b) => squash(b.text));
  return text.split('\n').flatMap((line, index) => {
    const trimmed = squash(line);
    if (trimmed === '') return [];
    if (result.removed.some((r) => r.line === index + 1 && r.text === line)) return [];
    const content = trimmed.replace(/^[-*•]\s+/, '');
    return blockText.some((b) => b.includes(content)) ? [] : [`${index + 1}: ${trimmed}`];
  });
}

describe('cleanBody on the seeds', () => {
  it('accounts for every non-blank line of every seed', () => {
    for (const name of SEED_FILES) {
      const text = seedText(name);
      expect(uncovered(text, cleanBody(text, name)), name).toEqual([]);
    }
  });

  it('001: Pepe Escobar tweet with body before and after the attribution', () => {
    const result = clean('001_61cb9f6024de31c1.txt');
    const tweet = result.tweets.find((t) => t.handle === 'RealPepeEscobar');
    expect(tweet).toMatchObject({
      author: 'Pepe Escobar',
      date: { precision: 'day', start: '2026-01-28', end: '2026-01-28' },
      links: ['pic.twitter.com/LGODGRvxqw'],
      line: 11,
      endLine: 14,
    });
    expect(tweet!.text).toContain('ISIS/Daesh hits the Kremlin.');
    expect(tweet!.text).toContain('Realpolitik may take precedence');
    expect(tweet!.text).not.toContain('pic.twitter.com');
    // The paragraphs on either side stay article text.
    expect(result.blocks.find((b) => b.line === 10)?.kind).toBe('paragraph');
    expect(result.blocks.find((b) => b.line === 15)?.text).toMatch(/^Kremlin spokesman Peskov/);
    const block = result.blocks.find((b) => b.kind === 'tweet' && b.line === 11);
    expect(result.tweets[block!.tweet!]).toBe(tweet);
  });

  it('001: Levent Kemal tweet body follows the attribution; the lead-in stays a paragraph', () => {
    const result = clean('001_61cb9f6024de31c1.txt');
    const tweet = result.tweets.find((t) => t.handle === 'leventkemaI');
    expect(tweet).toMatchObject({ author: 'Levent Kemal', line: 21, endLine: 24, links: ['pic.twitter.com/96lFJuMNPN'] });
    expect(tweet!.text).toMatch(/^“Russia has supported Syria’s territorial integrity/);
    expect(tweet!.text).toContain('Russian President Putin:');
    expect(result.blocks.find((b) => b.line === 20)).toMatchObject({ kind: 'paragraph', text: 'Syrian President Ahmad al-Sharaa:' });
    expect(result.blocks.find((b) => b.line === 16)).toMatchObject({ kind: 'paragraph', text: 'According to Al Jazeera:' });
  });

  it('000: Lenka White tweet body precedes the attribution', () => {
    const result = clean('000_414b01a22b4b9160.txt');
    expect(result.tweets).toHaveLength(1);
    const [tweet] = result.tweets;
    expect(tweet).toMatchObject({ author: 'Lenka White', handle: 'white_lenka', line: 9, endLine: 11, date: { start: '2026-01-28' } });
    expect(tweet!.text).toMatch(/Russian President Vladimir Putin hosts Syrian President Ahmad al-Sharaa at the Kremlin\. Putin said/);
    expect(tweet!.text).toMatch(/maintain this trend\.$/);
    expect(result.blocks.find((b) => b.line === 8)?.text).toMatch(/^Vladimir Putin hosted/);
    expect(result.blocks.find((b) => b.line === 12)).toMatchObject({ kind: 'heading', text: 'Strategic Base Preservation Amid Withdrawals' });
  });

  it('000: trailing Sources list becomes references; no headline; Story Highlights structure kept', () => {
    const result = clean('000_414b01a22b4b9160.txt');
    expect(result.title).toBeUndefined();
    expect(result.references).toHaveLength(4);
    expect(result.references[0]).toEqual({
      text: 'Putin Meets With Syrian President at Kremlin Amid Uncertainty Over Russian Bases',
      outlet: 'The Moscow Times',
      line: 21,
    });
    expect(result.references[1]!.outlet).toBe('The Jerusalem Post');
    expect(result.references[3]).toEqual({ text: 'Syrian president arrives in Moscow for talks with Putin', line: 24 });
    expect(result.blocks[1]).toEqual({ kind: 'heading', text: 'Story Highlights', line: 2 });
    expect(result.blocks.slice(2, 6).map((b) => b.kind)).toEqual(['list-item', 'list-item', 'list-item', 'list-item']);
    expect(result.blocks[2]!.text).toMatch(/^Putin met Syria’s interim President/);
    expect(result.blocks.find((b) => b.line === 7)?.kind).toBe('heading');
    expect(result.removed.find((r) => r.kind === 'watch-report')?.line).toBe(19);
  });

  it('002: headline, dateline, Read also teaser and disclaimer', () => {
    const result = clean('002_e060aad4f616cf48.txt');
    expect(result.title).toEqual({ text: 'Putin to host Syria’s self-proclaimed president as Russia quietly withdraws troops', line: 1 });
    expect(result.dateline).toEqual({ text: 'JAN 27, 2026', line: 3 });
    expect(result.removed).toContainEqual({ kind: 'teaser-intro', line: 23, text: 'Read also:' });
    expect(result.removed).toContainEqual({ kind: 'read-also', line: 24, text: 'The tripartite Jerusalem meeting on Iran and Syria' });
    expect(result.removed.find((r) => r.kind === 'disclaimer')?.text).toMatch(/^We remind our readers/);
    expect(result.blocks.some((b) => b.text.includes('Jerusalem meeting'))).toBe(false);
    // The standfirst is long: a paragraph, not a heading.
    expect(result.blocks[0]).toMatchObject({ kind: 'paragraph', line: 5 });
    // No-break-space-only lines are blank, not blocks.
    expect(result.blocks.every((b) => b.text.trim() !== '')).toBe(true);
  });

  it('003: photo credits and share prompt out, no headline, section headings kept', () => {
    const result = clean('003_dbdebd384bef066e.txt');
    expect(result.title).toBeUndefined();
    expect(result.removed.map((r) => r.text)).toEqual(['Photo: TASS', 'Photo: AFP', 'Photo: Getty Images', 'Share on social media']);
    expect(result.blocks.filter((b) => b.kind === 'heading').map((b) => b.text)).toEqual([
      'Why Moscow Still Matters to Damascus',
      'What Russia is Likely to Seek',
      'What Sharaa is likely to pursue',
      'What to watch after the talks',
    ]);
  });

  it('004: byline captured, pleas and comment prompt removed', () => {
    const result = clean('004_bee40c1e7e62989b.txt');
    expect(result.byline).toBe('Global Geopolitics');
    expect(result.title?.text).toBe('Al‑Sharaa’s Moscow Visit Shows Russia Adapting to Assad’s Fall');
    expect(result.removed.filter((r) => r.kind === 'subscription-plea').map((r) => r.line)).toEqual([17, 18, 19]);
    expect(result.removed.at(-1)).toEqual({ kind: 'share-prompt', line: 22, text: 'Leave a comment' });
    expect(result.blocks.at(-1)?.text).toMatch(/^In sum, Russia’s invitation/);
  });
});

describe('cleanBody on synthetic input', () => {
  it('returns nothing for empty and whitespace-only text', () => {
    expect(cleanBody('', 'a.txt')).toEqual({ blocks: [], removed: [], tweets: [], references: [] });
    expect(cleanBody('\n \u00a0\n\t', 'a.txt').blocks).toEqual([]);
  });

  it('keeps a 2 MB single line as one paragraph, its time growing linearly with the line', { timeout: 120_000 }, () => {
    const text = 'Word, '.repeat(350_000);
    const result = cleanBody(text, 'a.txt');
    expect(growthRatio((copies) => cleanBody('Word, '.repeat(copies), 'a.txt'), 40_000, 8)).toBeLessThan(linearBound(8));
    expect(result.blocks).toHaveLength(1);
    expect(result.blocks[0]!.kind).toBe('paragraph');
  });

  it('keeps RTL text, emoji, braces and markup as text', () => {
    const text = 'دمشق وموسكو تتفاوضان على القواعد.\n{ "x": 1 } <script>alert(1)</script> 🎉.';
    const result = cleanBody(text, 'a.txt');
    expect(result.blocks.map((b) => b.text)).toEqual(['دمشق وموسكو تتفاوضان على القواعد.', '{ "x": 1 } <script>alert(1)</script> 🎉.']);
  });

  it('does not take a tweet text forward without a closing media link', () => {
    const text = 'A long article paragraph that ends here.\n— Someone (@some_one) January 28, 2026\nNext Section Heading\nThe article continues with more text.';
    const result = cleanBody(text, 'a.txt');
    expect(result.tweets[0]).toMatchObject({ handle: 'some_one', text: 'A long article paragraph that ends here.', line: 1, endLine: 2 });
    expect(result.blocks.map((b) => b.kind)).toEqual(['tweet', 'heading', 'paragraph']);
  });

  it('stops the backward walk at headings and over-budget paragraphs', () => {
    const paragraph = `${'This is a long article sentence. '.repeat(12)}`.trim();
    const text = `Section Heading\n${paragraph}\nShort tweet text pic.twitter.com/abc123\n— Name (@handle) March 3, 2025\nMore.`;
    const result = cleanBody(text, 'a.txt');
    expect(result.tweets[0]).toMatchObject({ text: 'Short tweet text', line: 3, endLine: 4, links: ['pic.twitter.com/abc123'] });
    expect(result.blocks.find((b) => b.line === 2)?.kind).toBe('paragraph');
  });

  it('reads "Read also:" inline and keeps a real paragraph after a bare intro', () => {
    const text = 'First paragraph here.\nRead also: Another story\nRelated:\nThis is a normal paragraph of the article that ends with a period.';
    const result = cleanBody(text, 'a.txt');
    expect(result.removed.map((r) => r.kind)).toEqual(['read-also', 'teaser-intro']);
    expect(result.blocks.map((b) => b.line)).toEqual([1, 4]);
  });

  it('demotes a trailing short line from heading to paragraph, and reads markdown headings', () => {
    const result = cleanBody('## Background\nText of the story.\nThe End', 'a.md');
    expect(result.blocks.map((b) => [b.kind, b.text])).toEqual([
      ['heading', 'Background'],
      ['paragraph', 'Text of the story.'],
      ['paragraph', 'The End'],
    ]);
  });

  it('finds a "Published:" dateline without a headline', () => {
    const result = cleanBody('Published: 3 March 2025\nBody text of the article goes here.', 'a.txt');
    expect(result.dateline).toEqual({ text: 'Published: 3 March 2025', line: 1 });
  });
});
