import { describe, expect, it } from 'vitest';
import { findBrokenLinks, pageUrls } from '../../scripts/quality/links.ts';
import { siteConfig } from '../../scripts/site-config.mjs';
import { hostileOutDir, hostileUrl, rootUrl, subpathBase, subpathOutDir, subpathUrl } from './setup/constants.ts';

// The e2e builds use the default SITE; its origin is rewritten to the served one.
const { site } = siteConfig({});
const builds = [
  { name: 'dist/ at /', origin: rootUrl, base: '/', outDir: 'dist' },
  { name: `${subpathOutDir} at ${subpathBase}`, origin: new URL(subpathUrl).origin, base: subpathBase, outDir: subpathOutDir },
  // Right-to-left, emoji and duplicate titles make the slugs most likely to break.
  { name: `${hostileOutDir} (hostile corpus)`, origin: hostileUrl, base: '/', outDir: hostileOutDir },
];

describe('link integrity', () => {
  for (const build of builds) {
    it(`every internal link, asset and #fragment in ${build.name} resolves`, async () => {
      expect(pageUrls(build.outDir, build.origin, build.base).length).toBeGreaterThan(20);
      const broken = await findBrokenLinks({ ...build, siteOrigin: site });
      expect(broken.map((link) => `${link.url} (on ${link.parent}): ${link.reason}`)).toEqual([]);
    });
  }
});
