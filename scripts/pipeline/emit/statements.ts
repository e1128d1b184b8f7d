/**
 * Numbered notes for statement lists, shared by the briefing pages and the
 * home page: each citation gets the number of its note in page order.
 */
import type { Citation, StatementView } from '../assemble/citations.ts';
import type { Noted, NotedCitation, StatementItem } from './entity-data.ts';

/** Numbers citations in page order, for print footnotes and the Notes section. */
export class Notes {
  readonly items: NotedCitation[] = [];
  private readonly byPath = new Map<string, number>();

  cite(citation: Citation): NotedCitation {
    let note = this.byPath.get(citation.path);
    if (note === undefined) {
      note = this.items.length + 1;
      this.byPath.set(citation.path, note);
      this.items.push({ ...citation, note });
    }
    return { ...citation, note };
  }

  /** The views as a StatementList reads them: each citation numbered. */
  statements<T extends StatementView>(views: readonly T[]): (Noted<T> & StatementItem)[] {
    return views.map((view) => ({ ...view, citation: this.cite(view.citation) }));
  }
}
