import { describe, expect, it } from 'vitest';
import { buildAliasIndex, entitiesNamedIn, linkMentions, scanArticle } from '../../../scripts/pipeline/link/index.ts';
import { makeArticle, makeEntity } from './fixtures.ts';

const people = [
  makeEntity({ id: 'lenka-white', kind: 'actor', subtype: 'person', name: 'Lenka White' }),
  makeEntity({ id: 'marta-white', kind: 'actor', subtype: 'person', name: 'Marta White' }),
  makeEntity({ id: 'russia', kind: 'actor', subtype: 'state', name: 'Russia', demonyms: ['Russian'] }),
];
const index = buildAliasIndex(people);
const widerIndex = buildAliasIndex([...people, makeEntity({ id: 'minsk', kind: 'place', subtype: 'city', name: 'Minsk' })]);
const article = makeArticle('a', ['Lenka White met Russian envoys in Minsk.', 'White said the talks would go on.']);

describe('one scan for the cache key and the links', () => {
  it('links the same mentions from a scan as without one', () => {
    const scan = scanArticle(article, index);
    expect(linkMentions(article, index, scan)).toEqual(linkMentions(article, index));
    expect(entitiesNamedIn(article, index, scan)).toEqual(entitiesNamedIn(article, index));
    expect(entitiesNamedIn(article, index, scan)).toEqual(['lenka-white', 'marta-white', 'russia']);
  });

  it('scans again when the scan is of another index or another article', () => {
    const stale = scanArticle(article, index);
    expect(linkMentions(article, widerIndex, stale).map((mention) => mention.entityId)).toContain('minsk');
    expect(entitiesNamedIn(article, widerIndex, stale)).toContain('minsk');
    const other = makeArticle('b', ['Nothing here names anyone.']);
    expect(linkMentions(other, index, stale)).toEqual([]);
    expect(entitiesNamedIn(other, index, stale)).toEqual([]);
  });
});
