/**
 * `npx node scripts/bench/profile-summary.ts <file.cpuprofile> [--top 30] [--filter text] [--lines text]`
 *
 * Summarises a V8 CPU profile (`node --cpu-prof`) without a browser: self time
 * and total (inclusive) time per function, the top N of each. Total time counts
 * a function once per sample even when it recurses, so the figures add up.
 * `--lines text` lists the hottest source lines of the functions matching `text`.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
  /** Samples per source line (1-based) where this node itself was running. */
  positionTicks?: { line: number; ticks: number }[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

function label(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^.*\/node_modules\//, '~/').replace(/^.*\/(scripts|src)\//, '$1/');
  return `${functionName || '(anonymous)'} ${file}:${lineNumber + 1}`;
}

/** Self and inclusive milliseconds per function (pure). */
export function summarise(profile: Profile): FunctionTime[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const times = new Map<string, FunctionTime>();
  const entry = (name: string) => times.get(name) ?? times.set(name, { name, selfMs: 0, totalMs: 0 }).get(name)!;
  profile.samples.forEach((id, index) => {
    const ms = (profile.timeDeltas[index] ?? 0) / 1000;
    const leaf = byId.get(id);
    if (!leaf) return;
    entry(label(leaf)).selfMs += ms;
    const seen = new Set<string>();
    for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parent.get(node.id) ?? -1)) {
      const name = label(node);
      if (seen.has(name)) continue;
      seen.add(name);
      entry(name).totalMs += ms;
    }
  });
  return [...times.values()];
}

/** Self samples per `file:line` of the functions whose label contains `match` (pure). */
export function hotLines(profile: Profile, match: string): { line: string; ticks: number }[] {
  const ticks = new Map<string, number>();
  for (const node of profile.nodes) {
    const name = label(node);
    if (!name.includes(match)) continue;
    const file = name.slice(name.lastIndexOf(' ') + 1).replace(/:\d+$/, '');
    for (const { line, ticks: count } of node.positionTicks ?? []) ticks.set(`${file}:${line}`, (ticks.get(`${file}:${line}`) ?? 0) + count);
  }
  return [...ticks].map(([line, count]) => ({ line, ticks: count })).sort((a, b) => b.ticks - a.ticks);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [--top N] [--filter text]');
  const at = (name: string) => process.argv[process.argv.indexOf(name) + 1];
  const top = process.argv.includes('--top') ? Number(at('--top')) : 30;
  const filter = process.argv.includes('--filter') ? at('--filter') : undefined;
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  if (process.argv.includes('--lines')) {
    for (const { line, ticks } of hotLines(profile, at('--lines') ?? '').slice(0, top)) console.log(`${String(ticks).padStart(8)} samples  ${line}`);
    process.exit(0);
  }
  const rows = summarise(profile).filter((row) => !filter || row.name.includes(filter));
  const all = rows.reduce((sum, row) => sum + row.selfMs, 0);
  const show = (title: string, key: 'selfMs' | 'totalMs') => {
    console.log(`\n${title}`);
    for (const row of [...rows].sort((a, b) => b[key] - a[key]).slice(0, top)) {
      console.log(`${(row[key] / 1000).toFixed(2).padStart(8)} s ${((100 * row[key]) / all).toFixed(1).padStart(5)} %  ${row.name}`);
    }
  };
  show('self time', 'selfMs');
  show('total time', 'totalMs');
}
