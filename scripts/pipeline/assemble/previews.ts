/**
 * Link previews: for each briefing page, the lead and a few key facts, shown
 * when a reader hovers or focuses a link to it (src/scripts/link-preview.ts).
 * Pure; published as one JSON file keyed by page path.
 */
import type { EntityPage, PageRef } from './entity-page.ts';
import { plural, shorten } from '../shared/text.ts';
import { stripXmlForbidden } from '../shared/escape.ts';

export interface Preview {
  name: string;
  /** "Actor · person", "Event · meeting". */
  kind: string;
  lead: string;
  facts: string[];
}

const LEAD_LENGTH = 220;

const names = (refs: readonly PageRef[], max = 3) =>
  refs.length <= max ? refs.map((ref) => ref.name).join(', ') : `${refs.slice(0, max).map((ref) => ref.name).join(', ')} and ${refs.length - max} more`;

export function previewOf(page: EntityPage): Preview {
  const { entity, stats } = page;
  const facts: string[] = [];
  if (entity.date) facts.push(entity.date.label);
  if (page.place) facts.push(`Place: ${page.place.name}`);
  if (page.operator) facts.push(`Operator: ${page.operator.name}`);
  if (page.participants.length > 0) facts.push(`Participants: ${names(page.participants)}`);
  if (page.affiliation.length > 0) facts.push(`Affiliation: ${names(page.affiliation)}`);
  if (stats.latest && entity.kind !== 'event') facts.push(`Latest dated statement: ${stats.latest.label}`);
  const independent = stats.independent < stats.sources ? ` (${stats.independent} independent)` : '';
  // Events are reported by sources more often than named by an alias, so their mention count says little.
  facts.push(
    stats.sources === 0
      ? 'Not mentioned in any source yet'
      : entity.kind === 'event'
        ? `Reported by ${plural(stats.sources, 'source')}${independent}`
        : `${plural(stats.mentions, 'mention')} in ${plural(stats.sources, 'source')}${independent}`,
  );
  const kindName = entity.kind.charAt(0).toUpperCase() + entity.kind.slice(1);
  // Published data (dist/data/previews.json): without the characters XML forbids (reported by forbidden-characters.ts).
  const clean = (text: string) => stripXmlForbidden(text).text;
  return {
    name: clean(entity.name),
    kind: clean(`${kindName} · ${entity.subtype.replace(/-/g, ' ')}`),
    lead: clean(shorten(entity.description, LEAD_LENGTH)),
    facts: facts.map(clean),
  };
}

