/**
 * Statements: every sentence that names a registry entry or carries a date,
 * the unit each briefing line cites. Headings are not statements. A town
 * named as an installation's place gives its statement to the base there.
 */
import type { DateMention, Mention, Quote, SegmentedArticle, Statement } from '../../model.ts';
import { labelBasis } from '../basis/index.ts';
import { statementEntities, type InstallationIndex } from '../../link/installations.ts';

export type DatesBySentence = ReadonlyMap<string, readonly DateMention[]> | Readonly<Record<string, readonly DateMention[]>>;

function datesOf(dates: DatesBySentence, sentenceId: string): DateMention[] {
  const found = dates instanceof Map ? dates.get(sentenceId) : (dates as Record<string, readonly DateMention[]>)[sentenceId];
  return found ? [...found] : [];
}

/** A quote covers a sentence when its words make up at least half of it. */
function coveredByQuote(text: string, quotes: readonly Quote[]): boolean {
  return quotes.some((quote) => quote.text.replace(/ … /g, '').length >= text.length * 0.5);
}

export function buildStatements(
  article: SegmentedArticle,
  mentions: readonly Mention[],
  datesBySentence: DatesBySentence,
  quotes: readonly Quote[],
  installations: InstallationIndex = new Map(),
): Statement[] {
  const mentionsBySentence = new Map<string, Mention[]>();
  for (const mention of [...mentions].sort((a, b) => a.start - b.start)) {
    const list = mentionsBySentence.get(mention.sentenceId) ?? [];
    list.push(mention);
    mentionsBySentence.set(mention.sentenceId, list);
  }
  const quotesBySentence = new Map<string, Quote[]>();
  for (const quote of quotes) {
    const list = quotesBySentence.get(quote.sentenceId) ?? [];
    list.push(quote);
    quotesBySentence.set(quote.sentenceId, list);
  }

  const statements: Statement[] = [];
  for (const paragraph of article.paragraphs) {
    if (paragraph.kind === 'heading') continue;
    for (const sentence of paragraph.sentences) {
      const entityIds = statementEntities(sentence, mentionsBySentence.get(sentence.id) ?? [], installations);
      const dates = datesOf(datesBySentence, sentence.id);
      if (entityIds.length === 0 && dates.length === 0) continue;
      const isQuote = paragraph.kind === 'tweet' || coveredByQuote(sentence.text, quotesBySentence.get(sentence.id) ?? []);
      statements.push({
        id: sentence.id,
        articleSlug: article.slug,
        paragraphId: paragraph.id,
        sentenceId: sentence.id,
        text: sentence.text,
        entityIds,
        dates,
        basis: labelBasis(sentence.text, { isQuote }),
      });
    }
  }
  return statements;
}
