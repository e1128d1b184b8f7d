import type { DateValue, Statement } from '../model.ts';

/** The earliest date a statement gives, used for timelines. */
export function statementDate(statement: Statement): DateValue | undefined {
  return [...statement.dates].map((mention) => mention.value).sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0))[0];
}
