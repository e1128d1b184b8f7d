import type { Entity, Mention } from '../model.ts';
import { entityPath } from '../shared/paths.ts';

/** Phrasing content of a generated page, before it becomes mdast. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'link'; value: string; path: string; entityId?: string };

/**
 * Split `text` into plain runs and links to the entities mentioned in it.
 * `mentions` carry offsets into `text` (paragraph-relative); overlapping or
 * out-of-range mentions are ignored rather than trusted.
 */
export function linkMentions(
  text: string,
  mentions: readonly Pick<Mention, 'start' | 'end' | 'entityId'>[],
  entities: ReadonlyMap<string, Pick<Entity, 'id' | 'kind'>>,
  offset = 0,
): Inline[] {
  const sorted = [...mentions].sort((a, b) => a.start - b.start || b.end - a.end);
  const inlines: Inline[] = [];
  let cursor = 0;
  for (const mention of sorted) {
    const start = mention.start - offset;
    const end = mention.end - offset;
    const entity = entities.get(mention.entityId);
    if (!entity || start < cursor || end > text.length || start >= end) continue;
    if (start > cursor) inlines.push({ type: 'text', value: text.slice(cursor, start) });
    inlines.push({
      type: 'link',
      value: text.slice(start, end),
      path: entityPath(entity.kind, entity.id),
      entityId: entity.id,
    });
    cursor = end;
  }
  if (cursor < text.length) inlines.push({ type: 'text', value: text.slice(cursor) });
  return inlines;
}
