/**
 * Edge: run one build step as a child process and measure it: wall time, CPU
 * time, and the peak resident size of its whole process tree (Pagefind is a
 * separate binary), sampled every 100 ms from /proc.
 *
 * CPU time because this machine is shared: with other builds running, wall
 * seconds stretch with the load, while the CPU seconds a build needs move far
 * less. The step runs under `sh`, which waits for it and then copies its own
 * /proc stat, whose cutime and cstime hold the CPU time of every process it
 * and its descendants waited for.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { PhaseResult } from './site-figures.ts';

/** Resident memory of a process and all its descendants (KiB), from /proc. */
export function treeRssKiB(pid: number): number {
  let total = 0;
  const visit = (id: number) => {
    try {
      const status = readFileSync(`/proc/${id}/status`, 'utf8');
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
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

/** CPU seconds of the waited-for children in a /proc/<pid>/stat line (cutime + cstime). */
export function childCpuSeconds(stat: string, ticksPerSecond = USER_HZ): number | undefined {
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).trim().split(/\s+/);
  const cutime = Number(fields[13]);
  const cstime = Number(fields[14]);
  return Number.isFinite(cutime) && Number.isFinite(cstime) ? (cutime + cstime) / ticksPerSecond : undefined;
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
    const sampler = setInterval(() => (peak = Math.max(peak, child.pid ? treeRssKiB(child.pid) : 0)), 100);
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
      rmSync(statFolder, { recursive: true, force: true });
      resolve({ seconds: (performance.now() - started) / 1000, cpuSeconds, peakRssMiB: peak / 1024, output, exitCode: code });
    });
  });
}
