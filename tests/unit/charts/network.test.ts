import { describe, expect, it } from 'vitest';
import type { Entity, Mention, Relation } from '../../../scripts/pipeline/model.ts';
import { buildEgoNetworkChart, buildNetworkChart, buildNetworkGraph, egoGraph, HOME_NETWORK_NODES, labelLines, layoutNetwork, layoutWithRoom, lcg, NETWORK_ARTBOARDS, type NetworkArtboard, type NetworkGraph } from '../../../scripts/pipeline/charts/network.ts';
import { overlaps, textWidth } from '../../../scripts/pipeline/charts/map-labels.ts';

function entity(partial: Partial<Entity> & Pick<Entity, 'id' | 'kind' | 'subtype' | 'name'>): Entity {
  return { aliases: [], demonyms: [], metonyms: [], description: '', affiliation: [], participants: [], file: 'content/entities/x.yaml', line: 1, ...partial };
}

function mentions(id: string, count: number): Mention[] {
  return Array.from({ length: count }, (_, index) => ({
    entityId: id,
    articleSlug: 'a',
    paragraphId: 'p',
    sentenceId: `s-${id}-${index}`,
    start: 0,
    end: 1,
    text: id,
    via: 'name' as const,
  }));
}

function relation(source: string, target: string, weight: number): Relation {
  const [a, b] = source < target ? [source, target] : [target, source];
  return { source: a, target: b, weight, sentenceIds: [] };
}

/**
 * A story-shaped model: one hub named with everyone, a few strong pairs, a
 * long tail of actors mentioned once, bases, events, and places (which the
 * network leaves to the map).
 */
function storyModel(tail = 60) {
  const entities: Entity[] = [
    entity({ id: 'russia', kind: 'actor', subtype: 'state', name: 'Russia' }),
    entity({ id: 'syria', kind: 'actor', subtype: 'state', name: 'Syria' }),
    entity({ id: 'putin', kind: 'actor', subtype: 'person', name: 'Vladimir Putin', affiliation: ['russia'] }),
    entity({ id: 'sharaa', kind: 'actor', subtype: 'person', name: 'Ahmed al-Sharaa', affiliation: ['syria'] }),
    entity({ id: 'hmeimim', kind: 'base', subtype: 'air-base', name: 'Hmeimim Air Base', operator: 'russia' }),
    entity({ id: 'meeting', kind: 'event', subtype: 'meeting', name: 'Putin–al-Sharaa meeting at the Kremlin, January 2026', participants: ['putin', 'sharaa'] }),
    entity({ id: 'moscow', kind: 'place', subtype: 'city', name: 'Moscow' }),
    entity({ id: 'silent', kind: 'actor', subtype: 'person', name: 'Never Mentioned' }),
  ];
  const relations: Relation[] = [
    relation('russia', 'syria', 40),
    relation('russia', 'sharaa', 25),
    relation('russia', 'putin', 12),
    relation('putin', 'syria', 12),
    relation('hmeimim', 'russia', 8),
    relation('moscow', 'sharaa', 10),
  ];
  const model = { entities, mentions: [] as Mention[], relations };
  model.mentions.push(...mentions('russia', 140), ...mentions('syria', 75), ...mentions('sharaa', 52), ...mentions('putin', 18), ...mentions('hmeimim', 9), ...mentions('meeting', 4), ...mentions('moscow', 10));
  for (let index = 0; index < tail; index++) {
    const id = `actor-${String(index).padStart(2, '0')}`;
    entities.push(entity({ id, kind: 'actor', subtype: 'person', name: `Analyst Number ${index}` }));
    model.mentions.push(...mentions(id, 1 + (index % 3)));
    relations.push(relation(id, 'russia', 1 + (index % 4)), relation(id, 'syria', 1 + (index % 2)), relation(id, 'putin', 1), relation(id, `actor-${String((index + 1) % tail).padStart(2, '0')}`, 1));
  }
  return model;
}

/** Each drawn label's box, from its lines as the component draws them (first baseline, then a line height apart). */
function labelBoxes(board: NetworkArtboard, graph: NetworkGraph) {
  const lines = new Map(graph.nodes.map((node) => [node.id, node.lines]));
  return board.nodes.flatMap((node) => {
    if (!node.label) return [];
    const text = lines.get(node.id)!;
    const width = Math.max(...text.map((line) => textWidth(line, board.type.label, { bold: true })));
    const x = node.label.anchor === 'start' ? node.label.x : node.label.anchor === 'end' ? node.label.x - width : node.label.x - width / 2;
    return [{ id: node.id, x, y: node.label.y - node.label.lineHeight * 0.78, width, height: node.label.lineHeight * text.length }];
  });
}

describe('network graph', () => {
  const model = storyModel();
  const graph = buildNetworkGraph(model);

  it('keeps at most 50 nodes, the most mentioned, and only actors, bases and events', () => {
    expect(graph.nodes.length).toBeLessThanOrEqual(50);
    expect(graph.candidates).toBe(66);
    const ids = new Set(graph.nodes.map((node) => node.id));
    for (const id of ['russia', 'syria', 'sharaa', 'putin', 'hmeimim', 'meeting']) expect(ids.has(id)).toBe(true);
    expect(ids.has('moscow')).toBe(false);
    expect(ids.has('silent')).toBe(false);
    const least = Math.min(...graph.nodes.map((node) => node.mentions ?? 0));
    // Nothing left out was mentioned more than what was kept.
    const counts = new Map<string, number>();
    for (const mention of model.mentions) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);
    for (const item of model.entities) {
      if (item.kind === 'place' || ids.has(item.id)) continue;
      expect(counts.get(item.id) ?? 0).toBeLessThanOrEqual(least);
    }
  });

  it("keeps each edge only where it is among one end's three strongest", () => {
    const incident = (id: string) => graph.edges.filter((edge) => edge.source === id || edge.target === id);
    for (const edge of graph.edges) {
      const ranks = [edge.source, edge.target].map((id) => {
        const all = buildNetworkGraph(model, { edgesPerNode: 1000 }).edges.filter((other) => other.source === id || other.target === id);
        return all.filter((other) => other.weight > edge.weight).length;
      });
      expect(Math.min(...ranks)).toBeLessThan(3);
    }
    // The long tail keeps to its three strongest links: no cobweb.
    for (const node of graph.nodes.filter((node) => node.id.startsWith('actor-'))) {
      expect(incident(node.id).filter((edge) => edge.source.startsWith('actor-') && edge.target.startsWith('actor-')).length).toBeLessThanOrEqual(2);
    }
    expect(graph.edges.length).toBeLessThanOrEqual(graph.nodes.length * 3);
  });

  it('adds registry relations: an event joins its participants, a base its operator', () => {
    const edge = (a: string, b: string) => graph.edges.find((item) => (item.source === a && item.target === b) || (item.source === b && item.target === a));
    expect(edge('meeting', 'putin')).toMatchObject({ sentences: 0, typed: ['participant'], weight: 1 });
    expect(edge('meeting', 'sharaa')).toMatchObject({ typed: ['participant'] });
    expect(edge('hmeimim', 'russia')).toMatchObject({ sentences: 8, typed: ['operator'], weight: 9 });
  });

  it('drops nodes left without an edge', () => {
    const lonely = buildNetworkGraph({
      entities: [entity({ id: 'a', kind: 'actor', subtype: 'state', name: 'A' }), entity({ id: 'b', kind: 'actor', subtype: 'state', name: 'B' }), entity({ id: 'c', kind: 'actor', subtype: 'state', name: 'C' })],
      mentions: [...mentions('a', 3), ...mentions('b', 2), ...mentions('c', 5)],
      relations: [relation('a', 'b', 1)],
    });
    expect(lonely.nodes.map((node) => node.id)).toEqual(['a', 'b']);
  });

  it('keeps long names whole, broken over two lines at the space nearest the middle', () => {
    const meeting = graph.nodes.find((node) => node.id === 'meeting')!;
    expect(meeting.name).toBe('Putin–al-Sharaa meeting at the Kremlin, January 2026');
    expect(meeting.lines).toEqual(['Putin–al-Sharaa meeting at', 'the Kremlin, January 2026']);
    expect(meeting.lines.join(' ')).toBe(meeting.name);
    expect(labelLines('Russia')).toEqual(['Russia']);
    expect(labelLines('Postponement of the Arab–Russia summit')).toEqual(['Postponement of the', 'Arab–Russia summit']);
    // No space to break at: one line, still whole.
    expect(labelLines('Supercalifragilisticexpialidocious')).toEqual(['Supercalifragilisticexpialidocious']);
  });
});

describe('network layout', () => {
  const model = storyModel();

  it('is deterministic: the same input gives the same picture, whatever the input order', () => {
    const first = buildNetworkChart(model)!;
    const second = buildNetworkChart(model)!;
    expect(second).toEqual(first);
    const shuffled = buildNetworkChart({ entities: [...model.entities].reverse(), mentions: [...model.mentions].reverse(), relations: [...model.relations].reverse() })!;
    expect(shuffled.wide.nodes).toEqual(first.wide.nodes);
    expect(shuffled.narrow.nodes).toEqual(first.narrow.nodes);
  });

  it('keeps every node inside the artboard without overlaps, bigger for more mentions', () => {
    const chart = buildNetworkChart(model)!;
    for (const board of [chart.wide, chart.narrow]) {
      for (const node of board.nodes) {
        expect(node.x - node.r).toBeGreaterThanOrEqual(0);
        expect(node.x + node.r).toBeLessThanOrEqual(board.width);
        expect(node.y - node.r).toBeGreaterThanOrEqual(0);
        expect(node.y + node.r).toBeLessThanOrEqual(board.height);
      }
      for (let i = 0; i < board.nodes.length; i++) {
        for (let j = i + 1; j < board.nodes.length; j++) {
          const a = board.nodes[i]!;
          const b = board.nodes[j]!;
          expect(Math.hypot(a.x - b.x, a.y - b.y), `${a.id} / ${b.id}`).toBeGreaterThanOrEqual(a.r + b.r);
        }
      }
      const radius = (id: string) => board.nodes.find((node) => node.id === id)!.r;
      expect(radius('russia')).toBe(board.type.maxRadius);
      expect(radius('russia')).toBeGreaterThan(radius('putin'));
      expect(radius('putin')).toBeGreaterThan(radius('meeting'));
    }
  });

  it('shows at most 25 nodes on the home page, labels every node drawn, and never lets two labels, or a label and a node, collide', () => {
    const chart = buildNetworkChart(model)!;
    expect(chart.nodes.length).toBeLessThanOrEqual(HOME_NETWORK_NODES);
    for (const board of [chart.wide, chart.narrow]) {
      expect(board.crowded).toEqual([]);
      expect(board.nodes.length).toBeGreaterThan(5);
      const boxes = labelBoxes(board, chart);
      expect(boxes.map((box) => box.id).sort()).toEqual(board.nodes.map((node) => node.id).sort());
      for (const id of ['russia', 'syria', 'sharaa', 'putin']) expect(boxes.some((box) => box.id === id), id).toBe(true);
      for (let i = 0; i < boxes.length; i++) {
        const box = boxes[i]!;
        expect(box.x).toBeGreaterThanOrEqual(0);
        expect(box.x + box.width).toBeLessThanOrEqual(board.width);
        expect(box.y).toBeGreaterThanOrEqual(0);
        expect(box.y + box.height).toBeLessThanOrEqual(board.height);
        for (let j = i + 1; j < boxes.length; j++) expect(overlaps(box, boxes[j]!), `${box.id} / ${boxes[j]!.id}`).toBe(false);
        for (const node of board.nodes) {
          if (node.id === box.id) continue;
          expect(overlaps(box, { x: node.x - node.r, y: node.y - node.r, width: 2 * node.r, height: 2 * node.r }), `${box.id} on ${node.id}`).toBe(false);
        }
      }
    }
  });

  // A layout per node left out: seconds on a loaded machine.
  it('leaves out the least-mentioned nodes whose labels find no room, rather than drawing labels over each other', { timeout: 60_000 }, () => {
    // 40 nodes on the phone artboard: far more names than fit.
    const graph = buildNetworkGraph(model, { maxNodes: 40 });
    const crowded = layoutNetwork(graph, NETWORK_ARTBOARDS.narrow);
    expect(crowded.crowded.length).toBeGreaterThan(0);
    const fitted = layoutWithRoom(graph, NETWORK_ARTBOARDS.narrow);
    expect(fitted.crowded).toEqual([]);
    expect(fitted.nodes.length).toBeLessThan(graph.nodes.length);
    const kept = new Set(fitted.nodes.map((node) => node.id));
    for (const id of ['russia', 'syria', 'sharaa', 'putin']) expect(kept.has(id), id).toBe(true);
  });

  it('lays out one artboard on its own as well', () => {
    const graph = buildNetworkGraph(model);
    expect(layoutNetwork(graph, NETWORK_ARTBOARDS.narrow)).toEqual(layoutNetwork(graph, NETWORK_ARTBOARDS.narrow));
  });

  it('draws nothing for fewer than two connected entities', () => {
    expect(buildNetworkChart({ entities: [entity({ id: 'a', kind: 'actor', subtype: 'state', name: 'A' })], mentions: mentions('a', 2), relations: [] })).toBeUndefined();
  });
});

describe('lcg', () => {
  it('repeats for a seed and stays in [0, 1)', () => {
    const a = lcg(42);
    const b = lcg(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(values);
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true);
    expect(new Set(values).size).toBe(1000);
    expect(lcg(43)()).not.toBe(lcg(42)());
  });
});

describe('an ego network', () => {
  const full = (model: ReturnType<typeof storyModel>) => buildNetworkGraph(model, { maxNodes: Infinity, edgesPerNode: Infinity });

  it('changes only with what names its subject: a hub named more often elsewhere leaves it as it was', () => {
    const model = storyModel();
    const before = buildEgoNetworkChart(full(model), 'putin');
    // Articles that do not name Putin: Russia and Syria named more often, and more often together.
    const later = storyModel();
    later.mentions.push(...mentions('russia', 300), ...mentions('syria', 120));
    later.relations.find((item) => item.source === 'russia' && item.target === 'syria')!.weight += 90;
    expect(before).toBeDefined();
    expect(buildEgoNetworkChart(full(later), 'putin')).toEqual(before);
    // An article that names Putin with Syria does change it.
    const named = storyModel();
    named.relations.find((item) => item.source === 'putin' && item.target === 'syria')!.weight += 5;
    expect(buildEgoNetworkChart(full(named), 'putin')).not.toEqual(before);
  });

  it('sizes each neighbour by the sentences naming it with the subject, and keeps no count on the links between neighbours', () => {
    const graph = egoGraph(full(storyModel()), 'putin')!;
    const [subject, ...neighbours] = graph.nodes;
    expect(subject).toMatchObject({ id: 'putin', mentions: 18, size: 18 });
    for (const node of neighbours) {
      expect(node.mentions, node.id).toBeUndefined();
      const spoke = graph.edges.find((edge) => [edge.source, edge.target].includes('putin') && [edge.source, edge.target].includes(node.id))!;
      expect(node.size, node.id).toBe(spoke.weight);
    }
    // Strongest first: Syria (12 sentences) and Russia (12, and Putin's state) before the analysts named with him once.
    expect(neighbours.slice(0, 2).map((node) => node.id).sort()).toEqual(['russia', 'syria']);
    const between = graph.edges.filter((edge) => edge.source !== 'putin' && edge.target !== 'putin');
    expect(between.length).toBeGreaterThan(0);
    for (const edge of between) {
      expect(edge.weight).toBe(1);
      expect(edge.sentences).toBeUndefined();
    }
  });
});
