/** The relate stage: shared text, independence, claim groups, co-mention relations. */
export { articleReuse, detectSharedPassages, fingerprintArticle, type ReuseFingerprint } from './shared-passages.ts';
export { countIndependent, countIndependentSupport, independentGroups } from './independence.ts';
export { groupClaims, type GroupClaimsInput } from './group-claims.ts';
export { EVENT_KEYWORDS, eventKeyword } from './event-keywords.ts';
export { buildRelations } from './relations.ts';
export { detectEventMentions } from './event-mentions.ts';
export { EVENT_TYPES } from '../shared/event-types.ts';
export { clusterEventMentions, eventName, type DetectedEvents } from './detected-events.ts';
export { resolveEventAnchored, type AnchoredDate } from './event-anchored.ts';
export type {
  ArticleReuse,
  ClaimGroupDetail,
  IndependentSupport,
  SentencePair,
  SharedPassageDetail,
  SupportItem,
} from './types.ts';
