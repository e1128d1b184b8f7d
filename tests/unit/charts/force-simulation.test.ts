import { describe, expect, it } from 'vitest';
import { forceCollide, forceLink, forceManyBody, forceSimulation, forceX, forceY, type SimulationNodeDatum } from 'd3';
import { ForceSimulation, type ForceLinkInput, type ForceNodeInput, type ForceSet } from '../../../scripts/pipeline/charts/force-simulation.ts';
import { lcg } from '../../../scripts/pipeline/charts/network.ts';

/**
 * The oracle: d3-force itself, set up as the network charts set up their
 * simulation. ForceSimulation must give the very same numbers.
 */
interface Case {
  nodes: ForceNodeInput[];
  links: ForceLinkInput[];
  x: { target: number; strength: number };
  y: { target: number; strength: number };
  alphaDecay: number;
  seed: number;
  /** Ticks with every force, then ticks with collisions only from alpha 0.3, moving the points between the two. */
  ticks: number;
  settle: number;
  clamp?: { x0: number; x1: number; y0: number; y1: number };
  /** Node 0 (pinned) left without a position between the phases, as the network's rescale leaves a lone subject (0 × ∞). */
  unplace?: boolean;
}

type D3Node = SimulationNodeDatum & { charge: number; collide: number };

function withD3(test: Case): number[] {
  const nodes: D3Node[] = test.nodes.map((node) => ({ x: node.x, y: node.y, charge: node.charge, collide: node.collide, ...(node.fixed && { fx: node.fixed.x, fy: node.fixed.y }) }));
  const links = test.links.map((link) => ({ ...link }));
  const simulation = forceSimulation(nodes)
    .randomSource(lcg(test.seed))
    .force('link', forceLink<D3Node, (typeof links)[number]>(links).distance((link) => link.distance).strength((link) => link.strength))
    .force('charge', forceManyBody<D3Node>().strength((node) => node.charge))
    .force('collide', forceCollide<D3Node>((node) => node.collide).iterations(2))
    .force('x', forceX<D3Node>(test.x.target).strength(test.x.strength))
    .force('y', forceY<D3Node>(test.y.target).strength(test.y.strength))
    .stop();
  simulation.alphaDecay(test.alphaDecay);
  for (let tick = 0; tick < test.ticks; tick++) simulation.tick();
  for (const node of nodes) (node.x = node.x! * 1.25 - 10), (node.y = node.y! * 0.8 + 5);
  if (test.unplace) (nodes[0]!.x = NaN), (nodes[0]!.y = NaN);
  simulation.force('link', null).force('charge', null).force('x', null).force('y', null).alpha(0.3);
  for (let tick = 0; tick < test.settle; tick++) {
    simulation.tick();
    if (test.clamp) for (const node of nodes) (node.x = Math.min(test.clamp.x1, Math.max(test.clamp.x0, node.x!))), (node.y = Math.min(test.clamp.y1, Math.max(test.clamp.y0, node.y!)));
  }
  return nodes.flatMap((node) => [node.x!, node.y!, node.vx!, node.vy!]);
}

function withPort(test: Case): number[] {
  const simulation = new ForceSimulation(test.nodes, test.links, { x: test.x, y: test.y, collideIterations: 2, alphaDecay: test.alphaDecay, random: lcg(test.seed) });
  const all: ForceSet = { link: true, charge: true, collide: true, x: true, y: true };
  for (let tick = 0; tick < test.ticks; tick++) simulation.tick(all);
  for (let i = 0; i < test.nodes.length; i++) (simulation.x[i] = simulation.x[i]! * 1.25 - 10), (simulation.y[i] = simulation.y[i]! * 0.8 + 5);
  if (test.unplace) (simulation.x[0] = NaN), (simulation.y[0] = NaN);
  simulation.alpha = 0.3;
  const collideOnly: ForceSet = { link: false, charge: false, collide: true, x: false, y: false };
  for (let tick = 0; tick < test.settle; tick++) {
    simulation.tick(collideOnly);
    if (test.clamp) for (let i = 0; i < test.nodes.length; i++) (simulation.x[i] = Math.min(test.clamp.x1, Math.max(test.clamp.x0, simulation.x[i]!))), (simulation.y[i] = Math.min(test.clamp.y1, Math.max(test.clamp.y0, simulation.y[i]!)));
  }
  return test.nodes.flatMap((_, i) => [simulation.x[i]!, simulation.y[i]!, simulation.vx[i]!, simulation.vy[i]!]);
}

/** A random graph: a star around node 0 (sometimes pinned), extra edges, and now and then points placed on top of each other. */
function randomCase(seed: number): Case {
  const random = lcg(seed * 7919 + 1);
  const count = 1 + Math.floor(random() * (random() < 0.2 ? 40 : 14));
  const stacked = random() < 0.3;
  const nodes: ForceNodeInput[] = Array.from({ length: count }, (_, i) => {
    const r = 3 + random() * 17;
    const at = stacked && i > 0 && random() < 0.4 ? { x: 100, y: 100 } : { x: random() * 640, y: random() * 480 };
    return { ...at, charge: -120 - 12 * r, collide: r + 12 };
  });
  const pinned = count > 1 && random() < 0.5;
  if (pinned) nodes[0] = { ...nodes[0]!, fixed: { x: 320, y: 240 } };
  const links: ForceLinkInput[] = [];
  for (let i = 1; i < count; i++) if (random() < 0.9) links.push({ source: 0, target: i, distance: 40 + random() * 60, strength: 0.15 + random() * 0.45 });
  for (let k = 0; k < count; k++) {
    const source = Math.floor(random() * count);
    const target = Math.floor(random() * count);
    if (source !== target) links.push({ source, target, distance: 40 + random() * 60, strength: 0.15 + random() * 0.45 });
  }
  const ticks = 1 + Math.floor(random() * 150);
  return {
    nodes,
    links,
    x: { target: 320, strength: 0.01 + random() * 0.05 },
    y: { target: 240, strength: 0.01 + random() * 0.05 },
    alphaDecay: 1 - 0.001 ** (1 / ticks),
    seed,
    ticks,
    settle: Math.floor(random() * 60),
    ...(random() < 0.7 && { clamp: { x0: 20, x1: 600, y0: 20, y1: 440 } }),
    ...(pinned && random() < 0.5 && { unplace: true }),
  };
}

describe('ForceSimulation', () => {
  it('gives exactly the positions and velocities d3-force gives, on 400 random graphs', () => {
    let unplaced = 0;
    for (let seed = 1; seed <= 400; seed++) {
      const test = randomCase(seed);
      if (test.unplace) unplaced++;
      expect(withPort(test), `seed ${seed}`).toEqual(withD3(test));
    }
    expect(unplaced).toBeGreaterThan(20);
  });

  it('matches d3 where points start on top of each other (coincident points jiggle the same way)', () => {
    const nodes: ForceNodeInput[] = Array.from({ length: 9 }, (_, i) => ({ x: i < 5 ? 50 : 50 + i, y: 50, charge: -150, collide: 15 }));
    const links: ForceLinkInput[] = [{ source: 0, target: 1, distance: 30, strength: 0.5 }, { source: 2, target: 3, distance: 30, strength: 0.5 }];
    const test: Case = { nodes, links, x: { target: 100, strength: 0.05 }, y: { target: 100, strength: 0.05 }, alphaDecay: 0.05, seed: 3, ticks: 80, settle: 30 };
    const port = withPort(test);
    expect(port).toEqual(withD3(test));
    expect(new Set(port.filter((_, i) => i % 4 === 0)).size).toBe(9);
  });

  it('holds a fixed node where it is pinned, with no velocity', () => {
    const simulation = new ForceSimulation(
      [{ x: 0, y: 0, fixed: { x: 10, y: 20 }, charge: -100, collide: 10 }, { x: 30, y: 30, charge: -100, collide: 10 }],
      [{ source: 0, target: 1, distance: 50, strength: 1 }],
      { x: { target: 0, strength: 0.1 }, y: { target: 0, strength: 0.1 }, collideIterations: 1, alphaDecay: 0.02, random: lcg(1) },
    );
    for (let tick = 0; tick < 50; tick++) simulation.tick({ link: true, charge: true, collide: true, x: true, y: true });
    expect([simulation.x[0], simulation.y[0], simulation.vx[0], simulation.vy[0]]).toEqual([10, 20, 0, 0]);
    expect(Math.hypot(simulation.x[1]! - 10, simulation.y[1]! - 20)).toBeGreaterThan(30);
  });
});
