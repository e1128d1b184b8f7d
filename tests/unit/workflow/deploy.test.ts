import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Workflow {
  on: { push?: { branches?: string[] } };
  jobs: Record<string, { steps: Step[] }>;
}

const workflow = parse(readFileSync(new URL('../../../.github/workflows/deploy.yml', import.meta.url), 'utf8')) as Workflow;
const pkg = JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as {
  scripts: Record<string, string>;
  devDependencies: Record<string, string>;
  engines: Record<string, string>;
};
const steps = Object.values(workflow.jobs).flatMap((job) => job.steps);

describe('deploy workflow', () => {
  it('runs on every push to main', () => {
    expect(workflow.on.push?.branches).toContain('main');
  });

  it('only runs npm commands that exist in package.json', () => {
    const commands = steps.flatMap((step) => (step.run ? step.run.split(/\n|&&/).map((line) => line.trim()).filter(Boolean) : []));
    expect(commands.length).toBeGreaterThan(0);
    for (const command of commands) {
      const match = /^npm (?:run (\S+)|(ci|install|test))\b/.exec(command);
      expect(match, `unexpected command: ${command}`).not.toBeNull();
      const script = match![1] ?? (match![2] === 'test' ? 'test' : undefined);
      if (script) expect(pkg.scripts, `npm script "${script}"`).toHaveProperty(script);
    }
  });

  it('builds with Node 24, caches npm and deploys dist/ with the Pages actions', () => {
    const setupNode = steps.find((step) => step.uses?.startsWith('actions/setup-node'));
    expect(String(setupNode?.with?.['node-version'])).toBe('24');
    expect(setupNode?.with?.cache).toBe('npm');
    const uses = steps.map((step) => step.uses?.split('@')[0]);
    for (const action of ['actions/configure-pages', 'actions/upload-pages-artifact', 'actions/deploy-pages']) expect(uses).toContain(action);
    expect(steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
  });

  it('passes site and base from the Pages configuration to the build', () => {
    const build = steps.find((step) => step.run === 'npm run build');
    expect(build?.env?.SITE).toContain('steps.pages.outputs.origin');
    expect(build?.env?.BASE).toContain('steps.pages.outputs.base_path');
  });

  it('pins Node 24 for npm scripts and states the engine requirement', () => {
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./);
    expect(pkg.engines.node).toBe('>=22.12');
  });
});
