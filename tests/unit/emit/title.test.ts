import { describe, expect, it } from 'vitest';
import { maxTitleLength, titleHead } from '../../../scripts/pipeline/emit/title.ts';

describe('document title of long pages', () => {
  it('keeps Starlight’s default title when it fits', () => {
    expect(titleHead('Putin hosts Sharaa in Moscow', 'Syria Briefing')).toBeUndefined();
  });

  it('shortens a long title at a word boundary so the whole <title> fits', () => {
    const title = 'Russia’s strategic pivot in Syria exposes the fragility of foreign entanglements as…';
    const head = titleHead(title, 'Syria Briefing');
    expect(head?.tag).toBe('title');
    expect(head!.content.length).toBeLessThanOrEqual(maxTitleLength);
    expect(head!.content).toBe('Russia’s strategic pivot in Syria exposes the… | Syria Briefing');
  });

  it('leaves the title as text: Head.astro escapes every title, shortened or not', () => {
    const head = titleHead('</title><script>alert(1)</script> &amp; a title long enough to need shortening here', 'Site');
    expect(head!.content.startsWith('</title><script>alert(1)</script> &amp;')).toBe(true);
    expect(head!.content.endsWith('… | Site')).toBe(true);
  });
});
