/**
 * The alias index: every surface form of every entity in one token trie keyed
 * by the first token. Built once per registry; scanning a paragraph is then one
 * pass over its tokens with a hash lookup per token, however large the registry
 * (no regex per alias, no regex alternation with thousands of branches).
 */
import type { Entity, MentionVia } from '../model.ts';
import { normalizeForMatching } from './normalize.ts';
import { continuationKey, tokenize } from './tokenize.ts';
import { isLocation, isPerson, surfaceFormsOf } from './surface-forms.ts';

/** One entity a surface form can stand for. */
export interface SurfaceEntry {
  entityId: string;
  via: MentionVia;
  /** The entity is a place or base (the literal reading of a capital-as-metonym). */
  isLocation: boolean;
  /** The entity is a person (a word before one of its forms may continue the name). */
  person?: boolean;
}

export interface TrieNode {
  next: Map<string, TrieNode>;
  /** Entities whose surface form ends at this node; empty for inner nodes. */
  entries: SurfaceEntry[];
}

/**
 * Local type (not in model.ts): it holds Maps because it is an in-memory lookup
 * structure that is rebuilt from the registry, never serialised.
 */
export interface AliasIndex {
  roots: Map<string, TrieNode>;
  entityCount: number;
}

/** Lower-case-led forms ("al-Sharaa", "the Kremlin") also appear capitalised in text. */
function casingVariants(form: string): string[] {
  const first = form.charAt(0);
  const upper = first.toUpperCase();
  return first !== upper ? [form, upper + form.slice(1)] : [form];
}

const VIA_RANK: Record<MentionVia, number> = { name: 0, alias: 1, demonym: 2, metonym: 3, surname: 4 };

export function viaRank(via: MentionVia): number {
  return VIA_RANK[via];
}

function insert(roots: Map<string, TrieNode>, form: string, entry: SurfaceEntry): void {
  const tokens = tokenize(form);
  const first = tokens[0];
  if (!first || !first.isWord) return;
  let node: TrieNode | undefined = roots.get(first.text);
  if (!node) {
    node = { next: new Map(), entries: [] };
    roots.set(first.text, node);
  }
  for (const token of tokens.slice(1)) {
    const key = continuationKey(token);
    let child: TrieNode | undefined = node.next.get(key);
    if (!child) {
      child = { next: new Map(), entries: [] };
      node.next.set(key, child);
    }
    node = child;
  }
  // One entry per entity per node, keeping the strongest way of naming it.
  const existing = node.entries.find((e) => e.entityId === entry.entityId);
  if (!existing) node.entries.push(entry);
  else if (viaRank(entry.via) < viaRank(existing.via)) existing.via = entry.via;
}

export function buildAliasIndex(entities: Entity[]): AliasIndex {
  const roots = new Map<string, TrieNode>();
  // Sort so the index (and so every tie-break below) does not depend on file order.
  const sorted = [...(entities ?? [])].filter((e) => e && typeof e.id === 'string').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const entity of sorted) {
    for (const form of surfaceFormsOf(entity)) {
      for (const variant of casingVariants(normalizeForMatching(form.text))) {
        // The surname entries of a node are exactly the people sharing that surname.
        insert(roots, variant, { entityId: entity.id, via: form.via, isLocation: isLocation(entity), ...(isPerson(entity) && { person: true }) });
      }
    }
  }
  return { roots, entityCount: sorted.length };
}
