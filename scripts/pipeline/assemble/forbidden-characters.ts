/**
 * Reports the characters XML forbids (C0 controls other than tab and line
 * breaks, U+FFFE, U+FFFF, lone surrogates) where they enter: the feed and the
 * published JSON drop them (assemble/feed.ts, assemble/previews.ts,
 * io/write-json.ts), and the analyst should know which text lost them.
 * Pure. One diagnostic per field or paragraph, with file and line when known.
 */
import type { Diagnostic, Entity, SegmentedArticle } from '../model.ts';
import { hasXmlForbidden, stripXmlForbidden } from '../shared/escape.ts';

const CODE = 'output/xml-forbidden-character';

function report(file: string, line: number | undefined, what: string, text: string): Diagnostic {
  const removed = [...new Set(stripXmlForbidden(text).removed)].join(', ');
  return {
    severity: 'warning',
    code: CODE,
    file,
    ...(line !== undefined && { line }),
    message: `${file}${line !== undefined ? `:${line}` : ''} ${what} holds ${removed}, which XML forbids: removed from the feed and the published data.`,
  };
}

export function forbiddenCharacterDiagnostics(
  articles: readonly SegmentedArticle[],
  entities: readonly Entity[],
  settings: { title: string; description: string },
  settingsFile = 'site.yaml',
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const article of articles) {
    const { meta } = article;
    for (const field of ['title', 'outlet', 'author', 'url', 'stance'] as const) {
      const value = meta[field];
      if (value && hasXmlForbidden(value)) diagnostics.push(report(article.file, undefined, `${field} (from ${meta.provenance[field] ?? 'the text'})`, value));
    }
    for (const paragraph of article.paragraphs) {
      if (hasXmlForbidden(paragraph.text)) diagnostics.push(report(article.file, paragraph.line, 'paragraph', paragraph.text));
    }
  }
  for (const entity of entities) {
    for (const field of ['name', 'subtype', 'description'] as const) {
      if (hasXmlForbidden(entity[field])) diagnostics.push(report(entity.file, entity.line, `entry "${entity.id}" field "${field}"`, entity[field]));
    }
    for (const field of ['aliases', 'demonyms', 'metonyms'] as const) {
      entity[field].forEach((value, index) => {
        if (hasXmlForbidden(value)) diagnostics.push(report(entity.file, entity.line, `entry "${entity.id}" field "${field}[${index}]"`, value));
      });
    }
  }
  for (const field of ['title', 'description'] as const) {
    if (hasXmlForbidden(settings[field])) diagnostics.push(report(settingsFile, undefined, field, settings[field]));
  }
  return diagnostics;
}
