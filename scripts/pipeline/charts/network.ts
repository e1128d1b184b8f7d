/**
 * The relation network of actors, bases and events: which entities the
 * sources name together, laid out with d3-force's forces at build time
 * (force-simulation.ts). Pure and deterministic: the same model always gives
 * the same picture (nodes enter sorted by id at fixed positions, the
 * simulation's random source is a seeded LCG and it runs a fixed number of
 * ticks).
 *
 * Readable as a graphics desk would publish it: only the most-mentioned
 * nodes are kept (25 on the home page), each keeps only its strongest edges,
 * every node drawn carries its whole name (broken over two lines when long,
 * never cut), and no label overlaps another label or a node: where the
 * labels cannot all be placed, the least-mentioned node in the way is left
 * out of that artboard (the table lists every node) and the layout is redone.
 */
import type { Entity, EntityKind, KnowledgeModel } from '../model.ts';
import { entityPath } from '../shared/paths.ts';
import { groupByEach } from '../shared/group-by.ts';
import { placeLabels, textWidth, type TextAnchor } from './map-labels.ts';
import { ForceSimulation, type ForceNodeInput } from './force-simulation.ts';

export type NetworkKind = Exclude<EntityKind, 'place'>;
export const NETWORK_KINDS: readonly NetworkKind[] = ['actor', 'base', 'event'];

/** How a registry field relates two entities, when it does. */
export type TypedRelation = 'affiliation' | 'operator' | 'participant';

export interface NetworkNode {
  id: string;
  name: string;
  /** The whole name as drawn: one line, or two broken at a word when long (never cut). */
  lines: string[];
  kind: NetworkKind;
  subtype: string;
  path: string;
  /**
   * Mentions in the whole story. An ego network gives it for its subject only: a
   * neighbour's total changes with articles that never name the subject, and would
   * change the subject's page with them.
   */
  mentions?: number;
  /**
   * What the node's area shows: its mentions in the story's network; in an ego network,
   * the sentences naming it with the subject (plus one for a registry relation), and
   * the subject's own mentions.
   */
  size: number;
}

export interface NetworkEdge {
  /** `source` < `target`. */
  source: string;
  target: string;
  /** Sentences naming both (absent from an ego network's links between two neighbours: see `egoGraph`). */
  sentences?: number;
  /** Registry relations between them (a person's state, a base's operator, an event's participants). */
  typed: TypedRelation[];
  /** Drawing weight: shared sentences, plus one for a registry relation. */
  weight: number;
}

export interface NetworkGraph {
  nodes: NetworkNode[];
  edges: NetworkEdge[];
  /** Entities of the network's kinds mentioned at least once, before the cap. */
  candidates: number;
}

export interface NetworkOptions {
  maxNodes?: number;
  /** Each node keeps this many of its strongest edges (an edge stays if either end keeps it). */
  edgesPerNode?: number;
}

/** Longest line of a node's label, in characters, before the name is broken over two lines. */
const LINE_CHARS = 22;

/**
 * `name` on one line, or on two broken at the space or hyphen nearest its
 * middle when longer than `max` characters: a whole name on two short lines
 * packs among the nodes where one long line, or a cut name, would not.
 */
export function labelLines(name: string, max = LINE_CHARS): string[] {
  if (name.length <= max) return [name];
  let best = -1;
  for (const match of name.matchAll(/ /g)) {
    const at = match.index;
    if (best === -1 || Math.abs(at - name.length / 2) < Math.abs(best - name.length / 2)) best = at;
  }
  return best === -1 ? [name] : [name.slice(0, best), name.slice(best + 1)];
}

/** Edges in the order of their ends' ids (one edge per pair, so never a tie). */
const byIds = (a: NetworkEdge, b: NetworkEdge) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.target < b.target ? -1 : a.target > b.target ? 1 : 0);

function pairKey(a: string, b: string): [string, string, string] {
  const [source, target] = a < b ? [a, b] : [b, a];
  return [source, target, `${source}\u0000${target}`];
}

/**
 * Nodes: the `maxNodes` most-mentioned actors, bases and events (ties by
 * id). Edges: co-mentions from the model's relations, plus registry
 * relations, pruned to each node's `edgesPerNode` strongest. Nodes left with
 * no edge are dropped: a dot with no line says nothing in a network.
 */
export function buildNetworkGraph(model: Pick<KnowledgeModel, 'entities' | 'mentions' | 'relations'>, options: NetworkOptions = {}): NetworkGraph {
  const maxNodes = options.maxNodes ?? 50;
  const edgesPerNode = options.edgesPerNode ?? 3;
  const counts = new Map<string, number>();
  for (const mention of model.mentions) counts.set(mention.entityId, (counts.get(mention.entityId) ?? 0) + 1);

  const candidates = model.entities
    .filter((entity): entity is Entity & { kind: NetworkKind } => (NETWORK_KINDS as readonly string[]).includes(entity.kind) && (counts.get(entity.id) ?? 0) > 0)
    .sort((a, b) => (counts.get(b.id) ?? 0) - (counts.get(a.id) ?? 0) || (a.id < b.id ? -1 : 1));
  const kept = candidates.slice(0, maxNodes);
  const keptIds = new Set(kept.map((entity) => entity.id));

  const edges = new Map<string, NetworkEdge>();
  const edge = (a: string, b: string): NetworkEdge | undefined => {
    if (a === b || !keptIds.has(a) || !keptIds.has(b)) return undefined;
    const [source, target, key] = pairKey(a, b);
    let found = edges.get(key);
    if (!found) {
      found = { source, target, sentences: 0, typed: [], weight: 0 };
      edges.set(key, found);
    }
    return found;
  };
  for (const relation of model.relations) {
    const found = edge(relation.source, relation.target);
    if (found) found.sentences = (found.sentences ?? 0) + relation.weight;
  }
  for (const entity of kept) {
    const typed: [string | undefined, TypedRelation][] = [
      ...entity.affiliation.map((id) => [id, 'affiliation'] as [string, TypedRelation]),
      [entity.operator, 'operator'],
      ...entity.participants.map((id) => [id, 'participant'] as [string, TypedRelation]),
    ];
    for (const [other, kind] of typed) {
      if (!other) continue;
      const found = edge(entity.id, other);
      if (found && !found.typed.includes(kind)) found.typed.push(kind);
    }
  }
  for (const found of edges.values()) found.weight = (found.sentences ?? 0) + (found.typed.length > 0 ? 1 : 0);

  // Each node's strongest edges; ties go to the more-mentioned neighbour, then by id.
  const byNode = new Map<string, NetworkEdge[]>();
  for (const found of edges.values()) {
    for (const id of [found.source, found.target]) {
      const list = byNode.get(id);
      if (list) list.push(found);
      else byNode.set(id, [found]);
    }
  }
  const keep = new Set<NetworkEdge>();
  for (const [id, list] of byNode) {
    const other = (item: NetworkEdge) => (item.source === id ? item.target : item.source);
    list
      .sort((a, b) => b.weight - a.weight || (counts.get(other(b)) ?? 0) - (counts.get(other(a)) ?? 0) || (other(a) < other(b) ? -1 : 1))
      .slice(0, edgesPerNode)
      .forEach((item) => keep.add(item));
  }
  const keptEdges = [...keep].sort((a, b) => b.weight - a.weight || byIds(a, b));
  const connected = new Set(keptEdges.flatMap((item) => [item.source, item.target]));

  return {
    nodes: kept
      .filter((entity) => connected.has(entity.id))
      .map((entity) => ({
        id: entity.id,
        name: entity.name,
        lines: labelLines(entity.name),
        kind: entity.kind,
        subtype: entity.subtype,
        path: entityPath(entity.kind, entity.id),
        mentions: counts.get(entity.id) ?? 0,
        size: counts.get(entity.id) ?? 0,
      })),
    edges: keptEdges,
    candidates: candidates.length,
  };
}

/** A small linear congruential generator (Numerical Recipes constants): d3's random source, seeded. */
export function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(1664525, state) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

export interface NetworkType {
  label: number;
  /** Node radius range in px, by the square root of mentions (area ∝ mentions). */
  minRadius: number;
  maxRadius: number;
}

export interface NetworkLayoutNode {
  id: string;
  x: number;
  y: number;
  r: number;
  /** `y` is the first line's baseline; further lines follow `lineHeight` apart. */
  label?: { x: number; y: number; anchor: TextAnchor; lineHeight: number; leader?: [number, number, number, number] };
}

export interface NetworkArtboard {
  width: number;
  height: number;
  nodes: NetworkLayoutNode[];
  type: NetworkType;
  /** Nodes whose label found no free place (empty once `layoutWithRoom` is done). */
  crowded: string[];
}

export interface NetworkChart extends NetworkGraph {
  wide: NetworkArtboard;
  narrow: NetworkArtboard;
}

export const NETWORK_ARTBOARDS = {
  wide: { width: 640, height: 480, type: { label: 12, minRadius: 3.5, maxRadius: 20 } },
  narrow: { width: 340, height: 420, type: { label: 11.5, minRadius: 3, maxRadius: 14 } },
} as const satisfies Record<string, { width: number; height: number; type: NetworkType }>;

/** Enough for d3's default cooling (alpha reaches its minimum after about 300 ticks). */
const TICKS = 300;
/**
 * Ego networks (a subject and at most a few dozen neighbours) settle sooner:
 * they cool to the same minimum in this many ticks. There is one per actor
 * page, laid out twice, so at 5,000 articles the full 300 ticks cost seconds.
 */
const EGO_TICKS = 120;
const ALPHA_MIN = 0.001;
const SEED = 0x5eed;

interface SimNode extends ForceNodeInput {
  id: string;
  r: number;
}

/** Force layout for one artboard, then labels for as many nodes as fit, largest first. */
export function layoutNetwork(graph: NetworkGraph, artboard: { width: number; height: number; type: NetworkType }, centre?: string): NetworkArtboard {
  const { width, height, type } = artboard;
  const maxSize = Math.max(1, ...graph.nodes.map((node) => node.size));
  const radius = (size: number) => type.minRadius + (type.maxRadius - type.minRadius) * Math.sqrt(Math.max(0, size - 1) / Math.max(1, maxSize - 1));
  const maxWeight = Math.max(1, ...graph.edges.map((item) => item.weight));

  // Fixed start: nodes sorted by id on a sunflower spiral around the centre.
  const sorted = [...graph.nodes].sort((a, b) => (a.id < b.id ? -1 : 1));
  const spacing = Math.min(width, height) / (2.2 * Math.sqrt(Math.max(1, sorted.length)));
  const nodes: SimNode[] = sorted.map((node, index) => {
    const angle = index * Math.PI * (3 - Math.sqrt(5));
    const distance = spacing * Math.sqrt(index + 0.5);
    const r = radius(node.size);
    const force = { charge: -120 - 12 * r, collide: r + 12 };
    // An ego network holds its subject at the centre while the rest settles around it.
    if (node.id === centre) return { id: node.id, r, x: width / 2, y: height / 2, fixed: { x: width / 2, y: height / 2 }, ...force };
    return { id: node.id, r, x: width / 2 + distance * Math.cos(angle), y: height / 2 + distance * Math.sin(angle), ...force };
  });
  const indexOf = new Map(nodes.map((node, index) => [node.id, index]));
  const links = graph.edges.map((item) => {
    const source = indexOf.get(item.source)!;
    const target = indexOf.get(item.target)!;
    return {
      source,
      target,
      distance: nodes[source]!.r + nodes[target]!.r + 30 + 40 * (1 - Math.sqrt(item.weight / maxWeight)),
      strength: 0.15 + 0.45 * Math.sqrt(item.weight / maxWeight),
    };
  });

  const margin = 8;
  const ticks = centre === undefined ? TICKS : EGO_TICKS;
  const simulation = new ForceSimulation(nodes, links, {
    // Pull harder along the short side so the layout takes the artboard's shape.
    x: { target: width / 2, strength: 0.04 * Math.min(1, height / width) + 0.01 },
    y: { target: height / 2, strength: 0.04 * Math.min(1, width / height) + 0.01 },
    collideIterations: 2,
    alphaDecay: 1 - ALPHA_MIN ** (1 / ticks),
    random: lcg(SEED),
  });
  const all = { link: true, charge: true, collide: true, x: true, y: true };
  for (let tick = 0; tick < ticks; tick++) simulation.tick(all);
  nodes.forEach((node, index) => {
    node.x = simulation.x[index]!;
    node.y = simulation.y[index]!;
  });

  // Stretch the layout to fill the artboard (leaving room for labels at the sides), then let only collisions settle.
  const left = Math.min(...nodes.map((node) => node.x - node.r));
  const right = Math.max(...nodes.map((node) => node.x + node.r));
  const top = Math.min(...nodes.map((node) => node.y - node.r));
  const bottom = Math.max(...nodes.map((node) => node.y + node.r));
  const padX = Math.max(margin, width * 0.12);
  const padY = margin + type.label;
  if (centre === undefined) {
    for (const node of nodes) {
      node.x = padX + ((node.x - left) / Math.max(1, right - left)) * (width - 2 * padX);
      node.y = padY + ((node.y - top) / Math.max(1, bottom - top)) * (height - 2 * padY);
    }
  } else {
    // Around a pinned subject: each side of it stretched to its own edge, so the subject stays at the centre.
    const scales = { left: Infinity, right: Infinity, up: Infinity, down: Infinity };
    for (const node of nodes) {
      const dx = node.x - width / 2;
      const dy = node.y - height / 2;
      if (dx < 0) scales.left = Math.min(scales.left, (width / 2 - padX - node.r) / -dx);
      if (dx > 0) scales.right = Math.min(scales.right, (width / 2 - padX - node.r) / dx);
      if (dy < 0) scales.up = Math.min(scales.up, (height / 2 - padY - node.r) / -dy);
      if (dy > 0) scales.down = Math.min(scales.down, (height / 2 - padY - node.r) / dy);
    }
    for (const node of nodes) {
      const dx = node.x - width / 2;
      const dy = node.y - height / 2;
      node.x = width / 2 + dx * (dx < 0 ? scales.left : scales.right);
      node.y = height / 2 + dy * (dy < 0 ? scales.up : scales.down);
    }
  }
  nodes.forEach((node, index) => {
    simulation.x[index] = node.x;
    simulation.y[index] = node.y;
  });
  simulation.alpha = 0.3;
  const collideOnly = { link: false, charge: false, collide: true, x: false, y: false };
  for (let tick = 0; tick < 60; tick++) {
    simulation.tick(collideOnly);
    // Clamped into the artboard after each tick.
    nodes.forEach((node, index) => {
      simulation.x[index] = Math.min(width - margin - node.r, Math.max(margin + node.r, simulation.x[index]!));
      simulation.y[index] = Math.min(height - margin - node.r, Math.max(margin + node.r, simulation.y[index]!));
    });
  }
  nodes.forEach((node, index) => {
    node.x = simulation.x[index]!;
    node.y = simulation.y[index]!;
  });

  const round = (value: number) => Math.round(value * 10) / 10;
  const positioned = nodes.map((node) => ({ id: node.id, x: round(node.x), y: round(node.y), r: round(node.r) }));
  const byId = new Map(graph.nodes.map((node) => [node.id, node]));
  const lineHeight = Math.ceil(type.label * 1.25);
  // Every node gets its label, beside it or set apart with a leader; bases and events are few and the
  // story's places and moments, so their labels go before actors of similar size.
  const priority = (node: { id: string; r: number }) => node.r + (byId.get(node.id)?.kind === 'actor' ? 0 : 4);
  const requests = [...positioned]
    .sort((a, b) => priority(b) - priority(a) || (a.id < b.id ? -1 : 1))
    .map((node) => {
      const lines = byId.get(node.id)?.lines ?? [node.id];
      return {
        id: node.id,
        x: node.x,
        y: node.y,
        radius: node.r,
        width: Math.max(...lines.map((line) => textWidth(line, type.label, { bold: true }))),
        height: lineHeight * lines.length,
        modes: ['beside', 'leader'] as ('beside' | 'leader' | 'centre')[],
      };
    });
  const obstacles = positioned.map((node) => ({ id: node.id, x: node.x - node.r, y: node.y - node.r, width: node.r * 2, height: node.r * 2 }));
  const placed = placeLabels(requests, { obstacles, bounds: { x: 1, y: 1, width: width - 2, height: height - 2 }, gap: 2, padding: 1 });
  const labels = new Map(placed.map((label) => [label.id, label]));

  return {
    width,
    height,
    // Drawing order: big nodes last, on top.
    nodes: positioned
      .sort((a, b) => a.r - b.r || (a.id < b.id ? -1 : 1))
      .map((node) => {
        const label = labels.get(node.id);
        return {
          ...node,
          ...(label && {
            label: { x: label.x, y: round(label.box.y + lineHeight * 0.78), anchor: label.anchor, lineHeight, ...(label.leader && { leader: label.leader }) },
          }),
        };
      }),
    type,
    crowded: placed.filter((label) => label.forced).map((label) => label.id),
  };
}

/**
 * `layoutNetwork`, redone without the least-mentioned node whose label found
 * no free place, until every label has one: a smaller network whose every
 * node is named beats a bigger one with labels over each other. The subject
 * of an ego network always stays. Nodes left without an edge go too.
 */
export function layoutWithRoom(graph: NetworkGraph, artboard: { width: number; height: number; type: NetworkType }, centre?: string): NetworkArtboard {
  let current = graph;
  for (;;) {
    const board = layoutNetwork(current, artboard, centre);
    if (board.crowded.length === 0 || current.nodes.length <= 2) return board;
    const sizes = new Map(current.nodes.map((node) => [node.id, node.size]));
    const dropped = board.crowded
      .filter((id) => id !== centre)
      .sort((a, b) => (sizes.get(a) ?? 0) - (sizes.get(b) ?? 0) || (a < b ? 1 : -1))[0];
    if (dropped === undefined) return board;
    const edges = current.edges.filter((edge) => edge.source !== dropped && edge.target !== dropped);
    const linked = new Set(edges.flatMap((edge) => [edge.source, edge.target]));
    current = { ...current, nodes: current.nodes.filter((node) => linked.has(node.id) || node.id === centre), edges };
  }
}

/** At most this many nodes in the whole story's network (the home page): past it, no layout stays legible at 340 px. */
export const HOME_NETWORK_NODES = 25;

/** The whole story's network, or undefined when there are no connected entities. */
export function buildNetworkChart(model: Pick<KnowledgeModel, 'entities' | 'mentions' | 'relations'>, options: NetworkOptions = {}): NetworkChart | undefined {
  const graph = buildNetworkGraph(model, { maxNodes: HOME_NETWORK_NODES, ...options });
  if (graph.nodes.length < 2) return undefined;
  return { ...graph, wide: layoutWithRoom(graph, NETWORK_ARTBOARDS.wide), narrow: layoutWithRoom(graph, NETWORK_ARTBOARDS.narrow) };
}

export const EGO_ARTBOARDS = {
  wide: { width: 640, height: 380, type: { label: 12, minRadius: 3.5, maxRadius: 18 } },
  narrow: { width: 340, height: 360, type: { label: 11.5, minRadius: 3, maxRadius: 13 } },
} as const satisfies Record<string, { width: number; height: number; type: NetworkType }>;

/** A graph's edges by the nodes they join and by pair, and its nodes' positions, made once per graph. */
interface GraphIndex {
  incident: Map<string, NetworkEdge[]>;
  byPair: Map<string, NetworkEdge>;
  nodeOrder: Map<string, number>;
}
const graphIndexes = new WeakMap<NetworkGraph, GraphIndex>();

/**
 * Cutting one ego network from the whole graph scanned every edge and node;
 * once per actor, at 5,000 articles, that was seconds of quadratic work.
 */
function indexGraph(full: NetworkGraph): GraphIndex {
  let index = graphIndexes.get(full);
  if (index) return index;
  index = {
    // A loop joins its node once.
    incident: groupByEach(full.edges, (edge) => new Set([edge.source, edge.target])),
    // One edge per pair (buildNetworkGraph merges them), keyed as pairKey keys it.
    byPair: new Map(full.edges.map((edge) => [pairKey(edge.source, edge.target)[2], edge])),
    nodeOrder: new Map(full.nodes.map((node, position) => [node.id, position])),
  };
  graphIndexes.set(full, index);
  return index;
}

/**
 * One entity and its strongest connections, from the unpruned graph
 * (`buildNetworkGraph` with no caps): the subject's strongest links, and each
 * neighbour's `edgesPerNode` strongest links to the other neighbours, so the
 * picture shows who among them belongs together. Undefined with fewer than
 * `minNeighbours`: a star of one or two lines says no more than a list.
 *
 * Everything it measures is local to the subject, so that its chart changes only
 * with an article that names the subject, like the rest of the subject's page
 * (adding one article used to change almost every actor page through the hubs'
 * totals): a neighbour is sized by the sentences naming it with the subject, not by
 * its mentions in the whole story; ties go by id; and a link between two neighbours
 * keeps no count (drawn light, weight 1), its global weight only choosing whether it
 * is drawn.
 */
export function egoGraph(full: NetworkGraph, id: string, options: { maxNeighbours?: number; edgesPerNode?: number; minNeighbours?: number } = {}): NetworkGraph | undefined {
  const maxNeighbours = options.maxNeighbours ?? 12;
  const edgesPerNode = options.edgesPerNode ?? 2;
  const { incident: edgesOf, byPair, nodeOrder } = indexGraph(full);
  const other = (edge: NetworkEdge, from: string) => (edge.source === from ? edge.target : edge.source);
  const byStrength = (from: string) => (a: NetworkEdge, b: NetworkEdge) => b.weight - a.weight || (other(a, from) < other(b, from) ? -1 : 1);
  const nodeOf = (node: string) => full.nodes[nodeOrder.get(node) ?? -1];
  const incident = [...(edgesOf.get(id) ?? [])].filter((edge) => edge.source !== edge.target && nodeOf(other(edge, id))).sort(byStrength(id));
  const spokes = incident.slice(0, maxNeighbours);
  const subject = nodeOf(id);
  if (!subject || spokes.length < (options.minNeighbours ?? 3)) return undefined;
  const neighbours = spokes.map((edge) => other(edge, id));
  // Looked up by pair (at most 66 for 12 neighbours): scanning each neighbour's edges instead went
  // through every edge of the hubs (a state names thousands of others) for every actor.
  const among: NetworkEdge[] = [];
  neighbours.forEach((a, i) =>
    neighbours.slice(i + 1).forEach((b) => {
      const edge = byPair.get(pairKey(a, b)[2]);
      if (edge) among.push(edge);
    }),
  );
  const context = new Set<NetworkEdge>();
  for (const node of neighbours) {
    among
      .filter((edge) => edge.source === node || edge.target === node)
      .sort(byStrength(node))
      .slice(0, edgesPerNode)
      .forEach((edge) => context.add(edge));
  }
  const neighbourNode = (edge: NetworkEdge): NetworkNode => {
    const { mentions: _story, ...node } = nodeOf(other(edge, id))!;
    return { ...node, size: edge.weight };
  };
  return {
    nodes: [{ ...subject, size: subject.mentions ?? subject.size }, ...spokes.map(neighbourNode)],
    edges: [...spokes, ...[...context].sort(byIds).map(({ sentences: _count, ...edge }) => ({ ...edge, weight: 1 }))],
    candidates: incident.length + 1,
  };
}

/** One actor's ego network, cut from the whole graph by `egoGraph`, before its layout. */
export interface EgoGraph {
  id: string;
  graph: NetworkGraph;
}

/** The ego networks of `ids`, those with enough connections. Cheap: the layouts are the cost. */
export function egoGraphs(full: NetworkGraph, ids: readonly string[]): EgoGraph[] {
  return ids.flatMap((id) => {
    const graph = egoGraph(full, id);
    return graph ? [{ id, graph }] : [];
  });
}

/**
 * An ego network laid out for both artboards, the subject pinned at the centre.
 * A function of `ego` alone, so a layout can be reused while its graph is the same.
 */
export function layoutEgoNetwork({ id, graph }: EgoGraph): NetworkChart {
  return { ...graph, wide: layoutWithRoom(graph, EGO_ARTBOARDS.wide, id), narrow: layoutWithRoom(graph, EGO_ARTBOARDS.narrow, id) };
}

/** `egoGraph` laid out for both artboards. */
export function buildEgoNetworkChart(full: NetworkGraph, id: string): NetworkChart | undefined {
  const graph = egoGraph(full, id);
  return graph ? layoutEgoNetwork({ id, graph }) : undefined;
}

/** Ego networks laid out, as [id, chart] pairs: the unit of work a thread takes. */
export function layoutEgoNetworks(egos: readonly EgoGraph[]): [string, NetworkChart][] {
  return egos.map((ego) => [ego.id, layoutEgoNetwork(ego)]);
}
