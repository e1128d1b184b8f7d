import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
          // The stages are pure, so test files can share one module graph per worker: loading the
          // gazetteer and the pipeline once per worker instead of once per file halves the unit run.
          isolate: false,
          // A hang guard, not a speed figure: the machines are shared, and at a load of 20 a 5 s default failed tests that build whole corpora.
          testTimeout: 30_000,
        },
      },
      {
        test: {
          // Whole builds (briefing, Astro, Pagefind) in throw-away copies of the project: slow, no browser.
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          // Browser tests share one built site and one Chromium; run files one after another.
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 600_000,
          globalSetup: ['tests/e2e/setup/global.ts'],
        },
      },
    ],
  },
});
