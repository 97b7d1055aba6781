/**
 * The matcher's names without its facts: what a woken service worker loads first. Every pack's
 * entities (names, aliases) and its deals' own names, compiled once; a page's request then asks
 * which entities and deals its figures' paragraphs name, so only their facts need loading, and
 * an index built over just those facts answers exactly as the index over every fact would.
 */
import type { Deal, Fact, Pack } from '../schema/pack';
import type { MatchRequest } from '../schema/messages';
import { buildIndex, buildNames, type MatchIndex } from './build';
import { tokenize } from './text';

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
  /** Entity id -> its names and aliases in every pack. */
  readonly namesOf: ReadonlyMap<string, readonly string[]>;
  /** Name groups found so far (see withNameGroups), by entity id. */
  readonly groups: Map<string, readonly string[]>;
}

/** Compiles the names of every pack (heads in the store's pack order). */
export function buildNamesTable(heads: readonly PackHead[]): NamesTable {
  const { entities, names, dealNames } = buildNames(heads.map((h) => ({ ...h, facts: [] })));
  const namesOf = new Map<string, string[]>();
  for (const head of heads) {
    for (const entity of head.entities) {
      const list = namesOf.get(entity.id);
      if (list) list.push(entity.name, ...entity.aliases);
      else namesOf.set(entity.id, [entity.name, ...entity.aliases]);
    }
  }
  return { heads, names: { entities, names, dealNames }, namesOf, groups: new Map() };
}

/**
 * Entity `id` and every entity a chain of names ties it to: those the alias matcher finds inside
 * one of its names, and theirs in turn. The matcher treats two packs' ids for one company as one
 * entity when they share a name (build.ts, canonicalEntities); a shared name is found this way,
 * so a group holds every entity the matcher compares with `id`, and whole groups keep that
 * comparison exact when only some packs' entities are indexed. Found on first need (a page names
 * a few entities), not for every entity when the worker wakes.
 */
function nameGroup(table: NamesTable, id: string): readonly string[] {
  const known = table.groups.get(id);
  if (known) return known;
  const group = new Set([id]);
  const queue = [id];
  for (let next = queue.pop(); next !== undefined; next = queue.pop()) {
    for (const name of table.namesOf.get(next) ?? []) {
      table.names.entities.scan(tokenize(name).words, (other) => {
        if (!group.has(other)) (group.add(other), queue.push(other));
      });
    }
  }
  const members = [...group];
  for (const member of members) table.groups.set(member, members);
  return members;
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
    for (const member of nameGroup(table, id)) out.add(member);
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
