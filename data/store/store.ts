import type { Result } from '../schema/messages';
import type { Pack } from '../schema/pack';
import Dexie from 'dexie';
import { FactmarkDB, type DealFactsRow, type PackDataRow, type PackOrigin, type PackRow, type PartnersRow } from './db';
import { joinPack, splitPack } from './split';
import { leadRange } from './row-keys';

export { FactmarkDB, type DealFactsRow, type PackDataRow, type PackOrigin, type PackRow, type PartnersRow } from './db';

/** What an install did. */
export interface InstallOutcome {
  status: 'installed' | 'updated' | 'unchanged';
  pack: PackRow;
}

/**
 * Opens (lazily) the Factmark database. Tests pass fake-indexeddb's `indexedDB` and `IDBKeyRange`;
 * in the extension both default to the browser's.
 */
export function openStore(name = 'factmark', indexedDB?: IDBFactory, keyRange?: typeof IDBKeyRange): FactmarkDB {
  if (!indexedDB) return new FactmarkDB(name);
  return new FactmarkDB(name, { indexedDB, IDBKeyRange: keyRange ?? globalThis.IDBKeyRange });
}

function rowOf(pack: Pack, origin: PackOrigin): PackRow {
  return {
    id: pack.id,
    title: pack.title,
    publisher: pack.publisher,
    version: pack.version,
    published: pack.published,
    formatVersion: pack.formatVersion,
    installedAt: new Date().toISOString(),
    origin,
    factCount: pack.facts.length,
  };
}

function message(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Installs or upgrades a pack in one read-write transaction over both tables, so a failure leaves
 * the installed version untouched. `pack` must already be validated (`parsePack`; every caller's
 * path does, and validating a 100,000-fact pack twice was a large part of an import).
 * A lower version than the installed one is refused; the same version is a no-op.
 */
export async function installPack(
  db: FactmarkDB,
  pack: Pack,
  origin: PackOrigin,
  /** Listing fields written with the pack (subscription state); on "unchanged" they update the row alone. */
  extra: Partial<PackRow> = {},
): Promise<Result<InstallOutcome>> {
  try {
    return await db.transaction('rw', [db.packs, db.packData, db.dealFacts, db.partners], async (): Promise<Result<InstallOutcome>> => {
      const installed = await db.packs.get(pack.id);
      if (installed && installed.version > pack.version) {
        return {
          ok: false,
          error: `Pack "${pack.id}" version ${pack.version} is older than the installed version ${installed.version}`,
        };
      }
      if (installed && installed.version === pack.version) {
        if (Object.keys(extra).length === 0) return { ok: true, value: { status: 'unchanged', pack: installed } };
        const same = { ...installed, ...extra };
        await db.packs.put(same);
        return { ok: true, value: { status: 'unchanged', pack: same } };
      }
      // Subscription state of the installed row carries over unless `extra` replaces it.
      const row: PackRow = { ...installed, ...rowOf(pack, origin), ...extra };
      // Data first, listing last: the listing row only ever names data that was written with it.
      const { head, rows, partners } = splitPack(pack);
      if (installed) await Promise.all([dealRowsOf(db, pack.id).delete(), partnersRowsOf(db, pack.id).delete()]);
      await db.dealFacts.bulkPut(rows);
      await db.partners.bulkPut(partners);
      await db.packData.put(head);
      await db.packs.put(row);
      return { ok: true, value: { status: installed ? 'updated' : 'installed', pack: row } };
    });
  } catch (error) {
    return { ok: false, error: `Could not install pack "${pack.id}": ${message(error)}` };
  }
}

/** Installs the bundled pack on first run, or when the extension ships a newer version of it. */
export async function seedBundledPack(db: FactmarkDB, pack: Pack): Promise<Result<InstallOutcome>> {
  const installed = await db.packs.get(pack.id);
  if (installed && installed.version >= pack.version) return { ok: true, value: { status: 'unchanged', pack: installed } };
  return installPack(db, pack, 'bundled');
}

/** One pack's deal rows (a key range of the compound primary key). */
function dealRowsOf(db: FactmarkDB, packId: string) {
  return db.dealFacts.where('[packId+dealId]').between([packId, Dexie.minKey], [packId, Dexie.maxKey], true, true);
}

/** One pack's partners rows (a key range of the compound primary key). */
function partnersRowsOf(db: FactmarkDB, packId: string) {
  return db.partners.where('[packId+entity]').between([packId, Dexie.minKey], [packId, Dexie.maxKey], true, true);
}

/** Every installed pack document, whole (exports, the deal list). The matcher reads heads and deal rows instead. */
export async function loadPacks(db: FactmarkDB): Promise<Pack[]> {
  return db.transaction('r', db.packData, db.dealFacts, async () => {
    const [heads, rows] = await Promise.all([db.packData.toArray(), db.dealFacts.toArray()]);
    const byPack = new Map<string, DealFactsRow[]>();
    for (const row of rows) {
      const list = byPack.get(row.packId);
      if (list) list.push(row);
      else byPack.set(row.packId, [row]);
    }
    return heads.map((head) => joinPack(head, byPack.get(head.packId) ?? []));
  });
}

/** Every installed pack's head (no deals, no facts; its named deals beside it), in pack id order: what a woken worker reads. */
export async function loadHeads(db: FactmarkDB): Promise<PackDataRow[]> {
  return db.packData.toArray();
}

/**
 * The deal rows (of every pack) holding any of `partyKeys` or a lead key (row-keys.ts) of any of
 * `leadEntities`, each row once. One index read per key or entity, all in one transaction: an
 * `anyOf` cursor steps row by row, which in Chromium cost several times as much as these reads together.
 */
export async function dealRowsByKeys(db: FactmarkDB, partyKeys: readonly string[], leadEntities: readonly string[]): Promise<DealFactsRow[]> {
  if (!partyKeys.length && !leadEntities.length) return [];
  const lists = await db.transaction('r', db.dealFacts, () =>
    Promise.all([
      ...partyKeys.map((key) => db.dealFacts.where('partyKeys').equals(key).toArray()),
      ...leadEntities.map((id) => db.dealFacts.where('leadKeys').between(...leadRange(id), true, true).toArray()),
    ]),
  );
  const seen = new Set<string>();
  const rows: DealFactsRow[] = [];
  for (const list of lists) {
    for (const row of list) {
      const key = `${row.packId}\u0001${row.dealId}`;
      if (!seen.has(key)) (seen.add(key), rows.push(row));
    }
  }
  return rows;
}

/** The partners rows of the entities, each in the packs `packsOf` gives for it (by primary key). */
export async function partnersByEntity(db: FactmarkDB, entities: readonly string[], packsOf: (id: string) => readonly string[]): Promise<PartnersRow[]> {
  const keys = entities.flatMap((id) => packsOf(id).map((pack): [string, string] => [pack, id]));
  if (!keys.length) return [];
  return (await db.partners.bulkGet(keys)).filter((row): row is PartnersRow => row !== undefined);
}

/** The deal rows of any of the deal ids, in any of the packs (by primary key: installs hold few packs). */
export async function dealRowsByDeal(db: FactmarkDB, packIds: readonly string[], deals: readonly string[]): Promise<DealFactsRow[]> {
  if (!deals.length || !packIds.length) return [];
  const keys = deals.flatMap((deal) => packIds.map((pack): [string, string] => [pack, deal]));
  return (await db.dealFacts.bulkGet(keys)).filter((row): row is DealFactsRow => row !== undefined);
}

/** The installed packs' listing rows (no facts), by title. */
export async function listPacks(db: FactmarkDB): Promise<PackRow[]> {
  const rows = await db.packs.toArray();
  return rows.sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

/** One installed pack's full document, or undefined. */
export async function getPack(db: FactmarkDB, id: string): Promise<Pack | undefined> {
  return db.transaction('r', db.packData, db.dealFacts, async () => {
    const head = await db.packData.get(id);
    return head && joinPack(head, await dealRowsOf(db, id).toArray());
  });
}

/** One installed pack's listing row, or undefined. */
export async function getPackRow(db: FactmarkDB, id: string): Promise<PackRow | undefined> {
  return db.packs.get(id);
}

/** Changes listing fields only (check times, errors, pause); never the facts. */
export async function updatePackRow(db: FactmarkDB, id: string, patch: Partial<PackRow>): Promise<void> {
  await db.packs.update(id, patch);
}

/** Removes a pack and its facts in one transaction. The bundled pack cannot be removed. */
export async function removePack(db: FactmarkDB, id: string): Promise<Result<PackRow>> {
  try {
    return await db.transaction('rw', [db.packs, db.packData, db.dealFacts, db.partners], async (): Promise<Result<PackRow>> => {
      const row = await db.packs.get(id);
      if (!row) return { ok: false, error: `No pack "${id}" is installed.` };
      if (row.origin === 'bundled') return { ok: false, error: 'The bundled pack ships with Factmark and cannot be removed.' };
      await dealRowsOf(db, id).delete();
      await partnersRowsOf(db, id).delete();
      await db.packData.delete(id);
      await db.packs.delete(id);
      return { ok: true, value: row };
    });
  } catch (error) {
    return { ok: false, error: `Could not remove pack "${id}": ${message(error)}` };
  }
}
