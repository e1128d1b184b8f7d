/**
 * `content/site.yaml`: the site's title, tagline, description and discovery
 * thresholds. The file and each field are optional; what it leaves out comes
 * from the articles (assemble/site-identity.ts) or from DEFAULT_DISCOVERY.
 *
 * Each bad field is reported with file and line and ignored on its own: the
 * rest of the file still applies, and a broken file never stops the build.
 */
import { z } from 'astro/zod';
import { LineCounter, isMap, isScalar, parseDocument, type Document } from 'yaml';
import type { Diagnostic } from '../model.ts';
import { toPlainObject } from './sources.ts';
import { DEFAULT_DISCOVERY, type DiscoveryThresholds, type SiteSettingsInput } from '../assemble/home-page.ts';

/** Lengths a browser tab, a search result snippet and a feed reader show whole. */
export const SITE_TEXT_LIMITS = { title: 80, tagline: 160, description: 500 } as const;

const text = (field: keyof typeof SITE_TEXT_LIMITS, singleLine: boolean) =>
  z
    .string({ error: `${field} must be text` })
    .trim()
    .min(1, `${field} must not be empty`)
    .max(SITE_TEXT_LIMITS[field], `${field} must be at most ${SITE_TEXT_LIMITS[field]} characters`)
    .refine((value) => !singleLine || !value.includes('\n'), `${field} must be a single line`);

const threshold = (field: string) =>
  z.number({ error: `${field} must be a whole number` }).int(`${field} must be a whole number`).min(1, `${field} must be at least 1`).max(10_000, `${field} must be at most 10000`);

const fieldSchemas = {
  title: text('title', true),
  tagline: text('tagline', true),
  // Folded YAML (`>-`) gives one line; a literal block may keep line breaks, which
  // the page shows as spaces, so they are allowed.
  description: text('description', false).transform((value) => value.replace(/\s+/g, ' ')),
  discovery: z.strictObject({
    minMentions: threshold('discovery.minMentions').optional(),
    minSources: threshold('discovery.minSources').optional(),
    quoteSuffices: z.boolean({ error: 'discovery.quoteSuffices must be true or false' }).optional(),
    eventSiteSuffices: z.boolean({ error: 'discovery.eventSiteSuffices must be true or false' }).optional(),
  }),
} as const;

type Field = keyof typeof fieldSchemas;
const FIELDS = Object.keys(fieldSchemas) as Field[];

export interface ParsedSiteSettings {
  settings: SiteSettingsInput;
  diagnostics: Diagnostic[];
}

export function parseSiteSettings(yamlText: string, file: string): ParsedSiteSettings {
  const diagnostics: Diagnostic[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(yamlText, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined) => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  const report = (code: string, line: number, message: string) => diagnostics.push({ severity: 'error', code, file, line, message: `${file}:${line} ${message}` });

  for (const error of doc.errors) report('site/yaml', lineAt(error.pos[0]), `is not valid YAML: ${error.message.split('\n', 1)[0]}; the site uses its defaults.`);
  if (doc.errors.length > 0 || doc.contents === null) return { settings: {}, diagnostics };
  if (!isMap(doc.contents)) {
    report('site/not-a-mapping', lineAt(doc.contents.range?.[0]), 'must be a mapping of fields (title, tagline, description, discovery); the site uses its defaults.');
    return { settings: {}, diagnostics };
  }
  const plain = toPlainObject(doc);
  if (plain === undefined) {
    report('site/yaml', 1, 'could not be read as data (too many aliases?); the site uses its defaults.');
    return { settings: {}, diagnostics };
  }

  const settings: SiteSettingsInput = {};
  for (const [key, value] of Object.entries(plain)) {
    const line = keyLine(doc, [key], lineAt) ?? 1;
    if (!(FIELDS as string[]).includes(key)) {
      report('site/unknown-field', line, `"${key}" is not a known field (${FIELDS.join(', ')}); ignored.`);
      continue;
    }
    // `field: ~` means "not given", the same as leaving it out.
    if (value === null || value === undefined) continue;
    const result = fieldSchemas[key as Field].safeParse(value);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const path = [key, ...issue.path.map(String)];
        const names = issue.code === 'unrecognized_keys' ? issue.keys.map((name) => [...path, name]) : [path];
        for (const at of names) {
          const problem = issue.code === 'unrecognized_keys' ? 'is not a known field (minMentions, minSources, quoteSuffices, eventSiteSuffices)' : issue.message;
          report('site/field', keyLine(doc, at, lineAt) ?? line, `field "${at.join('.')}": ${problem}; ignored.`);
        }
      }
      continue;
    }
    if (key === 'discovery') settings.discovery = withDefaults(result.data as Partial<DiscoveryThresholds>);
    else settings[key as 'title' | 'tagline' | 'description'] = result.data as string;
  }
  return { settings, diagnostics };
}

function withDefaults(given: Partial<DiscoveryThresholds>): DiscoveryThresholds {
  return {
    minMentions: given.minMentions ?? DEFAULT_DISCOVERY.minMentions,
    minSources: given.minSources ?? DEFAULT_DISCOVERY.minSources,
    quoteSuffices: given.quoteSuffices ?? DEFAULT_DISCOVERY.quoteSuffices,
    eventSiteSuffices: given.eventSiteSuffices ?? DEFAULT_DISCOVERY.eventSiteSuffices,
  };
}

/** Line of the value at `path` (or of its key when the value has no position). */
function keyLine(doc: Document, path: string[], lineAt: (offset: number | undefined) => number): number | undefined {
  let node: unknown = doc.contents;
  let line: number | undefined;
  for (const key of path) {
    if (!isMap(node)) return line;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair) return line;
    const valueRange = (pair.value as { range?: [number, number, number] } | null)?.range;
    line = lineAt(valueRange?.[0] ?? (isScalar(pair.key) ? pair.key.range?.[0] : undefined));
    node = pair.value;
  }
  return line;
}
