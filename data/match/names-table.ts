/**
 * The matcher's names without its facts: what a woken service worker loads first. Every pack's
 * entities (names, aliases) and its deals' own names, compiled once; a page's request then asks
 * which entities and deals its figures' paragraphs name, so only their facts need loading, and
 * an index built over just those facts answers exactly as the index over every fact would.
 */
import type { Deal, Fact, Pack } from '../schema/pack';
import type { MatchRequest } from '../schema/messages';
import { buildIndex, type MatchIndex } from './build';
import { phraseWords, tokenize } from './text';

/** A pack as the names table needs it: every field but the facts, and only the deals that have names. */
export type PackHead = Omit<Pack, 'facts' | 'deals'> & { deals: Deal[] };

/** A pack's facts that one page needs, and deals they (or the page) name, each list in the pack's order. */
export interface PackSlice {
  deals: Deal[];
  facts: Fact[];
}

/** The compiled names of every installed pack. */
export interface NamesTable {
  /** The packs' heads, in the order the index is built in. */
  readonly heads: readonly PackHead[];
  /** The name part of a MatchIndex over every pack (alias matcher, display names, deal names). */
  readonly names: Pick<MatchIndex, 'entities' | 'names' | 'dealNames'>;
  /** Entity id -> every entity id a chain of shared names ties it to (itself included). */
  readonly groups: ReadonlyMap<string, readonly string[]>;
}

/**
 * Entities grouped by shared names (union-find). The matcher treats two packs' ids for one
 * company as one entity when they share a name (build.ts, canonicalEntities); its groups lie
 * inside these, so loading a whole group never loads less than the matcher compares.
 */
function nameGroups(heads: readonly PackHead[]): Map<string, string[]> {
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root; ) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  const byName = new Map<string, string>();
  for (const head of heads) {
    for (const entity of head.entities) {
      if (!parent.has(entity.id)) parent.set(entity.id, entity.id);
      for (const name of [entity.name, ...entity.aliases]) {
        const key = phraseWords(name).join(' ');
        if (!key) continue;
        const other = byName.get(key);
        if (other === undefined) byName.set(key, entity.id);
        else {
          const a = find(other), b = find(entity.id);
          if (a !== b) parent.set(b, a);
        }
      }
    }
  }
  const members = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const root = find(id);
    const list = members.get(root);
    if (list) list.push(id);
    else members.set(root, [id]);
  }
  const groups = new Map<string, string[]>();
  for (const list of members.values()) for (const id of list) groups.set(id, list);
  return groups;
}

/** Compiles the names of every pack (heads in the store's pack order). */
export function buildNamesTable(heads: readonly PackHead[]): NamesTable {
  const { entities, names, dealNames } = buildIndex(heads.map((h) => ({ ...h, facts: [] })));
  return { heads, names: { entities, names, dealNames }, groups: nameGroups(heads) };
}

/**
 * The entity ids and deal ids named in the paragraphs that hold the request's figures and in their
 * headings and leads (the sentence before a paragraph), found the way the matcher finds them (the
 * same tokens, the same matchers). The matcher looks facts up only by names in a figure's
 * sentence, the sentence before it (in its paragraph, or its lead) and its heading.
 */
export function namedIn(table: NamesTable, request: MatchRequest): { entities: Set<string>; deals: Set<string> } {
  const entities = new Set<string>();
  const deals = new Set<string>();
  const blocks = new Set<number>();
  for (const q of request.figures) {
    blocks.add(q.block);
    const heading = request.headings?.[q.block] ?? -1;
    const lead = request.leads?.[q.block] ?? -1;
    if (heading >= 0) blocks.add(heading);
    if (lead >= 0) blocks.add(lead);
  }
  for (const i of blocks) {
    const { words } = tokenize(request.blocks[i] ?? '');
    table.names.entities.scan(words, (id) => entities.add(id));
    table.names.dealNames.scan(words, (id) => deals.add(id));
  }
  return { entities, deals };
}

/** `ids` with every entity their names tie them to. */
export function withNameGroups(table: NamesTable, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const id of ids) {
    if (out.has(id)) continue;
    for (const member of table.groups.get(id) ?? [id]) out.add(member);
  }
  return out;
}

/**
 * A match index over some facts of each pack (`slices` by pack id), with the names of every pack.
 * Each pack keeps its head (title, publisher and any pack-level field) and, for the company
 * grouping, the entities whose names tie them to the facts' parties. Given every fact of the
 * entities (and their name groups) and deals a request names, with their deals, the verdicts are
 * those of the index over everything.
 */
export function sliceIndex(table: NamesTable, slices: ReadonlyMap<string, PackSlice>): MatchIndex {
  const parties: string[] = [];
  for (const slice of slices.values()) {
    for (const fact of slice.facts) {
      parties.push(fact.subject);
      if (fact.object) parties.push(fact.object);
    }
  }
  const wanted = withNameGroups(table, parties);
  const packs: Pack[] = [];
  for (const head of table.heads) {
    const slice = slices.get(head.id);
    packs.push({ ...head, entities: head.entities.filter((e) => wanted.has(e.id)), deals: slice?.deals ?? [], facts: slice?.facts ?? [] });
  }
  return { ...buildIndex(packs), ...table.names };
}
