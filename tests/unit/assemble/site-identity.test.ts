import { describe, expect, it } from 'vitest';
import { deriveSiteIdentity, NEUTRAL_TITLE, resolveSiteSettings } from '../../../scripts/pipeline/assemble/site-identity.ts';
import { DEFAULT_DISCOVERY } from '../../../scripts/pipeline/assemble/home-page.ts';
import { dayValue } from '../../../scripts/pipeline/ingest/date-value.ts';
import type { Entity, KnowledgeModel, Mention } from '../../../scripts/pipeline/model.ts';
import { testEntity } from '../../fixtures/entity.ts';

type Model = Pick<KnowledgeModel, 'articles' | 'entities' | 'mentions'>;

const article = (slug: string, published?: string) =>
  ({ slug, meta: { title: slug, provenance: {}, ...(published && { published: dayValue(...(published.split('-').map(Number) as [number, number, number]))! }) } }) as KnowledgeModel['articles'][number];

const mention = (entityId: string, articleSlug: string): Mention => ({ entityId, articleSlug, paragraphId: 'p', sentenceId: 's', start: 0, end: 1, text: entityId, via: 'name' });

const entities: Entity[] = [
  testEntity({ id: 'armenia', kind: 'actor', subtype: 'state', name: 'Armenia' }),
  testEntity({ id: 'azerbaijan', kind: 'actor', subtype: 'state', name: 'Azerbaijan' }),
  testEntity({ id: 'tripp', kind: 'base', subtype: 'route', name: 'Trump Route' }),
  testEntity({ id: 'syunik', kind: 'place', subtype: 'province', name: 'Syunik' }),
  testEntity({ id: 'summit', kind: 'event', subtype: 'meeting', name: 'White House summit' }),
  testEntity({ id: 'unmentioned', kind: 'actor', subtype: 'person', name: 'Someone From Another Story' }),
  testEntity({ id: 'once', kind: 'actor', subtype: 'person', name: 'Named Once' }),
];

const model: Model = {
  articles: [article('a', '2025-08-08'), article('b', '2025-09-03'), article('c')],
  entities,
  mentions: [
    ...['a', 'b', 'c'].flatMap((slug) => [mention('armenia', slug), mention('azerbaijan', slug), mention('summit', slug)]),
    mention('armenia', 'a'),
    mention('tripp', 'a'),
    mention('tripp', 'b'),
    mention('syunik', 'a'),
    mention('syunik', 'c'),
    mention('once', 'a'),
    mention('once', 'a'),
    mention('once', 'a'),
  ],
};

describe('deriveSiteIdentity', () => {
  it('names the entities most sources mention, the places and the span of publication dates', () => {
    const { title, description } = deriveSiteIdentity(model);
    expect(title).toBe('Briefing: Armenia, Azerbaijan and Trump Route');
    expect(description).toContain('3 news articles published between 8 August 2025 and 3 September 2025');
    expect(description).toContain('on Armenia, Azerbaijan and Trump Route');
    expect(description).toContain('(places: Syunik)');
  });

  it('never names an entity no article mentions, one only a single source mentions, or an event', () => {
    const { title, description } = deriveSiteIdentity(model);
    for (const name of ['Someone From Another Story', 'Named Once', 'White House summit']) expect(`${title} ${description}`).not.toContain(name);
  });

  it('stays neutral without articles or without mentioned entities', () => {
    expect(deriveSiteIdentity({ articles: [], entities, mentions: [] })).toEqual({ title: NEUTRAL_TITLE, description: expect.stringContaining('no sources yet') });
    const bare = deriveSiteIdentity({ articles: [article('a', '2025-08-08')], entities: [], mentions: [] });
    expect(bare).toEqual({ title: NEUTRAL_TITLE, description: expect.stringContaining('one news article published on 8 August 2025') });
  });

  it('keeps the title within its length limit by naming fewer entities', () => {
    const long = (id: string) => testEntity({ id, kind: 'actor', subtype: 'organisation', name: `${id} ${'Organisation '.repeat(3)}`.trim() });
    const many: Model = { articles: [article('a'), article('b')], entities: ['One', 'Two', 'Three'].map(long), mentions: ['One', 'Two', 'Three'].flatMap((id) => [mention(id, 'a'), mention(id, 'b')]) };
    const { title } = deriveSiteIdentity(many);
    expect(title.length).toBeLessThanOrEqual(80);
    expect(title).toContain('One Organisation');
  });
});

describe('resolveSiteSettings', () => {
  it('uses site.yaml where it speaks and the articles where it is silent', () => {
    expect(resolveSiteSettings({ title: 'My briefing' }, model)).toEqual({
      title: 'My briefing',
      description: deriveSiteIdentity(model).description,
      discovery: DEFAULT_DISCOVERY,
    });
    expect(resolveSiteSettings({ title: 'T', description: 'D', tagline: 'G', discovery: { minMentions: 5, minSources: 1, quoteSuffices: true, eventSiteSuffices: true } }, model)).toEqual({
      title: 'T',
      tagline: 'G',
      description: 'D',
      discovery: { minMentions: 5, minSources: 1, quoteSuffices: true, eventSiteSuffices: true },
    });
  });
});
