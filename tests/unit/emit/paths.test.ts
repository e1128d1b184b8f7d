import { describe, expect, it } from 'vitest';
import { entityPath, paragraphPath, relativeHref } from '../../../scripts/pipeline/shared/paths.ts';

describe('relativeHref', () => {
  it('climbs out of the current page folder', () => {
    expect(relativeHref('/sources/a/', '/actors/b/')).toBe('../../actors/b/');
    expect(relativeHref('/sources/', '/sources/a/')).toBe('../sources/a/');
    expect(relativeHref('/', '/actors/b/#x')).toBe('./actors/b/#x');
  });

  it('builds entity and paragraph paths', () => {
    expect(entityPath('base', 'hmeimim-air-base')).toBe('/bases/hmeimim-air-base/');
    expect(paragraphPath('002-x', 'p-a-123456')).toBe('/sources/002-x/#p-a-123456');
  });
});
