/**
 * Statement lists and their numbered notes, shared by the briefing pages and
 * the home page: the data a StatementList and a NoteList component read.
 */
import type { Citation, StatementView } from '../assemble/citations.ts';
import type { SupportedStatement } from '../assemble/entity-page.ts';

/** Numbers citations in page order, for print footnotes and the Notes section. */
export class Notes {
  readonly items: (Citation & { note: number })[] = [];
  private readonly byPath = new Map<string, number>();

  cite(citation: Citation): Citation & { note: number } {
    let note = this.byPath.get(citation.path);
    if (note === undefined) {
      note = this.items.length + 1;
      this.byPath.set(citation.path, note);
      this.items.push({ ...citation, note });
    }
    return { ...citation, note };
  }
}

export function statementData(notes: Notes, views: readonly (StatementView | SupportedStatement)[]) {
  return views.map((view) => ({
    id: view.id,
    inlines: view.inlines.map((part) => (part.type === 'link' ? { text: part.value, path: part.path } : { text: part.value })),
    basis: view.basis,
    ...(view.date && { date: view.date.label, dateIso: view.date.start, precision: view.date.precision }),
    citation: notes.cite(view.citation),
    ...('support' in view && { support: view.support }),
  }));
}

