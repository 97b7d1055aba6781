import { bundledPack } from '../../data/packs';
import { buildIndex, matchBatch, type MatchIndex } from '../../data/match';
import { loadPacks, seedBundledPack, type FactmarkDB } from '../../data/store/store';
import type { MatchRequest } from '../../data/schema/messages';
import type { Verdict } from '../../data/schema/verdict';
import { measure } from './measure';

/**
 * The background's view of the fact store: seeds the bundled pack, and keeps the in-memory
 * match index, rebuilt from IndexedDB when the service worker wakes or packs change.
 */
export class FactService {
  constructor(private readonly db: FactmarkDB) {}

  private index: Promise<MatchIndex> | null = null;
  private seeding: Promise<unknown> | null = null;

  /** Seeds the bundled pack once per service-worker life (first run, or a newer one shipped in an update). */
  seeded(): Promise<unknown> {
    this.seeding ??= seedBundledPack(this.db, bundledPack).catch((error) => {
      this.seeding = null; // let the next caller try again
      throw error;
    });
    return this.seeding;
  }

  /** The match index over every installed pack, built once the bundled pack is seeded. */
  ready(): Promise<MatchIndex> {
    this.index ??= this.load().catch((error) => {
      this.index = null; // let the next request try again
      throw error;
    });
    return this.index;
  }

  /** Verdicts for one page's batch, in the order asked. */
  async match(request: MatchRequest): Promise<Verdict[]> {
    const index = await this.ready();
    const start = performance.now();
    const verdicts = matchBatch(index, request);
    measure('factmark:match', start, { figures: request.figures.length });
    return verdicts;
  }

  /** Drops the index so the next lookup sees changed packs. */
  invalidate(): void {
    this.index = null;
  }

  private async load(): Promise<MatchIndex> {
    await this.seeded();
    return buildIndex(await loadPacks(this.db));
  }
}
