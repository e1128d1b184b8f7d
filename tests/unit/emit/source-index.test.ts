import { describe, expect, it } from 'vitest';
import { emitSourceIndex } from '../../../scripts/pipeline/emit/source-index.ts';

describe('sources index', () => {
  it('lists an article with no date anywhere as undated', () => {
    const page = emitSourceIndex([
      { path: '/sources/harbour/', title: 'Harbour talks resume', outlet: 'Coastal Ledger', published: { precision: 'day', start: '2025-03-04', end: '2025-03-04', label: '4 March 2025' } },
      { path: '/sources/notice/', title: 'Undated notice', outlet: 'Unnamed outlet (notice.txt)' },
    ]);
    const serialised = JSON.stringify(page.tree);
    expect(serialised).toContain('Undated');
    expect(serialised).not.toContain('Unknown');
  });
});
