import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterEach } from 'vitest';
import { bundledPack } from '../../data/packs';
import type { Pack } from '../../data/schema/pack';
import { installPack, openStore, type FactmarkDB } from '../../data/store/store';

/**
 * A `storeWith(packs)` for a test file: each call opens the store in this test's fake IndexedDB
 * and installs `packs` (the bundled pack as bundled, others as files); after each test every store
 * opened is closed and the next test gets an empty IndexedDB.
 */
export function freshStores(): (packs: readonly Pack[]) => Promise<FactmarkDB> {
  let factory = new IDBFactory();
  const opened: FactmarkDB[] = [];
  afterEach(() => {
    opened.splice(0).forEach((db) => db.close());
    factory = new IDBFactory();
  });
  return async (packs) => {
    const db = openStore('factmark', factory, IDBKeyRange);
    opened.push(db);
    for (const pack of packs) {
      const result = await installPack(db, pack, pack.id === bundledPack.id ? 'bundled' : 'file');
      if (!result.ok) throw new Error(result.error);
    }
    return db;
  };
}
