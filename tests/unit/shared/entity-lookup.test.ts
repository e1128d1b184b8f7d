import { describe, expect, it } from 'vitest';
import { entityLookup } from '../../../scripts/pipeline/shared/entity-lookup.ts';
import { testEntity } from '../../fixtures/entity.ts';

const person = testEntity({ id: 'ana-ruiz', kind: 'actor', subtype: 'person', name: 'Ana Ruiz' });
const state = testEntity({ id: 'freedonia', kind: 'actor', subtype: 'state', name: 'Freedonia' });
const town = testEntity({ id: 'port-elm', kind: 'place', subtype: 'city', name: 'Port Elm' });

describe('entityLookup', () => {
  it('finds entities by id and tells the people apart', () => {
    const lookup = entityLookup([person, state, town]);
    expect(lookup.byId.get('freedonia')).toBe(state);
    expect(lookup.byId.get('nowhere')).toBeUndefined();
    expect([...lookup.persons]).toEqual(['ana-ruiz']);
  });

  it('indexes a list once, and again once it has grown', () => {
    const entities = [person, state];
    const first = entityLookup(entities);
    expect(entityLookup(entities)).toBe(first);
    entities.push(town);
    const grown = entityLookup(entities);
    expect(grown).not.toBe(first);
    expect(grown.byId.get('port-elm')).toBe(town);
  });

  it('keeps each list apart', () => {
    expect(entityLookup([person]).byId.has('freedonia')).toBe(false);
    expect(entityLookup([state]).persons.size).toBe(0);
  });
});
