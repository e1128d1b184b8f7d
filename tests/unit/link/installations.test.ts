import { describe, expect, it } from 'vitest';
import { buildAliasIndex, installationIndex, linkMentions, statementEntities } from '../../../scripts/pipeline/link/index.ts';
import { nearInstallationWord } from '../../../scripts/pipeline/link/installations.ts';
import { makeArticle, makeEntity } from './fixtures.ts';

// A made-up port town with one naval base, a town with an air base, and a city with two bases.
const entities = [
  makeEntity({ id: 'velmora', kind: 'place', subtype: 'city', name: 'Velmora' }),
  makeEntity({ id: 'velmora-naval-base', kind: 'base', subtype: 'naval-base', name: 'Velmora Naval Station', place: 'velmora' }),
  makeEntity({ id: 'ostrik', kind: 'place', subtype: 'city', name: 'Ostrik' }),
  makeEntity({ id: 'ostrik-air-base', kind: 'base', subtype: 'air-base', name: 'Ostrik Air Base', place: 'ostrik' }),
  makeEntity({ id: 'carrow', kind: 'place', subtype: 'city', name: 'Carrow' }),
  makeEntity({ id: 'carrow-north', kind: 'base', subtype: 'air-base', name: 'Carrow North', place: 'carrow' }),
  makeEntity({ id: 'carrow-docks', kind: 'base', subtype: 'naval-base', name: 'Carrow Docks', place: 'carrow' }),
];
const index = buildAliasIndex(entities);
const installations = installationIndex(entities);
/** The entities the one-sentence paragraph's statement is about, and the entities its words link. */
const about = (text: string) => {
  const article = makeArticle('a', [text]);
  const mentions = linkMentions(article, index);
  const sentence = article.paragraphs[0]!.sentences[0]!;
  return { statement: statementEntities(sentence, mentions, installations), links: mentions.map((mention) => mention.entityId) };
};
const routed = (text: string) => about(text).statement;

describe("a town named with an installation word gives its statement to the base there", () => {
  it('gives the statement to the one base at that place, while the word still links the town', () => {
    expect(about('The navy kept its naval base at Velmora.')).toEqual({ statement: ['velmora-naval-base'], links: ['velmora'] });
    expect(routed('The navy kept its naval base at Velmora.')).toEqual(['velmora-naval-base']);
    expect(routed('It keeps its bases in Hmeimim (air) and Velmora (naval).')).toEqual(['velmora-naval-base']);
    expect(routed('Ships left the port of Velmora at dawn.')).toEqual(['velmora-naval-base']);
    expect(routed('The Velmora facility was emptied.')).toEqual(['velmora-naval-base']);
  });

  it('leaves the town where the sentence is about the town', () => {
    expect(routed('Protesters marched through Velmora on Sunday.')).toEqual(['velmora']);
    expect(routed('The port city of Velmora voted.')).toEqual(['velmora']);
    expect(routed('His power base is in Velmora.')).toEqual(['velmora']);
    // Too far from the installation word, or across a clause break.
    expect(routed('The base was closed; the mayor of Velmora said nothing.')).toEqual(['velmora']);
    expect(routed('The base closed, and the council of the small town of Velmora said nothing.')).toEqual(['velmora']);
  });

  it('keeps the town where the base is named in the sentence, or two bases share the town', () => {
    expect(routed('Ostrik Air Base, near Ostrik, was hit.')).toEqual(['ostrik-air-base', 'ostrik']);
    expect(routed('The air base at Carrow was hit.')).toEqual(['carrow']);
  });

  it('finds the installation word on either side of the name', () => {
    expect(nearInstallationWord('the Velmora port', 4, 11)).toBe(true);
    expect(nearInstallationWord('the base at Velmora', 12, 19)).toBe(true);
    expect(nearInstallationWord('Velmora', 0, 7)).toBe(false);
  });
});
