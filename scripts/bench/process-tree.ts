/**
 * Edge: run one build step as a child process and measure it: wall time, CPU
 * time, and the peak resident size of its whole process tree (Pagefind is a
 * separate binary), sampled every 100 ms from /proc.
 *
 * CPU time because this machine is shared: with other builds running, wall
 * seconds stretch with the load, while the CPU seconds a build needs move far
 * less. The step runs under `sh`, which waits for it and then copies its own
 * /proc stat, whose cutime and cstime hold the CPU time of every process it
 * and its descendants waited for. A process its parent never waited for (it
 * exits first, as the bare site's Astro seemed to before reaping its Pagefind
 * binary: 53–57 s of CPU for a build whose Pagefind alone keeps both cores
 * busy for 30 s) is missing from those; so each process's own CPU time is
 * also read at each sample, and the step's CPU is the larger of the two sums.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PhaseResult } from './site-figures.ts';

/**
 * One sample of a process and all its descendants, from /proc: their resident
 * memory (KiB), returned; and into `cpu`, each one's own CPU seconds so far
 * (`ownCpuSeconds`), by pid. One walk of the tree for both.
 */
export function sampleTree(pid: number, cpu?: Map<number, number>): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const seconds = cpu && ownCpuSeconds(readFileSync(`/proc/${id}/stat`, 'utf8'));
      if (cpu && seconds !== undefined) cpu.set(id, Math.max(cpu.get(id) ?? 0, seconds));
      for (const task of readdirSync(`/proc/${id}/task`)) {
        const children = readFileSync(`/proc/${id}/task/${task}/children`, 'utf8').trim();
        if (children) for (const child of children.split(/\s+/)) visit(Number(child));
      }
    } catch {
      // the process ended between two reads
    }
  };
  visit(pid);
  return total;
}

/** Clock ticks per second of /proc's times (USER_HZ: 100 on Linux, whatever the kernel's HZ). */
const USER_HZ = 100;

/** Two adjacent tick counts of a /proc/<pid>/stat line, from field `first` (1-based, as proc(5) numbers them), in seconds. */
function statSeconds(stat: string, first: number, ticksPerSecond: number): number | undefined {
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
  const a = Number(fields[first - 3]);
  const b = Number(fields[first - 2]);
  return Number.isFinite(a) && Number.isFinite(b) ? (a + b) / ticksPerSecond : undefined;
}

/** CPU seconds of the waited-for children in a /proc/<pid>/stat line (cutime + cstime). */
export function childCpuSeconds(stat: string, ticksPerSecond = USER_HZ): number | undefined {
  return statSeconds(stat, 16, ticksPerSecond);
}

/** CPU seconds of the process itself in a /proc/<pid>/stat line (utime + stime, every thread). */
export function ownCpuSeconds(stat: string, ticksPerSecond = USER_HZ): number | undefined {
  return statSeconds(stat, 14, ticksPerSecond);
}

export interface MeasuredStep extends PhaseResult {
  /** Its stdout and stderr, interleaved as they came. */
  output: string;
  exitCode: number | null;
}

/**
 * Runs `process.execPath args…` in `cwd` with NODE_ENV=production, sampling its tree's RSS. BRIEFING_VERBOSE=1:
 * the briefing build prints the per-phase progress lines the phase table reads only then.
 */
export function runMeasured(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<MeasuredStep> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const statFolder = mkdtempSync(join(tmpdir(), 'bench-cpu-'));
    const statFile = join(statFolder, 'stat');
    const wrapper = 'node="$1"; shift; "$node" "$@"; status=$?; cat /proc/$$/stat > "$BENCH_STAT_FILE"; exit $status';
    const child = spawn('sh', ['-c', wrapper, 'sh', process.execPath, ...args], { cwd, env: { ...process.env, NODE_ENV: 'production', BRIEFING_VERBOSE: '1', ...env, BENCH_STAT_FILE: statFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let peak = 0;
    /** Each process's own CPU seconds, as last seen: they count even if no parent waited for them. */
    const seen = new Map<number, number>();
    const sampler = setInterval(() => (peak = Math.max(peak, child.pid ? sampleTree(child.pid, seen) : 0)), 100);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', (error) => {
      clearInterval(sampler);
      reject(error);
    });
    child.on('close', (code) => {
      clearInterval(sampler);
      let cpuSeconds: number | undefined;
      try {
        cpuSeconds = childCpuSeconds(readFileSync(statFile, 'utf8'));
      } catch {
        // no stat: the shell was killed before it could copy it
      }
      // A process seen while it ran but never waited for is in this sum only; the waited-for ones are
      // in both, and more exactly in the first (a sample is up to 100 ms old).
      const sampled = [...seen.values()].reduce((sum, seconds) => sum + seconds, 0);
      if (seen.size > 0) cpuSeconds = Math.max(cpuSeconds ?? 0, sampled);
      rmSync(statFolder, { recursive: true, force: true });
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds, peakRssMiB: peak / 1024, output, exitCode: code });
    });
  });
}
