import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

interface Step {
  name?: string;
  if?: string;
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
const summaryStep = () => steps.find((step) => step.run?.includes('$GITHUB_STEP_SUMMARY'));

describe('deploy workflow', () => {
  it('runs on every push to main', () => {
    expect(workflow.on.push?.branches).toContain('main');
  });

  it('only runs npm commands that exist in package.json (and the step that shows the report)', () => {
    const commands = steps.filter((step) => step !== summaryStep()).flatMap((step) => (step.run ? step.run.split(/\n|&&/).map((line) => line.trim()).filter(Boolean) : []));
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

  it('appends build/report.md to the job summary after the build, also when the build failed', () => {
    const summary = summaryStep();
    expect(summary, 'a step writing to $GITHUB_STEP_SUMMARY').toBeDefined();
    expect(summary!.run).toMatch(/^cat build\/report\.md >> "\$GITHUB_STEP_SUMMARY"/);
    expect(summary!.if).toBe('always()');
    expect(steps.indexOf(summary!)).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm run build'));
  });

  it('restores and saves the pipeline and Astro caches between npm ci and the build', () => {
    const cache = steps.find((step) => step.uses?.split('@')[0] === 'actions/cache');
    expect(cache, 'an actions/cache step').toBeDefined();
    const index = steps.indexOf(cache!);
    // npm ci empties node_modules/, where Astro keeps its cache: restore after it.
    expect(index).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm ci'));
    expect(index).toBeLessThan(steps.findIndex((step) => step.run === 'npm run build'));
    const paths = String(cache!.with?.path).split('\n').map((line) => line.trim()).filter(Boolean);
    // Where scripts/io/cache.ts keeps the pipeline cache, and Astro's cacheDir default.
    expect(readFileSync(new URL('../../../scripts/io/cache.ts', import.meta.url), 'utf8')).toContain("new URL('.cache/briefing/', root)");
    expect(readFileSync(new URL('../../../scripts/io/layout-cache.ts', import.meta.url), 'utf8')).toContain("new URL('.cache/layouts/ego.json', root)");
    expect(paths).toEqual(expect.arrayContaining(['.cache/briefing', '.cache/layouts', 'node_modules/.astro']));
    const key = String(cache!.with?.key);
    expect(key).toContain("hashFiles('package-lock.json')");
    for (const code of ["'scripts/**'", "'src/**'", "'astro.config.mjs'"]) expect(key).toContain(code);
    expect(key).toContain("hashFiles('content/**')");
    // A push that changes only content/ finds the last cache of the same code through the first restore key.
    const restoreKeys = String(cache!.with?.['restore-keys']).split('\n').map((line) => line.trim()).filter(Boolean);
    expect(restoreKeys[0]).toBe(key.slice(0, key.indexOf("${{ hashFiles('content/**') }}")));
    for (const restoreKey of restoreKeys) expect(key.startsWith(restoreKey)).toBe(true);
  });

  it('pins Node 24 for npm scripts and states the engine requirement', () => {
    expect(pkg.devDependencies.node).toMatch(/^\^?24\./);
    // The first Node that runs TypeScript without a flag: the scripts need no loader.
    expect(pkg.engines.node).toBe('>=22.18');
    for (const [name, command] of Object.entries(pkg.scripts)) {
      for (const run of command.split('&&').map((part) => part.trim())) {
        if (/\.ts\b/.test(run)) expect(run, name).toMatch(/^node (?:--[\w-]+=\S+ )*scripts\/\S+\.ts\b/);
      }
    }
  });
});
