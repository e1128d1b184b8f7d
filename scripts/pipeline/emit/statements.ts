/**
 * Numbered notes for statement lists, shared by the briefing pages and the
 * home page, Wikipedia-style: one note per cited source, numbered in page
 * order, and one letter (a, b, c …) per paragraph of it the page cites. A
 * citation reads "3b"; the note lists the source once with its paragraphs as
 * back-links, instead of the same source seven times in a row.
 */
import type { Citation, StatementView } from '../assemble/citations.ts';
import type { Inline } from '../assemble/inlines.ts';
import type { SupportedStatement } from '../assemble/entity-page.ts';
import type { Noted, NotedCitation, NoteGroup, StatementItem } from './component-data.ts';

/** a … z, then aa, ab …: enough letters for any number of paragraphs. */
export function noteLetter(position: number): string {
  let letters = '';
  for (let n = position; n >= 0; n = Math.floor(n / 26) - 1) letters = String.fromCharCode(97 + (n % 26)) + letters;
  return letters;
}

/**
 * Links only the first mention of each entity in a section (`linked` holds
 * the pages already linked there, the page itself among them): a section
 * where every mention is a link reads as a wall of underlines.
 */
export function firstLinks(inlines: readonly Inline[], linked: Set<string> | undefined): Inline[] {
  if (!linked) return [...inlines];
  return inlines.map((part) => {
    if (part.type !== 'link') return part;
    if (linked.has(part.path)) return { type: 'text', value: part.value };
    linked.add(part.path);
    return part;
  });
}

export class Notes {
  readonly items: NoteGroup[] = [];
  private readonly bySource = new Map<string, NoteGroup>();
  private readonly byPath = new Map<string, NotedCitation>();

  cite(citation: Citation): NotedCitation {
    const known = this.byPath.get(citation.path);
    if (known) return { ...citation, note: known.note, letter: known.letter };
    let group = this.bySource.get(citation.articleSlug);
    if (!group) {
      group = { note: this.items.length + 1, outlet: citation.outlet, sourceTitle: citation.sourceTitle, sourcePath: citation.path.replace(/#.*$/, ''), paragraphs: [] };
      this.bySource.set(citation.articleSlug, group);
      this.items.push(group);
    }
    const letter = noteLetter(group.paragraphs.length);
    group.paragraphs.push({ letter, path: citation.path });
    const noted = { ...citation, note: group.note, letter };
    this.byPath.set(citation.path, noted);
    return noted;
  }

  /** The views as a StatementList reads them: each citation numbered, entities linked once per section (`linked`). */
  statements<T extends StatementView>(views: readonly T[], linked?: Set<string>): (Noted<T> & StatementItem)[] {
    return views.map((view) => ({ ...view, inlines: firstLinks(view.inlines, linked), citation: this.cite(view.citation) }));
  }

  /** Claims as a StatementList reads them: the lead's citation and every other outlet's, each numbered. */
  claims(views: readonly SupportedStatement[], linked?: Set<string>): StatementItem[] {
    // One claim at a time, so its outlets' notes follow its lead's in page order.
    return views.map((view) => ({ ...this.statements([view], linked)[0]!, also: view.also.map((citation) => this.cite(citation)) }));
  }
}
