/** Link stage: registry surface forms → mentions in segmented articles. */
export { buildAliasIndex, type AliasIndex } from './alias-index.ts';
export { entitiesNamedIn, linkMentions, scanArticle, type ArticleScan } from './link-mentions.ts';
export { installationIndex, statementEntities, type InstallationIndex } from './installations.ts';
