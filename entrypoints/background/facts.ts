import { bundledPack } from '../../data/packs';
import { matchBatch } from '../../data/match';
import { seedBundledPack, type FactmarkDB } from '../../data/store/store';
import { LazyIndex } from '../../data/store/lazy-index';
import type { MatchRequest } from '../../data/schema/messages';
import type { Verdict } from '../../data/schema/verdict';
import { measure } from './measure';
import { warmUpMatcher } from './warm-up';

/**
 * The background's view of the fact store: seeds the bundled pack, and answers lookups from
 * indexes loaded lazily: when the service worker wakes only the packs' names are read; each
 * page's lookup reads the facts of the entities and deals it names (data/store/lazy-index.ts).
 */
export class FactService {
  private readonly lazy: LazyIndex;

  constructor(private readonly db: FactmarkDB) {
    this.lazy = new LazyIndex(db);
  }

  private seeding: Promise<unknown> | null = null;

  /** Seeds the bundled pack once per service-worker life (first run, or a newer one shipped in an update). */
  seeded(): Promise<unknown> {
    this.seeding ??= seedBundledPack(this.db, bundledPack).catch((error) => {
      this.seeding = null; // let the next caller try again
      throw error;
    });
    return this.seeding;
  }

  private naming: Promise<unknown> | null = null;

  /** Seeds the bundled pack and reads the names table (and a small store's every fact): all a lookup needs before it knows its page. */
  ready(): Promise<unknown> {
    this.naming ??= (async () => {
      await this.seeded();
      const start = performance.now();
      // A small store is read whole; only a big one needs the names table (its lookups read lazily).
      const whole = await this.lazy.wholeIndex();
      if (!whole) await this.lazy.names();
      measure('factmark:names', start, { ...this.lazy.namesStats, whole: whole !== null });
      setTimeout(() => warmUpMatcher(whole ?? undefined, () => !this.asked), 0); // a task of its own: a lookup that is waiting goes first
    })().catch((error) => {
      this.naming = null;
      throw error;
    });
    return this.naming;
  }

  /** Whether a page has asked for verdicts in this worker's life (the warm-up then stops). */
  private asked = false;

  /** Verdicts for one page's batch, in the order asked. */
  async match(request: MatchRequest): Promise<Verdict[]> {
    this.asked = true;
    await this.ready();
    const loading = performance.now();
    const index = await this.lazy.indexFor(request);
    measure('factmark:facts', loading, { facts: index.factCount, ...this.lazy.stats });
    const start = performance.now();
    const verdicts = matchBatch(index, request);
    measure('factmark:match', start, { figures: request.figures.length });
    return verdicts;
  }

  /** Drops names and cached facts so the next lookup sees changed packs. */
  invalidate(): void {
    this.naming = null;
    this.lazy.invalidate();
  }
}
