import { describe, expect, it } from 'vitest';
import { buildSidebar, MAX_SIDEBAR_GROUP, type SidebarGroup, type SidebarItem } from '../../../scripts/pipeline/emit/sidebar.ts';
import { testEntity } from '../../fixtures/entity.ts';

const people = (count: number) => Array.from({ length: count }, (_, n) => testEntity({ id: `person-${n}`, kind: 'actor', subtype: 'person', name: `Person ${String(n).padStart(3, '0')}` }));
const actorGroups = (items: SidebarItem[]) => (items.find((item) => item.label === 'Actors') as SidebarGroup).items;

describe('the sidebar', () => {
  it('lists the members of a small group by name', () => {
    const [all, group] = actorGroups(buildSidebar(people(3)));
    expect(all).toEqual({ label: 'All actors', link: '/actors/' });
    expect(group).toMatchObject({ label: 'People', collapsed: true });
    expect((group as SidebarGroup).items.map((item) => item.label)).toEqual(['Person 000', 'Person 001', 'Person 002']);
  });

  it('links a large group to its index, with a label that stays the same as the group grows', () => {
    // Every page carries the sidebar: a label that counted the members would change every page with each new person.
    const big = actorGroups(buildSidebar(people(MAX_SIDEBAR_GROUP + 1)));
    const bigger = actorGroups(buildSidebar(people(MAX_SIDEBAR_GROUP + 40)));
    expect(big[1]).toEqual({ label: 'People', link: '/actors/' });
    expect(bigger).toEqual(big);
  });
});
