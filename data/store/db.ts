import Dexie, { type DexieOptions, type Table } from 'dexie';
import type { Pack } from '../schema/pack';
import type { CorrectionRecord } from '../schema/correction';

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
  }
}
