import { describe, expect, it } from 'vitest';
import { FULL_BROWSERS, HEADLESS_SHELL, findChromium } from '../../../scripts/tools/chromium.ts';

const installed = (...paths: string[]) => (path: string) => paths.includes(path);

describe('findChromium', () => {
  it('takes CHROME_PATH first, when it names a file', () => {
    expect(findChromium({ CHROME_PATH: '/opt/chrome' }, installed('/opt/chrome', HEADLESS_SHELL))).toBe('/opt/chrome');
    expect(findChromium({ CHROME_PATH: '/opt/missing' }, installed(HEADLESS_SHELL))).toBe(HEADLESS_SHELL);
  });

  it("prefers Debian's headless shell to the full browser, and falls back to the full browser", () => {
    expect(findChromium({}, installed(HEADLESS_SHELL, ...FULL_BROWSERS))).toBe(HEADLESS_SHELL);
    expect(findChromium({}, installed(...FULL_BROWSERS))).toBe(FULL_BROWSERS[0]);
    expect(findChromium({}, installed(FULL_BROWSERS[1]!))).toBe(FULL_BROWSERS[1]);
  });

  it('answers undefined when there is no browser', () => {
    expect(findChromium({}, installed())).toBeUndefined();
  });
});
