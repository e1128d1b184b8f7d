import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../../scripts/site-config.mjs';

describe('siteConfig', () => {
  it('defaults to a root base on localhost', () => {
    expect(siteConfig({})).toEqual({ site: 'http://localhost:4321', base: '/' });
  });

  it('normalises the base to leading and trailing slashes', () => {
    expect(siteConfig({ BASE: 'briefing' }).base).toBe('/briefing/');
    expect(siteConfig({ BASE: '/briefing' }).base).toBe('/briefing/');
    expect(siteConfig({ BASE: '/a/b/' }).base).toBe('/a/b/');
    expect(siteConfig({ BASE: '' }).base).toBe('/');
  });

  it('takes the site origin from SITE without a trailing slash', () => {
    expect(siteConfig({ SITE: 'https://org.github.io/' }).site).toBe('https://org.github.io');
  });
});
