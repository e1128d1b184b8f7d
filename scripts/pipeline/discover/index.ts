/** Discover stage: unlinked name-like phrases → candidates for the registry. */
export { discoverCandidates } from './discover-candidates.ts';
