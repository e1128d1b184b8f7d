/**
 * The shape of one registry entry, as zod schemas. Structural rules live here;
 * rules that need the whole registry (duplicates, references) live in
 * `cross-checks.ts`.
 */
import { z } from 'astro/zod';
import type { EntityKind } from '../model.ts';
import { parseRegistryDate } from './date-value.ts';

export const ENTITY_KINDS = ['actor', 'base', 'event', 'place'] as const satisfies readonly EntityKind[];

/** Known subtypes per kind. An unknown subtype is a warning, not an error: the list will grow. */
export const SUBTYPES: Record<EntityKind, readonly string[]> = {
  actor: ['person', 'state', 'armed-group', 'organisation', 'media', 'government'],
  base: ['air-base', 'naval-base', 'airport', 'outpost', 'logistics-hub'],
  event: ['meeting', 'call', 'withdrawal', 'ouster', 'intervention', 'announcement', 'redeployment', 'negotiation', 'statement'],
  place: ['city', 'region', 'governorate', 'country', 'sea'],
};

/** Every key an entry may have; anything else is reported as a probable typo. */
export const KNOWN_FIELDS = [
  'id',
  'kind',
  'subtype',
  'name',
  'aliases',
  'demonyms',
  'metonyms',
  'affiliation',
  'description',
  'coordinates',
  'operator',
  'place',
  'date',
  'participants',
  'ignore',
] as const;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** zod reports a missing key as a type error; say "required" instead so editors know what to add. */
const requiredOr =
  (expected: string) =>
  (issue: { input?: unknown }): string =>
    issue.input === undefined ? 'required' : expected;

const nonEmptyText = z
  .string({ error: requiredOr('expected text') })
  .refine((s) => s.trim().length > 0, { error: 'must not be empty' });

const entityId = z
  .string({ error: requiredOr('expected a kebab-case id') })
  .regex(KEBAB_CASE, { error: 'expected a kebab-case id (lowercase letters, digits, single hyphens)' });

const nameList = z.array(nonEmptyText, { error: 'expected a list of names' }).default([]);
/**
 * Ids an entry may not take: an entity's page is /<kind folder>/<id>/, and
 * /actors/index/ would be written over the index page of actors
 * (src/content/docs/actors/index.mdx). Nothing else lives in a kind folder.
 */
export const RESERVED_IDS: ReadonlySet<string> = new Set(['index']);

const pageId = entityId.refine((id) => !RESERVED_IDS.has(id), {
  error: (issue) => `"${String(issue.input)}" is reserved for the index page of each kind; choose another id`,
});

const idList = z.array(entityId, { error: 'expected a list of entity ids' }).default([]);

const coordinates = z.tuple(
  [
    z.number({ error: 'expected [lat, lon]' }).min(-90, { error: 'latitude must be between -90 and 90' }).max(90, {
      error: 'latitude must be between -90 and 90',
    }),
    z.number({ error: 'expected [lat, lon]' }).min(-180, { error: 'longitude must be between -180 and 180' }).max(180, {
      error: 'longitude must be between -180 and 180',
    }),
  ],
  { error: 'expected [lat, lon]' },
);

/** Dates stay `unknown` here and go through the dedicated parser so the message can name the accepted forms. */
const dateField = z.unknown().transform((raw, ctx) => {
  const parsed = parseRegistryDate(raw);
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  }
  return parsed.value;
});

export const entrySchema = z
  .object(
    {
      id: pageId,
      kind: z.enum(ENTITY_KINDS, { error: requiredOr(`expected one of ${ENTITY_KINDS.join(', ')}`) }),
      subtype: nonEmptyText,
      name: nonEmptyText,
      aliases: nameList,
      demonyms: nameList,
      metonyms: nameList,
      affiliation: idList,
      description: nonEmptyText,
      coordinates: coordinates.optional(),
      operator: entityId.optional(),
      place: entityId.optional(),
      date: dateField.optional(),
      participants: idList,
    },
    { error: 'expected a mapping of fields (id, kind, name, …)' },
  )
  .superRefine((entry, ctx) => {
    // Kind-specific requirements: reported on the missing field so the message names it.
    const require = (field: 'date' | 'coordinates' | 'operator', why: string): void => {
      if (entry[field] === undefined) ctx.addIssue({ code: 'custom', path: [field], message: `required for ${why}` });
    };
    if (entry.kind === 'event') require('date', 'events');
    if (entry.kind === 'base') {
      require('coordinates', 'bases');
      require('operator', 'bases');
    }
  });

export type RegistryEntry = z.output<typeof entrySchema>;

/**
 * `ignore: true` hides what discovery finds under a name ("Realpolitik", a
 * byline): only the names are needed, no kind or description.
 */
export const ignoreSchema = z.object(
  {
    id: entityId,
    name: nonEmptyText,
    aliases: nameList,
    ignore: z.literal(true),
  },
  { error: 'expected a mapping of fields (id, name, ignore: true)' },
);
