import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Pack } from '../schema/pack';
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
 * The whole validated pack document, one row per pack.
 * One row keeps an install atomic and a load to one read per pack; the matcher needs every fact in
 * memory anyway, so per-fact tables would only add 100k writes per install and a reassembly step.
 * Per-fact tables would pay off only for queries by fact, which nothing does today.
 */
export interface PackDataRow {
  packId: string;
  pack: Pack;
}

/** The extension's IndexedDB database. Schema versions are declared in order; never edit an old one. */
export class FactmarkDB extends Dexie {
  packs!: Table<PackRow, string>;
  packData!: Table<PackDataRow, string>;
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
  }
}
