/**
 * Match indexes loaded from the store as pages need them. A woken service worker reads only the
 * packs' heads (names, aliases, deal names: the names table); each request then reads the deal
 * rows of the entities and deals its figures' paragraphs name, keeping recently used ones in a
 * bounded cache, so the worker's memory follows what pages name, not the size of the packs.
 */
import { buildNamesTable, namedIn, sliceIndex, weighable, withNameGroups, type NamesTable, type PackSlice } from '../match/names-table';
import type { MatchIndex } from '../match/build';
import type { MatchRequest } from '../schema/messages';
import type { DealFactsRow, FactmarkDB } from './db';
import { dealRowsByDeal, dealRowsByEntity, loadHeads } from './store';
import { sliceOf } from './split';

/** Deal rows kept between requests (about five facts each in a typical pack). */
export const DEFAULT_CACHED_ROWS = 5_000;

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
    this.size += list.length - (this.lists.get(id)?.length ?? 0);
    this.lists.delete(id);
    this.lists.set(id, list);
    for (const [oldest, rows] of this.lists) {
      if (this.size <= this.limit) break;
      this.lists.delete(oldest);
      this.size -= rows.length;
    }
  }

  /** Row references held, for tests and measures. */
  get rows(): number {
    return this.size;
  }
}

/** What the last indexFor did, for measures: whether it reused the last index, deal rows read from the store (and ms reading), ms building. */
export interface LookupStats {
  reused: boolean;
  rowsRead: number;
  readMs: number;
  buildMs: number;
}

/** Loads names once per worker life and facts per request. */
export class LazyIndex {
  /** What the last indexFor did (see LookupStats). */
  stats: LookupStats = { reused: false, rowsRead: 0, readMs: 0, buildMs: 0 };
  private table: Promise<NamesTable> | null = null;
  private byEntity: RowCache;
  private byDeal: RowCache;
  /** Bumped by invalidate(): a request that began before a pack changed caches nothing it read. */
  private generation = 0;
  /**
   * The last index built, with the ids its request named. A request naming only ids among those
   * reuses it: the rows a request needs follow from its named ids alone (while no pack changes),
   * and an index holding more facts than a request needs answers as the index over every fact.
   * So the same page asking again costs the names scan only: no cache probes, no row keys.
   */
  private last: { named: Named; index: MatchIndex } | undefined;

  constructor(
    private readonly db: FactmarkDB,
    private readonly cachedRows = DEFAULT_CACHED_ROWS,
  ) {
    this.byEntity = new RowCache(cachedRows);
    this.byDeal = new RowCache(cachedRows);
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
   * An index holding every fact the request's figures could be weighed against: the facts of the
   * entities and deals their paragraphs name, of every entity sharing a name with those (two
   * packs' ids for one company: other packs' facts about the same thing are among them), and of
   * the deals whose facts replaced them (their day), so its verdicts are those of an index over
   * every installed fact.
   */
  async indexFor(request: MatchRequest): Promise<MatchIndex> {
    const generation = this.generation;
    const byEntity = this.byEntity;
    const byDeal = this.byDeal;
    const table = await this.names();
    const named = namedIn(table, request);
    if (this.last && generation === this.generation && covers(this.last.named, named)) {
      this.stats = { reused: true, rowsRead: 0, readMs: 0, buildMs: 0 };
      return this.last.index;
    }
    const stats: LookupStats = { reused: false, rowsRead: 0, readMs: 0, buildMs: 0 };
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
    add(await this.load(byEntity, [...groups], (ids) => dealRowsByEntity(this.db, ids), (row) => row.entities, stats));
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
    // Every company the matcher may find named around a figure: the rows' and the title's (with its name group).
    const parties = new Set([...groups, ...withNameGroups(table, named.title)]);
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
    this.last = undefined;
    // New caches: a request still reading fills the old ones, which nothing reads again.
    this.byEntity = new RowCache(this.cachedRows);
    this.byDeal = new RowCache(this.cachedRows);
  }

  /** Deal rows cached now (by entity, by deal), for tests and measures. */
  cached(): { byEntity: number; byDeal: number } {
    return { byEntity: this.byEntity.rows, byDeal: this.byDeal.rows };
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
