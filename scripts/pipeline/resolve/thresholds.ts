/**
 * When a name found in the texts gets a page. One place for the defaults, so
 * that `discovery:` settings in content/site.yaml can override them.
 */
export interface DiscoveryThresholds {
  /** Occurrences across the corpus. */
  minMentions: number;
  /** Distinct sources naming it. */
  minSources: number;
  /** Is being quoted ("X said") enough on its own? */
  quoteSuffices: boolean;
  /** Is being the site of a reported happening ("a police raid in Yekaterinburg") enough on its own, for a place the gazetteer knows? */
  eventSiteSuffices: boolean;
}

export const DEFAULT_DISCOVERY_THRESHOLDS: DiscoveryThresholds = { minMentions: 2, minSources: 2, quoteSuffices: true, eventSiteSuffices: true };
