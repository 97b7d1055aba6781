/**
 * Match indexes loaded from the store as pages need them. A woken service worker reads only the
 * packs' heads (names, aliases, deal names: the names table); each request then reads the deal
 * rows its figures can be weighed against (by the parties their facts need, row-keys.ts) and the
 * deals its paragraphs name, keeping recently used ones in a bounded cache, so the worker's memory
 * follows what pages name, not the size of the packs. A store of at most WHOLE_STORE_FACTS facts
 * is instead read whole, once, into one index (`wholeIndex`).
 */
import { buildNamesTable, namedIn, sliceIndex, weighable, withNameGroups, type NamesTable, type PackSlice } from '../match/names-table';
import { buildIndex, type MatchIndex } from '../match/build';
import type { MatchRequest } from '../schema/messages';
import type { DealFactsRow, FactmarkDB, PartnersRow } from './db';
import { dealRowsByDeal, dealRowsByKeys, loadHeads, loadPacks, partnersByEntity } from './store';
import { sliceOf } from './split';
import { leadEntity, leadRange, lookupKeys } from './row-keys';

/** Deal rows kept between requests (about five facts each in a typical pack); a key with no rows counts as one. */
export const DEFAULT_CACHED_ROWS = 5_000;

/**
 * Installed facts at most this many (the bundled pack holds about a hundred) are read whole once
 * per worker life, into one index that every lookup uses: no store reads between a page's batch
 * and its answer (a woken worker's first lookup spent 12-17 ms reading; `npx tsx
 * scripts/bench/_timeline.ts`). Above it, each lookup reads what its page names.
 */
export const WHOLE_STORE_FACTS = 2_000;

/** The cache key of an entity's lead rows: the start of its lead range, which no party key is (none ends with the separator). */
const leadsOf = (entity: string) => leadRange(entity)[0];
const LEADS = leadsOf('');
const isLeads = (key: string) => key.endsWith(LEADS);

type RowKey = string;
/** What a request's paragraphs name (namedIn): the entity and deal ids its rows follow from. */
type Named = { entities: Set<string>; deals: Set<string>; title: Set<string> };

/** Whether every id `b` names is one `a` names. */
function covers(a: Named, b: Named): boolean {
  if (b.entities.size > a.entities.size || b.deals.size > a.deals.size) return false;
  for (const id of b.entities) if (!a.entities.has(id)) return false;
  for (const id of b.deals) if (!a.deals.has(id)) return false;
  // The title's names decide which facts are indexed (weighable), though no rows are read for them.
  for (const id of b.title) if (!a.title.has(id) && !a.entities.has(id)) return false;
  return true;
}
const keyOf = (row: DealFactsRow): RowKey => `${row.packId}\u0001${row.dealId}`;

/** A cached list's share of the bound: its rows, or one for a key with none (most pair keys), so empty lists are bounded too. */
const weight = (list: readonly DealFactsRow[]) => Math.max(1, list.length);

/** Lists of rows by id, least recently used first, holding at most `limit` row references in all. */
class RowCache {
  private readonly lists = new Map<string, DealFactsRow[]>();
  private size = 0;

  constructor(private readonly limit: number) {}

  /** The cached list (marked as just used), or undefined. */
  get(id: string): DealFactsRow[] | undefined {
    const list = this.lists.get(id);
    if (list) {
      this.lists.delete(id);
      this.lists.set(id, list);
    }
    return list;
  }

  set(id: string, list: DealFactsRow[]): void {
    const old = this.lists.get(id);
    if (old) this.size -= weight(old);
    this.size += weight(list);
    this.lists.delete(id);
    this.lists.set(id, list);
    for (const [oldest, rows] of this.lists) {
      if (this.size <= this.limit) break;
      this.lists.delete(oldest);
      this.size -= weight(rows);
    }
  }

  /** Row references held, for tests and measures. */
  get rows(): number {
    return this.size;
  }
}

/** What the last indexFor did, for measures: whether it reused the last index, keys and deals asked of the store, deal rows read (and ms reading), ms building. */
export interface LookupStats {
  reused: boolean;
  keysRead: number;
  rowsRead: number;
  readMs: number;
  buildMs: number;
}

/** Loads names once per worker life and facts per request. */
export class LazyIndex {
  /** What the last indexFor did (see LookupStats). */
  stats: LookupStats = { reused: false, keysRead: 0, rowsRead: 0, readMs: 0, buildMs: 0 };
  private table: Promise<NamesTable> | null = null;
  private byKey: RowCache;
  private byDeal: RowCache;
  /** Per names table, entity id -> the ids of the packs holding it (where its partners rows are). */
  private readonly packsOf = new WeakMap<NamesTable, Map<string, string[]>>();
  /** Entity id -> its partners rows (every pack's), as read; dropped whole when it grows past the bound. */
  private partners = new Map<string, PartnersRow[]>();
  /** Bumped by invalidate(): a request that began before a pack changed caches nothing it read. */
  private generation = 0;
  /**
   * The last index built, with the ids its request named. A request naming only ids among those
   * reuses it: the rows a request needs follow from its named ids alone (while no pack changes),
   * and an index holding more facts than a request needs answers as the index over every fact.
   * So the same page asking again costs the names scan only: no cache probes, no row keys.
   */
  private last: { named: Named; index: MatchIndex } | undefined;

  /** `wholeUpTo`: the most installed facts read whole (WHOLE_STORE_FACTS; 0 reads every store lazily). */
  constructor(
    private readonly db: FactmarkDB,
    private readonly cachedRows = DEFAULT_CACHED_ROWS,
    private readonly wholeUpTo = WHOLE_STORE_FACTS,
  ) {
    this.byKey = new RowCache(cachedRows);
    this.byDeal = new RowCache(cachedRows);
  }

  private whole: Promise<MatchIndex | null> | null = null;

  /**
   * The index over every installed fact when the store holds at most `wholeUpTo` facts, else
   * null; read once (and again after invalidate()). It answers as the lazily read ones do.
   */
  wholeIndex(): Promise<MatchIndex | null> {
    this.whole ??= this.db.packs
      .toArray()
      .then(async (packs) => (packs.reduce((sum, p) => sum + p.factCount, 0) > this.wholeUpTo ? null : buildIndex(await loadPacks(this.db))))
      .catch((error) => {
        this.whole = null; // let the next request try again
        throw error;
      });
    return this.whole;
  }

  /** How the names table was made, for measures: ms reading the heads, ms building the table. */
  namesStats = { readMs: 0, buildMs: 0 };

  /** The names table of every installed pack, read once. */
  names(): Promise<NamesTable> {
    const start = performance.now();
    this.table ??= loadHeads(this.db)
      .then((heads) => {
        const read = performance.now();
        const table = buildNamesTable(heads.map((h) => ({ ...h.pack, deals: h.namedDeals, ...(h.firstWords ? { firstWords: h.firstWords } : {}) })));
        const packsOf = new Map<string, string[]>();
        for (const head of heads) {
          for (const { id } of head.pack.entities) {
            const list = packsOf.get(id);
            if (!list) packsOf.set(id, [head.packId]);
            else if (!list.includes(head.packId)) list.push(head.packId);
          }
        }
        this.packsOf.set(table, packsOf);
        this.namesStats = { readMs: read - start, buildMs: performance.now() - read };
        return table;
      })
      .catch((error) => {
        this.table = null; // let the next request try again
        throw error;
      });
    return this.table;
  }

  /**
   * An index holding every fact the request's figures could be weighed against, and enough to
   * answer as the index over every fact: the facts whose required parties the request's texts
   * name (with name groups: two packs' ids for one company), the facts of the deals they name by
   * name, each named company's first fact per unit (what `weighable` keeps of a company's other
   * deals), and the deals whose facts replaced those (their day). Only rows holding these are read.
   */
  async indexFor(request: MatchRequest): Promise<MatchIndex> {
    const whole = await this.wholeIndex();
    if (whole) {
      this.stats = { reused: true, keysRead: 0, rowsRead: 0, readMs: 0, buildMs: 0 };
      return whole;
    }
    const generation = this.generation;
    const byKey = this.byKey;
    const byDeal = this.byDeal;
    const table = await this.names();
    const packsOf = this.packsOf.get(table);
    const named = namedIn(table, request);
    if (this.last && generation === this.generation && covers(this.last.named, named)) {
      this.stats = { reused: true, keysRead: 0, rowsRead: 0, readMs: 0, buildMs: 0 };
      return this.last.index;
    }
    const stats: LookupStats = { reused: false, keysRead: 0, rowsRead: 0, readMs: 0, buildMs: 0 };
    const packIds = table.heads.map((head) => head.id);
    const rows = new Map<RowKey, DealFactsRow>();
    const add = (list: readonly DealFactsRow[]) => {
      for (const row of list) rows.set(keyOf(row), row);
    };
    // A deal named by its own name binds its facts whoever they are about: their parties count as named.
    const byName = await this.load(byDeal, [...named.deals], (ids) => dealRowsByDeal(this.db, packIds, ids), (row) => [row.dealId], stats);
    add(byName);
    const entities = [...named.entities];
    for (const row of byName) entities.push(...row.entities);
    const groups = withNameGroups(table, entities);
    // Every company the matcher may find named around a figure: the rows' and the title's (with its name group).
    const parties = new Set([...groups, ...withNameGroups(table, named.title)]);
    const partners = await this.partnersOf([...parties], (id) => packsOf?.get(id) ?? [], stats);
    const keys = [...lookupKeys(groups, parties, (id) => partners.get(id) ?? []), ...[...groups].map(leadsOf)];
    const read = (missing: string[]) => {
      const leads = missing.filter(isLeads).map((key) => key.slice(0, -LEADS.length));
      return dealRowsByKeys(this.db, missing.filter((key) => !isLeads(key)), leads);
    };
    const keysOf = (row: DealFactsRow) => [...row.partyKeys, ...row.leadKeys.map((key) => leadsOf(leadEntity(key)))];
    add(await this.load(byKey, keys, read, keysOf, stats));
    // A replaced fact's successor may be in a deal of its pack nobody named: its day is part of the fact.
    const have = new Set([...rows.values()].map((row) => row.dealId));
    const successors = new Set<string>();
    for (const row of rows.values()) for (const later of row.successorDeals) if (!have.has(later)) successors.add(later);
    add(await this.load(byDeal, [...successors], (ids) => dealRowsByDeal(this.db, packIds, ids), (row) => [row.dealId], stats));
    const start = performance.now();

    const byPack = new Map<string, DealFactsRow[]>();
    for (const row of rows.values()) {
      const list = byPack.get(row.packId);
      if (list) list.push(row);
      else byPack.set(row.packId, [row]);
    }
    const slices = new Map<string, PackSlice>([...byPack].map(([id, list]) => [id, sliceOf(list)]));
    const index = sliceIndex(table, weighable(slices, parties, named.deals));
    if (generation === this.generation) this.last = { named, index };
    stats.buildMs = performance.now() - start;
    this.stats = stats;
    return index;
  }

  /** Forgets names and facts, so the next request reads the changed packs. */
  invalidate(): void {
    this.generation++;
    this.table = null;
    this.whole = null;
    this.last = undefined;
    // New caches: a request still reading fills the old ones, which nothing reads again.
    this.byKey = new RowCache(this.cachedRows);
    this.byDeal = new RowCache(this.cachedRows);
    this.partners = new Map();
  }

  /** Each entity's partners rows, from the cache or in one read for those it lacks. */
  private async partnersOf(ids: readonly string[], packsOf: (id: string) => readonly string[], stats: LookupStats): Promise<Map<string, PartnersRow[]>> {
    const cache = this.partners;
    const out = new Map<string, PartnersRow[]>();
    const missing: string[] = [];
    for (const id of ids) {
      const rows = cache.get(id);
      if (rows) out.set(id, rows);
      else (missing.push(id), out.set(id, []));
    }
    if (!missing.length) return out;
    stats.keysRead += missing.length;
    const start = performance.now();
    const read = await partnersByEntity(this.db, missing, packsOf);
    stats.readMs += performance.now() - start;
    for (const row of read) out.get(row.entity)!.push(row);
    // A few rows of ids per entity: bounded by count, dropped whole (a page names few).
    if (cache.size + missing.length > this.cachedRows) cache.clear();
    for (const id of missing) cache.set(id, out.get(id)!);
    return out;
  }

  /** Deal rows cached now (by party or lead key, by deal; a key with none counts as one), for tests and measures. */
  cached(): { byKey: number; byDeal: number } {
    return { byKey: this.byKey.rows, byDeal: this.byDeal.rows };
  }

  /** The rows of every id, from the cache or in one query for the ids it lacks. */
  private async load(
    cache: RowCache,
    ids: readonly string[],
    query: (ids: string[]) => Promise<DealFactsRow[]>,
    idsOf: (row: DealFactsRow) => readonly string[],
    stats: LookupStats,
  ): Promise<DealFactsRow[]> {
    const out: DealFactsRow[] = [];
    const missing: string[] = [];
    for (const id of ids) {
      const list = cache.get(id);
      if (list) out.push(...list);
      else missing.push(id);
    }
    if (!missing.length) return out;
    stats.keysRead += missing.length;
    const found = new Map<string, DealFactsRow[]>(missing.map((id) => [id, []]));
    const start = performance.now();
    const read = await query(missing);
    stats.readMs += performance.now() - start;
    for (const row of read) {
      stats.rowsRead++;
      out.push(row);
      for (const id of idsOf(row)) found.get(id)?.push(row);
    }
    for (const [id, list] of found) cache.set(id, list);
    return out;
  }
}
