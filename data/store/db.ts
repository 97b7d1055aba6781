import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Deal, Fact, Pack } from '../schema/pack';
import { splitPack } from './split';
import { partnersOf, setRowKeys } from './row-keys';
import { firstWordsOf, joinFirstWords } from '../match/names-table';
import type { CorrectionRecord } from '../schema/correction';
import type { SignatureStatus, UpdateSummary } from '../schema/pack-messages';

/** Where an installed pack came from: shipped with the extension, or a subscription URL. */
export type PackOrigin = 'bundled' | string;

/** One installed pack, as listed (cheap to read: no facts). */
export interface PackRow {
  id: string;
  title: string;
  publisher: string;
  version: number;
  published: string;
  formatVersion: number;
  /** ISO date-time of the install. */
  installedAt: string;
  origin: PackOrigin;
  factCount: number;
  // Subscription state (packs added by URL). Not indexed, so adding fields needs no schema version.
  /** Where updates come from; absent for bundled and imported packs. */
  url?: string;
  intervalMinutes?: number;
  paused?: boolean;
  /** ISO date-times of the last and the next automatic or manual check. */
  lastCheckedAt?: string;
  nextCheckAt?: string;
  /** HTTP validators of the installed copy, for conditional requests. */
  etag?: string;
  lastModified?: string;
  /** SHA-256 (hex) of the installed copy's bytes: a 200 with the same bytes counts as unchanged. */
  sha256?: string;
  /** The publisher key pinned on first use (raw base64) and its fingerprint. */
  publicKey?: string;
  keyFingerprint?: string;
  signature?: SignatureStatus;
  /** The last check's failure in plain words; cleared by the next success. */
  lastError?: string;
  /** What the last update changed. */
  lastSummary?: UpdateSummary;
}

/**
 * One pack's head: the validated document without its deals and facts (those live in `dealFacts`
 * since schema version 4), plus the deals that have their own names. A woken service worker
 * reads only these rows: every entity's names and the deal names are all the matcher needs
 * before it knows which facts a page is about. Before version 4 `pack` held the whole document.
 */
export interface PackDataRow {
  packId: string;
  /** Every field of the pack; `deals` and `facts` empty (see `dealFacts`). */
  pack: Pack;
  /** The pack's deals that have `names`, for the names table. */
  namedDeals: Deal[];
  /**
   * Per entity of `pack.entities`, the words its names can begin with (`firstWordsOf`): a woken
   * worker compiles only the names a page's words can begin, without tokenizing every name.
   * Since schema version 6; one string (`joinFirstWords`), which a woken worker reads back much
   * faster than thousands of small lists (v6's upgrade wrote lists; v7's joins them).
   */
  firstWords?: string;
}

/**
 * One deal of one pack and all its facts: the unit a page's lookup loads. Indexed by the parties
 * its facts need named and by the first facts of a company in a unit it holds (row-keys.ts), so a
 * page naming companies loads the deals it can weigh, not every deal of those companies; a deal
 * named by its own name is read by its key in each pack.
 */
export interface DealFactsRow {
  packId: string;
  dealId: string;
  /** The deal's position in the pack's `deals`. */
  seq: number;
  deal: Deal;
  /** The deal's facts, each with its position in the pack's `facts`. */
  facts: { seq: number; fact: Fact }[];
  /** Subjects and objects of the facts, each once (a multi-entry index until schema version 7). */
  entities: string[];
  /** Other deals of the pack holding facts that replaced these (`supersededBy`): their day is part of these facts. */
  successorDeals: string[];
  /**
   * The parties its facts need named (`partyKey`: one id, or two sorted), and for a one-party fact
   * its party beside each other party of the deal (`crossKey`). Multi-entry index; since version 7.
   */
  partyKeys: string[];
  /** `leadKey(entity, unit)` for each fact here that is its pack's first needing that entity in that unit. Multi-entry index; since version 7. */
  leadKeys: string[];
}

/**
 * One entity of one pack and the ids its deal rows' party keys pair it with (row-keys.ts,
 * partnersOf): a lookup reads these for the ids a page names, then asks only for keys that exist.
 * Since schema version 7.
 */
export interface PartnersRow {
  packId: string;
  entity: string;
  /** The other party of each of its two-party facts. */
  pairs: string[];
  /** For its one-party facts, the other parties of their deals (their `crossKey`s). */
  cross: string[];
}

/** The extension's IndexedDB database. Schema versions are declared in order; never edit an old one. */
export class FactmarkDB extends Dexie {
  packs!: Table<PackRow, string>;
  packData!: Table<PackDataRow, string>;
  dealFacts!: Table<DealFactsRow, [string, string]>;
  partners!: Table<PartnersRow, [string, string]>;
  corrections!: Table<CorrectionRecord, string>;

  constructor(name = 'factmark', options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({
      packs: 'id',
      packData: 'packId',
    });
    // v2: the contributors' corrections outbox.
    this.version(2).stores({
      corrections: 'id, status, createdAt',
    });
    // v3: corrections found by page (the card shows your own) and by due time (the outbox alarm).
    this.version(3).stores({
      corrections: 'id, status, createdAt, page.url, nextAttemptAt',
    });
    // v4: facts by deal, found by the entities they are about; packData keeps each pack's head.
    // The upgrade splits every installed pack document, in the upgrade's one transaction.
    this.version(4)
      .stores({ dealFacts: '[packId+dealId], dealId, *entities' })
      .upgrade(async (tx) => {
        const packData = tx.table<PackDataRow | { packId: string; pack: Pack }, string>('packData');
        for (const old of await packData.toArray()) {
          if ('namedDeals' in old) continue;
          const { head, rows } = splitPack(old.pack);
          await tx.table<DealFactsRow>('dealFacts').bulkPut(rows);
          await packData.put(head);
        }
      });
    // v5: no index by deal id: a deal is read by its primary key in each installed pack (there are
    // few packs), and the index cost a third of an install's writes.
    this.version(5).stores({ dealFacts: '[packId+dealId], *entities' });
    // v6: each head keeps its entities' first words (no index: only the upgrade that adds them).
    this.version(6)
      .stores({})
      .upgrade(async (tx) => {
        await tx
          .table<PackDataRow, string>('packData')
          .toCollection()
          .modify((head) => {
            (head as { firstWords?: string[][] | string }).firstWords ??= head.pack.entities.map(firstWordsOf);
          });
      });
    // v7: deal rows found by the parties their facts need and by the first facts of a company in a
    // unit (row-keys.ts), no longer by every entity they are about, and each entity's partners in
    // those keys: a lookup reads the deals it can weigh. The upgrade computes the keys of each
    // pack's rows and its partners, pack by pack, keeping every field; and it joins the first words
    // v6 wrote as lists into the one string installs write.
    this.version(7)
      .stores({ dealFacts: '[packId+dealId], *partyKeys, *leadKeys', partners: '[packId+entity]' })
      .upgrade(async (tx) => {
        const dealFacts = tx.table<DealFactsRow, [string, string]>('dealFacts');
        const packIds = new Set((await dealFacts.toCollection().primaryKeys()).map(([packId]) => packId));
        for (const packId of packIds) {
          const rows = await dealFacts.where('[packId+dealId]').between([packId, Dexie.minKey], [packId, Dexie.maxKey], true, true).toArray();
          setRowKeys(rows);
          await dealFacts.bulkPut(rows);
          await tx.table<PartnersRow, [string, string]>('partners').bulkPut(partnersOf(packId, rows));
        }
        await tx
          .table<{ firstWords?: string[][] | string }, string>('packData')
          .toCollection()
          .modify((head) => {
            if (Array.isArray(head.firstWords)) head.firstWords = joinFirstWords(head.firstWords);
          });
      });
  }
}
