/** Discover stage: capitalised names in the texts, with the cues around them, for the resolve stage and the report. */
export { discoverCandidates, discoverNames, type DiscoveredName, type DiscoveryArticle, type DiscoveryParagraph, type NameSighting, type RoleSighting } from './discover-candidates.ts';
