import { describe, expect, it } from 'vitest';
import { outletLabel } from '../../../scripts/pipeline/shared/outlet.ts';

const article = (meta: Record<string, string>, file = 'content/articles/sub/0042_harbour-talks.txt') => ({ file, meta: { title: 'Harbour Talks Resume As Both Sides Trade Warnings Over Fishing Quotas', provenance: {}, ...meta } });

describe('outletLabel', () => {
  it('names the outlet, else the author, else the URL host', () => {
    expect(outletLabel(article({ outlet: 'Coastal Ledger', author: 'A. Writer' }))).toBe('Coastal Ledger');
    expect(outletLabel(article({ author: 'A. Writer' }))).toBe('A. Writer');
    expect(outletLabel(article({ url: 'https://www.ledger.example/2025/talks' }))).toBe('Unnamed outlet (ledger.example)');
  });

  it('never stands a cut headline in for the outlet: an unnamed outlet is said plainly, told apart by its file', () => {
    const label = outletLabel(article({}));
    expect(label).toBe('Unnamed outlet (0042_harbour-talks.txt)');
    expect(label).not.toContain('Harbour Talks');
    expect(outletLabel(article({}, 'content/articles/other.md'))).not.toBe(label);
  });
});
