/**
 * Edge: run one build step as a child process and measure it: wall time, and
 * the peak resident size of its whole process tree (Pagefind is a separate
 * binary), sampled every 100 ms from /proc.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
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

export interface MeasuredStep extends PhaseResult {
  /** Its stdout and stderr, interleaved as they came. */
  output: string;
  exitCode: number | null;
}

/** Runs `process.execPath args…` in `cwd` with NODE_ENV=production, sampling its tree's RSS. */
export function runMeasured(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<MeasuredStep> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd, env: { ...process.env, NODE_ENV: 'production', ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
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
      resolve({ seconds: (performance.now() - started) / 1000, peakRssMiB: peak / 1024, output, exitCode: code });
    });
  });
}
