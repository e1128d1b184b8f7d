/** Resolve stage: discovered names + registry + reference data → one entity per referent, the candidates left over, and curation notes. */
export { resolveEntities, type ResolveInputs, type Resolution } from './resolve-entities.ts';
export { DEFAULT_DISCOVERY_THRESHOLDS, type DiscoveryThresholds } from './thresholds.ts';
export { NO_REFERENCE_DATA, gazetteerFrom, placeKey, type CountryRecord, type GazetteerPlace, type ReferenceData } from './reference.ts';
export { namesMatch, wordsMatch, foldName } from './similar-names.ts';
