import { describe, expect, it } from 'vitest';
import { buildAliasIndex, entitiesNamedIn, linkMentions } from '../../../scripts/pipeline/link/index.ts';
import { makeArticle, makeEntity } from './fixtures.ts';

const index = buildAliasIndex([
  makeEntity({ id: 'lenka-white', kind: 'actor', subtype: 'person', name: 'Lenka White' }),
  makeEntity({ id: 'ahmed-ali', kind: 'actor', subtype: 'person', name: 'Ahmed Ali' }),
  makeEntity({ id: 'donald-trump', kind: 'actor', subtype: 'person', name: 'Donald Trump' }),
  makeEntity({ id: 'minsk', kind: 'place', subtype: 'city', name: 'Minsk' }),
  makeEntity({ id: 'russia', kind: 'actor', subtype: 'state', name: 'Russia', demonyms: ['Russian'] }),
]);

const linked = (text: string) => linkMentions(makeArticle('a', [text]), index).map((mention) => [mention.entityId, mention.text]);

describe('a multiword name is atomic', () => {
  it('never links a part of a longer capitalised name', () => {
    expect(linked('White said the White House would decide.')).toEqual([['lenka-white', 'White']]);
    expect(linked('Ali Akbar Velayati spoke after Ahmed Ali.')).toEqual([['ahmed-ali', 'Ahmed Ali']]);
    expect(linked('Trump Route for International Peace, Trump said.')).toEqual([['donald-trump', 'Trump']]);
    expect(linked('The Minsk Group closed; talks in Minsk went on.')).toEqual([['minsk', 'Minsk']]);
  });

  it('keeps titles, demonyms before names and hyphenated pairs', () => {
    expect(linked('President Trump met Russian Defence Ministry officials.')).toEqual([
      ['donald-trump', 'Trump'],
      ['russia', 'Russian'],
    ]);
    expect(linked('the Trump-Ali talks in a post-Trump Russia')).toEqual([
      ['donald-trump', 'Trump'],
      ['ahmed-ali', 'Ali'],
      ['donald-trump', 'Trump'],
      ['russia', 'Russia'],
    ]);
  });

  it('does not apply in a Title Case headline', () => {
    expect(linked('Trump Hosts Ali In Minsk')).toEqual([
      ['donald-trump', 'Trump'],
      ['ahmed-ali', 'Ali'],
      ['minsk', 'Minsk'],
    ]);
  });
});

describe('entitiesNamedIn', () => {
  it('lists every entity a form of which occurs, for the per-article cache key', () => {
    expect(entitiesNamedIn(makeArticle('a', ['Trump and Russian officials met.']), index)).toEqual(['donald-trump', 'russia']);
  });
});
