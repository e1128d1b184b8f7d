/** The eval's report: one table per corpus, and the misses behind the numbers. Pure. */
import type { Ratio, Scores } from './metrics.ts';

const percent = (ratio: Ratio): string => (ratio.of === 0 ? 'n/a (0 of 0)' : `${((100 * ratio.hit) / ratio.of).toFixed(0)} % (${ratio.hit} of ${ratio.of})`);
const notMeasured = 'not measured (no entity list)';

export function scoreRows(scores: Scores): [string, string][] {
  const { entities } = scores;
  return [
    ['expected entities with a page', entities ? percent(entities.withPage) : notMeasured],
    ['wrong links', entities ? String(entities.wrongLinks) : notMeasured],
    ['junk discovered pages', entities ? percent(entities.junkPages) : notMeasured],
    ['places on the map within 25 km', entities ? percent(entities.placesOnMap) : notMeasured],
    ['events with a page and the correct date', percent(scores.eventsWithDate)],
    ['publication dates correct', percent(scores.publicationDates)],
    ['titles correct', percent(scores.titles)],
    ['outlets correct', percent(scores.outlets)],
    ['relative dates correct', `${percent(scores.relativeDates)}; ${scores.relativeDates.wrong} wrong, ${scores.relativeDates.unresolved} unresolved`],
    ['weekday-direction errors', String(scores.weekdayDirectionErrors)],
    ['quotes with the correct speaker', percent(scores.quotes)],
    ['quotes given to the wrong person', String(scores.quotes.wrongPerson)],
  ];
}

export function formatTable(title: string, rows: readonly [string, string][]): string {
  const left = Math.max(...rows.map(([label]) => label.length), 'measure'.length);
  const right = Math.max(...rows.map(([, value]) => value.length), 'value'.length);
  const line = `|${'-'.repeat(left + 2)}|${'-'.repeat(right + 2)}|`;
  return [`## ${title}`, '', `| ${'measure'.padEnd(left)} | ${'value'.padEnd(right)} |`, line, ...rows.map(([label, value]) => `| ${label.padEnd(left)} | ${value.padEnd(right)} |`)].join('\n');
}

/** Up to `limit` examples per kind of miss, so a reader sees what the numbers count. */
export function formatMisses(scores: Scores, limit = 8): string {
  const sections: [string, string[]][] = [
    ['missing entity pages', scores.entities?.missing ?? []],
    ['wrong links', scores.entities?.wrongLinkExamples ?? []],
    ['junk pages', scores.entities?.junk ?? []],
    ['events', scores.misses.events],
    ['publication dates', scores.misses.publicationDates],
    ['relative dates', scores.misses.relativeDates],
    ['quotes', scores.misses.quotes],
  ];
  return sections
    .filter(([, items]) => items.length > 0)
    .map(([label, items]) => [`${label} (${items.length}):`, ...items.slice(0, limit).map((item) => `  - ${item}`), ...(items.length > limit ? [`  … ${items.length - limit} more (--json lists all)`] : [])].join('\n'))
    .join('\n');
}
