/**
 * The matcher's names without its facts: what a woken service worker loads first. Every pack's
 * entities (names, aliases) and its deals' own names; a page's request then asks which entities
 * and deals its figures' paragraphs name, so only their facts need loading, and an index built
 * over just those facts answers exactly as the index over every fact would. Even the alias
 * matcher is compiled only for the entities a page's words can name (a name matches only where
 * its first word occurs): compiling 5,000 entities' names was most of a woken worker's first pass.
 */
import type { Deal, Entity, Fact, Pack } from '../schema/pack';
import type { MatchRequest } from '../schema/messages';
import { buildIndex, buildNames, type MatchIndex } from './build';
import { requiredParties } from './evidence';
import { PhraseMatcher, tokenize } from './text';
import { canonicalUnit } from './units';

/**
 * A pack as the names table needs it: every field but the facts, only the deals that have names,
 * and, when the store kept them, each entity's first words (`firstWordsOf`, in `entities` order).
 */
export type PackHead = Omit<Pack, 'facts' | 'deals'> & { deals: Deal[]; firstWords?: string };

/** A pack's facts that one page needs, and deals they (or the page) name, each list in the pack's order. */
export interface PackSlice {
  deals: Deal[];
  facts: Fact[];
}

/**
 * The words an entity's names can begin with in the matcher's alias table (build.ts,
 * collectEntities, which also adds a name without a leading "the" and without a legal form at its
 * end): each name's first word, and its second after a leading "the". A text holding none of them
 * names the entity nowhere. Kept by the store with each pack's head, so a wake tokenizes no names.
 */
export function firstWordsOf(entity: Entity): string[] {
  const out: string[] = [];
  for (const name of [entity.name, ...entity.aliases]) {
    const { words } = tokenize(name);
    for (const word of words.slice(0, words[0] === 'the' ? 2 : 1)) if (!out.includes(word)) out.push(word);
  }
  return out;
}

/**
 * Each entity's first words as one string: words (which never hold a space or a line break)
 * joined by spaces, entities by line breaks. `splitFirstWords` gives the lists back.
 */
export function joinFirstWords(lists: readonly (readonly string[])[]): string {
  return lists.map((words) => words.join(' ')).join('\n');
}

/** The lists `joinFirstWords` joined. */
export function splitFirstWords(text: string): string[][] {
  return text.split('\n').map((line) => (line ? line.split(' ') : []));
}

/**
 * The alias matcher as the index holds it: it scans with the table's compiled part, which grows
 * as pages bring new words (`NamesTable.cover`), so an index built earlier reads names as well.
 */
class CoveredMatcher extends PhraseMatcher<string> {
  constructor(private readonly table: NamesTable) {
    super();
  }

  override scan(words: readonly string[], found: (payload: string, phrase: string, at: number, length: number) => void): void {
    this.table.compiled().scan(words, found);
  }
}

/**
 * The names of every installed pack. The alias matcher holds the entities whose first words some
 * text read so far contains (`cover`), in the packs' order, so on any text whose words were
 * covered it finds exactly what the matcher over every entity finds.
 */
export class NamesTable {
  /** The name part of a MatchIndex over every pack (alias matcher, display names, deal names). */
  readonly names: Pick<MatchIndex, 'entities' | 'names' | 'dealNames'>;
  /** Entity id -> its names and aliases in every pack. */
  readonly namesOf = new Map<string, string[]>();
  /** Name groups found so far (see withNameGroups), by entity id. */
  readonly groups = new Map<string, readonly string[]>();
  private matcher = new PhraseMatcher<string>();
  /** Entities covered since the matcher was last compiled: it is compiled again on the next scan. */
  private stale = false;
  /** First word -> the ids of entities with a name that can begin with it. */
  private readonly byWord = new Map<string, string[]>();
  private readonly covered = new Set<string>();

  /** Heads in the store's pack order: the order the index is built in. */
  constructor(readonly heads: readonly PackHead[]) {
    const names = new Map<string, string>();
    for (const head of heads) {
      const firstWords = head.firstWords === undefined ? undefined : splitFirstWords(head.firstWords);
      head.entities.forEach((entity, i) => {
        // The first pack to name an entity gives its display name (as build.ts, entityNames).
        if (!names.has(entity.id)) names.set(entity.id, entity.name);
        const list = this.namesOf.get(entity.id);
        if (list) list.push(entity.name, ...entity.aliases);
        else this.namesOf.set(entity.id, [entity.name, ...entity.aliases]);
        for (const word of firstWords?.[i] ?? firstWordsOf(entity)) {
          const ids = this.byWord.get(word);
          if (!ids) this.byWord.set(word, [entity.id]);
          else if (!ids.includes(entity.id)) ids.push(entity.id);
        }
      });
    }
    const { dealNames } = buildNames(heads.map((h) => ({ ...h, entities: [], facts: [] })));
    this.names = { entities: new CoveredMatcher(this), names, dealNames };
  }

  /** Compiles the names of every entity one of `words` (stemmed, as tokenize gives them) can begin. */
  cover(words: readonly string[]): void {
    for (const word of words) {
      const ids = this.byWord.get(word);
      if (ids) for (const id of ids) if (!this.covered.has(id)) (this.covered.add(id), (this.stale = true));
    }
  }

  /** The alias matcher over the covered entities (see CoveredMatcher), compiled now if entities were covered since. */
  compiled(): PhraseMatcher<string> {
    // Compiled again whole, in the packs' order, so each name's matches come in the order the full matcher gives them.
    if (this.stale) this.matcher = buildNames(this.heads.map((h) => ({ ...h, entities: h.entities.filter((e) => this.covered.has(e.id)), deals: [], facts: [] }))).entities;
    this.stale = false;
    return this.matcher;
  }

  /** Entities compiled so far, for tests and measures. */
  get coveredEntities(): number {
    return this.covered.size;
  }
}

/** Compiles the names of every pack (heads in the store's pack order). */
export function buildNamesTable(heads: readonly PackHead[]): NamesTable {
  return new NamesTable(heads);
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
      const { words } = tokenize(name);
      table.cover(words);
      table.names.entities.scan(words, (other) => {
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
export function namedIn(table: NamesTable, request: MatchRequest): { entities: Set<string>; deals: Set<string>; title: Set<string> } {
  const entities = new Set<string>();
  const title = new Set<string>();
  const deals = new Set<string>();
  const blocks = new Set<number>();
  for (const q of request.figures) {
    blocks.add(q.block);
    const heading = request.headings?.[q.block] ?? -1;
    const lead = request.leads?.[q.block] ?? -1;
    if (heading >= 0) blocks.add(heading);
    if (lead >= 0) blocks.add(lead);
  }
  const texts = [...blocks].map((i) => tokenize(request.blocks[i] ?? '').words);
  // The matcher reads these blocks and the title: the alias matcher must hold every name their words can begin.
  const titleWords = tokenize(request.title).words;
  table.cover(titleWords);
  for (const words of texts) table.cover(words);
  table.names.entities.scan(titleWords, (id) => title.add(id));
  for (const words of texts) {
    table.names.entities.scan(words, (id) => entities.add(id));
    table.names.dealNames.scan(words, (id) => deals.add(id));
  }
  return { entities, deals, title };
}

/** `ids` with every entity their names tie them to. */
export function withNameGroups(table: NamesTable, ids: Iterable<string>): Set<string> {
  const out = new Set<string>();
  // Every name to be scanned covered first, so the alias matcher is compiled once, not once per new name.
  const list = [...ids];
  for (const id of list) if (!table.groups.has(id)) for (const name of table.namesOf.get(id) ?? []) table.cover(tokenize(name).words);
  for (const id of list) {
    if (out.has(id)) continue;
    for (const member of nameGroup(table, id)) out.add(member);
  }
  return out;
}

/**
 * The facts of `slices` a request can weigh, and enough to answer as the index over all of them:
 * each fact whose required parties (subject, object) are all among `parties` (every entity the
 * request's texts name, with their name groups: a figure is weighed only against facts needing
 * companies named around it), every fact of the `deals` (named by their own names), each kept
 * fact's successor (its day), and for each of `parties` and each unit it has facts in, one fact
 * (the matcher tells "has facts about X, but none for this role" by an entity's place in a unit's
 * table; that fact's other party is named nowhere, so it is never weighed). A company's other
 * deals, most of a big pack's rows for it, are then never indexed.
 */
export function weighable(slices: ReadonlyMap<string, PackSlice>, parties: ReadonlySet<string>, deals: ReadonlySet<string>): Map<string, PackSlice> {
  const out = new Map<string, PackSlice>();
  for (const [packId, slice] of slices) {
    const byId = new Map(slice.facts.map((f) => [f.id, f]));
    const keep = new Set<Fact>();
    const placed = new Set<string>();
    const add = (fact: Fact | undefined) => {
      for (; fact && !keep.has(fact); fact = fact.supersededBy ? byId.get(fact.supersededBy) : undefined) {
        keep.add(fact);
        const unit = canonicalUnit(fact.quantity.unit).unit;
        for (const id of requiredParties(fact)) placed.add(`${id}\u0001${unit}`);
      }
    };
    for (const fact of slice.facts) if (deals.has(fact.deal) || requiredParties(fact).every((id) => parties.has(id))) add(fact);
    for (const fact of slice.facts) {
      if (keep.has(fact)) continue;
      const unit = canonicalUnit(fact.quantity.unit).unit;
      if (requiredParties(fact).some((id) => parties.has(id) && !placed.has(`${id}\u0001${unit}`))) add(fact);
    }
    const facts = slice.facts.filter((f) => keep.has(f));
    const dealIds = new Set(facts.map((f) => f.deal));
    out.set(packId, { deals: slice.deals.filter((d) => dealIds.has(d.id) || deals.has(d.id)), facts });
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
