/** Ports of the four preview servers: E2E_PORT moves them (4400–4403 by default), so two checkouts can run the browser tests at once. */
export const basePort = Number(process.env.E2E_PORT ?? 4400);
export const ports = { root: basePort, subpath: basePort + 1, hostile: basePort + 2, second: basePort + 3 } as const;
export const rootUrl = `http://127.0.0.1:${ports.root}`;
export const subpathBase = '/briefing/';
export const subpathUrl = `http://127.0.0.1:${ports.subpath}${subpathBase.replace(/\/$/, '')}`;
/** Where the sub-path build goes; gitignored with the rest of build/. */
export const subpathOutDir = 'build/e2e-subpath';
/** A second build of the same input, compared byte for byte with dist/ (tests/e2e/reproducible.test.ts). */
export const reproOutDir = 'build/e2e-repro';

/** The hostile corpus (seeds + malformed articles) is built here and served on its own port. */
export const hostileContentDir = 'build/hostile-content';
export const hostileOutDir = 'build/e2e-hostile';
export const hostileUrl = `http://127.0.0.1:${ports.hostile}`;

/** The corpus the site under test is built from (a copy of the seeds with their registry and settings). */
export const seedContentDir = 'tests/fixtures/seed-story';

/** A second story (another region, another cast, no registry), built from the texts alone and served on its own port. */
export const secondStoryContentDir = 'tests/fixtures/second-story';
export const secondStoryOutDir = 'build/e2e-second';
export const secondStoryUrl = `http://127.0.0.1:${ports.second}`;
