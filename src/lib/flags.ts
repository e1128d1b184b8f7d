/**
 * Flag emoji in article text ("🇷🇺 🇸🇾", common in posts on X) render as two
 * empty boxes or as letters where no emoji font is installed. They are drawn
 * as small SVG flags instead, from the world-countries package (ODbL, the same
 * data the registry uses), as data: images so that no request or file is
 * added. Flags whose SVG is large (coats of arms, up to 340 KB) are shown as
 * their two-letter code in a small box: a page must not grow by kilobytes for
 * one glyph. Read at build time only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import countries from 'world-countries';
import { hasFlagEmoji } from '../../scripts/pipeline/shared/flag-emoji.ts';

export type FlagPart = { text: string } | { flag: { code: string; name: string; src?: string } };

/** A pair of regional indicator symbols is one flag (Unicode's emoji flag sequence). */
const FLAG = /([\u{1F1E6}-\u{1F1FF}])([\u{1F1E6}-\u{1F1FF}])/gu;
const REGIONAL_A = 0x1f1e6;
const MAX_SVG_BYTES = 4096;

const require = createRequire(import.meta.url);
const byCode = new Map(countries.map((country) => [country.cca2, country]));
const svgCache = new Map<string, string | undefined>();

function flagSource(cca3: string): string | undefined {
  if (!svgCache.has(cca3)) {
    let src: string | undefined;
    try {
      const svg = readFileSync(require.resolve(`world-countries/data/${cca3.toLowerCase()}.svg`), 'utf8');
      if (svg.length <= MAX_SVG_BYTES) src = `data:image/svg+xml,${encodeURIComponent(svg.replace(/^<\?xml[^>]*>/, ''))}`;
    } catch {
      src = undefined;
    }
    svgCache.set(cca3, src);
  }
  return svgCache.get(cca3);
}

/** True when `text` holds a flag emoji: the common case (none) costs one regular-expression test. */
export function hasFlags(text: string): boolean {
  return hasFlagEmoji(text);
}

/** `text` split into runs of text and flags, in order; text without flags is one part. */
export function splitFlags(text: string): FlagPart[] {
  if (!hasFlags(text)) return [{ text }];
  const parts: FlagPart[] = [];
  let last = 0;
  for (const match of text.matchAll(FLAG)) {
    const code = String.fromCharCode(65 + match[1]!.codePointAt(0)! - REGIONAL_A, 65 + match[2]!.codePointAt(0)! - REGIONAL_A);
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    const country = byCode.get(code);
    const src = country && flagSource(country.cca3);
    parts.push({ flag: { code, name: country ? `flag of ${country.name.common}` : `flag ${code}`, ...(src && { src }) } });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}
